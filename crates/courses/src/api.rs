//! What other crates may ask of the college inside their own community transaction.

use infra::AppResult;
use sqlx::PgConnection;
use uuid::Uuid;

/// Is there a course with this id in the community?
pub async fn course_exists(conn: &mut PgConnection, id: Uuid) -> AppResult<bool> {
    Ok(crate::catalogue::db::course(conn, id).await?.is_some())
}

/// Is there an event with this id in the community?
pub async fn event_exists(conn: &mut PgConnection, id: Uuid) -> AppResult<bool> {
    Ok(crate::events::db::event(conn, id).await?.is_some())
}
