//! The GraphQL face of pilot groups.

use super::model;
use async_graphql::{Context, Object};
use infra::graphql::Res;
use tenancy::graphql::{principal, tenancy};

use super::service;

#[derive(Default)]
pub struct PilotsQuery;

#[Object]
impl PilotsQuery {
    /// The district's pilot groups (its admins and viewers).
    async fn pilot_groups(
        &self,
        ctx: &Context<'_>,
        district_code: String,
    ) -> Res<Vec<model::PilotGroup>> {
        let groups = service::groups(tenancy(ctx), principal(ctx)?, &district_code).await?;
        Ok(groups.into_iter().collect())
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
    ) -> Res<model::PilotGroup> {
        let g = service::set_group(
            tenancy(ctx),
            principal(ctx)?,
            &district_code,
            &name,
            &communities,
        )
        .await?;
        Ok(g)
    }
}
