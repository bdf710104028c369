//! Family help as types: a request or consent, and its status.

use chrono::{DateTime, Utc};
use uuid::Uuid;

/// Where a family member's request to act for a resident stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[cfg_attr(feature = "graphql", derive(async_graphql::Enum))]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum FamilyHelpStatus {
    /// Asked by the family member; the resident has not answered.
    Requested,
    /// The resident agreed: the family member may act for them.
    Granted,
    /// The resident said no.
    Declined,
    /// Ended by the resident, the family member or staff (or withdrawn before an answer).
    Ended,
}

/// One family member and one resident: who asked, what the resident answered and how.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FamilyHelp {
    pub id: Uuid,
    pub learner_id: Uuid,
    /// The resident's name (from their record).
    pub learner_name: String,
    /// The resident's own account, if they have one (they answer in the app).
    pub learner_account_id: Option<Uuid>,
    pub helper_account_id: Uuid,
    pub helper_name: String,
    pub relation: String,
    pub status: FamilyHelpStatus,
    pub requested_at: DateTime<Utc>,
    /// Agreed (or declined) before staff or a grid worker rather than in the app.
    pub in_person: Option<bool>,
    pub answered_at: Option<DateTime<Utc>>,
    pub ended_at: Option<DateTime<Utc>>,
}
