//! Honours as types.

use chrono::{DateTime, Utc};
#[cfg(feature = "graphql")]
use infra::graphql::{ID, id};
use uuid::Uuid;

/// Where a round stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "HonourRoundStatus")
)]
pub enum RoundStatus {
    /// Taking nominations.
    Open,
    /// Staff score and choose.
    Reviewing,
    /// The awards are public; nothing changes.
    Published,
}

/// A round of honours (评优), e.g. 2026 年度评优.
#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "HonourRound")
)]
pub struct Round {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    pub title: String,
    pub year: i32,
    /// The honours it gives (最美志愿者, 优秀学员, 文明家庭 …).
    pub awards: Vec<String>,
    pub status: RoundStatus,
    pub published_at: Option<DateTime<Utc>>,
}

/// A nomination with its review so far.
#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "HonourNomination")
)]
pub struct Nomination {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "round_id", into = "ID", with = "id", owned))
    )]
    pub round_id: Uuid,
    pub award: String,
    pub nominee: String,
    pub reason: String,
    pub awarded: bool,
    /// How many staff scored it.
    pub scores: i32,
    /// Their mean score (0–100), once scored.
    pub mean_score: Option<f64>,
}
