//! Who may do what in a community: the roles a membership carries, the access the gate
//! grants, and the one context a community service takes (`CommunityCtx`) with the named role
//! sets it checks (`Roles`). Only this crate builds a `CommunityScope`, so holding a context
//! means the gate (or the operator) admitted the caller.

use infra::Tenant;
use uuid::Uuid;

/// Roles a membership can carry. Scope decides where: platform, a district, or a community.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, sqlx::Type,
)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "Role")
)]
pub enum Role {
    PlatformAdmin,
    DistrictAdmin,
    DistrictViewer,
    CommunityAdmin,
    Staff,
    /// 网格员: acts for residents (代办) — registry, enrolments, walk-ins.
    GridWorker,
    /// 居民小组长: a resident leading a courtyard or building; enters residents, survey answers
    /// and walk-ins for the courtyards staff gave them, nothing more.
    GroupLeader,
    Teacher,
    Volunteer,
    Resident,
    PartnerMember,
}

impl Role {
    /// Roles that live on a community scope (the others are platform or district roles).
    pub fn is_community_role(self) -> bool {
        !matches!(
            self,
            Role::PlatformAdmin | Role::DistrictAdmin | Role::DistrictViewer
        )
    }
}

/// What the caller may do in the community of the request. Built by the gateway's community
/// gate after membership was checked, so holding one means "allowed into this community".
#[derive(Debug, Clone)]
pub struct CommunityAccess {
    pub account_id: Uuid,
    /// The caller's display name, for records that need a name (a learner's, say).
    pub display_name: String,
    /// Roles held directly in this community.
    pub roles: Vec<Role>,
    /// Platform admin, or admin of a district that contains the community.
    pub admin_above: bool,
    /// Viewer of a district that contains the community (read-only).
    pub viewer_above: bool,
}

/// The community of a request, after the gate let the caller in. Its fields are private and
/// only this crate builds one: the gate (`Tenancy::enter_community`), the operator's explicit
/// actor (`Tenancy::operator_scope`) and, for tests, `CommunityScope::for_tests`.
#[derive(Debug, Clone)]
pub struct CommunityScope {
    tenant: Tenant,
    access: CommunityAccess,
}

impl CommunityScope {
    pub(crate) fn new(tenant: Tenant, access: CommunityAccess) -> Self {
        CommunityScope { tenant, access }
    }

    /// Any scope, for tests that play a role without an account (feature `testing`).
    #[cfg(feature = "testing")]
    pub fn for_tests(tenant: Tenant, access: CommunityAccess) -> Self {
        CommunityScope { tenant, access }
    }

    pub fn tenant(&self) -> &Tenant {
        &self.tenant
    }

    pub fn access(&self) -> &CommunityAccess {
        &self.access
    }
}

/// A named set of roles, checked in one place (`CommunityCtx::require`). An admin of the
/// community's district (or the platform) passes every set.
#[derive(Debug, Clone, Copy)]
pub struct Roles {
    pub name: &'static str,
    roles: &'static [Role],
}

impl Roles {
    /// Community admins and staff (社区工作者): everything a community office does.
    pub const STAFF: Roles = Roles {
        name: "staff",
        roles: &[Role::CommunityAdmin, Role::Staff],
    };
    /// Who may act for any resident of the community (代办) and keep its registry: staff and
    /// grid workers (网格员).
    pub const PROXY: Roles = Roles {
        name: "proxy",
        roles: &[Role::CommunityAdmin, Role::Staff, Role::GridWorker],
    };
    /// Who enters residents, survey answers and walk-ins for others (入户登记): staff, grid
    /// workers and 居民小组长 — each within their reach (`CommunityCtx::entry_reach`).
    pub const ENTRY: Roles = Roles {
        name: "entry",
        roles: &[
            Role::CommunityAdmin,
            Role::Staff,
            Role::GridWorker,
            Role::GroupLeader,
        ],
    };
    /// Staff and teachers (a teacher further only on the courses they teach).
    pub const TEACHING: Roles = Roles {
        name: "teaching",
        roles: &[Role::CommunityAdmin, Role::Staff, Role::Teacher],
    };
    /// What a resident may do: take course seats, events, farm plots and rooms, redeem and
    /// pass points — the roles of the community's own people. A partner organisation's people
    /// are not among them unless the community gave the partnership residents' rights (their
    /// account then holds `Resident` there too). A district viewer holds none and only reads.
    pub const MEMBERS: Roles = Roles {
        name: "members",
        roles: &[
            Role::CommunityAdmin,
            Role::Staff,
            Role::GridWorker,
            Role::GroupLeader,
            Role::Teacher,
            Role::Volunteer,
            Role::Resident,
        ],
    };
    /// A partner organisation's work here, with staff: agreements and their delivery, micro-
    /// venture proposals and milestones, teams' bookings and service.
    pub const PARTNERS: Roles = Roles {
        name: "partners",
        roles: &[Role::CommunityAdmin, Role::Staff, Role::PartnerMember],
    };
    /// Anyone holding a role in the community, partners included: what the community shows
    /// its members and partners alike (the three lists, its partners, calls for proposals)
    /// and volunteering, which partner teams do with residents.
    pub const ANYONE: Roles = Roles {
        name: "anyone",
        roles: &[
            Role::CommunityAdmin,
            Role::Staff,
            Role::GridWorker,
            Role::GroupLeader,
            Role::Teacher,
            Role::Volunteer,
            Role::Resident,
            Role::PartnerMember,
        ],
    };

    pub fn admits(&self, access: &CommunityAccess) -> bool {
        access.admin_above || access.roles.iter().any(|r| self.roles.contains(r))
    }
}
