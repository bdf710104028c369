//! The rules of the ledger. `move_points` is the one way points move: inside the caller's
//! transaction, so a movement commits or rolls back with what it pays for (a booking, a
//! redemption, verified hours).

use chrono::{Datelike, Utc};
use infra::{AppError, AppResult};
use sha2::{Digest, Sha256};
use sqlx::PgConnection;
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db;
use super::model::*;
use crate::error::VolunteersError;

/// What a key was used for: a replay must carry the same content.
fn fingerprint(m: &Movement) -> String {
    let text = format!(
        "{:?}|{}|{}|{}|{:?}|{:?}|{:?}",
        m.kind, m.from, m.to, m.amount, m.attributed_to, m.reverses, m.reference
    );
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn same(found: Transfer, stored: &str, fp: &str) -> AppResult<Transfer> {
    if stored == fp {
        Ok(found)
    } else {
        Err(VolunteersError::KeyReused.into())
    }
}

/// Move points: a new transfer, or — for a key seen before — the first result, moving
/// nothing (the same key with other content is `CONFLICT`). A debit below zero is refused by
/// PostgreSQL (`INSUFFICIENT_POINTS`); the caller's transaction is then spoilt, as it must be.
pub async fn move_points(conn: &mut PgConnection, by: Uuid, m: &Movement) -> AppResult<Transfer> {
    Ok(move_points_once(conn, by, m).await?.0)
}

/// `move_points`, saying whether this call made the transfer (`true`) or found it made by an
/// earlier request with the same key (`false`): a caller that did more in its transaction
/// (took stock, say) must then roll that back and answer with the earlier result.
pub async fn move_points_once(
    conn: &mut PgConnection,
    by: Uuid,
    m: &Movement,
) -> AppResult<(Transfer, bool)> {
    if !(1..=1_000_000).contains(&m.amount) {
        return Err(VolunteersError::BadAmount.into());
    }
    let fp = fingerprint(m);
    if let Some((t, stored)) = db::transfer_by_key(conn, m.key.as_str()).await? {
        return Ok((same(t, &stored, &fp)?, false));
    }
    db::lock_for(conn, m.from, m.to).await?;
    match db::insert_transfer(conn, m, &fp, by).await {
        Ok(Some(t)) => Ok((t, true)),
        // Taken by a concurrent request with the same key, committed meanwhile.
        Ok(None) => {
            let (t, stored) = db::transfer_by_key(conn, m.key.as_str())
                .await?
                .ok_or_else(|| AppError::from(VolunteersError::PleaseRetry))?;
            Ok((same(t, &stored, &fp)?, false))
        }
        Err(e) => Err(AppError::from_violation(e, |v| match v {
            v if v.is("points_accounts_never_negative") => {
                Some(VolunteersError::InsufficientPoints)
            }
            v if v.is("points_transfers_reverses_key") => Some(VolunteersError::AlreadyReversed),
            _ => None,
        })),
    }
}

/// The caller's own account (created on first use, in the caller's transaction).
pub async fn own_account(conn: &mut PgConnection, ctx: &CommunityCtx) -> AppResult<Uuid> {
    let a = ctx.access();
    Ok(db::ensure_person(conn, a.account_id, &a.display_name).await?)
}

/// The caller's account, if it has one yet (a read writes nothing).
pub async fn my_account(ctx: &CommunityCtx) -> AppResult<Option<PointsAccount>> {
    ctx.require(Roles::ANYONE)?;
    let mut tx = ctx.tx().await?;
    let a = db::person_account(&mut tx, ctx.access().account_id).await?;
    tx.commit().await?;
    Ok(a)
}

/// Every account of a kind (staff).
pub async fn accounts(
    ctx: &CommunityCtx,
    kind: Option<AccountKind>,
) -> AppResult<Vec<PointsAccount>> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let rows = db::accounts(&mut tx, kind).await?;
    tx.commit().await?;
    Ok(rows)
}

/// May the caller read this account: their own, a card they belong to, or staff.
async fn may_read(
    conn: &mut PgConnection,
    ctx: &CommunityCtx,
    a: &PointsAccount,
) -> AppResult<bool> {
    Ok(ctx.is_staff()
        || a.holder == Some(ctx.access().account_id)
        || (a.kind == AccountKind::Collective
            && db::is_collective_member(conn, a.id, ctx.access().account_id).await?))
}

/// An account and its latest transfers (at most `limit`, newest first).
pub async fn account_with_transfers(
    ctx: &CommunityCtx,
    id: Uuid,
    limit: i64,
) -> AppResult<(PointsAccount, Vec<Transfer>)> {
    ctx.require(Roles::ANYONE)?;
    let mut tx = ctx.tx().await?;
    let a = db::account(&mut tx, id)
        .await?
        .ok_or(VolunteersError::NotFound("account"))?;
    if !may_read(&mut tx, ctx, &a).await? {
        return Err(VolunteersError::NotFound("account").into());
    }
    let t = db::transfers_of(&mut tx, id, limit.clamp(1, 500)).await?;
    tx.commit().await?;
    Ok((a, t))
}

/// Whom staff give points: an account (a card, the fund), or a person by their platform
/// account, whose points account opens on first use.
pub enum Recipient {
    Account(Uuid),
    Person(Uuid),
}

/// Staff issue points (a top-up of the fund, an award, a correction of the books).
pub async fn grant(
    ctx: &CommunityCtx,
    key: ClientKey,
    to: Recipient,
    amount: i64,
    memo: Option<String>,
) -> AppResult<Transfer> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let to = match to {
        Recipient::Account(a) => a,
        Recipient::Person(p) => db::ensure_person(&mut tx, p, "居民").await?,
    };
    let target = db::account(&mut tx, to)
        .await?
        .ok_or(VolunteersError::NotFound("account"))?;
    if matches!(target.kind, AccountKind::Issuance | AccountKind::Burned) {
        return Err(VolunteersError::NotFound("account").into());
    }
    let m = Movement {
        key: IdempotencyKey::of_client(ctx.access().account_id, &key),
        kind: TransferKind::Grant,
        from: ISSUANCE,
        to,
        amount,
        attributed_to: None,
        reverses: None,
        reference: None,
        memo: memo_text(memo)?,
    };
    let t = move_points(&mut tx, ctx.access().account_id, &m).await?;
    tx.commit().await?;
    Ok(t)
}

fn memo_text(memo: Option<String>) -> AppResult<Option<String>> {
    let memo = memo.map(|m| m.trim().to_owned()).filter(|m| !m.is_empty());
    if memo.as_ref().is_some_and(|m| m.chars().count() > 200) {
        return Err(AppError::from(VolunteersError::MemoTooLong));
    }
    Ok(memo)
}

/// The community's limits on points passed between residents (积分流转).
#[derive(Debug, Clone, Copy, sqlx::FromRow)]
pub struct TransferLimits {
    pub max_per_transfer: i32,
    pub max_per_month: i32,
}

/// A resident passes points to a family member (积分流转), within the community's limits.
pub async fn send(
    ctx: &CommunityCtx,
    key: ClientKey,
    to_person: Uuid,
    amount: i64,
    memo: Option<String>,
) -> AppResult<Transfer> {
    ctx.require(Roles::MEMBERS)?;
    let me = ctx.access().account_id;
    if to_person == me {
        return Err(AppError::from(VolunteersError::SendToSelf));
    }
    let mut tx = ctx.tx().await?;
    let limits = super::db_limits::limits(&mut tx).await?;
    let from = own_account(&mut tx, ctx).await?;
    // Only to someone who already keeps points here: an id nobody uses would swallow them.
    let to = db::person_account(&mut tx, to_person)
        .await?
        .ok_or(VolunteersError::NotFound("account"))?
        .id;
    let m = Movement {
        key: IdempotencyKey::of_client(me, &key),
        kind: TransferKind::Transfer,
        from,
        to,
        amount,
        attributed_to: None,
        reverses: None,
        reference: None,
        memo: memo_text(memo)?,
    };
    // A replay answers before the limits are counted again.
    if let Some((t, stored)) = db::transfer_by_key(&mut tx, m.key.as_str()).await? {
        return same(t, &stored, &fingerprint(&m));
    }
    if amount > i64::from(limits.max_per_transfer) {
        return Err(VolunteersError::OverLimit {
            what: format!("每次最多 {} 分", limits.max_per_transfer),
        }
        .into());
    }
    // Both rows locked now, in the ledger's one order: two racing sends of one sender are
    // counted one after the other, and A→B never waits crosswise on B→A.
    db::lock_for(&mut tx, from, to).await?;
    let now = infra::local_time::date_of(Utc::now());
    let month = infra::local_time::midnight(now.with_day(1).expect("first of month"));
    let sent = db::sent_since(&mut tx, from, TransferKind::Transfer, month).await?;
    if sent + amount > i64::from(limits.max_per_month) {
        return Err(VolunteersError::OverLimit {
            what: format!("每月最多 {} 分", limits.max_per_month),
        }
        .into());
    }
    let t = move_points(&mut tx, me, &m).await?;
    tx.commit().await?;
    Ok(t)
}

/// Set the limits on points passed between residents (staff).
pub async fn set_transfer_limits(
    ctx: &CommunityCtx,
    l: TransferLimits,
) -> AppResult<TransferLimits> {
    ctx.require(Roles::STAFF)?;
    if l.max_per_transfer < 1 || l.max_per_month < l.max_per_transfer {
        return Err(AppError::from(VolunteersError::BadTransferLimits));
    }
    let mut tx = ctx.tx().await?;
    let l = super::db_limits::set_limits(&mut tx, l).await?;
    tx.commit().await?;
    Ok(l)
}

/// Pay a space booking's price from the booker's account into the fund, in the booking's
/// transaction (both or neither); its key is the booking's, so a retry cannot pay twice.
pub async fn pay_for_booking(
    conn: &mut PgConnection,
    payer: Uuid,
    payer_name: &str,
    booking: Uuid,
    price: i64,
) -> AppResult<Transfer> {
    let from = db::ensure_person(conn, payer, payer_name).await?;
    let m = Movement {
        key: IdempotencyKey::derived("booking", booking),
        kind: TransferKind::Booking,
        from,
        to: FUND,
        amount: price,
        attributed_to: None,
        reverses: None,
        reference: Some(format!("booking:{booking}")),
        memo: None,
    };
    move_points(conn, payer, &m).await
}

/// Give a booking's price back (declined, cancelled), in that transaction; nothing when it
/// was free or already refunded.
pub async fn refund_booking(conn: &mut PgConnection, by: Uuid, booking: Uuid) -> AppResult<()> {
    let paid = IdempotencyKey::derived("booking", booking);
    if let Some((t, _)) = db::transfer_by_key(conn, paid.as_str()).await? {
        reverse_in(
            conn,
            by,
            IdempotencyKey::derived("refund", booking),
            t.id,
            None,
        )
        .await?;
    }
    Ok(())
}

/// Staff correct a transfer by reversing it, once; a reversal is not reversed.
pub async fn reverse(
    ctx: &CommunityCtx,
    key: ClientKey,
    transfer: Uuid,
    memo: Option<String>,
) -> AppResult<Transfer> {
    ctx.require(Roles::STAFF)?;
    let me = ctx.access().account_id;
    let mut tx = ctx.tx().await?;
    let t = reverse_in(
        &mut tx,
        me,
        IdempotencyKey::of_client(me, &key),
        transfer,
        memo_text(memo)?,
    )
    .await?;
    tx.commit().await?;
    Ok(t)
}

/// The reversal of `transfer` in the caller's transaction (a cancelled redemption, a refunded
/// booking).
pub async fn reverse_in(
    conn: &mut PgConnection,
    by: Uuid,
    key: IdempotencyKey,
    transfer: Uuid,
    memo: Option<String>,
) -> AppResult<Transfer> {
    let orig = db::transfer(conn, transfer)
        .await?
        .ok_or(VolunteersError::NotFound("transfer"))?;
    if orig.kind == TransferKind::Reversal {
        return Err(VolunteersError::NotReversible.into());
    }
    let m = Movement {
        key,
        kind: TransferKind::Reversal,
        from: orig.to_account,
        to: orig.from_account,
        amount: orig.amount,
        attributed_to: orig.attributed_to,
        reverses: Some(orig.id),
        reference: orig.reference.clone(),
        memo,
    };
    move_points(conn, by, &m).await
}

/// A collective card (staff): 单位卡, 企业卡 or 院落集体卡.
pub async fn create_collective(
    ctx: &CommunityCtx,
    name: &str,
    kind: CollectiveKind,
) -> AppResult<PointsAccount> {
    ctx.require(Roles::STAFF)?;
    let name = name.trim();
    if !(1..=100).contains(&name.chars().count()) {
        return Err(AppError::from(VolunteersError::BadName));
    }
    let mut tx = ctx.tx().await?;
    let a = db::insert_collective(&mut tx, name, kind)
        .await?
        .ok_or(VolunteersError::NameTaken)?;
    tx.commit().await?;
    Ok(a)
}

/// Add a person (their platform account) to a card (staff).
pub async fn add_collective_member(ctx: &CommunityCtx, card: Uuid, member: Uuid) -> AppResult<()> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let a = db::account(&mut tx, card)
        .await?
        .filter(|a| a.kind == AccountKind::Collective)
        .ok_or(VolunteersError::NotFound("account"))?;
    db::add_collective_member(&mut tx, a.id, member).await?;
    tx.commit().await?;
    Ok(())
}

/// A collective card's members, as accounts (staff).
pub async fn collective_members(ctx: &CommunityCtx, card: Uuid) -> AppResult<Vec<Uuid>> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let rows = db::collective_members(&mut tx, card).await?;
    tx.commit().await?;
    Ok(rows)
}

/// The books recounted (staff): issued, burned, held, and any account whose kept balance
/// differs from its transfers (there is none unless something bypassed the ledger).
pub async fn check(ctx: &CommunityCtx) -> AppResult<LedgerCheck> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let c = db::check(&mut tx).await?;
    tx.commit().await?;
    Ok(c)
}

/// The time bank's settings (staff): points' expiry in days and the transfer limits.
pub async fn settings(ctx: &CommunityCtx) -> AppResult<(Option<i32>, TransferLimits)> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let s = super::db_limits::settings(&mut tx).await?;
    tx.commit().await?;
    Ok(s)
}
