//! Party members' reports as types.

use chrono::{DateTime, Utc};
#[cfg(feature = "graphql")]
use infra::graphql::{ID, id, opt_id};
use uuid::Uuid;

/// An employed party member's report to the community (双报到).
#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "PartyReport")
)]
pub struct PartyReport {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "account_id", into = "ID", with = "id", owned))
    )]
    pub account_id: Uuid,
    pub name: String,
    /// 工作单位
    pub workplace: String,
    /// The partner organisation the workplace is, when it is one.
    #[cfg_attr(
        feature = "graphql",
        graphql(
            skip,
            derived(name = "organisation_id", into = "Option<ID>", with = "opt_id", owned)
        )
    )]
    pub organisation_id: Option<Uuid>,
    /// 所在党组织
    pub party_organisation: String,
    pub skills: Vec<String>,
    /// The services or posts they chose (认领的服务).
    pub services: Vec<String>,
    pub reported_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
}

/// A workplace's party members reported in and their verified service.
#[derive(Debug, Clone)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "WorkplaceService")
)]
pub struct WorkplaceService {
    pub workplace: String,
    #[cfg_attr(
        feature = "graphql",
        graphql(
            skip,
            derived(name = "organisation_id", into = "Option<ID>", with = "opt_id", owned)
        )
    )]
    pub organisation_id: Option<Uuid>,
    pub members: i32,
    /// Verified volunteer minutes of those members, all time.
    pub verified_minutes: i64,
}
