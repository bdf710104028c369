//! Accounts (global: one person may belong to several communities), the roles they hold per
//! scope, and what creating one or granting a role takes.

use uuid::Uuid;

use crate::gate::Role;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Account {
    pub id: Uuid,
    pub login_name: String,
    pub display_name: String,
    pub phone_encrypted: Option<String>,
    pub active: bool,
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// Tokens carrying another version are refused (logout, password change, deactivation).
    pub token_version: i32,
}

/// A role held by an account in one scope.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Membership {
    pub id: Uuid,
    pub account_id: Uuid,
    pub role: crate::gate::Role,
    pub district_id: Option<Uuid>,
    pub community_id: Option<Uuid>,
    /// Filled by the query that loads memberships with their scope's path.
    pub district_code: Option<String>,
    pub community_slug: Option<String>,
}

pub struct NewAccountInput {
    pub login_name: String,
    pub display_name: String,
    pub password: String,
    pub phone: Option<String>,
}

/// Where a role is granted: nothing (platform), a district, or a community.
pub struct GrantInput {
    pub account_id: Uuid,
    pub role: Role,
    pub district_code: Option<String>,
    pub community_slug: Option<String>,
}
