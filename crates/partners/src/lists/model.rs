use chrono::{DateTime, Utc};
#[cfg(feature = "graphql")]
use infra::graphql::{ID, id};
use uuid::Uuid;

/// Whether a list holds needs or what is offered (resources, services, projects).
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "ListRole")
)]
pub enum ListRole {
    /// 需求
    Need,
    /// 资源、服务、项目
    Offer,
}

/// A kind of list in the "three lists" (三张清单), configurable per community.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ListKind {
    pub code: String,
    pub name: String,
    pub position: i32,
    pub role: ListRole,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "ListEnteredAs")
)]
pub enum EnteredAs {
    Staff,
    Partner,
    Resident,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "ListEntryStatus")
)]
pub enum EntryStatus {
    Open,
    Matched,
    Closed,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ListEntry {
    pub id: Uuid,
    pub kind_code: String,
    pub title: String,
    pub detail: String,
    pub category: String,
    pub skills: Vec<String>,
    pub entered_as: EnteredAs,
    pub organisation_id: Option<Uuid>,
    pub status: EntryStatus,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "ListMatchStatus")
)]
pub enum MatchStatus {
    Confirmed,
    /// It met the need.
    Done,
    /// It did not.
    Failed,
}

#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "ListMatch")
)]
pub struct ListMatch {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "need_id", into = "ID", with = "id", owned))
    )]
    pub need_id: Uuid,
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "offer_id", into = "ID", with = "id", owned))
    )]
    pub offer_id: Uuid,
    pub status: MatchStatus,
    pub outcome: Option<String>,
    pub created_at: DateTime<Utc>,
}
