//! The farm as types: seasons, plots and claims (认领) with their status.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Season {
    pub id: Uuid,
    pub name: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
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
