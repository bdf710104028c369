//! SQL of corrections on the community schema; every function takes a tenant transaction.

use chrono::NaiveDate;
use sqlx::PgConnection;
use uuid::Uuid;

use super::model::{Correction, RecordField};
use crate::learners::db::LEARNER;
use crate::registry::db::RegistryRow;

/// The new values of a record; `None` keeps a field.
pub(crate) struct NewValues<'a> {
    pub name: Option<&'a str>,
    pub birth_date: Option<NaiveDate>,
    pub courtyard_id: Option<Uuid>,
    pub household: Option<&'a str>,
    pub phone_encrypted: Option<String>,
    pub phone_lookup: Option<String>,
}

/// Update the record (`None`: there is none); another record's phone number violates
/// `learners_phone`, an unknown courtyard `learners_courtyard_id_fkey`.
pub(crate) async fn update_record(
    conn: &mut PgConnection,
    id: Uuid,
    v: &NewValues<'_>,
) -> sqlx::Result<Option<RegistryRow>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE learners SET name = coalesce($2, name), birth_date = coalesce($3, birth_date),
                courtyard_id = coalesce($4, courtyard_id), household = coalesce($5, household),
                phone_encrypted = coalesce($6, phone_encrypted),
                phone_lookup = coalesce($7, phone_lookup)
          WHERE id = $1 RETURNING {LEARNER}, phone_encrypted"
    )))
    .bind(id)
    .bind(v.name)
    .bind(v.birth_date)
    .bind(v.courtyard_id)
    .bind(v.household)
    .bind(&v.phone_encrypted)
    .bind(&v.phone_lookup)
    .fetch_optional(conn)
    .await
}

pub(crate) async fn insert(
    conn: &mut PgConnection,
    learner: Uuid,
    fields: &[RecordField],
    reason: &str,
    by: Uuid,
) -> sqlx::Result<Correction> {
    sqlx::query_as(
        "INSERT INTO record_corrections (id, learner_id, fields, reason, corrected_by)
         VALUES ($1, $2, $3, $4, $5)
         RETURNING id, learner_id, fields, reason, corrected_by, corrected_at",
    )
    .bind(Uuid::now_v7())
    .bind(learner)
    .bind(fields)
    .bind(reason)
    .bind(by)
    .fetch_one(conn)
    .await
}

pub(crate) async fn of_record(
    conn: &mut PgConnection,
    learner: Uuid,
) -> sqlx::Result<Vec<Correction>> {
    sqlx::query_as(
        "SELECT id, learner_id, fields, reason, corrected_by, corrected_at
           FROM record_corrections WHERE learner_id = $1 ORDER BY corrected_at DESC, id",
    )
    .bind(learner)
    .fetch_all(conn)
    .await
}
