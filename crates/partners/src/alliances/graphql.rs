//! The GraphQL face of alliances (共同体).

use async_graphql::{Context, ID, Object, SimpleObject};
use infra::graphql::{Res, parse_id as uuid};
use tenancy::graphql::{community, tenancy};

use super::model::{Alliance, AllianceMember};
use super::service as svc;

/// An alliance with its members.
#[derive(SimpleObject)]
#[graphql(name = "PartnerAllianceWithMembers")]
pub struct AllianceGql {
    alliance: Alliance,
    members: Vec<AllianceMember>,
}

#[derive(Default)]
pub struct AlliancesQuery;

#[Object]
impl AlliancesQuery {
    /// The community's co-building alliances (共同体) with their members.
    async fn partner_alliances(&self, ctx: &Context<'_>) -> Res<Vec<AllianceGql>> {
        let (alliances, members) = svc::alliances(community(ctx)?).await?;
        Ok(alliances
            .into_iter()
            .map(|a| AllianceGql {
                members: members
                    .iter()
                    .filter(|m| m.alliance_id == a.id)
                    .cloned()
                    .collect(),
                alliance: a,
            })
            .collect())
    }
}

#[derive(Default)]
pub struct AlliancesMutation;

#[Object]
impl AlliancesMutation {
    /// Form a co-building alliance (共同体, staff).
    async fn create_partner_alliance(
        &self,
        ctx: &Context<'_>,
        name: String,
        #[graphql(default)] purpose: String,
    ) -> Res<Alliance> {
        Ok(svc::create(community(ctx)?, &name, &purpose).await?)
    }

    /// Add a partner approved here to an alliance with its part, or change its part (staff).
    async fn put_partner_alliance_member(
        &self,
        ctx: &Context<'_>,
        alliance_id: ID,
        organisation_id: ID,
        part: String,
    ) -> Res<AllianceMember> {
        Ok(svc::put_member(
            tenancy(ctx),
            community(ctx)?,
            uuid(&alliance_id)?,
            uuid(&organisation_id)?,
            &part,
        )
        .await?)
    }

    /// Take an organisation out of an alliance (staff).
    async fn remove_partner_alliance_member(
        &self,
        ctx: &Context<'_>,
        alliance_id: ID,
        organisation_id: ID,
    ) -> Res<bool> {
        svc::remove_member(
            community(ctx)?,
            uuid(&alliance_id)?,
            uuid(&organisation_id)?,
        )
        .await?;
        Ok(true)
    }
}
