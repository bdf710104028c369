//! The GraphQL face of patrols.

use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use infra::graphql::{Res, parse_id as uuid};
use tenancy::graphql::community;

use super::model;
use super::service::{self as svc, PatrolInput, PatrolView};

/// A patrol with what it found.
#[derive(SimpleObject)]
#[graphql(name = "PatrolRecord")]
pub struct PatrolRecordGql {
    patrol: model::Patrol,
    findings: Vec<model::Finding>,
}

impl From<PatrolView> for PatrolRecordGql {
    fn from(v: PatrolView) -> Self {
        PatrolRecordGql {
            patrol: v.patrol,
            findings: v.findings,
        }
    }
}

/// Something the patrol saw, and where.
#[derive(InputObject)]
pub struct FindingInput {
    what: String,
    #[graphql(default)]
    place: String,
}

#[derive(Default)]
pub struct PatrolsQuery;

#[Object]
impl PatrolsQuery {
    /// Patrols, newest first (staff: every grid; a grid worker: their grids).
    async fn patrols(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 100)] first: i32,
    ) -> Res<Vec<model::Patrol>> {
        Ok(svc::patrols(community(ctx)?, first).await?)
    }

    /// A patrol with its findings.
    async fn patrol(&self, ctx: &Context<'_>, id: ID) -> Res<PatrolRecordGql> {
        Ok(svc::patrol(community(ctx)?, uuid(&id)?).await?.into())
    }
}

#[derive(Default)]
pub struct PatrolsMutation;

#[Object]
impl PatrolsMutation {
    /// Schedule a patrol I lead, of a grid or one of its micro-grids (staff, grid workers).
    async fn schedule_patrol(
        &self,
        ctx: &Context<'_>,
        grid_id: ID,
        micro_grid_id: Option<ID>,
        scheduled_for: DateTime<Utc>,
        route: String,
    ) -> Res<model::Patrol> {
        let p = PatrolInput {
            grid_id: uuid(&grid_id)?,
            micro_grid_id: micro_grid_id.as_ref().map(uuid).transpose()?,
            scheduled_for,
            route,
        };
        Ok(svc::schedule(community(ctx)?, p).await?)
    }

    /// Log a patrol as held, once: how many went, notes and findings.
    async fn log_patrol(
        &self,
        ctx: &Context<'_>,
        patrol_id: ID,
        patrollers: i32,
        #[graphql(default)] notes: String,
        #[graphql(default)] findings: Vec<FindingInput>,
    ) -> Res<PatrolRecordGql> {
        let found: Vec<(String, String)> =
            findings.into_iter().map(|f| (f.what, f.place)).collect();
        Ok(svc::log(
            community(ctx)?,
            uuid(&patrol_id)?,
            patrollers,
            &notes,
            &found,
        )
        .await?
        .into())
    }

    /// Raise a finding as a demand (诉求) to its grid, once.
    async fn raise_patrol_finding(
        &self,
        ctx: &Context<'_>,
        finding_id: ID,
        category: String,
    ) -> Res<model::Finding> {
        Ok(svc::raise(community(ctx)?, uuid(&finding_id)?, &category).await?)
    }
}
