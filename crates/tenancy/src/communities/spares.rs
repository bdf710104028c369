//! Community schemas built ahead (备用 schema). Building a schema — a role, 477 relations,
//! their grants — is most of what onboarding costs, and its cost grows with the
//! catalog (2.5 s at 5,000 communities). The worker keeps a few built at the latest community
//! migration; onboarding takes one and renames it (`db::take_spare`), and builds one itself
//! only when none is ready. A spare is the same schema onboarding would build: it is built by
//! the same statements, under a name of its own, and the names it holds as text (functions'
//! pinned `search_path`) are changed with it.

use infra::AppResult;
use infra::db::ddl;
use uuid::Uuid;

use super::db;
use crate::gate::Tenancy;

/// Gateways building spares take turns (a transaction-level advisory lock).
const BUILDER_LOCK: i64 = 7418003;

/// What one round of keeping spares did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SparesKept {
    pub built: usize,
    /// Built for an older version of the community migrations and dropped.
    pub dropped: usize,
    pub ready: usize,
}

impl Tenancy {
    /// Keep `target` spare schemas ready at the latest community migration: drop those built
    /// for an older one, build the missing ones, each in a transaction of its own.
    pub async fn keep_spares(&self, target: usize) -> AppResult<SparesKept> {
        let migrations = infra::migrations::community();
        let latest = infra::migrations::latest(&migrations);
        let mut kept = SparesKept::default();
        loop {
            let mut tx = self.db.admin_pool().begin().await?;
            let Some(stale) = db::take_stale_spare(&mut tx, latest).await? else {
                break;
            };
            ddl::drop_community_schema(&mut tx, &stale.schema_name, &stale.role_name).await?;
            tx.commit().await?;
            kept.dropped += 1;
        }
        loop {
            let mut tx = self.db.admin_pool().begin().await?;
            sqlx::query("SELECT pg_advisory_xact_lock($1)")
                .bind(BUILDER_LOCK)
                .execute(&mut *tx)
                .await?;
            let ready = db::spares_ready(&mut tx, latest).await? as usize;
            if ready >= target {
                kept.ready = ready;
                return Ok(kept);
            }
            // 80 random bits keep the role's name (prefix included) within 63 bytes.
            let schema = format!("spare_{}", &Uuid::new_v4().simple().to_string()[..20]);
            let role = self.db.role_for_schema(&schema);
            let version = self
                .build_schema(&mut tx, &schema, &role, &migrations)
                .await?;
            db::add_spare(&mut tx, &schema, &role, version).await?;
            tx.commit().await?;
            kept.built += 1;
        }
    }

    /// A community's role and schema with these migrations, in the caller's transaction: what
    /// onboarding builds when no spare is ready, and what a spare is. Returns the version.
    pub(super) async fn build_schema(
        &self,
        tx: &mut sqlx::PgConnection,
        schema: &str,
        role: &str,
        migrations: &[infra::migrations::Migration],
    ) -> AppResult<i32> {
        ddl::create_community_schema(tx, schema, role, &self.db.serving_role()).await?;
        infra::db::enter_schema(tx, schema, role).await?;
        let version = infra::migrations::apply_community(tx, migrations, 0).await?;
        sqlx::query("RESET ROLE").execute(&mut *tx).await?;
        Ok(version)
    }
}
