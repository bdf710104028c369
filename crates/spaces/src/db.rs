//! SQL on the community schema; every function takes a tenant transaction.

use sqlx::PgConnection;

use crate::model::{Space, SpaceKind};

pub async fn spaces(conn: &mut PgConnection) -> sqlx::Result<Vec<Space>> {
    sqlx::query_as("SELECT id, name, kind, capacity FROM spaces ORDER BY name")
        .fetch_all(conn)
        .await
}

/// `None` when a space of that name exists.
pub async fn insert_space(
    conn: &mut PgConnection,
    name: &str,
    kind: SpaceKind,
    capacity: i32,
) -> sqlx::Result<Option<Space>> {
    sqlx::query_as(
        "INSERT INTO spaces (id, name, kind, capacity) VALUES ($1, $2, $3, $4)
         ON CONFLICT (name) DO NOTHING RETURNING id, name, kind, capacity",
    )
    .bind(uuid::Uuid::now_v7())
    .bind(name)
    .bind(kind)
    .bind(capacity)
    .fetch_optional(conn)
    .await
}
