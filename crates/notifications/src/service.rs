//! The rules: who reads which inbox, who sees deliveries.

use infra::{AppError, AppResult, TenantTx};
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use crate::db;
use crate::model::*;

/// Write notices in the caller's transaction (the event and its notices commit together);
/// repeats of an already told event are skipped. Returns how many were written.
pub async fn enqueue(tx: &mut TenantTx, notices: &[Notice]) -> AppResult<u64> {
    if notices.is_empty() {
        return Ok(0);
    }
    Ok(db::insert(tx, notices).await?)
}

fn limit(first: Option<i32>) -> AppResult<i64> {
    match first.unwrap_or(20) {
        n @ 1..=100 => Ok(i64::from(n)),
        _ => Err(AppError::bad_input(
            "每页 1 到 100 条",
            "A page holds 1 to 100 items",
        )),
    }
}

/// The caller's own inbox in this community, newest first.
pub async fn my_notifications(
    ctx: &CommunityCtx,
    unread_only: bool,
    first: Option<i32>,
) -> AppResult<Vec<Notification>> {
    let limit = limit(first)?;
    let mut tx = ctx.tx().await?;
    let rows = db::inbox(&mut tx, ctx.access().account_id, unread_only, limit).await?;
    tx.commit().await?;
    Ok(rows)
}

/// Mark some of the caller's own notifications read (others' ids change nothing).
pub async fn mark_read(ctx: &CommunityCtx, ids: &[Uuid]) -> AppResult<u64> {
    if ids.len() > 500 {
        return Err(AppError::bad_input(
            "一次最多 500 条",
            "At most 500 at a time",
        ));
    }
    let mut tx = ctx.tx().await?;
    let n = db::mark_read(&mut tx, ctx.access().account_id, ids).await?;
    tx.commit().await?;
    Ok(n)
}

/// What the channels did with the community's notifications (staff).
pub async fn deliveries(
    ctx: &CommunityCtx,
    status: Option<DeliveryStatus>,
    first: Option<i32>,
) -> AppResult<Vec<Delivery>> {
    ctx.require(Roles::STAFF)?;
    let limit = limit(first)?;
    let mut tx = ctx.tx().await?;
    let rows = db::deliveries(&mut tx, status, limit).await?;
    tx.commit().await?;
    Ok(rows)
}
