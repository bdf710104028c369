//! The rules of clubs: each function opens its own tenant transaction.

use infra::{AppError, AppResult};
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db;
use crate::error::CoursesError;
use crate::error::not_found;
use crate::model::*;

pub async fn create_federation(
    ctx: &CommunityCtx,
    name: &str,
    leader: Option<Uuid>,
) -> AppResult<Federation> {
    ctx.require(Roles::STAFF)?;
    let name = text(name, 1, 50, "联盟名称", "The federation's name")?;
    let mut tx = ctx.tx().await?;
    let f = db::insert_federation(&mut tx, name, leader)
        .await?
        .ok_or_else(|| AppError::from(CoursesError::FederationNameExists))?;
    tx.commit().await?;
    Ok(f)
}

pub async fn create_club(
    ctx: &CommunityCtx,
    name: &str,
    federation: Option<Uuid>,
) -> AppResult<Club> {
    ctx.require(Roles::STAFF)?;
    let name = text(name, 1, 50, "社团名称", "The club's name")?;
    let mut tx = ctx.tx().await?;
    let c = db::insert_club(&mut tx, name, federation)
        .await?
        .ok_or_else(|| AppError::from(CoursesError::ClubNameExists))?;
    tx.commit().await?;
    Ok(c)
}

pub async fn set_club_member(
    ctx: &CommunityCtx,
    club: Uuid,
    learner: Uuid,
    role: ClubRole,
) -> AppResult<()> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    db::upsert_club_member(&mut tx, club, learner, role).await?;
    tx.commit().await?;
    Ok(())
}

/// A page of clubs; their members and the federations, each one statement, when asked for.
pub async fn clubs(
    ctx: &CommunityCtx,
    after: Option<Uuid>,
    limit: i64,
    with_members: bool,
    with_federations: bool,
) -> AppResult<(Vec<Club>, Vec<ClubMember>, Vec<Federation>)> {
    let mut tx = ctx.tx().await?;
    let clubs = db::clubs_page(&mut tx, after, limit + 1).await?;
    let ids: Vec<Uuid> = clubs.iter().map(|c| c.id).collect();
    let members = if with_members {
        db::club_members(&mut tx, &ids).await?
    } else {
        Vec::new()
    };
    let feds = if with_federations {
        db::federations(&mut tx).await?
    } else {
        Vec::new()
    };
    tx.commit().await?;
    Ok((clubs, members, feds))
}

pub async fn federations(ctx: &CommunityCtx) -> AppResult<Vec<Federation>> {
    let mut tx = ctx.tx().await?;
    let f = db::federations(&mut tx).await?;
    tx.commit().await?;
    Ok(f)
}

/// A club's leader (社长) or monitor (班长) books a space for the club (staff may too): the
/// club's own quotas apply.
pub async fn book_space_for_club(
    ctx: &CommunityCtx,
    r: spaces::api::bookings::BookingRequest,
) -> AppResult<Vec<spaces::api::bookings::Booking>> {
    let Some(spaces::api::bookings::BookingGroup::Club(club)) = r.group else {
        return Err(not_found("club"));
    };
    if ctx.is_staff() {
        return spaces::api::bookings::book(ctx, r).await;
    }
    let mut tx = ctx.tx().await?;
    let leads = db::leads(&mut tx, club, ctx.access().account_id).await?;
    tx.commit().await?;
    if !leads {
        return Err(AppError::forbidden());
    }
    spaces::api::bookings::book_as_group_leader(ctx, r).await
}
