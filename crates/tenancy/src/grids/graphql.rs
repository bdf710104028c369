//! The GraphQL face of courtyards, grids and grid assignments.

use super::model;
use crate::grids::model::CourtyardKind;
use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use infra::graphql::parse_id;

use super::service;
use crate::graphql::{community, tenancy};
use infra::graphql::id;

#[derive(InputObject)]
pub struct CreateCourtyardInput {
    name: String,
    kind: CourtyardKind,
    households: Option<i32>,
}

/// The grids (or courtyards) one grid worker (网格员) or 居民小组长 serves.
#[derive(SimpleObject)]
#[graphql(name = "GridAssignment")]
pub struct GridAssignmentGql {
    account_id: ID,
    display_name: String,
    role: crate::gate::Role,
    courtyard_ids: Vec<ID>,
}

#[derive(Default)]
pub struct GridsQuery;

#[Object]
impl GridsQuery {
    /// Courtyards and grids of the community (院落 / 网格).
    async fn courtyards(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<model::Courtyard>> {
        let scope = community(ctx)?;
        Ok(tenancy(ctx).courtyards(scope).await?.into_iter().collect())
    }
    /// Every grid worker and 居民小组长 of the community with the grids they serve, by name
    /// (staff): those with none yet too.
    async fn grid_assignments(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<GridAssignmentGql>> {
        let scope = community(ctx)?;
        let rows = service::assignments(scope).await?;
        let workers = tenancy(ctx).grid_workers(scope).await?;
        Ok(workers
            .into_iter()
            .map(|(account, display_name, role)| GridAssignmentGql {
                account_id: id(account),
                display_name,
                role,
                courtyard_ids: rows
                    .iter()
                    .filter(|(a, _)| *a == account)
                    .map(|(_, c)| id(*c))
                    .collect(),
            })
            .collect())
    }

    /// The grids I serve (a grid worker).
    async fn my_grids(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ID>> {
        Ok(service::my_grids(community(ctx)?)
            .await?
            .into_iter()
            .map(id)
            .collect())
    }
}

#[derive(Default)]
pub struct GridsMutation;

#[Object]
impl GridsMutation {
    /// Record a courtyard or grid of the community (staff).
    async fn create_courtyard(
        &self,
        ctx: &Context<'_>,
        input: CreateCourtyardInput,
    ) -> async_graphql::Result<model::Courtyard> {
        let scope = community(ctx)?;
        let kind = input.kind;
        let c = tenancy(ctx)
            .create_courtyard(scope, &input.name, kind, input.households)
            .await?;
        Ok(c)
    }
    /// Give a grid worker the grids (or courtyards) they serve, replacing the ones before
    /// (staff); their 代办, registry and demands reach these alone.
    async fn assign_grids(
        &self,
        ctx: &Context<'_>,
        account_id: ID,
        courtyard_ids: Vec<ID>,
    ) -> async_graphql::Result<Vec<ID>> {
        let grids = courtyard_ids
            .iter()
            .map(parse_id)
            .collect::<Result<Vec<_>, _>>()?;
        let now = tenancy(ctx)
            .assign_grids(community(ctx)?, parse_id(&account_id)?, &grids)
            .await?;
        Ok(now.into_iter().map(id).collect())
    }
}
