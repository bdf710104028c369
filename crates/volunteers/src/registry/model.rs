use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

/// A volunteer's lifecycle: never deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum VolunteerStatus {
    /// Registered, waiting for staff.
    Applicant,
    Active,
    Inactive,
}

/// A registered volunteer (志愿者).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Volunteer {
    pub id: Uuid,
    pub account_id: Uuid,
    pub name: String,
    pub status: VolunteerStatus,
    pub skills: Vec<String>,
    /// 双报到: a party member reporting to the community.
    pub party_member: bool,
    pub team_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Training {
    pub id: Uuid,
    pub volunteer_id: Uuid,
    pub title: String,
    pub held_on: NaiveDate,
    /// Hours, to one decimal (as text: "2.5").
    pub hours: String,
}
