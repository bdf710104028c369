//! The GraphQL face of cadence: types and resolvers, nothing else.

use super::model;
use crate::cadence::model::CadenceCounts;
use crate::cadence::model::CadencePeriod;
use async_graphql::{Context, Object, SimpleObject};
use infra::graphql::Date;

use crate::graphql::*;
use crate::service as svc;

#[derive(SimpleObject)]
pub struct CadencePeriodResult {
    starts_on: Date,
    /// Sessions or events counted in the period (as the target's `counts` says).
    sessions: i64,
    met: bool,
}

#[derive(SimpleObject)]
pub struct CadenceResult {
    target: model::CadenceTarget,
    periods: Vec<CadencePeriodResult>,
    met: bool,
}

/// An event with a 人次 target, against its 人次 so far.
#[derive(SimpleObject)]
pub struct EventTargetResult {
    event: crate::events::graphql::EventGql,
    attendance: i64,
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
                target: r.target,
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

    /// The events of `month` (YYYY-MM) that carry a 人次 target (新华's 200余人次), with their
    /// 人次 and whether they reached it.
    async fn event_targets_report(
        &self,
        ctx: &Context<'_>,
        month: String,
    ) -> Res<Vec<EventTargetResult>> {
        let m = svc::parse_month(&month)?;
        Ok(svc::event_targets_report(community(ctx)?, m)
            .await?
            .into_iter()
            .map(|r| EventTargetResult {
                event: crate::events::graphql::event(r.event, Some(r.attendance)),
                attendance: r.attendance,
                met: r.met,
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
        period: CadencePeriod,
        min_sessions: i32,
        #[graphql(default)] public_benefit_only: bool,
        #[graphql(default_with = "CadenceCounts::Sessions")] counts: CadenceCounts,
    ) -> Res<model::CadenceTarget> {
        Ok(svc::create_cadence_target(
            community(ctx)?,
            &name,
            period,
            min_sessions,
            public_benefit_only,
            counts,
        )
        .await?)
    }
}
