//! The GraphQL face of grid assignments.

use async_graphql::{Context, ID, Object, SimpleObject};
use infra::graphql::parse_id;

use super::service;
use crate::graphql::{community, tenancy};
use infra::graphql::id;

/// The grids (or courtyards) one grid worker serves.
#[derive(SimpleObject)]
#[graphql(name = "GridAssignment")]
pub struct GridAssignmentGql {
    account_id: ID,
    courtyard_ids: Vec<ID>,
}

#[derive(Default)]
pub struct GridsQuery;

#[Object]
impl GridsQuery {
    /// Which grids each grid worker serves (staff).
    async fn grid_assignments(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<GridAssignmentGql>> {
        let rows = service::assignments(community(ctx)?).await?;
        let mut out: Vec<GridAssignmentGql> = Vec::new();
        for (account, courtyard) in rows {
            match out.last_mut() {
                Some(last) if last.account_id == id(account) => {
                    last.courtyard_ids.push(id(courtyard))
                }
                _ => out.push(GridAssignmentGql {
                    account_id: id(account),
                    courtyard_ids: vec![id(courtyard)],
                }),
            }
        }
        Ok(out)
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
