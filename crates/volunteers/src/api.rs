//! What other crates may ask of the time bank inside their own community transaction.

use infra::AppResult;
use sqlx::PgConnection;
use uuid::Uuid;

/// Is there a volunteer shift with this id in the community?
pub async fn shift_exists(conn: &mut PgConnection, id: Uuid) -> AppResult<bool> {
    Ok(crate::posts::db::shift(conn, id).await?.is_some())
}
