//! SQL of attendance on the community schema; every function takes a tenant transaction.

use sqlx::PgConnection;
use uuid::Uuid;

use crate::model::AttendanceMethod;

/// `false` when this learner was already recorded for the session.
pub async fn insert_attendance(
    conn: &mut PgConnection,
    session: Uuid,
    learner: Uuid,
    method: AttendanceMethod,
    present: bool,
    by: Uuid,
) -> sqlx::Result<bool> {
    let n = sqlx::query(
        "INSERT INTO attendance (session_id, learner_id, method, present, recorded_by)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
    )
    .bind(session)
    .bind(learner)
    .bind(method)
    .bind(present)
    .bind(by)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(n == 1)
}

pub async fn upsert_attendance(
    conn: &mut PgConnection,
    session: Uuid,
    learner: Uuid,
    present: bool,
    by: Uuid,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO attendance (session_id, learner_id, method, present, recorded_by)
         VALUES ($1, $2, 'roster', $3, $4)
         ON CONFLICT (session_id, learner_id) DO UPDATE
            SET present = EXCLUDED.present, method = 'roster', recorded_by = EXCLUDED.recorded_by,
                recorded_at = now()",
    )
    .bind(session)
    .bind(learner)
    .bind(present)
    .bind(by)
    .execute(conn)
    .await?;
    Ok(())
}

/// (learner, sessions held so far, sessions attended) per enrolled learner of a course.
pub async fn attendance_by_learner(
    conn: &mut PgConnection,
    course: Uuid,
) -> sqlx::Result<Vec<(Uuid, String, i64, i64)>> {
    sqlx::query_as(
        "SELECT l.id, l.name,
                (SELECT count(*) FROM course_sessions s WHERE s.course_id = $1 AND s.status = 'scheduled'
                    AND s.starts_at <= now()),
                (SELECT count(*) FROM attendance a JOIN course_sessions s ON s.id = a.session_id
                  WHERE s.course_id = $1 AND a.learner_id = l.id AND a.present)
           FROM enrolments e JOIN learners l ON l.id = e.learner_id
          WHERE e.course_id = $1 AND e.status = 'enrolled'
          ORDER BY l.name",
    )
    .bind(course)
    .fetch_all(conn)
    .await
}

/// The learners marked or checked in present at a session.
pub async fn present_at(conn: &mut PgConnection, session: Uuid) -> sqlx::Result<Vec<Uuid>> {
    sqlx::query_scalar("SELECT learner_id FROM attendance WHERE session_id = $1 AND present")
        .bind(session)
        .fetch_all(conn)
        .await
}

pub async fn has_attended(
    conn: &mut PgConnection,
    course: Uuid,
    learner: Uuid,
) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM attendance a JOIN course_sessions s ON s.id = a.session_id
                         WHERE s.course_id = $1 AND a.learner_id = $2 AND a.present)",
    )
    .bind(course)
    .bind(learner)
    .fetch_one(conn)
    .await
}
