//! Partner organisations (共建单位) and their teams: platform records, since one university
//! may partner with many communities of many districts.

use chrono::{DateTime, Utc};
#[cfg(feature = "graphql")]
use infra::graphql::{ID, id, opt_id};
use uuid::Uuid;

/// 单位类型
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "OrganisationKind")
)]
pub enum OrganisationKind {
    /// 高校
    University,
    /// 企业
    Enterprise,
    /// 商户
    Merchant,
    /// 物业
    PropertyCompany,
    /// 社会组织 (with its grade, 3A …)
    SocialOrganisation,
    /// 工会 (群团)
    TradeUnion,
    /// 妇联 (群团)
    WomensFederation,
    /// 共青团 (群团)
    YouthLeague,
    /// 残联 (群团)
    DisabledPersonsFederation,
    /// 科协 (群团)
    ScienceAssociation,
    /// 红十字会 (群团)
    RedCross,
    /// 社工机构
    SocialWorkAgency,
    /// 居民自治组织
    ResidentsSelfGoverning,
    /// 业主委员会
    OwnersCommittee,
    /// 学校
    School,
    /// 医院
    Hospital,
    /// 银行
    Bank,
}

/// What an account may do for its organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "OrganisationRole")
)]
pub enum MemberRole {
    /// Describes the organisation, adds people and teams, asks to partner.
    Admin,
    /// Works in its teams.
    Member,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "PartnershipStatus")
)]
pub enum PartnershipStatus {
    Requested,
    Approved,
    Declined,
    /// Ended after it was approved: its people lost their access at once.
    Ended,
}

#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "PartnerOrganisation")
)]
pub struct Organisation {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
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
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "Partnership")
)]
pub struct Partnership {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    #[cfg_attr(
        feature = "graphql",
        graphql(
            skip,
            derived(name = "organisation_id", into = "ID", with = "id", owned)
        )
    )]
    pub organisation_id: Uuid,
    /// Asked of a whole district, or of one community.
    #[cfg_attr(
        feature = "graphql",
        graphql(
            skip,
            derived(name = "district_id", into = "Option<ID>", with = "opt_id", owned)
        )
    )]
    pub district_id: Option<Uuid>,
    #[cfg_attr(
        feature = "graphql",
        graphql(
            skip,
            derived(name = "community_id", into = "Option<ID>", with = "opt_id", owned)
        )
    )]
    pub community_id: Option<Uuid>,
    pub status: PartnershipStatus,
    /// Why it was declined.
    pub reason: Option<String>,
    pub requested_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
    /// The organisation's people hold residents' rights in the community (or district).
    pub resident_rights: bool,
    pub ended_at: Option<DateTime<Utc>>,
    pub end_reason: Option<String>,
}
