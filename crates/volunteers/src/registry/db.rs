//! SQL of the volunteer registry; every function takes a tenant transaction.

use sqlx::PgConnection;
use uuid::Uuid;

use super::model::*;

pub(crate) const VOLUNTEER: &str = "id, account_id, name, status, skills, party_member, team_id, created_at, verified_minutes, \
     star_level";

pub struct NewVolunteer<'a> {
    pub account_id: Uuid,
    pub name: &'a str,
    pub skills: &'a [String],
    pub party_member: bool,
    pub team_id: Option<Uuid>,
    pub registered_by: Uuid,
}

/// `None` when the person is registered already.
pub async fn insert(
    conn: &mut PgConnection,
    v: &NewVolunteer<'_>,
) -> sqlx::Result<Option<Volunteer>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO volunteers (id, account_id, name, skills, party_member, team_id, registered_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (account_id) DO NOTHING
         RETURNING {VOLUNTEER}"
    )))
    .bind(Uuid::now_v7())
    .bind(v.account_id)
    .bind(v.name)
    .bind(v.skills)
    .bind(v.party_member)
    .bind(v.team_id)
    .bind(v.registered_by)
    .fetch_optional(conn)
    .await
}

pub async fn by_account(conn: &mut PgConnection, account: Uuid) -> sqlx::Result<Option<Volunteer>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {VOLUNTEER} FROM volunteers WHERE account_id = $1"
    )))
    .bind(account)
    .fetch_optional(conn)
    .await
}

pub async fn get(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Volunteer>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {VOLUNTEER} FROM volunteers WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn lock(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Volunteer>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {VOLUNTEER} FROM volunteers WHERE id = $1 FOR UPDATE"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn set_status(
    conn: &mut PgConnection,
    id: Uuid,
    status: VolunteerStatus,
) -> sqlx::Result<Volunteer> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE volunteers SET status = $2 WHERE id = $1 RETURNING {VOLUNTEER}"
    )))
    .bind(id)
    .bind(status)
    .fetch_one(conn)
    .await
}

pub async fn list(
    conn: &mut PgConnection,
    status: Option<VolunteerStatus>,
) -> sqlx::Result<Vec<Volunteer>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {VOLUNTEER} FROM volunteers WHERE $1::text IS NULL OR status = $1
          ORDER BY created_at, id LIMIT 2000"
    )))
    .bind(status)
    .fetch_all(conn)
    .await
}

pub async fn insert_training(
    conn: &mut PgConnection,
    volunteer: Uuid,
    title: &str,
    held_on: chrono::NaiveDate,
    hours: f64,
    by: Uuid,
) -> sqlx::Result<Training> {
    sqlx::query_as(
        "INSERT INTO volunteer_trainings (id, volunteer_id, title, held_on, hours, recorded_by)
         VALUES ($1, $2, $3, $4, round($5::numeric, 1), $6)
         RETURNING id, volunteer_id, title, held_on, hours::text AS hours",
    )
    .bind(Uuid::now_v7())
    .bind(volunteer)
    .bind(title)
    .bind(held_on)
    .bind(hours)
    .bind(by)
    .fetch_one(conn)
    .await
}

pub async fn trainings(conn: &mut PgConnection, volunteer: Uuid) -> sqlx::Result<Vec<Training>> {
    sqlx::query_as(
        "SELECT id, volunteer_id, title, held_on, hours::text AS hours FROM volunteer_trainings
          WHERE volunteer_id = $1 ORDER BY held_on, id",
    )
    .bind(volunteer)
    .fetch_all(conn)
    .await
}

/// The hours each star level asks, levels 1 to 5.
pub async fn star_thresholds(conn: &mut PgConnection) -> sqlx::Result<Vec<i32>> {
    sqlx::query_scalar("SELECT hours FROM volunteer_star_thresholds ORDER BY level")
        .fetch_all(conn)
        .await
}

/// New thresholds, and every volunteer's level recomputed against them (their trigger records
/// each change); how many levels changed.
pub async fn set_star_thresholds(conn: &mut PgConnection, hours: &[i32]) -> sqlx::Result<u64> {
    sqlx::query(
        "UPDATE volunteer_star_thresholds t SET hours = n.hours
           FROM unnest($1::int[]) WITH ORDINALITY AS n (hours, level) WHERE t.level = n.level",
    )
    .bind(hours)
    .execute(&mut *conn)
    .await?;
    Ok(sqlx::query(
        "UPDATE volunteers SET star_level = star_level_of(verified_minutes)
          WHERE star_level <> star_level_of(verified_minutes)",
    )
    .execute(conn)
    .await?
    .rows_affected())
}

/// Verified minutes of the accounts that volunteer among `accounts`.
pub async fn verified_minutes(
    conn: &mut PgConnection,
    accounts: &[Uuid],
) -> sqlx::Result<Vec<(Uuid, i64)>> {
    sqlx::query_as(
        "SELECT account_id, verified_minutes FROM volunteers WHERE account_id = ANY ($1)",
    )
    .bind(accounts)
    .fetch_all(conn)
    .await
}
