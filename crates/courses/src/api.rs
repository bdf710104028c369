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

/// Put a person honoured elsewhere (评优's awards) into the role-model pool `pool`, in the
/// caller's transaction, as the learner of their account (made if they have none yet); the
/// snapshot says what they were honoured for.
pub async fn nominate_account_in(
    conn: &mut PgConnection,
    account: Uuid,
    name: &str,
    pool: &str,
    reason: &str,
    snapshot: &serde_json::Value,
    by: Uuid,
) -> AppResult<Uuid> {
    let learner = crate::learners::db::learner_for_account(&mut *conn, account, name).await?;
    let n =
        crate::record::db::insert_nomination(conn, learner.id, pool, reason, snapshot, by).await?;
    Ok(n.id)
}

/// The figures recounted from the college's own tables (the dashboards' rebuild).
pub use crate::figures::figures;
/// A teacher of the pool linked to (or unlinked from) the partner team they teach for; the
/// partners crate checks the team first.
pub use crate::model::Teacher;
pub use crate::teachers::service::link_to_team;
