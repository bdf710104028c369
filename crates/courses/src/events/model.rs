//! Events as types: events of every kind beside course sessions.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::model::SessionStatus;

/// Events other than course sessions: 活动, 交流, 展演, 服务集市, 达人服务日.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "EventKind")
)]
pub enum EventKind {
    /// 活动
    Activity,
    /// 交流
    Exchange,
    /// 展演
    Performance,
    /// 服务集市
    Market,
    /// 达人服务日
    ServiceDay,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Event {
    pub id: Uuid,
    pub title: String,
    pub kind: EventKind,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: String,
    /// `None`: no registration, anyone walks in.
    pub capacity: Option<i32>,
    pub registered: i32,
    pub status: SessionStatus,
    /// The series a repeating event belongs to (one schedule made them all).
    pub series_id: Option<Uuid>,
    /// 人次 the event aims for (新华's 200余人次), checked by the cadence report.
    pub attendance_target: Option<i32>,
}
