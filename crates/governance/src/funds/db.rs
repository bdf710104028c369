//! SQL of funds; every function takes a tenant transaction.

use sqlx::PgConnection;
use uuid::Uuid;

use super::model::*;

const FUND: &str = "id, name, purpose, balance_fen, created_by, created_at";
const REQUEST: &str = "id, fund_id, purpose, amount_fen, requested_by, requester_name, \
                       requested_at, status, decided_at, decline_reason";
/// A movement with whether a reversal undid it.
const MOVEMENT: &str = "m.id, m.fund_id, m.kind, m.amount_fen, m.purpose, m.counterparty, \
     m.reverses, EXISTS (SELECT 1 FROM fund_movements r WHERE r.reverses = m.id) AS reversed, \
     m.recorded_by, m.recorded_at";

pub async fn insert_fund(
    conn: &mut PgConnection,
    name: &str,
    purpose: &str,
    by: Uuid,
) -> sqlx::Result<Fund> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO funds (id, name, purpose, created_by) VALUES ($1, $2, $3, $4)
         RETURNING {FUND}"
    )))
    .bind(Uuid::now_v7())
    .bind(name)
    .bind(purpose)
    .bind(by)
    .fetch_one(conn)
    .await
}

pub async fn funds(conn: &mut PgConnection) -> sqlx::Result<Vec<Fund>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {FUND} FROM funds ORDER BY created_at"
    )))
    .fetch_all(conn)
    .await
}

pub async fn fund(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Fund>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {FUND} FROM funds WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub struct NewMovement<'a> {
    pub fund_id: Uuid,
    pub kind: MovementKind,
    pub amount_fen: i64,
    pub purpose: &'a str,
    pub counterparty: Option<&'a str>,
    pub request_id: Option<Uuid>,
    pub reverses: Option<Uuid>,
    pub by: Uuid,
}

/// The movement written; its trigger moves the balance (refused below zero).
pub async fn insert_movement(
    conn: &mut PgConnection,
    m: &NewMovement<'_>,
) -> sqlx::Result<Movement> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "WITH m AS (
             INSERT INTO fund_movements
                 (id, fund_id, kind, amount_fen, purpose, counterparty, request_id, reverses,
                  recorded_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *)
         SELECT {MOVEMENT} FROM m"
    )))
    .bind(Uuid::now_v7())
    .bind(m.fund_id)
    .bind(m.kind)
    .bind(m.amount_fen)
    .bind(m.purpose)
    .bind(m.counterparty)
    .bind(m.request_id)
    .bind(m.reverses)
    .bind(m.by)
    .fetch_one(conn)
    .await
}

pub async fn movement(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Movement>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {MOVEMENT} FROM fund_movements m WHERE m.id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// A fund's movements, newest first, at most `first`.
pub async fn movements(
    conn: &mut PgConnection,
    fund: Uuid,
    first: i64,
) -> sqlx::Result<Vec<Movement>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {MOVEMENT} FROM fund_movements m WHERE m.fund_id = $1
          ORDER BY m.recorded_at DESC, m.id DESC LIMIT $2"
    )))
    .bind(fund)
    .bind(first)
    .fetch_all(conn)
    .await
}

pub async fn insert_request(
    conn: &mut PgConnection,
    fund: Uuid,
    purpose: &str,
    amount_fen: i64,
    by: Uuid,
    name: &str,
) -> sqlx::Result<Request> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO fund_requests (id, fund_id, purpose, amount_fen, requested_by, requester_name)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING {REQUEST}"
    )))
    .bind(Uuid::now_v7())
    .bind(fund)
    .bind(purpose)
    .bind(amount_fen)
    .bind(by)
    .bind(name)
    .fetch_one(conn)
    .await
}

/// The request, locked for its decision.
pub async fn request_for_update(
    conn: &mut PgConnection,
    id: Uuid,
) -> sqlx::Result<Option<Request>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {REQUEST} FROM fund_requests WHERE id = $1 FOR UPDATE"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn decide_request(
    conn: &mut PgConnection,
    id: Uuid,
    status: RequestStatus,
    by: Uuid,
    reason: Option<&str>,
) -> sqlx::Result<Request> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE fund_requests SET status = $2, decided_by = $3, decided_at = now(),
                decline_reason = $4
          WHERE id = $1 RETURNING {REQUEST}"
    )))
    .bind(id)
    .bind(status)
    .bind(by)
    .bind(reason)
    .fetch_one(conn)
    .await
}

/// Requests of a fund (or all), newest first; only `by`'s own when given.
pub async fn requests(
    conn: &mut PgConnection,
    fund: Option<Uuid>,
    by: Option<Uuid>,
) -> sqlx::Result<Vec<Request>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {REQUEST} FROM fund_requests
          WHERE ($1::uuid IS NULL OR fund_id = $1) AND ($2::uuid IS NULL OR requested_by = $2)
          ORDER BY requested_at DESC LIMIT 500"
    )))
    .bind(fund)
    .bind(by)
    .fetch_all(conn)
    .await
}

/// The figures the trigger keeps, recounted for the rebuild: income and spending in 元 per day
/// (a reversal takes its original's amount off its own day).
pub async fn figures(
    conn: &mut PgConnection,
) -> sqlx::Result<Vec<(String, chrono::NaiveDate, i64)>> {
    sqlx::query_as(
        "SELECT CASE WHEN coalesce(o.kind, m.kind) = 'spending' THEN 'governance.fund_spending'
                     ELSE 'governance.fund_income' END AS figure,
                figure_day(m.recorded_at) AS day,
                sum(CASE WHEN m.kind = 'reversal' THEN -(abs(o.amount_fen) / 100)
                         ELSE abs(m.amount_fen) / 100 END)::bigint
           FROM fund_movements m LEFT JOIN fund_movements o ON o.id = m.reverses
          GROUP BY 1, 2",
    )
    .fetch_all(conn)
    .await
}
