//! Districts' SQL (platform schema).

use sqlx::PgConnection;
use uuid::Uuid;

use super::model::District;

pub async fn district_by_code(
    conn: &mut PgConnection,
    code: &str,
) -> sqlx::Result<Option<District>> {
    sqlx::query_as("SELECT id, code, name, parent_id, path FROM platform.districts WHERE code = $1")
        .bind(code)
        .fetch_optional(conn)
        .await
}

pub async fn district_by_id(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<District>> {
    sqlx::query_as("SELECT id, code, name, parent_id, path FROM platform.districts WHERE id = $1")
        .bind(id)
        .fetch_optional(conn)
        .await
}

/// All districts, or those within any of `roots` (their subtrees).
pub async fn districts_within(
    conn: &mut PgConnection,
    roots: Option<&[Uuid]>,
) -> sqlx::Result<Vec<District>> {
    sqlx::query_as(
        "SELECT id, code, name, parent_id, path FROM platform.districts
          WHERE $1::uuid[] IS NULL OR path && $1::uuid[]
          ORDER BY array_length(path, 1), code",
    )
    .bind(roots)
    .fetch_all(conn)
    .await
}

pub async fn insert_district(
    conn: &mut PgConnection,
    id: Uuid,
    code: &str,
    name: &str,
    parent: Option<&District>,
) -> sqlx::Result<District> {
    let mut path = parent.map(|p| p.path.clone()).unwrap_or_default();
    path.push(id);
    sqlx::query_as(
        "INSERT INTO platform.districts (id, code, name, parent_id, path) VALUES ($1, $2, $3, $4, $5)
         RETURNING id, code, name, parent_id, path",
    )
    .bind(id)
    .bind(code)
    .bind(name)
    .bind(parent.map(|p| p.id))
    .bind(&path)
    .fetch_one(conn)
    .await
}

/// The districts directly within one (a 区's 街道), by code.
pub async fn children_of(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Vec<District>> {
    sqlx::query_as(
        "SELECT id, code, name, parent_id, path FROM platform.districts WHERE parent_id = $1 ORDER BY code",
    )
    .bind(id)
    .fetch_all(conn)
    .await
}
