use chrono::{DateTime, NaiveDate, Utc};
#[cfg(feature = "graphql")]
use infra::graphql::{ID, id};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "VentureCallStatus")
)]
pub enum CallStatus {
    /// Taking proposals until the deadline, then under review.
    Open,
    Awarded,
    Withdrawn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "VentureProjectStatus")
)]
pub enum ProjectStatus {
    Running,
    Done,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Call {
    pub id: Uuid,
    pub title: String,
    pub problem: String,
    pub budget_yuan: i32,
    pub deadline: NaiveDate,
    pub status: CallStatus,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Proposal {
    pub id: Uuid,
    pub call_id: Uuid,
    pub organisation_id: Uuid,
    pub team_id: Uuid,
    pub team_name: String,
    pub title: String,
    pub plan: String,
    pub budget_yuan: i32,
    pub submitted_at: DateTime<Utc>,
    /// The reviews' mean score, if any.
    pub mean_score: Option<f64>,
    pub reviews: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Review {
    pub proposal_id: Uuid,
    pub reviewer: Uuid,
    pub score: i32,
    pub comment: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "VentureProject")
)]
pub struct Project {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "proposal_id", into = "ID", with = "id", owned))
    )]
    pub proposal_id: Uuid,
    pub status: ProjectStatus,
    pub closing_report: Option<String>,
    pub closed_at: Option<DateTime<Utc>>,
    #[cfg_attr(feature = "graphql", graphql(skip))]
    pub call_id: Uuid,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Milestone {
    pub id: Uuid,
    pub project_id: Uuid,
    pub title: String,
    pub due_on: NaiveDate,
    pub done_at: Option<DateTime<Utc>>,
    pub note: Option<String>,
    pub photo_key: Option<String>,
}
