//! SQL of party members' reports; every function takes a tenant transaction.

use sqlx::PgConnection;
use uuid::Uuid;

use super::model::*;

const REPORT: &str = "id, account_id, name, workplace, organisation_id, party_organisation, \
                      skills, services, reported_at, ended_at";

pub struct NewReport<'a> {
    pub account_id: Uuid,
    pub name: &'a str,
    pub workplace: &'a str,
    pub organisation_id: Option<Uuid>,
    pub party_organisation: &'a str,
    pub skills: &'a [String],
    pub services: &'a [String],
}

pub async fn insert(conn: &mut PgConnection, r: &NewReport<'_>) -> sqlx::Result<PartyReport> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO party_reports (id, account_id, name, workplace, organisation_id,
                                    party_organisation, skills, services)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING {REPORT}"
    )))
    .bind(Uuid::now_v7())
    .bind(r.account_id)
    .bind(r.name)
    .bind(r.workplace)
    .bind(r.organisation_id)
    .bind(r.party_organisation)
    .bind(r.skills)
    .bind(r.services)
    .fetch_one(conn)
    .await
}

/// Open reports (of one account when given), newest first.
pub async fn open(
    conn: &mut PgConnection,
    account: Option<Uuid>,
) -> sqlx::Result<Vec<PartyReport>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {REPORT} FROM party_reports
          WHERE ended_at IS NULL AND ($1::uuid IS NULL OR account_id = $1)
          ORDER BY reported_at DESC"
    )))
    .bind(account)
    .fetch_all(conn)
    .await
}

/// End an open report; `None` when it was not open.
pub async fn end(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<PartyReport>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE party_reports SET ended_at = now() WHERE id = $1 AND ended_at IS NULL
         RETURNING {REPORT}"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn get(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<PartyReport>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {REPORT} FROM party_reports WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// Reports per day, and the verified minutes of those reported in (read from the time bank's
/// hours, as the trigger does), for a rebuild.
pub async fn figures(
    conn: &mut PgConnection,
) -> sqlx::Result<Vec<(String, chrono::NaiveDate, i64)>> {
    sqlx::query_as(
        "SELECT 'governance.party_reported', figure_day(reported_at) AS day, count(*)
           FROM party_reports GROUP BY day
         UNION ALL
         SELECT 'governance.party_minutes', figure_day(h.decided_at) AS day, sum(h.minutes)::bigint
           FROM volunteer_hours h
           JOIN volunteers v ON v.id = h.volunteer_id
           JOIN party_reports r ON r.account_id = v.account_id AND r.reported_at <= h.decided_at
                               AND (r.ended_at IS NULL OR h.decided_at < r.ended_at)
          WHERE h.status = 'verified' GROUP BY day",
    )
    .fetch_all(conn)
    .await
}
