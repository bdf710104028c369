//! The rules of funds.

use infra::{AppError, AppResult, OnViolation};
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db::{self, NewMovement};
use super::model::*;
use crate::error::{GovernanceError as E, Missing};

/// At most 1,000 万元 a movement, in 分.
const MAX_FEN: i64 = 1_000_000_000;

fn amount(fen: i64) -> AppResult<i64> {
    if (1..=MAX_FEN).contains(&fen) {
        Ok(fen)
    } else {
        Err(E::BadAmount.into())
    }
}

fn purpose(s: &str) -> AppResult<&str> {
    infra::input::text(s, 1, 200, "用途", "The purpose")
}

/// Staff open a fund.
pub async fn create_fund(ctx: &CommunityCtx, name: &str, what_for: &str) -> AppResult<Fund> {
    ctx.require(Roles::STAFF)?;
    let name = infra::input::text(name, 1, 50, "基金名称", "The fund's name")?;
    let what_for = infra::input::text(what_for, 1, 500, "基金用途", "The fund's purpose")?;
    let mut tx = ctx.tx().await?;
    let fund = db::insert_fund(&mut tx, name, what_for, ctx.access().account_id)
        .await
        .on_violation(|v| v.is_unique().then_some(E::FundNameTaken))?;
    tx.commit().await?;
    Ok(fund)
}

/// The community's funds with their balances: every member reads them (公开).
pub async fn funds(ctx: &CommunityCtx) -> AppResult<Vec<Fund>> {
    ctx.require(Roles::MEMBERS)?;
    let mut tx = ctx.tx().await?;
    Ok(db::funds(&mut tx).await?)
}

/// The public statement (收支明细) of a fund: newest first, at most `first` (≤ 500).
pub async fn statement(ctx: &CommunityCtx, fund: Uuid, first: i32) -> AppResult<Vec<Movement>> {
    ctx.require(Roles::MEMBERS)?;
    let mut tx = ctx.tx().await?;
    db::fund(&mut tx, fund)
        .await?
        .ok_or(E::NotFound(Missing::Fund))?;
    Ok(db::movements(&mut tx, fund, i64::from(first.clamp(1, 500))).await?)
}

/// Staff record income: a donation, a sale's takings or a grant, with the name the giver
/// chose to show (none: 匿名).
pub async fn record_income(
    ctx: &CommunityCtx,
    fund: Uuid,
    kind: IncomeKind,
    amount_fen: i64,
    what: &str,
    from: Option<&str>,
) -> AppResult<Movement> {
    ctx.require(Roles::STAFF)?;
    let amount_fen = amount(amount_fen)?;
    let what = purpose(what)?;
    let from = from
        .map(|f| infra::input::text(f, 1, 50, "捐赠人或单位", "The giver"))
        .transpose()?;
    let mut tx = ctx.tx().await?;
    let m = db::insert_movement(
        &mut tx,
        &NewMovement {
            fund_id: fund,
            kind: kind.into(),
            amount_fen,
            purpose: what,
            counterparty: from,
            request_id: None,
            reverses: None,
            by: ctx.access().account_id,
        },
    )
    .await
    .on_violation(|v| v.is_foreign_key().then_some(E::NotFound(Missing::Fund)))?;
    tx.commit().await?;
    Ok(m)
}

/// A member asks the fund to pay for something (a courtyard's repair, a neighbour in need).
pub async fn request_spending(
    ctx: &CommunityCtx,
    fund: Uuid,
    what: &str,
    amount_fen: i64,
) -> AppResult<Request> {
    ctx.require(Roles::MEMBERS)?;
    let amount_fen = amount(amount_fen)?;
    let what = purpose(what)?;
    let me = ctx.access();
    let mut tx = ctx.tx().await?;
    let r = db::insert_request(
        &mut tx,
        fund,
        what,
        amount_fen,
        me.account_id,
        &me.display_name,
    )
    .await
    .on_violation(|v| v.is_foreign_key().then_some(E::NotFound(Missing::Fund)))?;
    tx.commit().await?;
    Ok(r)
}

/// Spending requests: staff see all (of one fund or every fund), a member their own.
pub async fn requests(ctx: &CommunityCtx, fund: Option<Uuid>) -> AppResult<Vec<Request>> {
    ctx.require(Roles::MEMBERS)?;
    let mine = (!ctx.is_staff()).then_some(ctx.access().account_id);
    let mut tx = ctx.tx().await?;
    Ok(db::requests(&mut tx, fund, mine).await?)
}

/// Another staff member approves a request: it is paid from the fund at once, in the same
/// transaction — or refused with `INSUFFICIENT_FUNDS`, the request still waiting. Or declines
/// it with a reason. A request is decided once.
pub async fn decide_request(
    ctx: &CommunityCtx,
    request: Uuid,
    approve: bool,
    reason: Option<&str>,
) -> AppResult<(Request, Option<Movement>)> {
    ctx.require(Roles::STAFF)?;
    let reason = match (approve, reason) {
        (false, r) => Some(infra::input::text(
            r.unwrap_or(""),
            1,
            200,
            "不予支出的理由",
            "The reason",
        )?),
        (true, _) => None,
    };
    let me = ctx.access().account_id;
    let mut tx = ctx.tx().await?;
    let r = db::request_for_update(&mut tx, request)
        .await?
        .ok_or(E::NotFound(Missing::Request))?;
    if r.status != RequestStatus::Requested {
        return Err(E::AlreadyDecided.into());
    }
    if r.requested_by == me {
        return Err(E::OwnRequest.into());
    }
    let paid = if approve {
        Some(
            db::insert_movement(
                &mut tx,
                &NewMovement {
                    fund_id: r.fund_id,
                    kind: MovementKind::Spending,
                    amount_fen: -r.amount_fen,
                    purpose: &r.purpose,
                    counterparty: Some(&r.requester_name),
                    request_id: Some(r.id),
                    reverses: None,
                    by: me,
                },
            )
            .await
            .on_constraint("funds_never_negative", || E::InsufficientFunds)?,
        )
    } else {
        None
    };
    let status = if approve {
        RequestStatus::Paid
    } else {
        RequestStatus::Declined
    };
    let decided = db::decide_request(&mut tx, request, status, me, reason)
        .await
        .on_constraint("fund_requests_decided_once", || E::AlreadyDecided)?;
    tx.commit().await?;
    Ok((decided, paid))
}

/// Staff reverse a movement entered in error (冲正): the exact opposite is written, once; the
/// original stays. Reversing income the fund has spent already is refused (`INSUFFICIENT_FUNDS`).
pub async fn reverse(ctx: &CommunityCtx, movement: Uuid, why: &str) -> AppResult<Movement> {
    ctx.require(Roles::STAFF)?;
    let why = infra::input::text(why, 1, 190, "冲正理由", "The reason")?;
    let mut tx = ctx.tx().await?;
    let m = db::movement(&mut tx, movement)
        .await?
        .ok_or(E::NotFound(Missing::Movement))?;
    if m.kind == MovementKind::Reversal {
        return Err(E::NotReversible.into());
    }
    let purpose = format!("冲正：{why}");
    let r = db::insert_movement(
        &mut tx,
        &NewMovement {
            fund_id: m.fund_id,
            kind: MovementKind::Reversal,
            amount_fen: -m.amount_fen,
            purpose: &purpose,
            counterparty: m.counterparty.as_deref(),
            request_id: None,
            reverses: Some(m.id),
            by: ctx.access().account_id,
        },
    )
    .await
    .on_violation(|v| {
        if v.is("funds_never_negative") {
            Some(AppError::from(E::InsufficientFunds))
        } else if v.is_unique() {
            Some(E::AlreadyReversed.into())
        } else {
            None
        }
    })?;
    tx.commit().await?;
    Ok(r)
}

/// The figures the trigger keeps, recounted for a rebuild.
pub async fn figures(
    conn: &mut sqlx::PgConnection,
) -> AppResult<Vec<(String, chrono::NaiveDate, i64)>> {
    Ok(db::figures(conn).await?)
}
