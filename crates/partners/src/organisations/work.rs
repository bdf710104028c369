//! Teams at work in a community: teaching in the college (the teacher pool links to the team)
//! and staffing volunteer posts (their hours land in the time bank, attributed to the team).
//! This crate owns teams, so it checks them here and then calls the owners of teachers and
//! volunteers.

use infra::{AppError, AppResult};
use tenancy::{CommunityCtx, Roles, Tenancy};
use uuid::Uuid;

use super::db;
use super::model::PartnerTeam;
use crate::error::{Missing, PartnersError};

/// A team whose organisation is approved in the community of `ctx`.
pub async fn approved_team(t: &Tenancy, ctx: &CommunityCtx, team: Uuid) -> AppResult<PartnerTeam> {
    let (community, path) = t.locate_community(&ctx.tenant().slug).await?;
    let mut conn = t.db().pool().acquire().await?;
    let found = db::team(&mut conn, team)
        .await?
        .ok_or(PartnersError::NotFound(Missing::Team))?;
    let approved = db::approved_in(&mut conn, community, &path)
        .await?
        .iter()
        .any(|o| o.id == found.organisation_id);
    if approved {
        Ok(found)
    } else {
        Err(PartnersError::NotApproved.into())
    }
}

/// The partner teams the caller leads or belongs to (none for staff, who need none), read
/// from the platform before the caller opens its community transaction: no second pooled
/// connection is held while that transaction locks a row.
pub(crate) async fn my_teams(t: &Tenancy, ctx: &CommunityCtx) -> AppResult<Vec<Uuid>> {
    if ctx.is_staff() {
        return Ok(Vec::new());
    }
    let mut conn = t.db().pool().acquire().await?;
    Ok(db::teams_of(&mut conn, ctx.access().account_id).await?)
}

async fn in_team(t: &Tenancy, ctx: &CommunityCtx, team: Uuid) -> AppResult<bool> {
    let mut conn = t.db().pool().acquire().await?;
    Ok(db::in_team(&mut conn, team, ctx.access().account_id).await?)
}

/// Link a teacher of the pool to the team they teach for, or unlink (`None`) (staff).
pub async fn link_teacher(
    t: &Tenancy,
    ctx: &CommunityCtx,
    teacher: Uuid,
    team: Option<Uuid>,
) -> AppResult<courses::api::Teacher> {
    ctx.require(Roles::STAFF)?;
    let team = match team {
        Some(id) => Some(approved_team(t, ctx, id).await?),
        None => None,
    };
    courses::api::link_to_team(ctx, teacher, team.as_ref().map(|t| (t.id, t.name.as_str()))).await
}

/// A team's leader or member registers as a volunteer of the time bank with the team: their
/// hours count for the team.
pub async fn join_time_bank(
    t: &Tenancy,
    ctx: &CommunityCtx,
    team: Uuid,
    skills: Vec<String>,
    party_member: bool,
) -> AppResult<volunteers::api::registry::Volunteer> {
    ctx.require(Roles::PARTNERS)?;
    let found = approved_team(t, ctx, team).await?;
    if !in_team(t, ctx, found.id).await? {
        return Err(AppError::forbidden());
    }
    volunteers::api::registry::register(
        ctx,
        volunteers::api::registry::Registration {
            person: None,
            skills,
            party_member,
            team_id: Some(found.id),
        },
    )
    .await
}

/// What a team's volunteers have given here (staff, or the team's own people), month by
/// month when `by_month`.
pub async fn team_service(
    t: &Tenancy,
    ctx: &CommunityCtx,
    team: Uuid,
    by_month: bool,
) -> AppResult<volunteers::api::hours::TeamService> {
    ctx.require(Roles::PARTNERS)?;
    let found = approved_team(t, ctx, team).await?;
    if !ctx.is_staff() && !in_team(t, ctx, found.id).await? {
        return Err(AppError::forbidden());
    }
    volunteers::api::hours::team_service(ctx, found.id, by_month).await
}
