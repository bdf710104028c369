//! Partner access as a type: a person, and what it comes through.

use uuid::Uuid;

use crate::organisations::model::MemberRole;

/// A person with partner access to a community, and through what.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PartnerPerson {
    pub account_id: Uuid,
    pub display_name: String,
    pub login_name: String,
    pub active: bool,
    pub organisation_id: Uuid,
    pub organisation_name: String,
    pub member_role: MemberRole,
    pub partnership_id: Uuid,
    /// Through the community's district (or one above it) rather than the community itself.
    pub via_district: bool,
    pub resident_rights: bool,
}
