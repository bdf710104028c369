//! The GraphQL face of demands.

use crate::demands::model::DemandStatus;
use async_graphql::{Context, ID, InputObject, Object, SimpleObject, Upload};
use chrono::{DateTime, Utc};
use infra::graphql::parse_id as uuid;
use tenancy::graphql::{community, tenancy};

use super::model;
use super::service::{self as svc, DemandInput, Route};
use crate::error::PartnersError;
use infra::graphql::{Res, id, read_upload};

#[derive(SimpleObject)]
#[graphql(name = "DemandStep")]
pub struct StepGql {
    step: DemandStatus,
    by_account: ID,
    /// Taken by a grid worker or staff for the resident (代办).
    for_resident: bool,
    note: Option<String>,
    at: DateTime<Utc>,
}

/// A resident's demand (诉求) and its steps.
#[derive(SimpleObject)]
#[graphql(name = "Demand")]
pub struct DemandGql {
    id: ID,
    title: String,
    detail: String,
    category: String,
    resident_id: ID,
    resident_name: String,
    grid_id: Option<ID>,
    team_id: Option<ID>,
    team_name: Option<String>,
    status: DemandStatus,
    resolution: Option<String>,
    submitted_at: DateTime<Utc>,
    resolved_at: Option<DateTime<Utc>>,
    closed_at: Option<DateTime<Utc>>,
    /// Oldest first; loaded only when selected.
    steps: Vec<StepGql>,
}

impl DemandGql {
    fn new(d: model::Demand, steps: &[model::DemandStep]) -> Self {
        DemandGql {
            steps: steps
                .iter()
                .filter(|s| s.demand_id == d.id)
                .map(|s| StepGql {
                    step: s.step,
                    by_account: id(s.by_account),
                    for_resident: s.for_resident,
                    note: s.note.clone(),
                    at: s.at,
                })
                .collect(),
            id: id(d.id),
            title: d.title,
            detail: d.detail,
            category: d.category,
            resident_id: id(d.resident_id),
            resident_name: d.resident_name,
            grid_id: d.grid_id.map(id),
            team_id: d.team_id.map(id),
            team_name: d.team_name,
            status: d.status,
            resolution: d.resolution,
            submitted_at: d.submitted_at,
            resolved_at: d.resolved_at,
            closed_at: d.closed_at,
        }
    }
}

#[derive(SimpleObject)]
#[graphql(name = "DemandStats")]
pub struct StatsGql {
    total: i64,
    resolved: i64,
    confirmed: i64,
    reopened: i64,
    /// Resolved ÷ total.
    resolution_rate: Option<f64>,
    mean_hours_to_resolve: Option<f64>,
}

#[derive(InputObject)]
pub struct DemandInputGql {
    title: String,
    #[graphql(default)]
    detail: String,
    /// 环境卫生, 设施维修, 邻里纠纷 …
    category: String,
    /// A grid worker or staff taking it in for a resident (代办): the resident's account.
    for_person_id: Option<ID>,
    for_name: Option<String>,
    grid_id: Option<ID>,
}

#[derive(Default)]
pub struct DemandsQuery;

/// A photo of a demand, by short-lived links.
#[derive(SimpleObject)]
#[graphql(name = "DemandPhoto")]
pub struct DemandPhotoGql {
    id: ID,
    /// The photo (2,048 px at most), for 15 minutes.
    url: String,
    thumb_url: String,
}

impl From<svc::DemandPhoto> for DemandPhotoGql {
    fn from(p: svc::DemandPhoto) -> Self {
        DemandPhotoGql {
            id: id(p.id),
            url: p.url,
            thumb_url: p.thumb_url,
        }
    }
}

#[Object]
impl DemandsQuery {
    /// A demand's photos: for the resident who raised it, staff and the grid's workers.
    async fn demand_photos(&self, ctx: &Context<'_>, demand_id: ID) -> Res<Vec<DemandPhotoGql>> {
        let photos = svc::demand_photos(community(ctx)?, uuid(&demand_id)?).await?;
        Ok(photos.into_iter().map(Into::into).collect())
    }

    /// The caller's own demands, or every demand (`all`, staff and grid workers).
    async fn demands(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] all: bool,
        status: Option<DemandStatus>,
    ) -> Res<Vec<DemandGql>> {
        let with_steps = ctx.look_ahead().field("steps").exists();
        let (rows, steps) = svc::demands(community(ctx)?, all, status, with_steps).await?;
        Ok(rows
            .into_iter()
            .map(|d| DemandGql::new(d, &steps))
            .collect())
    }

    /// The community's resolution rate and time (staff and grid workers).
    async fn demand_stats(&self, ctx: &Context<'_>) -> Res<StatsGql> {
        let s = svc::stats(community(ctx)?).await?;
        Ok(StatsGql {
            resolution_rate: s.resolution_rate(),
            total: s.total,
            resolved: s.resolved,
            confirmed: s.confirmed,
            reopened: s.reopened,
            mean_hours_to_resolve: s.mean_hours_to_resolve,
        })
    }
}

#[derive(Default)]
pub struct DemandsMutation;

#[Object]
impl DemandsMutation {
    /// Attach a photo to a demand (GraphQL multipart; JPEG, PNG or WebP; five at most): the
    /// resident who raised it, staff, the grid's workers.
    async fn upload_demand_photo(
        &self,
        ctx: &Context<'_>,
        demand_id: ID,
        file: Upload,
    ) -> Res<DemandPhotoGql> {
        let bytes = read_upload(ctx, file, infra::photos::MAX_BYTES)?;
        Ok(svc::attach_photo(community(ctx)?, uuid(&demand_id)?, bytes)
            .await?
            .into())
    }

    /// Raise a demand, or take one in for a resident (grid workers and staff, audited with
    /// both).
    async fn submit_demand(&self, ctx: &Context<'_>, input: DemandInputGql) -> Res<DemandGql> {
        let for_resident = match (input.for_person_id, input.for_name) {
            (Some(p), Some(n)) => Some((uuid(&p)?, n)),
            (None, None) => None,
            _ => {
                return Err(infra::AppError::from(PartnersError::ActingNeedsIdAndName).into());
            }
        };
        let d = DemandInput {
            title: input.title,
            detail: input.detail,
            category: input.category,
            for_resident,
            grid_id: input.grid_id.as_ref().map(uuid).transpose()?,
        };
        let d = svc::submit(tenancy(ctx), community(ctx)?, d).await?;
        Ok(DemandGql::new(d.demand, &d.steps))
    }

    /// Send a demand to a grid or to a partner team (staff): give exactly one.
    async fn route_demand(
        &self,
        ctx: &Context<'_>,
        demand_id: ID,
        grid_id: Option<ID>,
        team_id: Option<ID>,
    ) -> Res<DemandGql> {
        let to = match (grid_id, team_id) {
            (Some(g), None) => Route::Grid(uuid(&g)?),
            (None, Some(t)) => Route::Team(uuid(&t)?),
            _ => {
                return Err(infra::AppError::from(PartnersError::GridOrTeam).into());
            }
        };
        let d = svc::route(tenancy(ctx), community(ctx)?, uuid(&demand_id)?, to).await?;
        Ok(DemandGql::new(d.demand, &d.steps))
    }

    /// Answer a demand: staff, grid workers, or the partner team it was sent to.
    async fn resolve_demand(
        &self,
        ctx: &Context<'_>,
        demand_id: ID,
        resolution: String,
    ) -> Res<DemandGql> {
        let d = svc::resolve(
            tenancy(ctx),
            community(ctx)?,
            uuid(&demand_id)?,
            &resolution,
        )
        .await?;
        Ok(DemandGql::new(d.demand, &d.steps))
    }

    /// The resident confirms an answer (closing the demand), or reopens it with a reason.
    async fn answer_demand(
        &self,
        ctx: &Context<'_>,
        demand_id: ID,
        agree: bool,
        reason: Option<String>,
    ) -> Res<DemandGql> {
        let d = svc::answer(community(ctx)?, uuid(&demand_id)?, agree, reason.as_deref()).await?;
        Ok(DemandGql::new(d.demand, &d.steps))
    }
}
