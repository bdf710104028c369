//! SQL of agreements; every function takes a tenant transaction.

use sqlx::PgConnection;
use uuid::Uuid;

use super::model::*;

const AGREEMENT: &str =
    "id, organisation_id, organisation_name, team_id, team_name, title, starts_on, ends_on";
const ACTIVITY: &str = "id, agreement_id, kind, reference, title, held_on, voided_at, void_reason";

pub struct NewAgreement<'a> {
    pub organisation: (Uuid, &'a str),
    pub team: Option<(Uuid, &'a str)>,
    pub title: &'a str,
    pub starts_on: chrono::NaiveDate,
    pub ends_on: chrono::NaiveDate,
    pub signed_by: Uuid,
}

pub async fn insert(conn: &mut PgConnection, a: &NewAgreement<'_>) -> sqlx::Result<Agreement> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO agreements (id, organisation_id, organisation_name, team_id, team_name, title,
                                 starts_on, ends_on, signed_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING {AGREEMENT}"
    )))
    .bind(Uuid::now_v7())
    .bind(a.organisation.0)
    .bind(a.organisation.1)
    .bind(a.team.map(|t| t.0))
    .bind(a.team.map(|t| t.1))
    .bind(a.title)
    .bind(a.starts_on)
    .bind(a.ends_on)
    .bind(a.signed_by)
    .fetch_one(conn)
    .await
}

pub async fn insert_commitment(
    conn: &mut PgConnection,
    agreement: Uuid,
    kind: CommitmentKind,
    per: Per,
    count: i32,
) -> sqlx::Result<Commitment> {
    sqlx::query_as(
        "INSERT INTO agreement_commitments (agreement_id, kind, per, count) VALUES ($1, $2, $3, $4)
         RETURNING agreement_id, kind, per, count",
    )
    .bind(agreement)
    .bind(kind)
    .bind(per)
    .bind(count)
    .fetch_one(conn)
    .await
}

pub async fn get(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Agreement>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {AGREEMENT} FROM agreements WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// Agreements of these organisations, or all (`None`).
pub async fn list(
    conn: &mut PgConnection,
    organisations: Option<&[Uuid]>,
) -> sqlx::Result<Vec<Agreement>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {AGREEMENT} FROM agreements
          WHERE $1::uuid[] IS NULL OR organisation_id = ANY($1)
          ORDER BY starts_on DESC, id"
    )))
    .bind(organisations)
    .fetch_all(conn)
    .await
}

pub async fn commitments(
    conn: &mut PgConnection,
    agreements: &[Uuid],
) -> sqlx::Result<Vec<Commitment>> {
    sqlx::query_as(
        "SELECT agreement_id, kind, per, count FROM agreement_commitments
          WHERE agreement_id = ANY($1) ORDER BY agreement_id, kind, per",
    )
    .bind(agreements)
    .fetch_all(conn)
    .await
}

pub async fn activities(
    conn: &mut PgConnection,
    agreements: &[Uuid],
) -> sqlx::Result<Vec<Activity>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ACTIVITY} FROM agreement_activities WHERE agreement_id = ANY($1)
          ORDER BY held_on, id"
    )))
    .bind(agreements)
    .fetch_all(conn)
    .await
}

/// `None` when that course, shift or event is recorded for the agreement already.
pub async fn insert_activity(
    conn: &mut PgConnection,
    agreement: Uuid,
    kind: ActivityKind,
    reference: Option<Uuid>,
    title: &str,
    held_on: chrono::NaiveDate,
    by: Uuid,
) -> sqlx::Result<Option<Activity>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO agreement_activities (id, agreement_id, kind, reference, title, held_on, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (agreement_id, kind, reference) WHERE reference IS NOT NULL DO NOTHING
         RETURNING {ACTIVITY}"
    )))
    .bind(Uuid::now_v7())
    .bind(agreement)
    .bind(kind)
    .bind(reference)
    .bind(title)
    .bind(held_on)
    .bind(by)
    .fetch_optional(conn)
    .await
}

pub async fn lock_activity(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Activity>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ACTIVITY} FROM agreement_activities WHERE id = $1 FOR UPDATE"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn void_activity(
    conn: &mut PgConnection,
    id: Uuid,
    by: Uuid,
    reason: &str,
) -> sqlx::Result<Activity> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE agreement_activities SET voided_at = now(), voided_by = $2, void_reason = $3
          WHERE id = $1 RETURNING {ACTIVITY}"
    )))
    .bind(id)
    .bind(by)
    .bind(reason)
    .fetch_one(conn)
    .await
}
