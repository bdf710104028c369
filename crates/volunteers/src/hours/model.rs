use crate::registry::model::Volunteer;
use chrono::{DateTime, NaiveDate, Utc};
#[cfg(feature = "graphql")]
use infra::graphql::{ID, id, opt_id};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "HoursRecordedAs")
)]
pub enum RecordedAs {
    /// By the volunteer.
    Volunteer,
    /// By the shift's leader, for the whole shift at once.
    Leader,
    Staff,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "HoursStatus")
)]
pub enum HoursStatus {
    Pending,
    Verified,
    /// Declined with a reason; the record stays.
    Declined,
}

/// Service hours (服务时长) of one volunteer on one day.
#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "VolunteerHours")
)]
pub struct Hours {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "volunteer_id", into = "ID", with = "id", owned))
    )]
    pub volunteer_id: Uuid,
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "post_id", into = "ID", with = "id", owned))
    )]
    pub post_id: Uuid,
    #[cfg_attr(
        feature = "graphql",
        graphql(
            skip,
            derived(name = "shift_id", into = "Option<ID>", with = "opt_id", owned)
        )
    )]
    pub shift_id: Option<Uuid>,
    #[cfg_attr(
        feature = "graphql",
        graphql(
            skip,
            derived(name = "served_on", into = "infra::graphql::Date", owned)
        )
    )]
    pub served_on: NaiveDate,
    pub minutes: i32,
    pub recorded_as: RecordedAs,
    pub status: HoursStatus,
    pub decline_reason: Option<String>,
    #[cfg_attr(
        feature = "graphql",
        graphql(
            skip,
            derived(name = "card_id", into = "Option<ID>", with = "opt_id", owned)
        )
    )]
    pub card_id: Option<Uuid>,
    /// Points earned when verified.
    pub points: Option<i32>,
    #[cfg_attr(
        feature = "graphql",
        graphql(
            skip,
            derived(name = "transfer_id", into = "Option<ID>", with = "opt_id", owned)
        )
    )]
    pub transfer_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

/// A volunteer's statement: verified hours, points earned and held, every record.
#[derive(Debug, Clone)]
pub struct Statement {
    pub volunteer: Volunteer,
    pub verified_minutes: i64,
    pub points_earned: i64,
    /// The volunteer's own account now (cards' credits are the cards').
    pub balance: i64,
    pub first_served: Option<NaiveDate>,
    pub last_served: Option<NaiveDate>,
    pub hours: Vec<Hours>,
}

/// A partner team's verified service in one month.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TeamMonth {
    /// The month's first day.
    pub month: NaiveDate,
    pub minutes: i64,
    pub points: i64,
    /// Volunteers of the team who served that month.
    pub volunteers: i64,
}
