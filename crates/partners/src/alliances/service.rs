//! The rules of alliances (共同体).

use infra::{AppResult, OnViolation};
use tenancy::{CommunityCtx, Roles, Tenancy};
use uuid::Uuid;

use super::db;
use super::model::*;
use crate::error::{Missing, PartnersError as E};
use crate::text;

/// Staff form an alliance.
pub async fn create(ctx: &CommunityCtx, name: &str, purpose: &str) -> AppResult<Alliance> {
    ctx.require(Roles::STAFF)?;
    let name = text(name, 1, 50, "共同体名称", "The alliance's name")?;
    let purpose = text(purpose, 0, 500, "共同体宗旨", "The purpose")?;
    let mut tx = ctx.tx().await?;
    let a = db::insert(&mut tx, name, purpose, ctx.access().account_id)
        .await
        .on_violation(|v| v.is_unique().then_some(E::AllianceNameTaken))?;
    tx.commit().await?;
    Ok(a)
}

/// The alliances and their members: every member and partner of the community reads them.
pub async fn alliances(ctx: &CommunityCtx) -> AppResult<(Vec<Alliance>, Vec<AllianceMember>)> {
    ctx.require(Roles::ANYONE)?;
    let mut tx = ctx.tx().await?;
    let a = db::alliances(&mut tx).await?;
    let m = db::members(&mut tx).await?;
    Ok((a, m))
}

/// Staff add an organisation approved in this community (or its district) to an alliance,
/// with its part; again, its part changes.
pub async fn put_member(
    t: &Tenancy,
    ctx: &CommunityCtx,
    alliance: Uuid,
    organisation: Uuid,
    part: &str,
) -> AppResult<AllianceMember> {
    ctx.require(Roles::STAFF)?;
    let part = text(part, 1, 30, "角色", "The part")?;
    // A read of the platform's partnerships before the community's transaction: no lock held.
    let (community, path) = t.locate_community(&ctx.tenant().slug).await?;
    let mut conn = t.db().pool().acquire().await?;
    let approved = crate::organisations::db::approved_in(&mut conn, community, &path)
        .await?
        .iter()
        .any(|o| o.id == organisation);
    drop(conn);
    if !approved {
        return Err(E::NotPartnerHere.into());
    }
    let mut tx = ctx.tx().await?;
    let m = db::put_member(
        &mut tx,
        alliance,
        organisation,
        part,
        ctx.access().account_id,
    )
    .await
    .on_violation(|v| v.is_foreign_key().then_some(E::NotFound(Missing::Alliance)))?;
    tx.commit().await?;
    Ok(m)
}

/// Staff take an organisation out of an alliance.
pub async fn remove_member(
    ctx: &CommunityCtx,
    alliance: Uuid,
    organisation: Uuid,
) -> AppResult<()> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    if !db::remove_member(&mut tx, alliance, organisation).await? {
        return Err(E::NotFound(Missing::Alliance).into());
    }
    tx.commit().await?;
    Ok(())
}
