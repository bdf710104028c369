//! Cadence targets as types: what is counted, per what period.

use uuid::Uuid;

use crate::model::EventKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum CadencePeriod {
    Week,
    Month,
    Quarter,
    Year,
}

/// What a cadence target counts: course sessions, any event, or events of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum CadenceCounts {
    Sessions,
    Events,
    Activity,
    Exchange,
    Performance,
    Market,
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
pub struct CadenceTarget {
    pub id: Uuid,
    pub name: String,
    pub period: CadencePeriod,
    /// The least count per period (sessions or events, as `counts` says).
    pub min_sessions: i32,
    pub public_benefit_only: bool,
    pub counts: CadenceCounts,
}
