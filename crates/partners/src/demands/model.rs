use chrono::{DateTime, Utc};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "DemandStatus")
)]
pub enum DemandStatus {
    Submitted,
    /// Sent to a grid or a partner team.
    Routed,
    /// Answered; waiting for the resident.
    Resolved,
    /// The resident agreed: closed.
    Confirmed,
    /// The resident did not agree: open again.
    Reopened,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Demand {
    pub id: Uuid,
    pub title: String,
    pub detail: String,
    pub category: String,
    pub resident_id: Uuid,
    pub resident_name: String,
    pub grid_id: Option<Uuid>,
    pub team_id: Option<Uuid>,
    pub team_name: Option<String>,
    pub status: DemandStatus,
    pub resolution: Option<String>,
    pub submitted_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DemandStep {
    pub demand_id: Uuid,
    pub step: DemandStatus,
    pub by_account: Uuid,
    /// Taken by a grid worker or staff for the resident (代办).
    pub for_resident: bool,
    pub note: Option<String>,
    pub at: DateTime<Utc>,
}

/// How a community answers its residents.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DemandStats {
    pub total: i64,
    /// Resolved or confirmed now.
    pub resolved: i64,
    pub confirmed: i64,
    pub reopened: i64,
    /// Mean hours from intake to the first resolution, over those resolved.
    pub mean_hours_to_resolve: Option<f64>,
}

impl DemandStats {
    pub fn resolution_rate(&self) -> Option<f64> {
        (self.total > 0).then(|| self.resolved as f64 / self.total as f64)
    }
}
