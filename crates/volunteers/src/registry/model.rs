use chrono::{DateTime, NaiveDate, Utc};
#[cfg(feature = "graphql")]
use infra::graphql::{ID, id, opt_id};
use uuid::Uuid;

/// A volunteer's lifecycle: never deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "VolunteerStatus")
)]
pub enum VolunteerStatus {
    /// Registered, waiting for staff.
    Applicant,
    Active,
    Inactive,
}

/// A registered volunteer (志愿者).
#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "Volunteer")
)]
pub struct Volunteer {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "account_id", into = "ID", with = "id", owned))
    )]
    pub account_id: Uuid,
    pub name: String,
    pub status: VolunteerStatus,
    pub skills: Vec<String>,
    /// 双报到: a party member reporting to the community.
    pub party_member: bool,
    #[cfg_attr(
        feature = "graphql",
        graphql(
            skip,
            derived(name = "team_id", into = "Option<ID>", with = "opt_id", owned)
        )
    )]
    pub team_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    /// Verified service in minutes, all time.
    pub verified_minutes: i64,
    /// 志愿者星级: 0 (none) to 5, from the verified hours and the community's thresholds.
    pub star_level: i16,
}

#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "VolunteerTraining")
)]
pub struct Training {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    pub title: String,
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "held_on", into = "infra::graphql::Date", owned))
    )]
    pub held_on: NaiveDate,
    /// Hours, to one decimal (as text: "2.5").
    pub hours: String,
    #[cfg_attr(feature = "graphql", graphql(skip))]
    pub volunteer_id: Uuid,
}
