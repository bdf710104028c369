use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum RecordedAs {
    /// By the volunteer.
    Volunteer,
    /// By the shift's leader, for the whole shift at once.
    Leader,
    Staff,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum HoursStatus {
    Pending,
    Verified,
    /// Declined with a reason; the record stays.
    Declined,
}

/// Service hours (服务时长) of one volunteer on one day.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Hours {
    pub id: Uuid,
    pub volunteer_id: Uuid,
    pub post_id: Uuid,
    pub shift_id: Option<Uuid>,
    pub served_on: NaiveDate,
    pub minutes: i32,
    pub recorded_as: RecordedAs,
    pub status: HoursStatus,
    pub decline_reason: Option<String>,
    pub card_id: Option<Uuid>,
    /// Points earned when verified.
    pub points: Option<i32>,
    pub transfer_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

/// A volunteer's statement: verified hours, points earned and held, every record.
#[derive(Debug, Clone)]
pub struct Statement {
    pub volunteer: crate::registry::model::Volunteer,
    pub verified_minutes: i64,
    pub points_earned: i64,
    /// The volunteer's own account now (cards' credits are the cards').
    pub balance: i64,
    pub first_served: Option<NaiveDate>,
    pub last_served: Option<NaiveDate>,
    pub hours: Vec<Hours>,
}
