//! The GraphQL face of partner access.

use crate::organisations::model::MemberRole;
use crate::organisations::model::Partnership;
use async_graphql::{Context, ID, Object, SimpleObject};
use infra::graphql::parse_id as uuid;
use tenancy::graphql::{community, principal, tenancy};

use super::service as svc;
use infra::graphql::Res;

/// A person with partner access to the community, and what it comes through.
#[derive(SimpleObject)]
#[graphql(name = "PartnerPerson")]
pub struct PartnerPersonGql {
    account_id: ID,
    display_name: String,
    login_name: String,
    /// A deactivated account holds no access whatever its partnership.
    active: bool,
    organisation_id: ID,
    organisation_name: String,
    member_role: MemberRole,
    partnership_id: ID,
    /// Through the community's district (or one above it).
    via_district: bool,
    /// The partnership gives its people residents' rights here.
    resident_rights: bool,
}

#[derive(Default)]
pub struct AccessQuery;

#[Object]
impl AccessQuery {
    /// Everyone holding partner access to this community, with the organisation and the
    /// partnership it comes through (staff); `setAccountActive` deactivates one of them.
    async fn partner_people(&self, ctx: &Context<'_>) -> Res<Vec<PartnerPersonGql>> {
        let rows = svc::partner_people(tenancy(ctx), community(ctx)?).await?;
        Ok(rows
            .into_iter()
            .map(|r| PartnerPersonGql {
                account_id: ID(r.account_id.to_string()),
                display_name: r.display_name,
                login_name: r.login_name,
                active: r.active,
                organisation_id: ID(r.organisation_id.to_string()),
                organisation_name: r.organisation_name,
                member_role: r.member_role,
                partnership_id: ID(r.partnership_id.to_string()),
                via_district: r.via_district,
                resident_rights: r.resident_rights,
            })
            .collect())
    }
}

#[derive(Default)]
pub struct AccessMutation;

#[Object]
impl AccessMutation {
    /// End an approved partnership with the reason: its approvers (a community's staff with
    /// `X-Community`, a district's admins) or the organisation's admin. Its people lose their
    /// access at once.
    async fn end_partnership(&self, ctx: &Context<'_>, id: ID, reason: String) -> Res<Partnership> {
        let scope = ctx.data_opt::<tenancy::CommunityCtx>();
        let p =
            svc::end_partnership(tenancy(ctx), principal(ctx)?, scope, uuid(&id)?, &reason).await?;
        Ok(p)
    }

    /// Take a person out of an organisation and its teams (its admin).
    async fn remove_organisation_member(
        &self,
        ctx: &Context<'_>,
        organisation_id: ID,
        account_id: ID,
    ) -> Res<bool> {
        svc::remove_member(
            tenancy(ctx),
            principal(ctx)?,
            uuid(&organisation_id)?,
            uuid(&account_id)?,
        )
        .await?;
        Ok(true)
    }
}
