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
    /// Being moved to another cluster: its transactions are read-only and a mutation is
    /// refused before it begins (its role has also lost the right to write).
    pub read_only: bool,
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
