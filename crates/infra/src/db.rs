//! The database handle: two logins with two pools, and tenant transactions on top of them.
//!
//! - The **serving** login (`<prefix>_gateway`) answers requests. It is not a superuser, owns
//!   nothing, cannot create roles or databases, and holds only DML on the platform tables (the
//!   audit log: insert and read). It is a member of every community role *without inheritance*
//!   (`NOINHERIT`), so it reaches a community schema only through the explicit per-transaction
//!   role switch of [`Db::tenant_tx`].
//! - The **administrative** login (the configured `DATABASE_URL`, or the private cluster's
//!   superuser) applies migrations and onboards communities (creates schemas and roles). It
//!   has its own small pool and is used for nothing else.
//!
//! The serving login's password derives from the master secret, so every gateway of a
//! deployment computes the same one and none is stored.

use std::ops::{Deref, DerefMut};
use std::sync::Arc;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{PgPool, Postgres, Transaction};

use crate::audit::AuditScope;
use crate::error::{AppError, AppResult};
use crate::tenant::{Tenant, TenantTx};

#[derive(Debug, Clone)]
pub struct DbConfig {
    pub max_connections: u32,
    /// Connections of the administrative pool (onboarding, migrations).
    pub admin_max_connections: u32,
    /// Each backend caches the catalog of every schema it touches and never frees it, so with
    /// thousands of community schemas a connection must not live forever.
    pub max_lifetime: Duration,
    /// What one serving backend may hold (catalog caches of the schemas it touched) before
    /// its connection is closed on return to the pool; checked on one return in
    /// [`MEMORY_CHECK_EVERY`]. `None`: only the lifetime bounds it.
    pub backend_memory_budget: Option<u64>,
    pub idle_timeout: Duration,
    pub acquire_timeout: Duration,
    /// Settings of the serving login (`ALTER ROLE … SET`): how long one statement may run and
    /// how long it may wait for a lock before PostgreSQL cancels it (`TIMEOUT`). Zero: none.
    pub statement_timeout: Duration,
    pub lock_timeout: Duration,
}

impl Default for DbConfig {
    fn default() -> Self {
        DbConfig {
            max_connections: 20,
            admin_max_connections: 8,
            max_lifetime: Duration::from_secs(15 * 60),
            backend_memory_budget: Some(64 << 20),
            idle_timeout: Duration::from_secs(60),
            acquire_timeout: Duration::from_secs(10),
            statement_timeout: Duration::from_secs(25),
            lock_timeout: Duration::from_secs(10),
        }
    }
}

#[derive(Clone)]
pub struct Db {
    pool: PgPool,
    admin: PgPool,
    role_prefix: String,
}

fn pool_options(max: u32, cfg: &DbConfig) -> PgPoolOptions {
    PgPoolOptions::new()
        .max_connections(max)
        .max_lifetime(cfg.max_lifetime)
        .idle_timeout(cfg.idle_timeout)
        .acquire_timeout(cfg.acquire_timeout)
        // A ping before every checkout is a round trip per request; a dead connection
        // fails its query instead, which the bounded lifetime makes rare.
        .test_before_acquire(false)
}

/// One return to the pool in this many asks its backend how much memory it holds: the
/// question is a round trip, and catalog caches grow by a schema at a time.
pub const MEMORY_CHECK_EVERY: u64 = 64;

/// Close a serving connection whose backend holds more than `budget` bytes (see
/// `migrations/platform/0004_backend_memory.sql`).
fn bound_backend_memory(options: PgPoolOptions, budget: Option<u64>) -> PgPoolOptions {
    use std::sync::atomic::{AtomicU64, Ordering};
    let Some(budget) = budget else {
        return options;
    };
    let returns = Arc::new(AtomicU64::new(0));
    options.after_release(move |conn, _meta| {
        let check = returns
            .fetch_add(1, Ordering::Relaxed)
            .is_multiple_of(MEMORY_CHECK_EVERY);
        Box::pin(async move {
            if !check {
                return Ok(true);
            }
            let held: Option<i64> = sqlx::query_scalar("SELECT platform.backend_memory_bytes()")
                .fetch_one(conn)
                .await?;
            let keep = held.is_none_or(|b| (b as u64) <= budget);
            if !keep {
                metrics::counter!("linli_db_connections_recycled_total").increment(1);
            }
            Ok(keep)
        })
    })
}

impl Db {
    /// Connect as the administrative login, apply the platform migrations, make sure the
    /// serving login exists with exactly its rights, and open the serving pool as it.
    pub async fn open(
        admin: PgConnectOptions,
        cfg: &DbConfig,
        serving_password: &str,
    ) -> Result<Db, sqlx::Error> {
        let admin_pool = pool_options(cfg.admin_max_connections.max(1), cfg)
            .connect_with(admin.clone())
            .await?;
        crate::migrations::apply_platform(&admin_pool).await?;
        // Roles are cluster-wide but schemas live in one database; prefixing roles with the
        // database's oid keeps two databases of one cluster (tests, staging) apart.
        let oid: i64 = sqlx::query_scalar(
            "SELECT oid::int8 FROM pg_database WHERE datname = current_database()",
        )
        .fetch_one(&admin_pool)
        .await?;
        let role_prefix = format!("linli{oid}");
        let serving = serving_role(&role_prefix);
        let mut conn = admin_pool.acquire().await?;
        ddl::ensure_serving_role(
            &mut conn,
            &serving,
            serving_password,
            (cfg.statement_timeout, cfg.lock_timeout),
        )
        .await?;
        drop(conn);
        let pool = bound_backend_memory(
            pool_options(cfg.max_connections, cfg),
            cfg.backend_memory_budget,
        )
        .connect_with(admin.username(&serving).password(serving_password))
        .await?;
        Ok(Db {
            pool,
            admin: admin_pool,
            role_prefix,
        })
    }

    /// The serving pool: every request's platform reads and writes and tenant transactions.
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// The administrative pool: onboarding and migrations only.
    pub fn admin_pool(&self) -> &PgPool {
        &self.admin
    }

    /// The database role owning a community schema.
    pub fn role_for_schema(&self, schema: &str) -> String {
        format!("{}_{}", self.role_prefix, schema)
    }

    /// The serving login's role name.
    pub fn serving_role(&self) -> String {
        serving_role(&self.role_prefix)
    }

    /// A platform transaction. Platform tables are always named with their schema. Inside a
    /// mutation it starts with the mutation's audit row (see [`crate::audit`]).
    pub async fn begin(&self) -> AppResult<PlatformTx> {
        PlatformTx::begin(&self.pool).await
    }

    /// An administrative transaction (onboarding), audited the same way.
    pub async fn admin_begin(&self) -> AppResult<PlatformTx> {
        PlatformTx::begin(&self.admin).await
    }

    /// A transaction confined to one community: schema and role are transaction-local. Inside
    /// a mutation its first statement also writes the mutation's audit row, while the role is
    /// still the serving login's (the community role cannot reach the platform schema).
    pub async fn tenant_tx(&self, tenant: &Tenant) -> AppResult<TenantTx> {
        let audit = crate::audit::pending();
        if audit.is_some() && tenant.read_only {
            return Err(AppError::read_only());
        }
        let Some(a) = &audit else {
            // A read: the tenant context and `BEGIN` in one round trip (a simple-protocol batch
            // built from checked identifiers only). The context comes first: statements before
            // a `BEGIN` in one batch join its transaction, so the settings stay transaction-
            // local; and when the role cannot be taken (revoked, dropped) the batch fails
            // before `BEGIN`, leaving the connection idle. After `BEGIN` the failure would
            // leave it in an aborted transaction that sqlx returns to the pool as it is, and
            // every later request on it would fail. A community being moved reads in a
            // read-only transaction: PostgreSQL refuses any write in it.
            let sql = format!(
                "SELECT set_config('search_path', '{}', true), set_config('role', '{}', true); BEGIN{}",
                ddl::ident(&tenant.schema)?,
                ddl::ident(&tenant.role)?,
                if tenant.read_only { " READ ONLY" } else { "" }
            );
            let tx = self.pool.begin_with(sqlx::AssertSqlSafe(sql)).await?;
            return Ok(TenantTx::new(tx, None));
        };
        let mut tx = self.pool.begin().await?;
        let e = a.entry();
        // One round trip. The id is drawn first (as the serving login: `nextval`
        // checks its privilege when it runs); the insert, whose privileges were checked
        // when the statement started, runs after the role switch, at its end.
        sqlx::query(
            "WITH id AS MATERIALIZED (SELECT nextval('platform.audit_log_id_seq') AS id),
                  audit AS (
                      INSERT INTO platform.audit_log (id, account_id, community_id,
                          operation, outcome, request_id, client_request_id, target)
                      SELECT id, $3, $4, $5, 'ok', $6, $7, $8 FROM id)
             SELECT set_config('search_path', $1, true), set_config('role', $2, true)
               FROM id",
        )
        .bind(&tenant.schema)
        .bind(&tenant.role)
        .bind(e.account_id)
        .bind(e.community_id.or(Some(tenant.community_id)))
        .bind(&e.operation)
        .bind(&e.request_id)
        .bind(&e.client_request_id)
        .bind(&e.target)
        .execute(&mut *tx)
        .await?;
        Ok(TenantTx::new(tx, audit))
    }

    pub async fn close(&self) {
        self.pool.close().await;
        self.admin.close().await;
    }
}

/// A platform (or administrative) transaction; see [`Db::begin`].
pub struct PlatformTx {
    tx: Transaction<'static, Postgres>,
    audit: Option<Arc<AuditScope>>,
}

impl PlatformTx {
    async fn begin(pool: &PgPool) -> AppResult<PlatformTx> {
        let mut tx = pool.begin().await?;
        let audit = crate::audit::pending();
        if let Some(a) = &audit {
            crate::audit::insert(&mut tx, a.entry(), "ok").await?;
        }
        Ok(PlatformTx { tx, audit })
    }

    pub async fn commit(self) -> AppResult<()> {
        self.tx.commit().await?;
        if let Some(a) = self.audit {
            a.mark_recorded();
        }
        Ok(())
    }

    pub async fn rollback(self) -> AppResult<()> {
        Ok(self.tx.rollback().await?)
    }
}

impl Deref for PlatformTx {
    type Target = sqlx::PgConnection;
    fn deref(&self) -> &Self::Target {
        &self.tx
    }
}

impl DerefMut for PlatformTx {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.tx
    }
}

fn serving_role(prefix: &str) -> String {
    format!("{prefix}_gateway")
}

/// Switch an open transaction into a community's schema and role, both until it ends.
pub async fn enter_tenant(conn: &mut sqlx::PgConnection, tenant: &Tenant) -> AppResult<()> {
    Ok(enter_schema(conn, &tenant.schema, &tenant.role).await?)
}

/// [`enter_tenant`] for a schema that belongs to no community yet (one built ahead).
pub async fn enter_schema(
    conn: &mut sqlx::PgConnection,
    schema: &str,
    role: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("SELECT set_config('search_path', $1, true), set_config('role', $2, true)")
        .bind(schema)
        .bind(role)
        .execute(conn)
        .await?;
    Ok(())
}

/// DDL on identifiers cannot take bind parameters. These are the only places in Linli that
/// build SQL from strings; every identifier is checked by `ident` first.
pub mod ddl {
    use std::time::Duration;

    use sqlx::{AssertSqlSafe, PgConnection};

    /// A lower-case PostgreSQL identifier that needs no quoting.
    pub fn ident(s: &str) -> Result<&str, sqlx::Error> {
        let ok = !s.is_empty()
            && s.len() <= 63
            && s.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if ok {
            Ok(s)
        } else {
            Err(sqlx::Error::Protocol(format!("unsafe identifier {s:?}")))
        }
    }

    /// Create the community's role and schema; the role owns the schema and nothing else.
    /// `serving` (the gateway's login) becomes a member so that it may switch to the role; as
    /// it does not inherit, membership alone reads nothing.
    pub async fn create_community_schema(
        conn: &mut PgConnection,
        schema: &str,
        role: &str,
        serving: &str,
    ) -> Result<(), sqlx::Error> {
        let (schema, role, serving) = (ident(schema)?, ident(role)?, ident(serving)?);
        for stmt in [
            format!("CREATE ROLE {role} NOLOGIN NOINHERIT"),
            // The administrative login must be a member to SET ROLE while it applies the
            // community migrations (automatic for a superuser).
            format!("GRANT {role} TO current_user"),
            format!("GRANT {role} TO {serving}"),
            format!("CREATE SCHEMA {schema} AUTHORIZATION {role}"),
        ] {
            sqlx::raw_sql(AssertSqlSafe(stmt))
                .execute(&mut *conn)
                .await?;
        }
        Ok(())
    }

    /// Drop a community schema with everything in it, and its role (a community moved away, a
    /// spare schema left behind by a newer migration).
    pub async fn drop_community_schema(
        conn: &mut PgConnection,
        schema: &str,
        role: &str,
    ) -> Result<(), sqlx::Error> {
        let (schema, role) = (ident(schema)?, ident(role)?);
        let script = format!(
            "DROP SCHEMA IF EXISTS {schema} CASCADE; DROP OWNED BY {role}; DROP ROLE {role}"
        );
        sqlx::raw_sql(AssertSqlSafe(script))
            .execute(&mut *conn)
            .await?;
        Ok(())
    }

    /// The serving login and its rights, made exact at every start (idempotent; serialised by
    /// an advisory lock so that gateways starting together do not race on the catalog).
    pub async fn ensure_serving_role(
        conn: &mut PgConnection,
        serving: &str,
        password: &str,
        (statement_timeout, lock_timeout): (Duration, Duration),
    ) -> Result<(), sqlx::Error> {
        let (statement_ms, lock_ms) = (statement_timeout.as_millis(), lock_timeout.as_millis());
        let serving = ident(serving)?;
        if password.len() < 16 || !password.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(sqlx::Error::Protocol("unsafe serving password".into()));
        }
        let mut tx = sqlx::Connection::begin(&mut *conn).await?;
        let script = format!(
            "SELECT pg_advisory_xact_lock(7418002);
             DO $$ BEGIN
                 CREATE ROLE {serving} LOGIN NOINHERIT;
             EXCEPTION WHEN duplicate_object THEN NULL;
             END $$;
             ALTER ROLE {serving} LOGIN NOINHERIT NOCREATEDB NOCREATEROLE PASSWORD '{password}';
             -- no statement of a request outlives the request (new connections take these)
             ALTER ROLE {serving} SET statement_timeout = {statement_ms};
             ALTER ROLE {serving} SET lock_timeout = {lock_ms};
             GRANT USAGE ON SCHEMA platform TO {serving};
             GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA platform TO {serving};
             GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA platform TO {serving};
             -- the audit log is append-only for the gateway; migrations are the operator's
             REVOKE UPDATE, DELETE, TRUNCATE ON platform.audit_log FROM {serving};
             REVOKE INSERT, UPDATE, DELETE ON platform.schema_migrations FROM {serving};
             -- schemas built ahead are onboarding's, the administrative login's
             REVOKE ALL ON platform.spare_schemas FROM {serving};
             GRANT EXECUTE ON FUNCTION platform.backend_memory_bytes() TO {serving};
             -- a temporary table could shadow a real one: nobody creates any
             DO $$ BEGIN
                 EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
             END $$;
             -- NOT IN over the login's memberships is one hashed set: the planner misjudges a
             -- correlated NOT EXISTS on pg_auth_members as one row and compares every role
             -- with every membership (1.4 s at 5,000 communities; this is 5 ms)
             DO $$ DECLARE r text; BEGIN
                 FOR r IN SELECT c.role_name FROM platform.communities c
                          JOIN pg_roles g ON g.rolname = c.role_name
                          WHERE g.oid NOT IN (
                              SELECT m.roleid FROM pg_auth_members m
                              WHERE m.member = (SELECT oid FROM pg_roles WHERE rolname = '{serving}'))
                 LOOP
                     EXECUTE format('GRANT %I TO {serving}', r);
                 END LOOP;
             END $$;"
        );
        sqlx::raw_sql(AssertSqlSafe(script))
            .execute(&mut *tx)
            .await?;
        tx.commit().await
    }

    pub async fn role_exists(conn: &mut PgConnection, role: &str) -> Result<bool, sqlx::Error> {
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)")
            .bind(role)
            .fetch_one(conn)
            .await
    }
}
