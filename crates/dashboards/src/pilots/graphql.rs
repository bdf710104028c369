//! The GraphQL face of pilot groups.

use async_graphql::{Context, Object, SimpleObject};
use infra::graphql::Res;
use tenancy::graphql::{principal, tenancy};

use super::{model, service};

#[derive(SimpleObject)]
#[graphql(name = "PilotGroup")]
pub struct PilotGroupGql {
    name: String,
    /// Member communities' slugs.
    communities: Vec<String>,
}

impl From<model::PilotGroup> for PilotGroupGql {
    fn from(g: model::PilotGroup) -> Self {
        PilotGroupGql {
            name: g.name,
            communities: g.members,
        }
    }
}

#[derive(Default)]
pub struct PilotsQuery;

#[Object]
impl PilotsQuery {
    /// The district's pilot groups (its admins and viewers).
    async fn pilot_groups(
        &self,
        ctx: &Context<'_>,
        district_code: String,
    ) -> Res<Vec<PilotGroupGql>> {
        let groups = service::groups(tenancy(ctx), principal(ctx)?, &district_code).await?;
        Ok(groups.into_iter().map(Into::into).collect())
    }
}

#[derive(Default)]
pub struct PilotsMutation;

#[Object]
impl PilotsMutation {
    /// Create or replace a pilot group of the district with these communities (its admins).
    async fn set_pilot_group(
        &self,
        ctx: &Context<'_>,
        district_code: String,
        name: String,
        communities: Vec<String>,
    ) -> Res<PilotGroupGql> {
        let g = service::set_group(
            tenancy(ctx),
            principal(ctx)?,
            &district_code,
            &name,
            &communities,
        )
        .await?;
        Ok(g.into())
    }
}
