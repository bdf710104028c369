//! The tenant of a request and the transaction that is confined to it.
//!
//! A `Tenant` is only ever built from a row of `platform.communities` (by the tenancy crate), so
//! its schema and role names are trusted identifiers. A `TenantTx` is the only way domain code
//! reaches a community schema: it is a transaction whose `search_path` and `role` were set with
//! `set_config(..., true)`, so both vanish at commit or rollback and never leak to the next user
//! of the pooled connection. The role has rights on its own schema alone; naming another
//! community's schema fails with `permission denied` in PostgreSQL itself.

use std::ops::{Deref, DerefMut};
use std::sync::Arc;

use sqlx::{Postgres, Transaction};
use uuid::Uuid;

use crate::audit::AuditScope;
use crate::error::{AppError, AppResult};

/// One community (社区) as the database sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tenant {
    pub community_id: Uuid,
    pub district_id: Uuid,
    pub slug: String,
    pub name: String,
    pub schema: String,
    pub role: String,
}

/// A transaction confined to one community schema and role.
pub struct TenantTx {
    tx: Transaction<'static, Postgres>,
    /// The mutation whose audit row this transaction wrote, marked recorded at commit.
    audit: Option<Arc<AuditScope>>,
}

impl TenantTx {
    pub(crate) fn new(tx: Transaction<'static, Postgres>, audit: Option<Arc<AuditScope>>) -> Self {
        TenantTx { tx, audit }
    }

    pub async fn commit(self) -> AppResult<()> {
        self.tx.commit().await.map_err(AppError::from)?;
        if let Some(a) = self.audit {
            a.mark_recorded();
        }
        Ok(())
    }

    pub async fn rollback(self) -> AppResult<()> {
        self.tx.rollback().await.map_err(AppError::from)
    }
}

impl Deref for TenantTx {
    type Target = sqlx::PgConnection;
    fn deref(&self) -> &Self::Target {
        &self.tx
    }
}

impl DerefMut for TenantTx {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.tx
    }
}

/// Roles a membership can carry. Scope decides where: platform, a district, or a community.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, sqlx::Type,
)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum Role {
    PlatformAdmin,
    DistrictAdmin,
    DistrictViewer,
    CommunityAdmin,
    Staff,
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

/// The community of a request, after the gateway's gate let the caller in.
#[derive(Debug, Clone)]
pub struct CommunityScope {
    pub tenant: Tenant,
    pub access: CommunityAccess,
}
