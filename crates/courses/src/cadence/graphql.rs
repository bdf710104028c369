//! The GraphQL face of cadence: types and resolvers, nothing else.

use async_graphql::{Context, ID, Object, SimpleObject};
use infra::graphql::Date;

use crate::graphql::*;
use crate::model::{self};
use crate::service as svc;

#[derive(SimpleObject)]
#[graphql(name = "CadenceTarget")]
pub struct CadenceTargetGql {
    id: ID,
    name: String,
    period: CadencePeriodGql,
    /// The least count per period (of sessions or events, as `counts` says).
    min_sessions: i32,
    public_benefit_only: bool,
    counts: CadenceCountsGql,
}

impl From<model::CadenceTarget> for CadenceTargetGql {
    fn from(t: model::CadenceTarget) -> Self {
        CadenceTargetGql {
            id: id(t.id),
            period: t.period.into(),
            name: t.name,
            min_sessions: t.min_sessions,
            public_benefit_only: t.public_benefit_only,
            counts: t.counts.into(),
        }
    }
}

#[derive(SimpleObject)]
pub struct CadencePeriodResult {
    starts_on: Date,
    /// Sessions or events counted in the period (as the target's `counts` says).
    sessions: i64,
    met: bool,
}

#[derive(SimpleObject)]
pub struct CadenceResult {
    target: CadenceTargetGql,
    periods: Vec<CadencePeriodResult>,
    met: bool,
}

#[derive(Default)]
pub struct CadenceQuery;

#[Object]
impl CadenceQuery {
    /// Whether each cadence target was met in `month` (YYYY-MM).
    async fn cadence_report(&self, ctx: &Context<'_>, month: String) -> Res<Vec<CadenceResult>> {
        let m = svc::parse_month(&month)?;
        Ok(svc::cadence_report(community(ctx)?, m)
            .await?
            .into_iter()
            .map(|r| CadenceResult {
                target: r.target.into(),
                met: r.met,
                periods: r
                    .periods
                    .into_iter()
                    .map(|(d, n, met)| CadencePeriodResult {
                        starts_on: Date(d),
                        sessions: n,
                        met,
                    })
                    .collect(),
            })
            .collect())
    }
}

#[derive(Default)]
pub struct CadenceMutation;

#[Object]
impl CadenceMutation {
    /// A cadence target such as 每月不少于两堂公益课 (month, 2, public-benefit only), 季季有交流
    /// (quarter, 1, counting EXCHANGE events) or 年年有展演 (year, 1, PERFORMANCE).
    async fn create_cadence_target(
        &self,
        ctx: &Context<'_>,
        name: String,
        period: CadencePeriodGql,
        min_sessions: i32,
        #[graphql(default)] public_benefit_only: bool,
        #[graphql(default_with = "CadenceCountsGql::Sessions")] counts: CadenceCountsGql,
    ) -> Res<CadenceTargetGql> {
        Ok(svc::create_cadence_target(
            community(ctx)?,
            &name,
            period.into(),
            min_sessions,
            public_benefit_only,
            counts.into(),
        )
        .await?
        .into())
    }
}
