//! SQL of the registry; every function takes a tenant transaction.

use chrono::NaiveDate;
use sqlx::PgConnection;
use uuid::Uuid;

use super::model::{LinkRequest, LinkStatus};
use crate::learners::db::LEARNER;
use crate::model::*;

/// A registry entry: the learner and the encrypted phone number (decrypted only to mask it).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RegistryRow {
    #[sqlx(flatten)]
    pub learner: Learner,
    pub phone_encrypted: Option<String>,
}

/// What a new registry entry holds, checked.
pub struct NewResident<'a> {
    pub name: &'a str,
    pub birth_date: Option<NaiveDate>,
    pub courtyard_id: Option<Uuid>,
    pub phone_encrypted: Option<String>,
    pub phone_lookup: Option<String>,
    pub registered_by: Uuid,
    pub household: Option<&'a str>,
}

/// Insert; a phone number already in the registry violates `learners_phone`, an unknown
/// courtyard `learners_courtyard_id_fkey`.
pub async fn insert(conn: &mut PgConnection, r: &NewResident<'_>) -> sqlx::Result<Learner> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO learners (id, name, birth_date, courtyard_id, phone_encrypted, phone_lookup,
                               registered_by, household)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING {LEARNER}"
    )))
    .bind(Uuid::now_v7())
    .bind(r.name)
    .bind(r.birth_date)
    .bind(r.courtyard_id)
    .bind(&r.phone_encrypted)
    .bind(&r.phone_lookup)
    .bind(r.registered_by)
    .bind(r.household)
    .fetch_one(conn)
    .await
}

pub async fn by_phone(conn: &mut PgConnection, lookup: &str) -> sqlx::Result<Option<Learner>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {LEARNER} FROM learners WHERE phone_lookup = $1"
    )))
    .bind(lookup)
    .fetch_optional(conn)
    .await
}

/// Search filters, all optional; born between the two dates (inclusive) for an age band.
#[derive(Debug, Default, Clone)]
pub struct Filter {
    /// Part of the name; `%` and `_` are matched literally.
    pub name: Option<String>,
    pub courtyard_id: Option<Uuid>,
    pub born_from: Option<NaiveDate>,
    pub born_to: Option<NaiveDate>,
    pub phone_lookup: Option<String>,
    /// A grid worker's grids: only residents of these (`None`: anywhere).
    pub grids: Option<Vec<Uuid>>,
}

pub async fn search(
    conn: &mut PgConnection,
    f: &Filter,
    after: Option<Uuid>,
    limit: i64,
) -> sqlx::Result<Vec<RegistryRow>> {
    let name = f.name.as_ref().map(|n| {
        let escaped = n
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        format!("%{escaped}%")
    });
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {LEARNER}, phone_encrypted FROM learners
          WHERE ($1::text IS NULL OR name LIKE $1)
            AND ($2::uuid IS NULL OR courtyard_id = $2)
            AND ($3::date IS NULL OR birth_date >= $3)
            AND ($4::date IS NULL OR birth_date <= $4)
            AND ($5::text IS NULL OR phone_lookup = $5)
            AND ($6::uuid IS NULL OR id > $6)
            AND ($8::uuid[] IS NULL OR courtyard_id = ANY($8))
          ORDER BY id LIMIT $7"
    )))
    .bind(name)
    .bind(f.courtyard_id)
    .bind(f.born_from)
    .bind(f.born_to)
    .bind(&f.phone_lookup)
    .bind(after)
    .bind(limit)
    .bind(&f.grids)
    .fetch_all(conn)
    .await
}

/// Give an account the record; `None` when the record has an account or a guardian already.
/// An account that has a record of its own violates the unique `account_id`.
pub async fn link_account(
    conn: &mut PgConnection,
    learner: Uuid,
    account: Uuid,
) -> sqlx::Result<Option<Learner>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE learners SET account_id = $2
          WHERE id = $1 AND account_id IS NULL AND guardian_account_id IS NULL
          RETURNING {LEARNER}"
    )))
    .bind(learner)
    .bind(account)
    .fetch_optional(conn)
    .await
}

const LINK_REQUEST: &str = "id, account_id, account_name, claimed_name, phone_encrypted, \
     learner_id, status, requested_at";

/// Open (or replace) the account's pending request.
pub async fn upsert_link_request(
    conn: &mut PgConnection,
    account: (Uuid, &str),
    claimed_name: &str,
    phone_encrypted: Option<&str>,
    learner: Option<Uuid>,
) -> sqlx::Result<LinkRequest> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO record_link_requests
             (id, account_id, account_name, claimed_name, phone_encrypted, learner_id)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (account_id) WHERE status = 'pending' DO UPDATE
            SET claimed_name = EXCLUDED.claimed_name, phone_encrypted = EXCLUDED.phone_encrypted,
                learner_id = EXCLUDED.learner_id, requested_at = now()
         RETURNING {LINK_REQUEST}"
    )))
    .bind(Uuid::now_v7())
    .bind(account.0)
    .bind(account.1)
    .bind(claimed_name)
    .bind(phone_encrypted)
    .bind(learner)
    .fetch_one(conn)
    .await
}

pub async fn link_requests(
    conn: &mut PgConnection,
    status: LinkStatus,
) -> sqlx::Result<Vec<LinkRequest>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {LINK_REQUEST} FROM record_link_requests WHERE status = $1
          ORDER BY requested_at LIMIT 500"
    )))
    .bind(status)
    .fetch_all(conn)
    .await
}

pub async fn lock_link_request(
    conn: &mut PgConnection,
    id: Uuid,
) -> sqlx::Result<Option<LinkRequest>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {LINK_REQUEST} FROM record_link_requests WHERE id = $1 FOR UPDATE"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn decide_link_request(
    conn: &mut PgConnection,
    id: Uuid,
    status: LinkStatus,
    learner: Option<Uuid>,
    by: Uuid,
) -> sqlx::Result<LinkRequest> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE record_link_requests
            SET status = $2, learner_id = coalesce($3, learner_id), decided_by = $4,
                decided_at = now()
          WHERE id = $1 RETURNING {LINK_REQUEST}"
    )))
    .bind(id)
    .bind(status)
    .bind(learner)
    .bind(by)
    .fetch_one(conn)
    .await
}

/// Households in the registry (distinct 户) per courtyard or grid; `None`: records without one.
pub async fn households_by_courtyard(
    conn: &mut PgConnection,
) -> sqlx::Result<Vec<(Option<Uuid>, i64)>> {
    sqlx::query_as(
        "SELECT courtyard_id, count(DISTINCT household) FROM learners
          WHERE household IS NOT NULL GROUP BY courtyard_id",
    )
    .fetch_all(conn)
    .await
}
