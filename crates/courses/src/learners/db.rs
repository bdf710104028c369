//! SQL of learners on the community schema; every function takes a tenant transaction.

use chrono::NaiveDate;
use sqlx::PgConnection;
use uuid::Uuid;

use crate::model::*;

pub(crate) const LEARNER: &str =
    "id, account_id, guardian_account_id, name, birth_date, courtyard_id, registered_by, household";

pub async fn learner(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Learner>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {LEARNER} FROM learners WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// The learner record of an account, created on first use.
pub async fn learner_for_account(
    conn: &mut PgConnection,
    account_id: Uuid,
    name: &str,
) -> sqlx::Result<Learner> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO learners (id, account_id, name) VALUES ($1, $2, $3)
         ON CONFLICT (account_id) DO UPDATE SET account_id = EXCLUDED.account_id
         RETURNING {LEARNER}"
    )))
    .bind(Uuid::now_v7())
    .bind(account_id)
    .bind(name)
    .fetch_one(conn)
    .await
}

pub async fn insert_child(
    conn: &mut PgConnection,
    guardian: Uuid,
    name: &str,
    birth: NaiveDate,
) -> sqlx::Result<Learner> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO learners (id, guardian_account_id, name, birth_date) VALUES ($1, $2, $3, $4)
         RETURNING {LEARNER}"
    )))
    .bind(Uuid::now_v7())
    .bind(guardian)
    .bind(name)
    .bind(birth)
    .fetch_one(conn)
    .await
}

pub async fn set_birth_date(
    conn: &mut PgConnection,
    id: Uuid,
    birth: NaiveDate,
) -> sqlx::Result<Learner> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE learners SET birth_date = $2 WHERE id = $1 RETURNING {LEARNER}"
    )))
    .bind(id)
    .bind(birth)
    .fetch_one(conn)
    .await
}

pub async fn learners_of(conn: &mut PgConnection, account_id: Uuid) -> sqlx::Result<Vec<Learner>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {LEARNER} FROM learners
          WHERE (account_id = $1 OR guardian_account_id = $1 OR id IN (
                SELECT learner_id FROM family_helpers WHERE helper_account_id = $1 AND status = 'granted'))
            AND erased_at IS NULL
          ORDER BY id"
    )))
    .bind(account_id)
    .fetch_all(conn)
    .await
}
