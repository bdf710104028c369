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

/// The figures recounted from the college's own tables (the dashboards' rebuild).
pub use crate::figures::figures;
/// A teacher of the pool linked to (or unlinked from) the partner team they teach for; the
/// partners crate checks the team first.
pub use crate::model::Teacher;
pub use crate::teachers::service::link_to_team;
