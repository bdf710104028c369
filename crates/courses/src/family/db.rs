//! SQL of family help on the community schema; every function takes a tenant transaction.

use sqlx::PgConnection;
use uuid::Uuid;

use super::model::{FamilyHelp, FamilyHelpStatus};

const VIEW: &str =
    "SELECT f.id, f.learner_id, l.name AS learner_name, l.account_id AS learner_account_id,
        f.helper_account_id, f.helper_name, f.relation, f.status, f.requested_at, f.in_person,
        f.answered_at, f.ended_at
   FROM family_helpers f JOIN learners l ON l.id = f.learner_id";

pub async fn insert(
    conn: &mut PgConnection,
    learner: Uuid,
    (helper, helper_name): (Uuid, &str),
    relation: &str,
) -> sqlx::Result<Uuid> {
    sqlx::query_scalar(
        "INSERT INTO family_helpers (id, learner_id, helper_account_id, helper_name, relation)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(Uuid::now_v7())
    .bind(learner)
    .bind(helper)
    .bind(helper_name)
    .bind(relation)
    .fetch_one(conn)
    .await
}

pub async fn get(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<FamilyHelp>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!("{VIEW} WHERE f.id = $1")))
        .bind(id)
        .fetch_optional(conn)
        .await
}

/// The row locked, for an answer or an end that must see the status it changes.
pub async fn lock(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<FamilyHelpStatus>> {
    sqlx::query_scalar("SELECT status FROM family_helpers WHERE id = $1 FOR UPDATE")
        .bind(id)
        .fetch_optional(conn)
        .await
}

pub async fn answer(
    conn: &mut PgConnection,
    id: Uuid,
    status: FamilyHelpStatus,
    by: Uuid,
    in_person: bool,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE family_helpers SET status = $2, answered_by = $3, in_person = $4, answered_at = now()
          WHERE id = $1",
    )
    .bind(id)
    .bind(status)
    .bind(by)
    .bind(in_person)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn end(conn: &mut PgConnection, id: Uuid, by: Uuid) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE family_helpers SET status = 'ended', ended_by = $2, ended_at = now() WHERE id = $1",
    )
    .bind(id)
    .bind(by)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Does this account hold the resident's consent now?
pub async fn helps(conn: &mut PgConnection, learner: Uuid, helper: Uuid) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM family_helpers
                         WHERE learner_id = $1 AND helper_account_id = $2 AND status = 'granted')",
    )
    .bind(learner)
    .bind(helper)
    .fetch_one(conn)
    .await
}

/// An account's family help, both ways (as the helper, as the resident), open ones first.
pub async fn of_account(conn: &mut PgConnection, account: Uuid) -> sqlx::Result<Vec<FamilyHelp>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{VIEW} WHERE f.helper_account_id = $1 OR l.account_id = $1
          ORDER BY f.status IN ('requested', 'granted') DESC, f.requested_at DESC LIMIT 50"
    )))
    .bind(account)
    .fetch_all(conn)
    .await
}

/// Requests waiting for an answer, oldest first (staff, who record answers given in person).
pub async fn waiting(conn: &mut PgConnection) -> sqlx::Result<Vec<FamilyHelp>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{VIEW} WHERE f.status = 'requested' ORDER BY f.requested_at LIMIT 200"
    )))
    .fetch_all(conn)
    .await
}
