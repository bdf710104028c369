//! The rules of partner access.

use infra::OnViolation;
use infra::{AppError, AppResult};
use tenancy::{CommunityCtx, Principal, Roles, Tenancy};
use uuid::Uuid;

use super::db;
use super::model::PartnerPerson;
use crate::error::{Missing, PartnersError};
use crate::organisations::db as organisations;
use crate::organisations::model::{MemberRole, Partnership, PartnershipStatus};
use crate::organisations::service::{decides_here, require_admin};
use crate::text;

/// End an approved partnership, with the reason: those it was addressed to (the community's
/// staff in its context, the district's admins) or the organisation's admin. Its people lose
/// their access at once; the organisation may ask again.
pub async fn end_partnership(
    t: &Tenancy,
    p: &Principal,
    ctx: Option<&CommunityCtx>,
    id: Uuid,
    reason: &str,
) -> AppResult<Partnership> {
    let reason = text(reason, 1, 200, "结束原因", "The reason")?;
    let mut tx = t.db().begin().await?;
    let found = organisations::lock_partnership(&mut tx, id)
        .await?
        .ok_or(PartnersError::NotFound(Missing::Partnership))?;
    let own = organisations::role_in(&mut tx, found.organisation_id, p.account_id()).await?
        == Some(MemberRole::Admin);
    if !own && !decides_here(t, p, ctx, &found).await? {
        return Err(PartnersError::NotFound(Missing::Partnership).into());
    }
    if found.status != PartnershipStatus::Approved {
        return Err(AppError::from(PartnersError::NotApprovedToEnd));
    }
    let row = db::end_partnership(&mut tx, id, p.account_id(), reason).await?;
    let people = organisations::members(&mut tx, &[found.organisation_id]).await?;
    tx.commit().await?;
    // Its people lose access on this request's return, not when the notification arrives.
    t.forget_principals(people.iter().map(|m| m.account_id));
    Ok(row)
}

/// Take a person out of the organisation (its admin): out of its teams too, and out of every
/// community it partners with. A team's leader is replaced first; the last admin stays.
pub async fn remove_member(t: &Tenancy, p: &Principal, org: Uuid, account: Uuid) -> AppResult<()> {
    require_admin(t, org, p).await?;
    let mut tx = t.db().begin().await?;
    let admins = db::lock_admins(&mut tx, org).await?;
    if admins == [account] {
        return Err(AppError::from(PartnersError::LastAdmin));
    }
    let removed = db::remove_member(&mut tx, org, account)
        .await
        .on_violation(|v| {
            v.is_foreign_key()
                .then(|| AppError::from(PartnersError::LeadsATeam))
        })?;
    if !removed {
        return Err(PartnersError::NotAMember.into());
    }
    tx.commit().await?;
    t.forget_principals([account]);
    Ok(())
}

/// Everyone who holds partner access to the community of the request, with the organisation
/// and partnership it comes through (staff, and the admins above who may deactivate them).
pub async fn partner_people(t: &Tenancy, ctx: &CommunityCtx) -> AppResult<Vec<PartnerPerson>> {
    ctx.require(Roles::STAFF)?;
    let (community, path) = t.locate_community(&ctx.tenant().slug).await?;
    let mut conn = t.db().pool().acquire().await?;
    Ok(db::partner_people(&mut conn, community, &path).await?)
}
