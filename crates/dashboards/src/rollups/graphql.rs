//! The GraphQL face of placing a community in a street: here because its figures move with it.

use async_graphql::{Context, Object};
use infra::graphql::Res;
use tenancy::graphql::{principal, tenancy};
use tenancy::model::Community;

use super::service;

#[derive(Default)]
pub struct PlacementMutation;

#[Object]
impl PlacementMutation {
    /// Place a community in another district of its tree — a 街道 of its 区, or back to the
    /// 区 — with its figures: the districts it leaves lose them, those it joins gain them. For
    /// an admin over both places; within one top district. Placing it where it is changes
    /// nothing.
    async fn place_community(
        &self,
        ctx: &Context<'_>,
        slug: String,
        district_code: String,
    ) -> Res<Community> {
        Ok(service::place(tenancy(ctx), principal(ctx)?, &slug, &district_code).await?)
    }
}
