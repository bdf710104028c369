//! The rules of rewards and redemptions.

use infra::OnViolation;
use infra::{AppError, AppResult};
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db;
use super::model::*;
use crate::error::VolunteersError;
use crate::ledger::model::{ClientKey, FUND, IdempotencyKey, Movement, TransferKind};
use crate::ledger::service::{move_points_once, own_account, reverse_in};

/// Dashboard figure: points redeemed for rewards, net of cancellations (on their days).
pub const POINTS_REDEEMED: &str = "volunteers.points_redeemed";

/// The figure recounted from the redemptions and their reversals (the dashboards' rebuild).
pub async fn figures(
    conn: &mut sqlx::PgConnection,
) -> AppResult<Vec<(String, chrono::NaiveDate, i64)>> {
    Ok(sqlx::query_as(
        "SELECT $1, day, sum(points)::bigint FROM (
             SELECT figure_day(created_at) AS day, points
               FROM redemptions
             UNION ALL
             SELECT figure_day(t.created_at), -r.points
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
        return Err(AppError::from(VolunteersError::BadReward));
    }
    let stock = match (kind, stock) {
        (RewardKind::Goods, Some(s)) if s >= 0 => Some(s),
        (RewardKind::Service, None) => None,
        _ => {
            return Err(AppError::from(VolunteersError::StockMismatch));
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
        return Err(AppError::from(VolunteersError::BadRestock));
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
    ctx.require(Roles::ANYONE)?;
    let mut tx = ctx.tx().await?;
    let r = db::rewards(&mut tx, !ctx.is_staff()).await?;
    tx.commit().await?;
    Ok(r)
}

/// Redeem a reward with one's points (积分兑换): the stock taken, the points paid into the
/// fund and the redemption written in one transaction. A replayed key answers with the first
/// redemption and takes nothing again.
pub async fn redeem(
    ctx: &CommunityCtx,
    key: ClientKey,
    reward: Uuid,
    quantity: i32,
) -> AppResult<Redemption> {
    ctx.require(Roles::MEMBERS)?;
    if !(1..=100).contains(&quantity) {
        return Err(AppError::from(VolunteersError::BadQuantity));
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
        key: IdempotencyKey::of_client(me, &key),
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
    db::take_stock(&mut tx, r.id, quantity)
        .await
        .on_constraint("rewards_stock_never_negative", || {
            VolunteersError::OutOfStock
        })?;
    let red = db::insert_redemption(&mut tx, r.id, me, quantity, points, paid.id).await?;
    infra::figures::record_today(&mut tx, POINTS_REDEEMED, points).await?;
    tx.commit().await?;
    Ok(red)
}

/// Cancel a redemption: the holder before it is handed over (points and stock come back);
/// staff at any time, after hand-over only as a correction with its `reason` (the points come
/// back, the goods have left the shelf). Once.
pub async fn cancel(
    ctx: &CommunityCtx,
    redemption: Uuid,
    reason: Option<&str>,
) -> AppResult<Redemption> {
    ctx.require(Roles::MEMBERS)?;
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    if reason.is_some_and(|r| r.chars().count() > 200) {
        return Err(AppError::from(VolunteersError::ReasonTooLong));
    }
    let me = ctx.access().account_id;
    let mut tx = ctx.tx().await?;
    let red = db::lock_redemption(&mut tx, redemption)
        .await?
        .filter(|r| ctx.is_staff() || r.holder == me)
        .ok_or(VolunteersError::NotFound("redemption"))?;
    let restock = match red.status {
        RedemptionStatus::Redeemed => true,
        RedemptionStatus::HandedOver if !ctx.is_staff() => {
            return Err(AppError::from(VolunteersError::HandedOverNotCancellable));
        }
        RedemptionStatus::HandedOver if reason.is_none() => {
            return Err(AppError::from(VolunteersError::CorrectionNeedsReason));
        }
        RedemptionStatus::HandedOver => false,
        RedemptionStatus::Cancelled => return Err(VolunteersError::NotChangeable.into()),
    };
    let back = reverse_in(
        &mut tx,
        me,
        IdempotencyKey::derived("cancel", red.id),
        red.transfer_id,
        reason.map(str::to_owned),
    )
    .await?;
    if restock {
        db::restock(&mut tx, red.reward_id, red.quantity, None).await?;
    }
    let red = db::cancel(&mut tx, red.id, back.id, me, reason).await?;
    infra::figures::record_today(&mut tx, POINTS_REDEEMED, -red.points).await?;
    tx.commit().await?;
    Ok(red)
}

/// A redemption's code to show at the counter (its holder, or staff), while it waits there.
pub async fn code(ctx: &CommunityCtx, redemption: Uuid) -> AppResult<(String, String)> {
    ctx.require(Roles::MEMBERS)?;
    let mut tx = ctx.tx().await?;
    let red = db::redemption(&mut tx, redemption)
        .await?
        .filter(|r| ctx.is_staff() || r.holder == ctx.access().account_id)
        .ok_or(VolunteersError::NotFound("redemption"))?;
    tx.commit().await?;
    if red.status != RedemptionStatus::Redeemed {
        return Err(VolunteersError::NotChangeable.into());
    }
    let token = super::code::sign(ctx.secrets(), ctx.tenant().community_id, red.id);
    let svg = infra::qr::svg(&token).ok_or_else(|| AppError::internal("QR code too long"))?;
    Ok((token, svg))
}

/// Hand a redemption over at the counter (staff): by its id, or by scanning the holder's code.
/// Once: a second hand-over is `CONFLICT`.
pub async fn hand_over(ctx: &CommunityCtx, redemption: HandOver<'_>) -> AppResult<Redemption> {
    ctx.require(Roles::STAFF)?;
    let id = match redemption {
        HandOver::Id(id) => id,
        HandOver::Code(token) => {
            super::code::verify(ctx.secrets(), ctx.tenant().community_id, token)
                .ok_or_else(|| AppError::from(VolunteersError::BadRedemptionCode))?
        }
    };
    let mut tx = ctx.tx().await?;
    let red = db::lock_redemption(&mut tx, id)
        .await?
        .ok_or(VolunteersError::NotFound("redemption"))?;
    if red.status != RedemptionStatus::Redeemed {
        return Err(AppError::from(VolunteersError::RedemptionClosed));
    }
    let red = db::hand_over(&mut tx, red.id, ctx.access().account_id).await?;
    tx.commit().await?;
    Ok(red)
}

/// How staff name the redemption they hand over.
pub enum HandOver<'a> {
    Id(Uuid),
    /// The code scanned from the holder's phone.
    Code(&'a str),
}

/// The caller's redemptions, or everyone's for staff.
pub async fn redemptions(ctx: &CommunityCtx, everyone: bool) -> AppResult<Vec<Redemption>> {
    ctx.require(Roles::ANYONE)?;
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
