//! SQL of enrolment on the community schema; every function takes a tenant transaction.

use sqlx::PgConnection;
use uuid::Uuid;

use crate::model::*;

pub(crate) const ENROLMENT: &str = "id, course_id, learner_id, status, queued";

pub async fn active_enrolment(
    conn: &mut PgConnection,
    course: Uuid,
    learner: Uuid,
) -> sqlx::Result<Option<Enrolment>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ENROLMENT} FROM enrolments WHERE course_id = $1 AND learner_id = $2 AND status <> 'cancelled'"
    )))
    .bind(course)
    .bind(learner)
    .fetch_optional(conn)
    .await
}

pub async fn insert_enrolment(
    conn: &mut PgConnection,
    course: Uuid,
    learner: Uuid,
    status: EnrolmentStatus,
    by: Uuid,
) -> sqlx::Result<Enrolment> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO enrolments (id, course_id, learner_id, status, enrolled_by) VALUES ($1, $2, $3, $4, $5)
         RETURNING {ENROLMENT}"
    )))
    .bind(Uuid::now_v7())
    .bind(course)
    .bind(learner)
    .bind(status)
    .bind(by)
    .fetch_one(conn)
    .await
}

pub async fn lock_enrolment(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Enrolment>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ENROLMENT} FROM enrolments WHERE id = $1 FOR UPDATE"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn set_enrolment_status(
    conn: &mut PgConnection,
    id: Uuid,
    status: EnrolmentStatus,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE enrolments SET status = $2, updated_at = now() WHERE id = $1")
        .bind(id)
        .bind(status)
        .execute(conn)
        .await?;
    Ok(())
}

/// Give a freed seat to the first of the waiting list. SKIP LOCKED: a waiting enrolment being
/// cancelled at this moment is passed over rather than waited for.
pub async fn promote_first_waiting(
    conn: &mut PgConnection,
    course: Uuid,
) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar(
        "UPDATE enrolments SET status = 'enrolled', updated_at = now()
          WHERE id = (SELECT id FROM enrolments WHERE course_id = $1 AND status = 'waitlisted'
                       ORDER BY queued LIMIT 1 FOR UPDATE SKIP LOCKED)
          RETURNING id",
    )
    .bind(course)
    .fetch_optional(conn)
    .await
}

/// (enrolment, account to tell, course title) of each enrolment: the learner's own account,
/// or a child's guardian's.
pub async fn accounts_of_enrolments(
    conn: &mut PgConnection,
    enrolments: &[Uuid],
) -> sqlx::Result<Vec<(Uuid, Uuid, String)>> {
    if enrolments.is_empty() {
        return Ok(Vec::new());
    }
    sqlx::query_as(
        "SELECT e.id, coalesce(l.account_id, l.guardian_account_id), c.title
           FROM enrolments e JOIN learners l ON l.id = e.learner_id
           JOIN courses c ON c.id = e.course_id
          WHERE e.id = ANY($1) AND coalesce(l.account_id, l.guardian_account_id) IS NOT NULL",
    )
    .bind(enrolments)
    .fetch_all(conn)
    .await
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MyEnrolment {
    pub id: Uuid,
    pub course_id: Uuid,
    pub course_title: String,
    pub learner_id: Uuid,
    pub learner_name: String,
    pub status: EnrolmentStatus,
    /// 1-based place on the waiting list, when waiting.
    pub waitlist_position: Option<i64>,
}

/// The account's own enrolments and its children's, not cancelled, newest first.
pub async fn enrolments_of_account(
    conn: &mut PgConnection,
    account: Uuid,
) -> sqlx::Result<Vec<MyEnrolment>> {
    sqlx::query_as(
        "SELECT e.id, e.course_id, c.title AS course_title, l.id AS learner_id,
                l.name AS learner_name, e.status,
                CASE WHEN e.status = 'waitlisted' THEN
                    (SELECT count(*) FROM enrolments w WHERE w.course_id = e.course_id
                        AND w.status = 'waitlisted' AND w.queued <= e.queued) END
                    AS waitlist_position
           FROM learners l JOIN enrolments e ON e.learner_id = l.id
           JOIN courses c ON c.id = e.course_id
          WHERE (l.account_id = $1 OR l.guardian_account_id = $1 OR l.id IN (
                SELECT learner_id FROM family_helpers WHERE helper_account_id = $1 AND status = 'granted'))
            AND l.erased_at IS NULL AND e.status <> 'cancelled'
          ORDER BY e.created_at DESC, e.id",
    )
    .bind(account)
    .fetch_all(conn)
    .await
}

/// 1-based place on the waiting list.
pub async fn waitlist_position(conn: &mut PgConnection, e: &Enrolment) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT count(*) FROM enrolments WHERE course_id = $1 AND status = 'waitlisted' AND queued <= $2",
    )
    .bind(e.course_id)
    .bind(e.queued)
    .fetch_one(conn)
    .await
}

/// (enrolment, learner name) of a course, enrolled first then the waiting list in order.
pub async fn roster(
    conn: &mut PgConnection,
    course: Uuid,
) -> sqlx::Result<Vec<(Enrolment, String)>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        e: Enrolment,
        name: String,
    }
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT e.id, e.course_id, e.learner_id, e.status, e.queued, l.name
           FROM enrolments e JOIN learners l ON l.id = e.learner_id
          WHERE e.course_id = $1 AND e.status <> 'cancelled'
          ORDER BY e.status = 'waitlisted', e.queued",
    )
    .bind(course)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|r| (r.e, r.name)).collect())
}
