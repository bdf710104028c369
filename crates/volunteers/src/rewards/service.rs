//! The rules of rewards and redemptions.

use infra::{AppError, AppResult};
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db;
use super::model::*;
use crate::error::VolunteersError;
use crate::ledger::model::{FUND, IdempotencyKey, Movement, TransferKind};
use crate::ledger::service::{move_points_once, own_account, reverse_in};

/// Dashboard figure: points redeemed for rewards, net of cancellations (on their days).
pub const POINTS_REDEEMED: &str = "volunteers.points_redeemed";

/// The figure recounted from the redemptions and their reversals (the dashboards' rebuild).
pub async fn figures(
    conn: &mut sqlx::PgConnection,
) -> AppResult<Vec<(String, chrono::NaiveDate, i64)>> {
    Ok(sqlx::query_as(
        "SELECT $1, day, sum(points)::bigint FROM (
             SELECT ((created_at AT TIME ZONE 'UTC') + interval '8 hours')::date AS day, points
               FROM redemptions
             UNION ALL
             SELECT ((t.created_at AT TIME ZONE 'UTC') + interval '8 hours')::date, -r.points
               FROM redemptions r JOIN points_transfers t ON t.id = r.reversal_id
         ) m GROUP BY day",
    )
    .bind(POINTS_REDEEMED)
    .fetch_all(conn)
    .await?)
}

/// Add a reward to the catalogue (staff): goods with a stock, or a service.
pub async fn create_reward(
    ctx: &CommunityCtx,
    name: &str,
    kind: RewardKind,
    price: i32,
    stock: Option<i32>,
) -> AppResult<Reward> {
    ctx.require(Roles::STAFF)?;
    let name = name.trim();
    if !(1..=100).contains(&name.chars().count()) || !(1..=100_000).contains(&price) {
        return Err(AppError::bad_input(
            "名称 1 到 100 字，积分 1 到 100000",
            "A name of 1 to 100 characters and a price of 1 to 100,000 points",
        ));
    }
    let stock = match (kind, stock) {
        (RewardKind::Goods, Some(s)) if s >= 0 => Some(s),
        (RewardKind::Service, None) => None,
        _ => {
            return Err(AppError::bad_input(
                "实物须填写库存（不小于 0），服务不填库存",
                "Goods need a stock (0 or more); a service has none",
            ));
        }
    };
    let mut tx = ctx.tx().await?;
    let r = db::insert_reward(&mut tx, name, kind, price, stock)
        .await?
        .ok_or(VolunteersError::NameTaken)?;
    tx.commit().await?;
    Ok(r)
}

/// Add stock, or withdraw / restore a reward (staff).
pub async fn restock(
    ctx: &CommunityCtx,
    reward: Uuid,
    add: i32,
    active: Option<bool>,
) -> AppResult<Reward> {
    ctx.require(Roles::STAFF)?;
    if !(0..=100_000).contains(&add) {
        return Err(AppError::bad_input(
            "补货数量 0 到 100000",
            "Add 0 to 100,000",
        ));
    }
    let mut tx = ctx.tx().await?;
    let r = db::restock(&mut tx, reward, add, active)
        .await?
        .ok_or(VolunteersError::NotFound("reward"))?;
    tx.commit().await?;
    Ok(r)
}

/// The catalogue: what can be redeemed now (staff see withdrawn ones too).
pub async fn rewards(ctx: &CommunityCtx) -> AppResult<Vec<Reward>> {
    ctx.require(Roles::MEMBERS)?;
    let mut tx = ctx.tx().await?;
    let r = db::rewards(&mut tx, !ctx.is_staff()).await?;
    tx.commit().await?;
    Ok(r)
}

fn out_of_stock(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(d) if d.constraint() == Some("rewards_stock_never_negative"))
}

/// Redeem a reward with one's points (积分兑换): the stock taken, the points paid into the
/// fund and the redemption written in one transaction. A replayed key answers with the first
/// redemption and takes nothing again.
pub async fn redeem(
    ctx: &CommunityCtx,
    key: IdempotencyKey,
    reward: Uuid,
    quantity: i32,
) -> AppResult<Redemption> {
    ctx.require(Roles::MEMBERS)?;
    if !(1..=100).contains(&quantity) {
        return Err(AppError::bad_input("数量 1 到 100", "Quantity 1 to 100"));
    }
    let me = ctx.access().account_id;
    let mut tx = ctx.tx().await?;
    let r = db::reward(&mut tx, reward)
        .await?
        .filter(|r| r.active)
        .ok_or(VolunteersError::NotFound("reward"))?;
    let from = own_account(&mut tx, ctx).await?;
    let points = i64::from(r.price) * i64::from(quantity);
    let m = Movement {
        key,
        kind: TransferKind::Redeem,
        from,
        to: FUND,
        amount: points,
        attributed_to: None,
        reverses: None,
        reference: Some(format!("reward:{}", r.id)),
        memo: None,
    };
    // Points first: a replay is found before any stock is taken.
    let (paid, fresh) = move_points_once(&mut tx, me, &m).await?;
    if !fresh {
        drop(tx);
        let mut tx = ctx.tx().await?;
        let first = db::redemption_by_transfer(&mut tx, paid.id)
            .await?
            .ok_or(VolunteersError::KeyReused)?;
        tx.commit().await?;
        return Ok(first);
    }
    match db::take_stock(&mut tx, r.id, quantity).await {
        Err(e) if out_of_stock(&e) => return Err(VolunteersError::OutOfStock.into()),
        other => other?,
    }
    let red = db::insert_redemption(&mut tx, r.id, me, quantity, points, paid.id).await?;
    infra::figures::record_today(&mut tx, POINTS_REDEEMED, points).await?;
    tx.commit().await?;
    Ok(red)
}

/// Cancel a redemption (the redeemer or staff): the points come back by a reversal, the
/// stock back on the shelf; once.
pub async fn cancel(ctx: &CommunityCtx, redemption: Uuid) -> AppResult<Redemption> {
    ctx.require(Roles::MEMBERS)?;
    let mut tx = ctx.tx().await?;
    let red = db::lock_redemption(&mut tx, redemption)
        .await?
        .filter(|r| ctx.is_staff() || r.holder == ctx.access().account_id)
        .ok_or(VolunteersError::NotFound("redemption"))?;
    if red.status != RedemptionStatus::Redeemed {
        return Err(VolunteersError::NotChangeable.into());
    }
    let back = reverse_in(
        &mut tx,
        ctx.access().account_id,
        IdempotencyKey::derived("cancel", red.id),
        red.transfer_id,
        None,
    )
    .await?;
    db::restock(&mut tx, red.reward_id, red.quantity, None).await?;
    let red = db::cancel(&mut tx, red.id, back.id).await?;
    infra::figures::record_today(&mut tx, POINTS_REDEEMED, -red.points).await?;
    tx.commit().await?;
    Ok(red)
}

/// The caller's redemptions, or everyone's for staff.
pub async fn redemptions(ctx: &CommunityCtx, everyone: bool) -> AppResult<Vec<Redemption>> {
    ctx.require(Roles::MEMBERS)?;
    let holder = if everyone {
        ctx.require(Roles::STAFF)?;
        None
    } else {
        Some(ctx.access().account_id)
    };
    let mut tx = ctx.tx().await?;
    let r = db::redemptions_of(&mut tx, holder).await?;
    tx.commit().await?;
    Ok(r)
}
