//! The timetable as types: a session and its status.

use chrono::{DateTime, Utc};
use uuid::Uuid;

/// A session is held as planned or was cancelled (kept, so learners see 已取消).
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "SessionStatus")
)]
pub enum SessionStatus {
    Scheduled,
    /// 已取消: kept on the timetable so learners see it.
    Cancelled,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Session {
    pub id: Uuid,
    pub course_id: Uuid,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: String,
    pub status: SessionStatus,
    pub cancel_reason: Option<String>,
    /// When it was first planned to start, once moved.
    pub moved_from: Option<DateTime<Utc>>,
    /// The community space it takes place in, holding that space's time.
    pub space_id: Option<Uuid>,
}
