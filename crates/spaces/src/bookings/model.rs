//! Bookings as types: who books (a resident, a club, a partner team), a booking and its status,
//! no-show rules, quotas, and the busy times of a space. Every status and kind an enum (an
//! unknown value in a row is a decoding error, never a default).

use chrono::{DateTime, Utc};
#[cfg(feature = "graphql")]
use infra::graphql::{ID, id, opt_id};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "BookerKind")
)]
pub enum BookerKind {
    Person,
    Club,
    /// A partner organisation's team.
    // (The partners crate's platform record.)
    Team,
}

/// The group a booking is made for, when not for the booker alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BookingGroup {
    /// A club (社团) of the courses crate.
    Club(Uuid),
    /// A partner team, with its name at booking time (teams live outside the community).
    Team { id: Uuid, name: String },
}

impl BookingGroup {
    pub fn id(&self) -> Uuid {
        match self {
            BookingGroup::Club(id) | BookingGroup::Team { id, .. } => *id,
        }
    }

    pub fn kind(&self) -> BookerKind {
        match self {
            BookingGroup::Club(_) => BookerKind::Club,
            BookingGroup::Team { .. } => BookerKind::Team,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "BookingStatus")
)]
pub enum BookingStatus {
    /// Waiting for staff where the space asks for approval; it holds its slot meanwhile.
    Requested,
    Approved,
    Declined,
    Cancelled,
    /// Not checked in in time: released, counted against the booker.
    // (The worker releases it.)
    NoShow,
}

impl BookingStatus {
    /// Holds its slot.
    pub fn is_active(self) -> bool {
        matches!(self, BookingStatus::Requested | BookingStatus::Approved)
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "Booking")
)]
pub struct Booking {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "space_id", into = "ID", with = "id", owned))
    )]
    pub space_id: Uuid,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub booker_kind: BookerKind,
    #[cfg_attr(
        feature = "graphql",
        graphql(
            skip,
            derived(name = "club_id", into = "Option<ID>", with = "opt_id", owned)
        )
    )]
    pub club_id: Option<Uuid>,
    /// A partner team's booking: the team and its name when booked.
    #[cfg_attr(
        feature = "graphql",
        graphql(
            skip,
            derived(name = "team_id", into = "Option<ID>", with = "opt_id", owned)
        )
    )]
    pub team_id: Option<Uuid>,
    pub team_name: Option<String>,
    pub purpose: String,
    pub attendance: i32,
    pub status: BookingStatus,
    #[cfg_attr(
        feature = "graphql",
        graphql(
            skip,
            derived(name = "series_id", into = "Option<ID>", with = "opt_id", owned)
        )
    )]
    pub series_id: Option<Uuid>,
    /// Points the booking costs, fixed when it was made.
    pub points_price: i32,
    pub checked_in_at: Option<DateTime<Utc>>,
    #[cfg_attr(feature = "graphql", graphql(skip))]
    pub booked_by: Uuid,
}

/// The community's no-show rules.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct NoShowRules {
    /// Minutes after the start a booking not checked in is released.
    pub grace_minutes: i32,
    /// This many no-shows within `no_show_days` suspend booking for `suspension_days`.
    pub no_show_limit: i32,
    pub no_show_days: i32,
    pub suspension_days: i32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "QuotaPeriod")
)]
pub enum QuotaPeriod {
    Week,
    Month,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "QuotaUnit")
)]
pub enum QuotaUnit {
    Hours,
    Bookings,
}

/// At most `max_units` hours or bookings per person (or per club) per week or month.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Quota {
    pub id: Uuid,
    pub applies_to: BookerKind,
    pub period: QuotaPeriod,
    pub unit: QuotaUnit,
    pub max_units: i32,
}

/// A busy span of a space's calendar: a booking or a course session.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct BusySlot {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub booking_id: Option<Uuid>,
    pub session_id: Option<Uuid>,
}
