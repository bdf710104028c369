//! The GraphQL face of retention: the platform's administrators read and set how long each
//! kind of record is kept.

use async_graphql::{Context, Object, SimpleObject};
use chrono::{DateTime, Utc};
use infra::graphql::Res;

use super::model::{RetentionKind, RetentionPeriod};
use crate::graphql::{principal, tenancy};

/// How long a kind of record is kept before the worker removes it (保存期限).
#[derive(SimpleObject)]
#[graphql(name = "RetentionPeriod")]
pub struct RetentionPeriodGql {
    kind: RetentionKind,
    keep_hours: i32,
    /// The least the law allows (the audit log: six months).
    least_hours: i32,
    set_at: DateTime<Utc>,
}

impl From<RetentionPeriod> for RetentionPeriodGql {
    fn from(p: RetentionPeriod) -> Self {
        RetentionPeriodGql {
            kind: p.kind,
            keep_hours: p.keep_hours,
            least_hours: p.kind.least_hours(),
            set_at: p.set_at,
        }
    }
}

#[derive(Default)]
pub struct RetentionQuery;

#[Object]
impl RetentionQuery {
    /// Every kind's retention period (platform administrators).
    async fn retention_periods(&self, ctx: &Context<'_>) -> Res<Vec<RetentionPeriodGql>> {
        let list = tenancy(ctx).retention_periods(principal(ctx)?).await?;
        Ok(list.into_iter().map(Into::into).collect())
    }
}

#[derive(Default)]
pub struct RetentionMutation;

#[Object]
impl RetentionMutation {
    /// Set how long a kind of record is kept, in hours (platform administrators; the audit
    /// log at least 4,392 hours — six months).
    async fn set_retention_period(
        &self,
        ctx: &Context<'_>,
        kind: RetentionKind,
        keep_hours: i32,
    ) -> Res<RetentionPeriodGql> {
        let p = tenancy(ctx)
            .set_retention_period(principal(ctx)?, kind, keep_hours)
            .await?;
        Ok(p.into())
    }
}
