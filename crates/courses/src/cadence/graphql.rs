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
    min_sessions: i32,
    public_benefit_only: bool,
}

impl From<model::CadenceTarget> for CadenceTargetGql {
    fn from(t: model::CadenceTarget) -> Self {
        CadenceTargetGql {
            id: id(t.id),
            period: t.period.into(),
            name: t.name,
            min_sessions: t.min_sessions,
            public_benefit_only: t.public_benefit_only,
        }
    }
}

#[derive(SimpleObject)]
pub struct CadencePeriodResult {
    starts_on: Date,
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
    /// A cadence target such as 每月不少于两堂公益课 (month, 2, public-benefit only).
    async fn create_cadence_target(
        &self,
        ctx: &Context<'_>,
        name: String,
        period: CadencePeriodGql,
        min_sessions: i32,
        #[graphql(default)] public_benefit_only: bool,
    ) -> Res<CadenceTargetGql> {
        Ok(svc::create_cadence_target(
            community(ctx)?,
            &name,
            period.into(),
            min_sessions,
            public_benefit_only,
        )
        .await?
        .into())
    }
}
