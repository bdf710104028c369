//! SQL of the timetable; every function takes a tenant transaction.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::model::*;

/// A session with its course's title and the learner it is on the timetable for.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TimetableRow {
    #[sqlx(flatten)]
    pub session: Session,
    pub course_title: String,
    pub learner_id: Uuid,
    pub learner_name: String,
}

/// Sessions between `from` and `to` of the courses where the account's own learner, or a child
/// in its care, holds a seat.
pub async fn timetable_of_account(
    conn: &mut PgConnection,
    account: Uuid,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> sqlx::Result<Vec<TimetableRow>> {
    sqlx::query_as(
        "SELECT s.id, s.course_id, s.starts_at, s.ends_at, s.place, s.status, s.cancel_reason,
                s.moved_from, s.space_id, c.title AS course_title, l.id AS learner_id,
                l.name AS learner_name
           FROM learners l
           JOIN enrolments e ON e.learner_id = l.id AND e.status = 'enrolled'
           JOIN courses c ON c.id = e.course_id
           JOIN course_sessions s ON s.course_id = c.id
          WHERE (l.account_id = $1 OR l.guardian_account_id = $1 OR l.id IN (
                SELECT learner_id FROM family_helpers WHERE helper_account_id = $1 AND status = 'granted'))
            AND l.erased_at IS NULL AND s.starts_at >= $2 AND s.starts_at < $3
          ORDER BY s.starts_at, l.name",
    )
    .bind(account)
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await
}

/// Each scheduled session starting between `from` and `to`, with its course's title and each
/// account to remind (a learner's own, or a child's guardian's), once per session and account.
/// The start of the first scheduled session at or after `from`.
pub async fn first_session_from(
    conn: &mut PgConnection,
    from: DateTime<Utc>,
) -> sqlx::Result<Option<DateTime<Utc>>> {
    sqlx::query_scalar(
        "SELECT min(starts_at) FROM course_sessions WHERE status = 'scheduled' AND starts_at >= $1",
    )
    .bind(from)
    .fetch_one(conn)
    .await
}

pub async fn reminders_due(
    conn: &mut PgConnection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> sqlx::Result<Vec<(Uuid, DateTime<Utc>, String, String, Uuid)>> {
    sqlx::query_as(
        "SELECT DISTINCT s.id, s.starts_at, s.place, c.title,
                coalesce(l.account_id, l.guardian_account_id)
           FROM course_sessions s
           JOIN courses c ON c.id = s.course_id
           JOIN enrolments e ON e.course_id = c.id AND e.status = 'enrolled'
           JOIN learners l ON l.id = e.learner_id
          WHERE s.status = 'scheduled' AND s.starts_at >= $1 AND s.starts_at < $2
            AND coalesce(l.account_id, l.guardian_account_id) IS NOT NULL",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await
}
