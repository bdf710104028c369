//! Partner organisations (共建单位) and their teams: platform records, since one university
//! may partner with many communities of many districts.

use chrono::{DateTime, Utc};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum OrganisationKind {
    /// 高校
    University,
    /// 企业
    Enterprise,
    /// 商户
    Merchant,
    /// 物业
    PropertyCompany,
    /// 社会组织
    SocialOrganisation,
}

/// What an account may do for its organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum MemberRole {
    /// Describes the organisation, adds people and teams, asks to partner.
    Admin,
    /// Works in its teams.
    Member,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum PartnershipStatus {
    Requested,
    Approved,
    Declined,
    /// Ended after it was approved: its people lost their access at once.
    Ended,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Organisation {
    pub id: Uuid,
    pub name: String,
    pub kind: OrganisationKind,
    /// A social organisation's grade (3A …).
    pub grade: Option<String>,
    pub description: String,
    pub contact: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PartnerTeam {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub name: String,
    pub leader_id: Uuid,
    pub skills: Vec<String>,
    pub contact: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OrganisationMember {
    pub organisation_id: Uuid,
    pub account_id: Uuid,
    pub role: MemberRole,
}

/// A request to partner with a district (all its communities) or one community (共建申请).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Partnership {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub district_id: Option<Uuid>,
    pub community_id: Option<Uuid>,
    pub status: PartnershipStatus,
    pub reason: Option<String>,
    pub requested_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
    /// The organisation's people hold residents' rights in the community (or district).
    pub resident_rights: bool,
    pub ended_at: Option<DateTime<Utc>>,
    pub end_reason: Option<String>,
}
