//! The one value a community service takes: the database, the keys, the object store and the
//! caller's admitted scope. Services open their transaction with `ctx.tx()` and check roles
//! with `ctx.require(Roles::STAFF)`; nothing else travels beside it.

use crate::crypto::Secrets;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::storage::ObjectStore;
use crate::tenant::{CommunityAccess, CommunityScope, Role, Tenant, TenantTx};

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
    /// Staff and teachers (a teacher further only on the courses they teach).
    pub const TEACHING: Roles = Roles {
        name: "teaching",
        roles: &[Role::CommunityAdmin, Role::Staff, Role::Teacher],
    };
    /// Anyone holding a role in the community: what a resident may do. A district viewer
    /// holds none there and only reads.
    pub const MEMBERS: Roles = Roles {
        name: "members",
        roles: &[
            Role::CommunityAdmin,
            Role::Staff,
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

/// A request's community context.
#[derive(Clone)]
pub struct CommunityCtx {
    db: Db,
    secrets: Secrets,
    store: ObjectStore,
    scope: CommunityScope,
}

impl CommunityCtx {
    /// For the community gate (and an operator's explicit actor): `scope` must come from a
    /// membership check.
    pub fn new(db: Db, secrets: Secrets, store: ObjectStore, scope: CommunityScope) -> Self {
        CommunityCtx {
            db,
            secrets,
            store,
            scope,
        }
    }

    /// A transaction confined to this community.
    pub async fn tx(&self) -> AppResult<TenantTx> {
        self.db.tenant_tx(&self.scope.tenant).await
    }

    pub fn require(&self, roles: Roles) -> AppResult<()> {
        if roles.admits(&self.scope.access) {
            Ok(())
        } else {
            Err(AppError::forbidden())
        }
    }

    /// Staff or an admin above: may act for any resident (代办), sees drafts and full numbers.
    pub fn is_staff(&self) -> bool {
        Roles::STAFF.admits(&self.scope.access)
    }

    pub fn access(&self) -> &CommunityAccess {
        &self.scope.access
    }

    pub fn tenant(&self) -> &Tenant {
        &self.scope.tenant
    }

    pub fn scope(&self) -> &CommunityScope {
        &self.scope
    }

    pub fn secrets(&self) -> &Secrets {
        &self.secrets
    }

    pub fn store(&self) -> &ObjectStore {
        &self.store
    }

    pub fn db(&self) -> &Db {
        &self.db
    }
}
