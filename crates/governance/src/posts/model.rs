//! Micro-grids and posts as types.

use chrono::{DateTime, Utc};
#[cfg(feature = "graphql")]
use infra::graphql::{ID, id};
use uuid::Uuid;

/// A micro-grid (微网格) inside a grid (网格).
#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "MicroGrid")
)]
pub struct MicroGrid {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    /// The grid it lies in.
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "grid_id", into = "ID", with = "id", owned))
    )]
    pub grid_id: Uuid,
    pub name: String,
}

/// A post (岗位) of a micro-grid, with its holder when somebody holds it.
#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "GridPost")
)]
pub struct Post {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "micro_grid_id", into = "ID", with = "id", owned))
    )]
    pub micro_grid_id: Uuid,
    /// 楼栋长, 红色管家, 安全员 …
    pub title: String,
    pub duties: String,
    /// Who holds it now (认领人), if anybody.
    pub holder_name: Option<String>,
    #[cfg_attr(feature = "graphql", graphql(skip))]
    pub holder_account: Option<Uuid>,
    /// The holder said they are a party member (党员认领).
    pub held_by_party_member: Option<bool>,
    pub claimed_at: Option<DateTime<Utc>>,
}
