//! Patrols and findings as types.

use chrono::{DateTime, Utc};
#[cfg(feature = "graphql")]
use infra::graphql::{ID, id, opt_id};
use uuid::Uuid;

/// A patrol (巡查), scheduled, then held.
#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "Patrol")
)]
pub struct Patrol {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "grid_id", into = "ID", with = "id", owned))
    )]
    pub grid_id: Uuid,
    #[cfg_attr(
        feature = "graphql",
        graphql(
            skip,
            derived(name = "micro_grid_id", into = "Option<ID>", with = "opt_id", owned)
        )
    )]
    pub micro_grid_id: Option<Uuid>,
    pub scheduled_for: DateTime<Utc>,
    /// The way it walks (路线).
    pub route: String,
    #[cfg_attr(feature = "graphql", graphql(skip))]
    pub led_by: Uuid,
    pub leader_name: String,
    /// When it was held; none: still to come.
    pub held_at: Option<DateTime<Utc>>,
    /// How many walked it.
    pub patrollers: Option<i32>,
    pub notes: String,
}

/// Something a patrol saw (巡查发现).
#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "PatrolFinding")
)]
pub struct Finding {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "patrol_id", into = "ID", with = "id", owned))
    )]
    pub patrol_id: Uuid,
    pub what: String,
    pub place: String,
    /// The demand it was raised as, if it was.
    #[cfg_attr(
        feature = "graphql",
        graphql(
            skip,
            derived(name = "demand_id", into = "Option<ID>", with = "opt_id", owned)
        )
    )]
    pub demand_id: Option<Uuid>,
    pub recorded_at: DateTime<Utc>,
}
