//! The one context a community service takes: the community the gate admitted the caller to,
//! with what they may do there, and the database, secrets and object store to do it with.

use infra::crypto::Secrets;
use infra::storage::ObjectStore;
use infra::{AppError, AppResult, Db, Tenant, TenantTx};

use super::model::{CommunityAccess, CommunityScope, Roles};

/// A request's community context.
#[derive(Clone)]
pub struct CommunityCtx {
    db: Db,
    secrets: Secrets,
    store: ObjectStore,
    scope: CommunityScope,
}

impl CommunityCtx {
    /// `scope` comes from the gate (or the operator's actor): holding one means admitted.
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
        self.db.tenant_tx(self.scope.tenant()).await
    }

    pub fn require(&self, roles: Roles) -> AppResult<()> {
        if roles.admits(self.scope.access()) {
            Ok(())
        } else {
            Err(AppError::forbidden())
        }
    }

    /// Staff or an admin above: may act for any resident (代办), sees drafts and full numbers.
    pub fn is_staff(&self) -> bool {
        Roles::STAFF.admits(self.scope.access())
    }

    /// Staff or a grid worker: may count walk-ins outside an event's window. Whose residents
    /// they act for (代办) is `reach`: staff everyone, a grid worker their grids.
    pub fn is_proxy(&self) -> bool {
        Roles::PROXY.admits(self.scope.access())
    }

    pub fn access(&self) -> &CommunityAccess {
        self.scope.access()
    }

    pub fn tenant(&self) -> &Tenant {
        self.scope.tenant()
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
