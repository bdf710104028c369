//! SQL of record on the community schema; every function takes a tenant transaction.

use sqlx::PgConnection;
use uuid::Uuid;

use crate::model::*;

pub async fn insert_nomination(
    conn: &mut PgConnection,
    learner: Uuid,
    pool: &str,
    reason: &str,
    record: &serde_json::Value,
    by: Uuid,
) -> sqlx::Result<Nomination> {
    sqlx::query_as(
        "INSERT INTO nominations (id, learner_id, pool, reason, loop_record, nominated_by) VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id, learner_id, pool, reason, created_at",
    )
    .bind(Uuid::now_v7())
    .bind(learner)
    .bind(pool)
    .bind(reason)
    .bind(record)
    .bind(by)
    .fetch_one(conn)
    .await
}

pub async fn nominations_of(
    conn: &mut PgConnection,
    learner: Uuid,
) -> sqlx::Result<Vec<Nomination>> {
    sqlx::query_as("SELECT id, learner_id, pool, reason, created_at FROM nominations WHERE learner_id = $1 ORDER BY created_at")
        .bind(learner)
        .fetch_all(conn)
        .await
}

/// (course, enrolment status, sessions held, sessions attended) for each course of a learner.
pub async fn learner_courses(
    conn: &mut PgConnection,
    learner: Uuid,
) -> sqlx::Result<Vec<(Uuid, String, String, i64, i64)>> {
    sqlx::query_as(
        "SELECT c.id, c.title, e.status,
                (SELECT count(*) FROM course_sessions s WHERE s.course_id = c.id AND s.status = 'scheduled'
                    AND s.starts_at <= now()),
                (SELECT count(*) FROM attendance a JOIN course_sessions s ON s.id = a.session_id
                  WHERE s.course_id = c.id AND a.learner_id = $1 AND a.present)
           FROM enrolments e JOIN courses c ON c.id = e.course_id
          WHERE e.learner_id = $1 AND e.status <> 'cancelled' ORDER BY e.created_at",
    )
    .bind(learner)
    .fetch_all(conn)
    .await
}

/// (course id, course title, rating, comment) a learner gave.
pub async fn evaluations_by(
    conn: &mut PgConnection,
    learner: Uuid,
) -> sqlx::Result<Vec<(Uuid, String, i32, Option<String>)>> {
    sqlx::query_as(
        "SELECT c.id, c.title, v.rating, v.comment FROM evaluations v JOIN courses c ON c.id = v.course_id
          WHERE v.learner_id = $1 ORDER BY v.created_at",
    )
    .bind(learner)
    .fetch_all(conn)
    .await
}
