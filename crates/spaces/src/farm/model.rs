//! The farm as types: seasons, plots and claims (认领) with their status.

use chrono::{DateTime, NaiveDate, Utc};
#[cfg(feature = "graphql")]
use infra::graphql::{ID, id};
use uuid::Uuid;

#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "FarmSeason")
)]
pub struct Season {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    pub name: String,
    #[cfg_attr(
        feature = "graphql",
        graphql(
            skip,
            derived(name = "starts_on", into = "infra::graphql::Date", owned)
        )
    )]
    pub starts_on: NaiveDate,
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "ends_on", into = "infra::graphql::Date", owned))
    )]
    pub ends_on: NaiveDate,
    #[cfg_attr(
        feature = "graphql",
        graphql(
            skip,
            derived(name = "claims_open_on", into = "infra::graphql::Date", owned)
        )
    )]
    pub claims_open_on: NaiveDate,
    pub neglect_days: i32,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Plot {
    pub id: Uuid,
    pub space_id: Uuid,
    pub code: String,
    pub area_m2: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum ClaimStatus {
    Active,
    /// Taken back for neglect.
    Released,
    GivenUp,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Claim {
    pub id: Uuid,
    pub plot_id: Uuid,
    pub season_id: Uuid,
    pub account_id: Uuid,
    pub status: ClaimStatus,
    pub claimed_at: DateTime<Utc>,
    pub last_duty_at: Option<DateTime<Utc>>,
    pub warned_at: Option<DateTime<Utc>>,
}
