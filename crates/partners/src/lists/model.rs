use chrono::{DateTime, Utc};
use uuid::Uuid;

/// Whether a list holds needs or what is offered (resources, services, projects).
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum ListRole {
    Need,
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
pub enum EnteredAs {
    Staff,
    Partner,
    Resident,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
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
pub enum MatchStatus {
    Confirmed,
    /// It met the need.
    Done,
    /// It did not.
    Failed,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ListMatch {
    pub id: Uuid,
    pub need_id: Uuid,
    pub offer_id: Uuid,
    pub status: MatchStatus,
    pub outcome: Option<String>,
    pub created_at: DateTime<Utc>,
}
