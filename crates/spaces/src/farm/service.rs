//! The rules of the farm: staff set seasons and plots; residents claim, tend and renew; the
//! worker warns and releases neglected plots and gives them to the waiting list.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use infra::{AppError, AppResult};
use infra::{OnViolation, violates};
use notifications::{Notice, NoticeKind};
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db;
pub use super::model::{Claim, ClaimStatus, Plot, Season};
use crate::error::SpacesError;
use crate::rooms::model::SpaceKind;

/// Days between a neglect warning and the release.
pub const WARNING_DAYS: i64 = 3;

pub struct SeasonInput {
    pub name: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub claims_open_on: NaiveDate,
    pub neglect_days: i32,
}

pub async fn create_season(ctx: &CommunityCtx, s: SeasonInput) -> AppResult<Season> {
    ctx.require(Roles::STAFF)?;
    let name = s.name.trim();
    if name.is_empty()
        || name.chars().count() > 50
        || s.ends_on <= s.starts_on
        || s.claims_open_on > s.ends_on
        || !(3..=90).contains(&s.neglect_days)
    {
        return Err(SpacesError::BadRules.into());
    }
    let mut tx = ctx.tx().await?;
    let season = db::insert_season(
        &mut tx,
        &Season {
            id: Uuid::now_v7(),
            name: name.into(),
            starts_on: s.starts_on,
            ends_on: s.ends_on,
            claims_open_on: s.claims_open_on,
            neglect_days: s.neglect_days,
        },
    )
    .await
    .on_violation(|v| {
        v.is_unique()
            .then(|| AppError::from(SpacesError::SeasonNameTaken))
    })?;
    tx.commit().await?;
    Ok(season)
}

/// Lay out plots in a farm space (staff): (code, area in m²).
pub async fn add_plots(
    ctx: &CommunityCtx,
    space: Uuid,
    plots: Vec<(String, f64)>,
) -> AppResult<Vec<Plot>> {
    ctx.require(Roles::STAFF)?;
    if plots.is_empty()
        || plots.len() > 500
        || plots.iter().any(|(c, a)| {
            !(1..=20).contains(&c.trim().chars().count()) || !(0.1..=10_000.0).contains(a)
        })
    {
        return Err(SpacesError::BadRules.into());
    }
    let mut tx = ctx.tx().await?;
    let s = crate::rooms::db::space(&mut tx, space)
        .await?
        .ok_or(SpacesError::NotFound("space"))?;
    if s.kind != SpaceKind::Farm {
        return Err(SpacesError::BadRules.into());
    }
    let plots: Vec<(String, f64)> = plots
        .into_iter()
        .map(|(c, a)| (c.trim().to_string(), a))
        .collect();
    let rows = db::insert_plots(&mut tx, space, &plots)
        .await
        .on_violation(|v| {
            v.is_unique()
                .then(|| AppError::from(SpacesError::PlotCodeTwice))
        })?;
    tx.commit().await?;
    Ok(rows)
}

#[derive(Debug)]
pub enum ClaimOutcome {
    Claimed(Claim),
    /// Every plot is taken: on the waiting list, at this place.
    Waiting {
        position: i64,
    },
}

fn taken() -> AppError {
    AppError::from(SpacesError::PlotTaken)
}

/// Claim (认领) a plot for a season — the one asked for, or any free one; when all are taken,
/// join the waiting list. Before the season's claims open only renewals are taken.
pub async fn claim_plot(
    ctx: &CommunityCtx,
    season: Uuid,
    plot: Option<Uuid>,
    today: NaiveDate,
) -> AppResult<ClaimOutcome> {
    ctx.require(Roles::MEMBERS)?;
    let me = ctx.access().account_id;
    let mut tx = ctx.tx().await?;
    let s = db::season(&mut tx, season)
        .await?
        .ok_or(SpacesError::NotFound("season"))?;
    if today > s.ends_on {
        return Err(SpacesError::NotChangeable.into());
    }
    if today < s.claims_open_on {
        return Err(SpacesError::ClaimsNotOpen {
            opens: s.claims_open_on,
        }
        .into());
    }
    if db::holds_plot(&mut tx, season, me).await? {
        return Err(taken());
    }
    // A plot freed by nobody but taken by a claim that committed after this statement's
    // snapshot is found locked-then-taken: try the next one (a few times; then it is a race
    // for the very last plots and the caller may retry).
    let mut outcome = None;
    for _ in 0..5 {
        let Some(p) = db::free_plot(&mut tx, season, plot).await? else {
            break;
        };
        let mut sp = sqlx::Connection::begin(&mut *tx).await?;
        match db::insert_claim(&mut sp, p.id, season, me).await {
            Ok(c) => {
                sp.commit().await?;
                outcome = Some(ClaimOutcome::Claimed(c));
                break;
            }
            Err(e) if plot.is_none() && violates(&e, "plot_claims_one_per_plot") => {
                sp.rollback().await?;
            }
            Err(e) => return Err(AppError::from_violation(e, |v| v.is_unique().then(taken))),
        }
    }
    let outcome = match outcome {
        Some(o) => o,
        None if plot.is_some() => return Err(taken()),
        None => ClaimOutcome::Waiting {
            position: db::wait(&mut tx, season, me).await?,
        },
    };
    tx.commit().await?;
    Ok(outcome)
}

/// Renew last season's plot for the next one, before its claims open: only a tender in good
/// standing (the claim kept, no standing warning).
pub async fn renew_plot(ctx: &CommunityCtx, from: Uuid, to: Uuid, plot: Uuid) -> AppResult<Claim> {
    ctx.require(Roles::MEMBERS)?;
    let me = ctx.access().account_id;
    let mut tx = ctx.tx().await?;
    db::season(&mut tx, to)
        .await?
        .ok_or(SpacesError::NotFound("season"))?;
    if !db::good_standing(&mut tx, from, plot, me).await? {
        return Err(AppError::forbidden());
    }
    db::free_plot(&mut tx, to, Some(plot))
        .await?
        .ok_or_else(taken)?;
    let c = db::insert_claim(&mut tx, plot, to, me)
        .await
        .on_violation(|v| v.is_unique().then(taken))?;
    tx.commit().await?;
    Ok(c)
}

/// Record a duty (watering, weeding …) on my plot, with a photo if taken: clears a neglect
/// warning. The photo is stored before the row (a failure leaves at most an unreferenced
/// object).
pub async fn record_duty(
    ctx: &CommunityCtx,
    claim: Uuid,
    kind: &str,
    note: Option<&str>,
    at: DateTime<Utc>,
    photo: Option<Vec<u8>>,
) -> AppResult<()> {
    ctx.require(Roles::MEMBERS)?;
    if !["watering", "weeding", "sowing", "fertilising", "harvest"].contains(&kind)
        || note.is_some_and(|n| n.chars().count() > 200)
    {
        return Err(SpacesError::BadRules.into());
    }
    let mine = |c: &Claim| c.account_id == ctx.access().account_id || ctx.is_staff();
    let stored = match photo {
        Some(bytes) => {
            let mut tx = ctx.tx().await?;
            db::claim_of(&mut tx, claim)
                .await?
                .filter(mine)
                .ok_or(SpacesError::NotFound("claim"))?;
            tx.commit().await?;
            Some(crate::rooms::photos::store_duty_photo(ctx, claim, bytes).await?)
        }
        None => None,
    };
    let mut tx = ctx.tx().await?;
    let c = db::claim_of(&mut tx, claim)
        .await?
        .filter(mine)
        .ok_or(SpacesError::NotFound("claim"))?;
    if c.status != ClaimStatus::Active {
        return Err(SpacesError::NotChangeable.into());
    }
    db::record_duty(&mut tx, c.id, kind, note.map(str::trim), at, stored).await?;
    tx.commit().await?;
    Ok(())
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Tending {
    pub warned: usize,
    pub released: usize,
    pub reassigned: usize,
}

/// The farm's daily round (the worker): warn plots untended for the season's neglect days,
/// release those still untended `WARNING_DAYS` after the warning, and give each freed plot to
/// the first of the waiting list — each told in the same transaction. Idempotent.
pub async fn tend_farm(ctx: &CommunityCtx, now: DateTime<Utc>) -> AppResult<Tending> {
    ctx.require(Roles::STAFF)?;
    let mut done = Tending::default();
    let mut tx = ctx.tx().await?;
    for s in db::seasons_running(&mut tx, now.date_naive()).await? {
        let before = now - Duration::days(i64::from(s.neglect_days));
        let warned_before = now - Duration::days(WARNING_DAYS);
        let released = db::release_neglected(&mut tx, s.id, warned_before, now).await?;
        let warned = db::warn_neglected(&mut tx, s.id, before, now).await?;
        let mut notices: Vec<Notice> = warned
            .iter()
            .map(|(claim, account)| Notice {
                account_id: *account,
                kind: NoticeKind::PlotWarning,
                about: format!("claim:{claim}:{}", now.date_naive()),
                title: "地块照料提醒".into(),
                body: format!(
                    "您认领的地块已超过 {} 天没有照料记录，{WARNING_DAYS} 天内仍未照料将收回给排队的居民。",
                    s.neglect_days
                ),
            })
            .collect();
        for (plot, _) in &released {
            if let Some(next) = db::pop_waiting(&mut tx, s.id).await? {
                let c = db::insert_claim(&mut tx, *plot, s.id, next).await?;
                notices.push(Notice {
                    account_id: next,
                    kind: NoticeKind::PlotAssigned,
                    about: format!("claim:{}", c.id),
                    title: "地块认领成功".into(),
                    body: "排队认领的地块已分配给您，请尽快开始照料。".into(),
                });
                done.reassigned += 1;
            }
        }
        notifications::enqueue(&mut tx, &notices).await?;
        done.warned += warned.len();
        done.released += released.len();
    }
    tx.commit().await?;
    Ok(done)
}

/// When `tend_farm` next has work of its own accord: the first claim due a warning or a
/// release. A claim, a duty or a season written wakes the worker (`linli_due`).
pub async fn farm_next_due(
    ctx: &CommunityCtx,
    now: DateTime<Utc>,
) -> AppResult<Option<DateTime<Utc>>> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let at = db::first_tending_due(&mut tx, now.date_naive(), WARNING_DAYS).await?;
    tx.commit().await?;
    Ok(at)
}

/// The seasons running today (any member).
pub async fn current_seasons(ctx: &CommunityCtx) -> AppResult<Vec<Season>> {
    let mut tx = ctx.tx().await?;
    let rows = db::seasons_running(&mut tx, infra::local_time::today()).await?;
    tx.commit().await?;
    Ok(rows)
}

/// The seasons running or to come (any member: a resident claims, waits or renews).
pub async fn open_seasons(ctx: &CommunityCtx) -> AppResult<Vec<Season>> {
    let mut tx = ctx.tx().await?;
    let rows = db::seasons_not_ended(&mut tx, infra::local_time::today()).await?;
    tx.commit().await?;
    Ok(rows)
}

/// Every season, the latest first (staff).
pub async fn all_seasons(ctx: &CommunityCtx) -> AppResult<Vec<Season>> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let rows = db::seasons(&mut tx).await?;
    tx.commit().await?;
    Ok(rows)
}

pub async fn season_claims(ctx: &CommunityCtx, season: Uuid) -> AppResult<Vec<Claim>> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let rows = db::claims_of_season(&mut tx, season).await?;
    tx.commit().await?;
    Ok(rows)
}

/// Every plot of the community's farms (any member: residents choose one).
pub async fn plots(ctx: &CommunityCtx) -> AppResult<Vec<Plot>> {
    let mut tx = ctx.tx().await?;
    let rows = db::plots(&mut tx).await?;
    tx.commit().await?;
    Ok(rows)
}

/// My claims, the latest first, and my places on waiting lists (season, position).
pub async fn my_farm(ctx: &CommunityCtx) -> AppResult<(Vec<Claim>, Vec<(Uuid, i64)>)> {
    ctx.require(Roles::MEMBERS)?;
    let me = ctx.access().account_id;
    let mut tx = ctx.tx().await?;
    let claims = db::claims_of_account(&mut tx, me).await?;
    let places = db::places_of_account(&mut tx, me).await?;
    tx.commit().await?;
    Ok((claims, places))
}

/// The season's waiting list in order, as accounts (staff).
pub async fn waiting(ctx: &CommunityCtx, season: Uuid) -> AppResult<Vec<Uuid>> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let rows = db::waiting(&mut tx, season).await?;
    tx.commit().await?;
    Ok(rows)
}

/// A duty recorded on a plot (农事记录), with its photo's links when one was taken.
pub struct Duty {
    pub kind: String,
    pub note: Option<String>,
    pub done_at: DateTime<Utc>,
    pub photo: Option<(String, String)>,
}

/// A claim's duties, newest first (its holder, or staff).
pub async fn duties(ctx: &CommunityCtx, claim: Uuid) -> AppResult<Vec<Duty>> {
    ctx.require(Roles::MEMBERS)?;
    let mut tx = ctx.tx().await?;
    db::claim_of(&mut tx, claim)
        .await?
        .filter(|c| c.account_id == ctx.access().account_id || ctx.is_staff())
        .ok_or(SpacesError::NotFound("claim"))?;
    let rows = db::duties(&mut tx, claim).await?;
    tx.commit().await?;
    let mut out = Vec::with_capacity(rows.len());
    for (kind, note, done_at, key, thumb) in rows {
        let photo = match (key, thumb) {
            (Some(k), Some(t)) => Some(crate::rooms::photos::duty_photo_links(ctx, &k, &t).await?),
            _ => None,
        };
        out.push(Duty {
            kind,
            note,
            done_at,
            photo,
        });
    }
    Ok(out)
}
