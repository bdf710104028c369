//! The registry's own records: residents' requests to be linked to the record staff entered.

use uuid::Uuid;

/// Where a link request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "RecordLinkStatus")
)]
pub enum LinkStatus {
    /// Waiting for staff to confirm in person.
    Pending,
    /// The account was linked to the record.
    Linked,
    /// Staff found no record that is the resident's.
    Declined,
}

/// A resident's request to be linked to a record, as staff decide it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LinkRequest {
    pub id: Uuid,
    pub account_id: Uuid,
    pub account_name: String,
    pub claimed_name: String,
    pub phone_encrypted: Option<String>,
    pub learner_id: Option<Uuid>,
    pub status: LinkStatus,
    pub requested_at: chrono::DateTime<chrono::Utc>,
}
