//! What a notification is.

use chrono::{DateTime, Utc};
use uuid::Uuid;

/// What a notification tells of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type, serde::Serialize)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "NotificationKind")
)]
pub enum NoticeKind {
    /// 候补转正: a seat came free and the learner now holds it.
    WaitlistPromoted,
    SessionCancelled,
    SessionMoved,
    /// The day before a session.
    SessionReminder,
    /// Someone is asked to consent: a guardian to a child's work being shown, a resident to a
    /// family member acting for them (家人代办).
    ConsentRequested,
    /// A farm plot was not tended: tend it or lose it.
    PlotWarning,
    /// A farm plot freed for the waiting list is yours.
    PlotAssigned,
    /// The community writes to the party members reported in (双报到).
    PartyNotice,
}

/// A notification to write: `about` names the event (`session:<id>`), so the same event
/// never tells one account twice.
#[derive(Debug, Clone)]
pub struct Notice {
    pub account_id: Uuid,
    pub kind: NoticeKind,
    pub about: String,
    pub title: String,
    pub body: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Notification {
    pub id: Uuid,
    pub account_id: Uuid,
    pub kind: NoticeKind,
    pub about: String,
    pub title: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum Channel {
    Webhook,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "DeliveryStatus")
)]
pub enum DeliveryStatus {
    /// Claimed by a worker, being sent (left so if the worker died: never resent).
    Sending,
    Sent,
    /// Refused by the channel; retried at `next_attempt_at`.
    Failed,
    /// Failed too often; not retried.
    Abandoned,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Delivery {
    pub notification_id: Uuid,
    pub kind: NoticeKind,
    pub title: String,
    pub channel: Channel,
    pub status: DeliveryStatus,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub updated_at: DateTime<Utc>,
}
