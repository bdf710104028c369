//! SQL of grid assignments; every function takes a community transaction.

use sqlx::PgConnection;
use uuid::Uuid;

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
