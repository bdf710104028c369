//! The GraphQL face of micro-grids and posts.

use async_graphql::{Context, ID, Object};
use infra::graphql::{Res, parse_id as uuid};
use tenancy::graphql::community;

use super::model;
use super::service as svc;

#[derive(Default)]
pub struct PostsQuery;

#[Object]
impl PostsQuery {
    /// Micro-grids (微网格), of one grid or all.
    async fn micro_grids(
        &self,
        ctx: &Context<'_>,
        grid_id: Option<ID>,
    ) -> Res<Vec<model::MicroGrid>> {
        let grid = grid_id.as_ref().map(uuid).transpose()?;
        Ok(svc::micro_grids(community(ctx)?, grid).await?)
    }

    /// A micro-grid's posts with their holders.
    async fn grid_posts(&self, ctx: &Context<'_>, micro_grid_id: ID) -> Res<Vec<model::Post>> {
        Ok(svc::posts(community(ctx)?, uuid(&micro_grid_id)?).await?)
    }

    /// The posts I hold.
    async fn my_grid_posts(&self, ctx: &Context<'_>) -> Res<Vec<model::Post>> {
        Ok(svc::my_posts(community(ctx)?).await?)
    }
}

#[derive(Default)]
pub struct PostsMutation;

#[Object]
impl PostsMutation {
    /// Draw a micro-grid inside a grid (staff).
    async fn create_micro_grid(
        &self,
        ctx: &Context<'_>,
        grid_id: ID,
        name: String,
    ) -> Res<model::MicroGrid> {
        Ok(svc::create_micro_grid(community(ctx)?, uuid(&grid_id)?, &name).await?)
    }

    /// Add a post to a micro-grid (staff): 楼栋长, 红色管家, 安全员 ….
    async fn add_grid_post(
        &self,
        ctx: &Context<'_>,
        micro_grid_id: ID,
        title: String,
        #[graphql(default)] duties: String,
    ) -> Res<model::Post> {
        Ok(svc::add_post(community(ctx)?, uuid(&micro_grid_id)?, &title, &duties).await?)
    }

    /// Claim a free post (认领); CONFLICT when somebody holds it.
    async fn claim_grid_post(
        &self,
        ctx: &Context<'_>,
        post_id: ID,
        #[graphql(default)] as_party_member: bool,
    ) -> Res<model::Post> {
        Ok(svc::claim(community(ctx)?, uuid(&post_id)?, as_party_member).await?)
    }

    /// Hand a post back (its holder, or staff).
    async fn hand_back_grid_post(&self, ctx: &Context<'_>, post_id: ID) -> Res<model::Post> {
        Ok(svc::hand_back(community(ctx)?, uuid(&post_id)?).await?)
    }
}
