//! The rules of patrols.

use chrono::{DateTime, NaiveDate, Utc};
use infra::{AppError, AppResult, OnViolation};
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db::{self, NewPatrol};
use super::model::*;
use crate::error::{GovernanceError as E, Missing};

/// A patrol to schedule; its leader is the caller.
pub struct PatrolInput {
    pub grid_id: Uuid,
    pub micro_grid_id: Option<Uuid>,
    pub scheduled_for: DateTime<Utc>,
    pub route: String,
}

/// A patrol with what it found.
pub struct PatrolView {
    pub patrol: Patrol,
    pub findings: Vec<Finding>,
}

/// A grid worker reaches their own grids; staff every grid.
async fn in_reach(ctx: &CommunityCtx, conn: &mut sqlx::PgConnection, grid: Uuid) -> AppResult<()> {
    if ctx.reach(conn).await?.covers(Some(grid)) {
        Ok(())
    } else {
        Err(E::OutsideMyGrids.into())
    }
}

/// Staff or a grid worker (for their grids) schedule a patrol they lead.
pub async fn schedule(ctx: &CommunityCtx, p: PatrolInput) -> AppResult<Patrol> {
    ctx.require(Roles::PROXY)?;
    let route = infra::input::text(&p.route, 1, 200, "巡查路线", "The route")?;
    let me = ctx.access();
    let mut tx = ctx.tx().await?;
    in_reach(ctx, &mut tx, p.grid_id).await?;
    let patrol = db::insert(
        &mut tx,
        &NewPatrol {
            grid_id: p.grid_id,
            micro_grid_id: p.micro_grid_id,
            scheduled_for: p.scheduled_for,
            route,
            led_by: me.account_id,
            leader_name: &me.display_name,
        },
    )
    .await
    .on_violation(|v| {
        if v.is("patrols_in_a_grid") {
            Some(AppError::from(E::PatrolOutsideGrid))
        } else {
            v.is_foreign_key()
                .then(|| E::NotFound(Missing::Grid).into())
        }
    })?;
    tx.commit().await?;
    Ok(patrol)
}

/// Patrols, newest first: staff see every grid's, a grid worker their grids'.
pub async fn patrols(ctx: &CommunityCtx, first: i32) -> AppResult<Vec<Patrol>> {
    ctx.require(Roles::PROXY)?;
    let mut tx = ctx.tx().await?;
    let reach = ctx.reach(&mut tx).await?;
    Ok(db::patrols(&mut tx, reach.bound(), i64::from(first.clamp(1, 500))).await?)
}

/// Log a patrol as held — how many went, notes, what they found (each `(what, place)`) — once,
/// in one transaction.
pub async fn log(
    ctx: &CommunityCtx,
    patrol: Uuid,
    patrollers: i32,
    notes: &str,
    found: &[(String, String)],
) -> AppResult<PatrolView> {
    ctx.require(Roles::PROXY)?;
    let notes = infra::input::text(notes, 0, 2000, "巡查记录", "The notes")?;
    if !(1..=1000).contains(&patrollers) {
        return Err(E::BadPatrollers.into());
    }
    if found.len() > 50 {
        return Err(E::BadFindings.into());
    }
    let found = found
        .iter()
        .map(|(what, place)| {
            let what = infra::input::text(what, 1, 500, "巡查发现", "The finding")?;
            let place = infra::input::text(place, 0, 100, "位置", "The place")?;
            Ok((what.to_owned(), place.to_owned()))
        })
        .collect::<AppResult<Vec<_>>>()?;
    let mut tx = ctx.tx().await?;
    let p = db::get(&mut tx, patrol, true)
        .await?
        .ok_or(E::NotFound(Missing::Patrol))?;
    in_reach(ctx, &mut tx, p.grid_id).await?;
    if p.held_at.is_some() {
        return Err(E::AlreadyLogged.into());
    }
    let patrol = db::log(&mut tx, p.id, patrollers, notes)
        .await
        .on_constraint("patrols_logged_once", || E::AlreadyLogged)?;
    let findings = db::insert_findings(&mut tx, p.id, &found, ctx.access().account_id).await?;
    tx.commit().await?;
    Ok(PatrolView { patrol, findings })
}

/// A patrol with its findings.
pub async fn patrol(ctx: &CommunityCtx, id: Uuid) -> AppResult<PatrolView> {
    ctx.require(Roles::PROXY)?;
    let mut tx = ctx.tx().await?;
    let patrol = db::get(&mut tx, id, false)
        .await?
        .ok_or(E::NotFound(Missing::Patrol))?;
    in_reach(ctx, &mut tx, patrol.grid_id).await?;
    let findings = db::findings(&mut tx, id).await?;
    Ok(PatrolView { patrol, findings })
}

/// Raise a finding as a demand (诉求) to its patrol's grid, once: the demand and the mark on
/// the finding are one transaction.
pub async fn raise(ctx: &CommunityCtx, finding: Uuid, category: &str) -> AppResult<Finding> {
    ctx.require(Roles::PROXY)?;
    let mut tx = ctx.tx().await?;
    let db::FindingOfGrid {
        finding: f,
        grid_id: grid,
    } = db::lock_finding(&mut tx, finding)
        .await?
        .ok_or(E::NotFound(Missing::Finding))?;
    in_reach(ctx, &mut tx, grid).await?;
    if f.demand_id.is_some() {
        return Err(E::AlreadyRaised.into());
    }
    let title: String = f.what.chars().take(100).collect();
    let demand =
        partners::api::demands::raise_in(&mut tx, ctx, &title, &f.place, category, Some(grid))
            .await?;
    let f = db::set_demand(&mut tx, f.id, demand)
        .await
        .on_constraint("patrol_findings_once", || E::AlreadyRaised)?;
    tx.commit().await?;
    Ok(f)
}

/// The figures the triggers keep, recounted for a rebuild.
pub async fn figures(conn: &mut sqlx::PgConnection) -> AppResult<Vec<(String, NaiveDate, i64)>> {
    Ok(db::figures(conn).await?)
}
