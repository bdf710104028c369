//! SQL of courtyards and grids (院落 / 网格) and who serves them; every function takes a
//! community transaction (no schema in these names).

use sqlx::PgConnection;
use uuid::Uuid;

use crate::model::{Courtyard, CourtyardKind};

/// The courtyards and grids an account serves.
pub(crate) async fn grids_of(conn: &mut PgConnection, account: Uuid) -> sqlx::Result<Vec<Uuid>> {
    sqlx::query_scalar(
        "SELECT courtyard_id FROM grid_assignments WHERE account_id = $1 ORDER BY courtyard_id",
    )
    .bind(account)
    .fetch_all(conn)
    .await
}

/// Every assignment: (account, courtyard).
pub(crate) async fn assignments(conn: &mut PgConnection) -> sqlx::Result<Vec<(Uuid, Uuid)>> {
    sqlx::query_as("SELECT account_id, courtyard_id FROM grid_assignments ORDER BY 1, 2")
        .fetch_all(conn)
        .await
}

/// Replace an account's grids.
pub(crate) async fn set_grids(
    conn: &mut PgConnection,
    account: Uuid,
    grids: &[Uuid],
    by: Uuid,
) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM grid_assignments WHERE account_id = $1")
        .bind(account)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO grid_assignments (account_id, courtyard_id, assigned_by)
         SELECT $1, g, $3 FROM unnest($2::uuid[]) AS g ON CONFLICT DO NOTHING",
    )
    .bind(account)
    .bind(grids)
    .bind(by)
    .execute(conn)
    .await?;
    Ok(())
}

pub(crate) async fn courtyards(conn: &mut PgConnection) -> sqlx::Result<Vec<Courtyard>> {
    sqlx::query_as("SELECT id, name, kind, households FROM courtyards ORDER BY name")
        .fetch_all(conn)
        .await
}

pub(crate) async fn insert_courtyard(
    conn: &mut PgConnection,
    name: &str,
    kind: CourtyardKind,
    households: Option<i32>,
) -> sqlx::Result<Option<Courtyard>> {
    sqlx::query_as(
        "INSERT INTO courtyards (id, name, kind, households) VALUES ($1, $2, $3, $4)
         ON CONFLICT (name) DO NOTHING
         RETURNING id, name, kind, households",
    )
    .bind(Uuid::now_v7())
    .bind(name)
    .bind(kind)
    .bind(households)
    .fetch_optional(conn)
    .await
}
