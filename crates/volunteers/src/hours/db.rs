//! SQL of service hours; every function takes a tenant transaction.

use chrono::NaiveDate;
use sqlx::PgConnection;
use uuid::Uuid;

use super::model::*;

const HOURS: &str = "id, volunteer_id, post_id, shift_id, served_on, minutes, recorded_as, status, \
    decline_reason, card_id, points, transfer_id, created_at";

pub struct NewHours {
    pub volunteer_id: Uuid,
    pub post_id: Uuid,
    pub shift_id: Option<Uuid>,
    pub served_on: NaiveDate,
    pub minutes: i32,
    pub recorded_as: RecordedAs,
    pub recorded_by: Uuid,
    pub card_id: Option<Uuid>,
}

/// `None` when the volunteer's hours of that shift are recorded already.
pub async fn insert(conn: &mut PgConnection, h: &NewHours) -> sqlx::Result<Option<Hours>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO volunteer_hours (id, volunteer_id, post_id, shift_id, served_on, minutes,
                                      recorded_as, recorded_by, card_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (volunteer_id, shift_id) WHERE shift_id IS NOT NULL DO NOTHING
         RETURNING {HOURS}"
    )))
    .bind(Uuid::now_v7())
    .bind(h.volunteer_id)
    .bind(h.post_id)
    .bind(h.shift_id)
    .bind(h.served_on)
    .bind(h.minutes)
    .bind(h.recorded_as)
    .bind(h.recorded_by)
    .bind(h.card_id)
    .fetch_optional(conn)
    .await
}

pub async fn lock(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Hours>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {HOURS} FROM volunteer_hours WHERE id = $1 FOR UPDATE"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn verified(
    conn: &mut PgConnection,
    id: Uuid,
    points: i32,
    transfer: Option<Uuid>,
    by: Uuid,
) -> sqlx::Result<Hours> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE volunteer_hours SET status = 'verified', points = $2, transfer_id = $3,
                decided_by = $4, decided_at = now()
          WHERE id = $1 RETURNING {HOURS}"
    )))
    .bind(id)
    .bind(points)
    .bind(transfer)
    .bind(by)
    .fetch_one(conn)
    .await
}

pub async fn declined(
    conn: &mut PgConnection,
    id: Uuid,
    reason: &str,
    by: Uuid,
) -> sqlx::Result<Hours> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE volunteer_hours SET status = 'declined', decline_reason = $2,
                decided_by = $3, decided_at = now()
          WHERE id = $1 RETURNING {HOURS}"
    )))
    .bind(id)
    .bind(reason)
    .bind(by)
    .fetch_one(conn)
    .await
}

pub async fn of_volunteer(conn: &mut PgConnection, volunteer: Uuid) -> sqlx::Result<Vec<Hours>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {HOURS} FROM volunteer_hours WHERE volunteer_id = $1 ORDER BY served_on, id"
    )))
    .bind(volunteer)
    .fetch_all(conn)
    .await
}

pub async fn by_status(
    conn: &mut PgConnection,
    status: HoursStatus,
    limit: i64,
) -> sqlx::Result<Vec<Hours>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {HOURS} FROM volunteer_hours WHERE status = $1 ORDER BY created_at, id LIMIT $2"
    )))
    .bind(status)
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// A team's volunteers, verified minutes and points, in all.
pub async fn team_totals(conn: &mut PgConnection, team: Uuid) -> sqlx::Result<(i64, i64, i64)> {
    sqlx::query_as(
        "SELECT count(DISTINCT v.id),
                coalesce(sum(h.minutes) FILTER (WHERE h.status = 'verified'), 0)::bigint,
                coalesce(sum(h.points) FILTER (WHERE h.status = 'verified'), 0)::bigint
           FROM volunteers v LEFT JOIN volunteer_hours h ON h.volunteer_id = v.id
          WHERE v.team_id = $1",
    )
    .bind(team)
    .fetch_one(conn)
    .await
}

/// A team's verified service month by month, oldest first.
pub async fn team_months(conn: &mut PgConnection, team: Uuid) -> sqlx::Result<Vec<TeamMonth>> {
    sqlx::query_as(
        "SELECT date_trunc('month', h.served_on)::date AS month,
                sum(h.minutes)::bigint AS minutes, coalesce(sum(h.points), 0)::bigint AS points,
                count(DISTINCT v.id) AS volunteers
           FROM volunteers v JOIN volunteer_hours h ON h.volunteer_id = v.id
          WHERE v.team_id = $1 AND h.status = 'verified'
          GROUP BY 1 ORDER BY 1",
    )
    .bind(team)
    .fetch_all(conn)
    .await
}
