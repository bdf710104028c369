//! Enrolment as types: an enrolment and its status.

use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "EnrolmentStatus")
)]
pub enum EnrolmentStatus {
    Enrolled,
    Waitlisted,
    Cancelled,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Enrolment {
    pub id: Uuid,
    pub course_id: Uuid,
    pub learner_id: Uuid,
    pub status: EnrolmentStatus,
    pub queued: i64,
}
