//! SQL on the community schema; every function takes a tenant transaction.

use sqlx::PgConnection;

use super::model::ListKind;

pub async fn list_kinds(conn: &mut PgConnection) -> sqlx::Result<Vec<ListKind>> {
    sqlx::query_as("SELECT code, name, position FROM list_kinds ORDER BY position, code")
        .fetch_all(conn)
        .await
}
