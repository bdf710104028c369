//! The rules of honours.

use infra::{AppResult, OnViolation};
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db::{self, NewNomination};
use super::model::*;
use crate::error::{GovernanceError as E, Missing};

/// Staff open a round with the honours it gives.
pub async fn open_round(
    ctx: &CommunityCtx,
    title: &str,
    year: i32,
    awards: &[String],
) -> AppResult<Round> {
    ctx.require(Roles::STAFF)?;
    let title = infra::input::text(title, 1, 100, "评优名称", "The title")?;
    if !(2000..=2100).contains(&year) || !(1..=20).contains(&awards.len()) {
        return Err(E::BadRound.into());
    }
    let awards = awards
        .iter()
        .map(|a| Ok(infra::input::text(a, 1, 30, "奖项", "An honour")?.to_owned()))
        .collect::<AppResult<Vec<_>>>()?;
    let mut tx = ctx.tx().await?;
    let r = db::insert_round(&mut tx, title, year, &awards, ctx.access().account_id)
        .await
        .on_violation(|v| v.is_unique().then_some(E::RoundTaken))?;
    tx.commit().await?;
    Ok(r)
}

/// The rounds, newest year first: every member reads them (to nominate, to see awards).
pub async fn rounds(ctx: &CommunityCtx) -> AppResult<Vec<Round>> {
    ctx.require(Roles::MEMBERS)?;
    let mut tx = ctx.tx().await?;
    Ok(db::rounds(&mut tx).await?)
}

/// A member nominates someone for one of the round's honours while it is open.
pub async fn nominate(
    ctx: &CommunityCtx,
    round: Uuid,
    award: &str,
    nominee: &str,
    nominee_account: Option<Uuid>,
    reason: &str,
) -> AppResult<Nomination> {
    ctx.require(Roles::MEMBERS)?;
    let nominee = infra::input::text(nominee, 1, 50, "被推荐人", "The nominee")?;
    let reason = infra::input::text(reason, 1, 500, "推荐理由", "The reason")?;
    let mut tx = ctx.tx().await?;
    let r = db::round(&mut tx, round)
        .await?
        .ok_or(E::NotFound(Missing::Round))?;
    if !r.awards.iter().any(|a| a == award.trim()) {
        return Err(E::NoSuchAward.into());
    }
    let n = db::nominate(
        &mut tx,
        &NewNomination {
            round_id: round,
            award: award.trim(),
            nominee,
            nominee_account,
            reason,
            by: ctx.access().account_id,
        },
    )
    .await
    .on_violation(|v| {
        if v.is("honours_in_step") {
            Some(E::NotAtThisStep)
        } else if v.is_unique() {
            Some(E::AlreadyNominated)
        } else {
            v.is_foreign_key().then_some(E::NotFound(Missing::Round))
        }
    })?;
    tx.commit().await?;
    Ok(n)
}

/// A round's nominations: staff see all with their scores; members only the awards of a
/// published round.
pub async fn nominations(ctx: &CommunityCtx, round: Uuid) -> AppResult<Vec<Nomination>> {
    ctx.require(Roles::MEMBERS)?;
    let mut tx = ctx.tx().await?;
    let r = db::round(&mut tx, round)
        .await?
        .ok_or(E::NotFound(Missing::Round))?;
    if ctx.is_staff() {
        return Ok(db::nominations(&mut tx, round, false).await?);
    }
    if r.status != RoundStatus::Published {
        return Ok(Vec::new());
    }
    Ok(db::nominations(&mut tx, round, true).await?)
}

/// Staff move a round on: open → reviewing → published; once each. Published, each awarded
/// nominee with an account joins the college's role-model pool named by their honour
/// (最美志愿者, 优秀学员 …), in the same transaction.
pub async fn advance(ctx: &CommunityCtx, round: Uuid, to: RoundStatus) -> AppResult<Round> {
    ctx.require(Roles::STAFF)?;
    let from = match to {
        RoundStatus::Reviewing => RoundStatus::Open,
        RoundStatus::Published => RoundStatus::Reviewing,
        RoundStatus::Open => return Err(E::NotAtThisStep.into()),
    };
    let mut tx = ctx.tx().await?;
    db::round(&mut tx, round)
        .await?
        .ok_or(E::NotFound(Missing::Round))?;
    let r = db::advance(&mut tx, round, from, to)
        .await?
        .ok_or(E::NotAtThisStep)?;
    if to == RoundStatus::Published {
        let snapshot = serde_json::json!({ "honour": { "round": r.title, "year": r.year } });
        for (account, nominee, award, reason) in db::awarded_accounts(&mut tx, round).await? {
            courses::api::nominate_account_in(
                &mut tx,
                account,
                &nominee,
                &award,
                &reason,
                &snapshot,
                ctx.access().account_id,
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(r)
}

/// A staff member scores a nomination in review (0–100; again, it replaces theirs).
pub async fn score(ctx: &CommunityCtx, nomination: Uuid, score: i32) -> AppResult<Nomination> {
    ctx.require(Roles::STAFF)?;
    if !(0..=100).contains(&score) {
        return Err(E::BadScore.into());
    }
    let mut tx = ctx.tx().await?;
    db::score(&mut tx, nomination, ctx.access().account_id, score)
        .await
        .on_violation(|v| {
            if v.is("honours_in_step") {
                Some(E::NotAtThisStep)
            } else {
                v.is_foreign_key()
                    .then_some(E::NotFound(Missing::Nomination))
            }
        })?;
    let n = db::nomination(&mut tx, nomination)
        .await?
        .ok_or(E::NotFound(Missing::Nomination))?;
    tx.commit().await?;
    Ok(n)
}

/// Staff give (or take back) an honour to a scored nomination, in review.
pub async fn award(ctx: &CommunityCtx, nomination: Uuid, awarded: bool) -> AppResult<Nomination> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    db::nomination(&mut tx, nomination)
        .await?
        .ok_or(E::NotFound(Missing::Nomination))?;
    db::set_awarded(&mut tx, nomination, awarded)
        .await
        .on_constraint("honours_in_step", || E::NotAtThisStep)?;
    let n = db::nomination(&mut tx, nomination)
        .await?
        .ok_or(E::NotFound(Missing::Nomination))?;
    tx.commit().await?;
    Ok(n)
}

/// The figures the trigger keeps, recounted for a rebuild.
pub async fn figures(
    conn: &mut sqlx::PgConnection,
) -> AppResult<Vec<(String, chrono::NaiveDate, i64)>> {
    Ok(db::figures(conn).await?)
}
