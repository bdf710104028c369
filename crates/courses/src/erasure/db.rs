//! Erasure's one read: a record's holders, locked until the erasure commits.

use sqlx::PgConnection;
use uuid::Uuid;

use super::model::RecordHolders;

pub(crate) async fn holders(
    conn: &mut PgConnection,
    learner_id: Uuid,
) -> sqlx::Result<Option<RecordHolders>> {
    sqlx::query_as("SELECT account_id, guardian_account_id, erased_at FROM learners WHERE id = $1")
        .bind(learner_id)
        .fetch_optional(conn)
        .await
}
