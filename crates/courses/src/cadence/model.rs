//! Cadence targets as types: what is counted, per what period.

#[cfg(feature = "graphql")]
use infra::graphql::{ID, id};
use uuid::Uuid;

use crate::model::EventKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "CadencePeriod")
)]
pub enum CadencePeriod {
    Week,
    Month,
    Quarter,
    Year,
}

/// What a cadence target counts: course sessions, any event, or events of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "CadenceCounts")
)]
pub enum CadenceCounts {
    Sessions,
    Events,
    /// 活动
    Activity,
    /// 交流
    Exchange,
    /// 展演
    Performance,
    /// 服务集市
    Market,
    /// 达人服务日
    ServiceDay,
}

impl CadenceCounts {
    /// Does an event of `kind` count? (Never for a target counting sessions.)
    pub fn counts_event(self, kind: EventKind) -> bool {
        match self {
            CadenceCounts::Sessions => false,
            CadenceCounts::Events => true,
            CadenceCounts::Activity => kind == EventKind::Activity,
            CadenceCounts::Exchange => kind == EventKind::Exchange,
            CadenceCounts::Performance => kind == EventKind::Performance,
            CadenceCounts::Market => kind == EventKind::Market,
            CadenceCounts::ServiceDay => kind == EventKind::ServiceDay,
        }
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "CadenceTarget")
)]
pub struct CadenceTarget {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    pub name: String,
    pub period: CadencePeriod,
    /// The least count per period (sessions or events, as `counts` says).
    pub min_sessions: i32,
    pub public_benefit_only: bool,
    pub counts: CadenceCounts,
}
