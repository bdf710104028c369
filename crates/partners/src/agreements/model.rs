use chrono::NaiveDate;
use uuid::Uuid;

/// What an activity was, and what a commitment counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "AgreementActivityKind")
)]
pub enum ActivityKind {
    /// A course the partner teaches.
    Course,
    /// A volunteer shift the partner staffs.
    Shift,
    /// An event.
    Event,
    Other,
}

/// What a commitment counts: any activity, or one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "CommitmentKind")
)]
pub enum CommitmentKind {
    Any,
    Course,
    Shift,
    Event,
}

impl CommitmentKind {
    pub fn counts(self, a: ActivityKind) -> bool {
        match self {
            CommitmentKind::Any => true,
            CommitmentKind::Course => a == ActivityKind::Course,
            CommitmentKind::Shift => a == ActivityKind::Shift,
            CommitmentKind::Event => a == ActivityKind::Event,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "CommitmentPer")
)]
pub enum Per {
    Month,
    Quarter,
    Year,
    /// Over the whole agreement.
    Period,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Agreement {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub organisation_name: String,
    pub team_id: Option<Uuid>,
    pub team_name: Option<String>,
    pub title: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

#[derive(Debug, Clone, Copy, sqlx::FromRow)]
pub struct Commitment {
    pub agreement_id: Uuid,
    pub kind: CommitmentKind,
    pub per: Per,
    pub count: i32,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Activity {
    pub id: Uuid,
    pub agreement_id: Uuid,
    pub kind: ActivityKind,
    pub reference: Option<Uuid>,
    pub title: String,
    pub held_on: NaiveDate,
    /// Staff voided it: kept, not counted.
    pub voided_at: Option<chrono::DateTime<chrono::Utc>>,
    pub void_reason: Option<String>,
}

/// One period of a commitment: what was promised and what was held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    pub kind: CommitmentKind,
    pub per: Per,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub committed: i32,
    pub held: i32,
}
