//! SQL of rewards and redemptions; every function takes a tenant transaction.

use sqlx::PgConnection;
use uuid::Uuid;

use super::model::*;

const REWARD: &str = "id, name, kind, price, stock, active";
const REDEMPTION: &str = "id, reward_id, holder, quantity, points, status, transfer_id, reversal_id, \
     created_at, handed_over_at, cancel_reason";

pub async fn insert_reward(
    conn: &mut PgConnection,
    name: &str,
    kind: RewardKind,
    price: i32,
    stock: Option<i32>,
) -> sqlx::Result<Option<Reward>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO rewards (id, name, kind, price, stock) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (name) DO NOTHING RETURNING {REWARD}"
    )))
    .bind(uuid::Uuid::now_v7())
    .bind(name)
    .bind(kind)
    .bind(price)
    .bind(stock)
    .fetch_optional(conn)
    .await
}

pub async fn rewards(conn: &mut PgConnection, active_only: bool) -> sqlx::Result<Vec<Reward>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {REWARD} FROM rewards WHERE active OR NOT $1 ORDER BY price, name"
    )))
    .bind(active_only)
    .fetch_all(conn)
    .await
}

pub async fn reward(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Reward>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {REWARD} FROM rewards WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// Take `quantity` from the stock (goods); PostgreSQL refuses it below zero.
pub async fn take_stock(conn: &mut PgConnection, id: Uuid, quantity: i32) -> sqlx::Result<()> {
    sqlx::query("UPDATE rewards SET stock = stock - $2 WHERE id = $1 AND stock IS NOT NULL")
        .bind(id)
        .bind(quantity)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn restock(
    conn: &mut PgConnection,
    id: Uuid,
    add: i32,
    active: Option<bool>,
) -> sqlx::Result<Option<Reward>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE rewards SET stock = CASE WHEN stock IS NULL THEN NULL ELSE stock + $2 END,
                            active = coalesce($3, active)
          WHERE id = $1 RETURNING {REWARD}"
    )))
    .bind(id)
    .bind(add)
    .bind(active)
    .fetch_optional(conn)
    .await
}

pub async fn insert_redemption(
    conn: &mut PgConnection,
    reward: Uuid,
    holder: Uuid,
    quantity: i32,
    points: i64,
    transfer: Uuid,
) -> sqlx::Result<Redemption> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO redemptions (id, reward_id, holder, quantity, points, status, transfer_id)
         VALUES ($1, $2, $3, $4, $5, 'redeemed', $6) RETURNING {REDEMPTION}"
    )))
    .bind(uuid::Uuid::now_v7())
    .bind(reward)
    .bind(holder)
    .bind(quantity)
    .bind(points)
    .bind(transfer)
    .fetch_one(conn)
    .await
}

pub async fn redemption_by_transfer(
    conn: &mut PgConnection,
    transfer: Uuid,
) -> sqlx::Result<Option<Redemption>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {REDEMPTION} FROM redemptions WHERE transfer_id = $1"
    )))
    .bind(transfer)
    .fetch_optional(conn)
    .await
}

pub async fn redemption(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Redemption>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {REDEMPTION} FROM redemptions WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn lock_redemption(
    conn: &mut PgConnection,
    id: Uuid,
) -> sqlx::Result<Option<Redemption>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {REDEMPTION} FROM redemptions WHERE id = $1 FOR UPDATE"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// Cancel, naming who did and — for a correction after hand-over — why.
pub async fn cancel(
    conn: &mut PgConnection,
    id: Uuid,
    reversal: Uuid,
    by: Uuid,
    reason: Option<&str>,
) -> sqlx::Result<Redemption> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE redemptions SET status = 'cancelled', reversal_id = $2, cancelled_by = $3,
                                cancel_reason = $4
          WHERE id = $1 RETURNING {REDEMPTION}"
    )))
    .bind(id)
    .bind(reversal)
    .bind(by)
    .bind(reason)
    .fetch_one(conn)
    .await
}

pub async fn hand_over(conn: &mut PgConnection, id: Uuid, by: Uuid) -> sqlx::Result<Redemption> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE redemptions SET status = 'handed_over', handed_over_at = now(), handed_over_by = $2
          WHERE id = $1 RETURNING {REDEMPTION}"
    )))
    .bind(id)
    .bind(by)
    .fetch_one(conn)
    .await
}

pub async fn redemptions_of(
    conn: &mut PgConnection,
    holder: Option<Uuid>,
) -> sqlx::Result<Vec<Redemption>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {REDEMPTION} FROM redemptions WHERE $1::uuid IS NULL OR holder = $1
          ORDER BY created_at DESC LIMIT 500"
    )))
    .bind(holder)
    .fetch_all(conn)
    .await
}
