//! Optional expiry of points by age (积分过期): with `expiry_days` set, points held longer than
//! that — counting the oldest as spent first — are burned. Run by the worker; a day's burn of
//! an account has its own key, so two workers or a second run burn nothing more.

use chrono::{DateTime, Duration, Utc};
use infra::{AppError, AppResult};
use sqlx::PgConnection;
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db;
use super::model::{BURNED, IdempotencyKey, Movement, TransferKind};
use crate::error::VolunteersError;

/// The community's expiry (staff): `None` keeps points for good.
pub async fn set_expiry(ctx: &CommunityCtx, days: Option<i32>) -> AppResult<Option<i32>> {
    ctx.require(Roles::STAFF)?;
    if days.is_some_and(|d| !(30..=3650).contains(&d)) {
        return Err(AppError::from(VolunteersError::BadExpiry));
    }
    let mut tx = ctx.tx().await?;
    let d: Option<i32> =
        sqlx::query_scalar("UPDATE points_settings SET expiry_days = $1 RETURNING expiry_days")
            .bind(days)
            .fetch_one(&mut *tx)
            .await?;
    tx.commit().await?;
    Ok(d)
}

/// Accounts holding more than they were credited since `since`: (account, excess).
async fn over_age(conn: &mut PgConnection, since: DateTime<Utc>) -> sqlx::Result<Vec<(Uuid, i64)>> {
    sqlx::query_as(
        "SELECT a.id, (a.balance - coalesce(r.recent, 0))::bigint
           FROM points_accounts a
           LEFT JOIN (SELECT to_account, sum(amount) AS recent FROM points_transfers
                       WHERE created_at >= $1 GROUP BY to_account) r ON r.to_account = a.id
          WHERE a.kind IN ('person', 'collective') AND a.balance > coalesce(r.recent, 0)
          ORDER BY a.id",
    )
    .bind(since)
    .fetch_all(conn)
    .await
}

/// Burn one account's points older than `since`, in its own transaction, recounted under its
/// lock (a spend in between lowers what is left to burn); whether anything was burned.
async fn expire_one(
    ctx: &CommunityCtx,
    account: Uuid,
    since: DateTime<Utc>,
    today: chrono::NaiveDate,
    days: i32,
) -> AppResult<bool> {
    let mut tx = ctx.tx().await?;
    db::lock_for(&mut tx, account, account).await?;
    let excess = over_age(&mut tx, since)
        .await?
        .into_iter()
        .find(|(a, _)| *a == account)
        .map_or(0, |(_, e)| e);
    if excess == 0 {
        return Ok(false);
    }
    let m = Movement {
        key: IdempotencyKey::derived(&format!("expiry-{today}"), account),
        kind: TransferKind::Burn,
        from: account,
        to: BURNED,
        amount: excess,
        attributed_to: None,
        reverses: None,
        reference: None,
        memo: Some(format!("积分超过 {days} 天未使用，已过期")),
    };
    super::service::move_points(&mut tx, ctx.access().account_id, &m).await?;
    tx.commit().await?;
    Ok(true)
}

/// When `expire_points` next may have work of its own accord: the first credit still counted as
/// recent, to an account holding points, leaves the window (its holder's older points may
/// then be over age). Never late, sometimes early. Settings and transfers written wake the
/// worker (`linli_due`).
pub async fn expiry_next_due(
    ctx: &CommunityCtx,
    now: DateTime<Utc>,
) -> AppResult<Option<DateTime<Utc>>> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let at: Option<DateTime<Utc>> = sqlx::query_scalar(
        "SELECT (SELECT min(t.created_at)
                   FROM points_transfers t JOIN points_accounts a ON a.id = t.to_account
                  WHERE a.kind IN ('person', 'collective') AND a.balance > 0
                    AND t.created_at >= $1 - make_interval(days => s.expiry_days))
                + make_interval(days => s.expiry_days)
           FROM points_settings s WHERE s.expiry_days IS NOT NULL",
    )
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?
    .flatten();
    tx.commit().await?;
    Ok(at)
}

/// Burn what has outlived the community's expiry as of `now`; the number of accounts touched.
pub async fn expire_points(ctx: &CommunityCtx, now: DateTime<Utc>) -> AppResult<usize> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let days: Option<i32> = sqlx::query_scalar("SELECT expiry_days FROM points_settings")
        .fetch_one(&mut *tx)
        .await?;
    let Some(days) = days else {
        return Ok(0);
    };
    let since = now - Duration::days(i64::from(days));
    let candidates = over_age(&mut tx, since).await?;
    tx.commit().await?;
    let today = infra::local_time::date_of(now);
    let mut burned = 0;
    for (account, _) in candidates {
        // One account's failure is logged and the sweep goes on: no account can stop the
        // expiry of the ones after it.
        match expire_one(ctx, account, since, today, days).await {
            Ok(true) => burned += 1,
            Ok(false) => {}
            Err(e) => tracing::warn!(
                community = %ctx.tenant().slug,
                %account,
                error = ?e,
                "points expiry skipped an account"
            ),
        }
    }
    Ok(burned)
}
