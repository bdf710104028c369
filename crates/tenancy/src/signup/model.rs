//! Invitations, sign-up requests and what a sign-up gives.

use chrono::{DateTime, Utc};
use uuid::Uuid;

/// A community's invitation (邀请码): the code printed with its slug as a link or QR code.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Invitation {
    pub community_id: Uuid,
    pub code: String,
    /// Newcomers wait for staff to confirm them (待审核) instead of becoming residents at once.
    pub confirm_by_staff: bool,
    pub rotated_at: DateTime<Utc>,
}

/// Where a sign-up stands with the community's staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "SignUpStatus")
)]
pub enum SignUpStatus {
    /// 待审核: waiting for staff.
    Pending,
    /// A resident of the community (at once, or confirmed by staff).
    Accepted,
    Declined,
}

/// A newcomer's sign-up in one community.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SignUpRequest {
    pub account_id: Uuid,
    pub community_id: Uuid,
    pub status: SignUpStatus,
    pub created_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
    /// The newcomer's name as they gave it.
    pub display_name: String,
    pub phone_encrypted: Option<String>,
}

/// What a newcomer types on the invitation's page.
pub struct SignUpInput {
    pub community: String,
    pub invitation: String,
    pub display_name: String,
    pub phone: String,
    pub password: String,
    /// The one-time code sent to the phone.
    pub code: String,
}

/// The community an invitation leads to, as its page shows it before anyone signs up.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InvitedCommunity {
    pub slug: String,
    pub name: String,
    pub district_name: String,
    pub confirm_by_staff: bool,
}

/// What a sign-up (or joining with an invitation) gave.
#[derive(Debug)]
pub struct SignedUp {
    pub token: crate::auth::model::IssuedToken,
    pub status: SignUpStatus,
}
