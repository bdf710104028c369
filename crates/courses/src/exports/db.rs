//! SQL of the exports; every function takes a tenant transaction.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use super::model::LedgerSession;

pub async fn ledger_sessions(
    conn: &mut PgConnection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> sqlx::Result<Vec<LedgerSession>> {
    sqlx::query_as(
        "SELECT c.id AS course_id, c.title AS course_title, c.category, c.public_benefit,
                s.starts_at, s.place, s.status,
                (SELECT count(*) FROM attendance a WHERE a.session_id = s.id AND a.present)
                    AS present,
                (SELECT coalesce(sum(w.head_count), 0)::int8 FROM walk_ins w
                  WHERE w.session_id = s.id) AS walk_ins
           FROM course_sessions s JOIN courses c ON c.id = s.course_id
          WHERE s.starts_at >= $1 AND s.starts_at < $2
          ORDER BY s.starts_at, c.title",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await
}

/// The enrolled learners of a course, by name, with whether each was marked present at the
/// session (None: not marked).
pub async fn sign_in_rows(
    conn: &mut PgConnection,
    course: Uuid,
    session: Uuid,
) -> sqlx::Result<Vec<(String, Option<bool>)>> {
    sqlx::query_as(
        "SELECT l.name, a.present
           FROM enrolments e JOIN learners l ON l.id = e.learner_id
           LEFT JOIN attendance a ON a.session_id = $2 AND a.learner_id = l.id
          WHERE e.course_id = $1 AND e.status = 'enrolled'
          ORDER BY l.name, l.id",
    )
    .bind(course)
    .bind(session)
    .fetch_all(conn)
    .await
}
