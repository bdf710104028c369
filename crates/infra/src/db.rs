//! The database handle: one pool for the platform, and tenant transactions on top of it.

use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{PgPool, Postgres, Transaction};

use crate::error::AppResult;
use crate::tenant::{Tenant, TenantTx};

#[derive(Debug, Clone)]
pub struct DbConfig {
    pub max_connections: u32,
    /// Each backend caches the catalog of every schema it touches and never frees it, so with
    /// thousands of community schemas a connection must not live forever.
    pub max_lifetime: Duration,
    pub idle_timeout: Duration,
    pub acquire_timeout: Duration,
}

impl Default for DbConfig {
    fn default() -> Self {
        DbConfig {
            max_connections: 20,
            max_lifetime: Duration::from_secs(15 * 60),
            idle_timeout: Duration::from_secs(60),
            acquire_timeout: Duration::from_secs(10),
        }
    }
}

#[derive(Clone)]
pub struct Db {
    pool: PgPool,
    role_prefix: String,
}

impl Db {
    pub async fn connect(opts: PgConnectOptions, cfg: &DbConfig) -> Result<Db, sqlx::Error> {
        let pool = PgPoolOptions::new()
            .max_connections(cfg.max_connections)
            .max_lifetime(cfg.max_lifetime)
            .idle_timeout(cfg.idle_timeout)
            .acquire_timeout(cfg.acquire_timeout)
            // A ping before every checkout is a round trip per request; a dead connection
            // fails its query instead, which the bounded lifetime makes rare.
            .test_before_acquire(false)
            .connect_with(opts)
            .await?;
        Self::from_pool(pool).await
    }

    pub async fn from_pool(pool: PgPool) -> Result<Db, sqlx::Error> {
        // Roles are cluster-wide but schemas live in one database; prefixing community roles
        // with the database's oid keeps two databases of one cluster (tests, staging) apart.
        let oid: i64 = sqlx::query_scalar(
            "SELECT oid::int8 FROM pg_database WHERE datname = current_database()",
        )
        .fetch_one(&pool)
        .await?;
        Ok(Db {
            pool,
            role_prefix: format!("linli{oid}"),
        })
    }

    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// The database role owning a community schema.
    pub fn role_for_schema(&self, schema: &str) -> String {
        format!("{}_{}", self.role_prefix, schema)
    }

    /// A platform transaction. Platform tables are always named with their schema.
    pub async fn begin(&self) -> AppResult<Transaction<'static, Postgres>> {
        Ok(self.pool.begin().await?)
    }

    /// A transaction confined to one community: schema and role are transaction-local.
    pub async fn tenant_tx(&self, tenant: &Tenant) -> AppResult<TenantTx> {
        let mut tx = self.pool.begin().await?;
        enter_tenant(&mut tx, tenant).await?;
        Ok(TenantTx::new(tx))
    }
}

/// Switch an open transaction into a community's schema and role, both until it ends.
pub async fn enter_tenant(conn: &mut sqlx::PgConnection, tenant: &Tenant) -> AppResult<()> {
    sqlx::query("SELECT set_config('search_path', $1, true), set_config('role', $2, true)")
        .bind(&tenant.schema)
        .bind(&tenant.role)
        .execute(conn)
        .await?;
    Ok(())
}

/// DDL on identifiers cannot take bind parameters. These are the only places in Linli that
/// build SQL from strings; every identifier is checked by `ident` first.
pub mod ddl {
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
    pub async fn create_community_schema(
        conn: &mut PgConnection,
        schema: &str,
        role: &str,
    ) -> Result<(), sqlx::Error> {
        let (schema, role) = (ident(schema)?, ident(role)?);
        for stmt in [
            format!("CREATE ROLE {role} NOLOGIN NOINHERIT"),
            // The login role must be a member to SET ROLE (automatic for a superuser).
            format!("GRANT {role} TO current_user"),
            format!("CREATE SCHEMA {schema} AUTHORIZATION {role}"),
        ] {
            sqlx::raw_sql(AssertSqlSafe(stmt))
                .execute(&mut *conn)
                .await?;
        }
        Ok(())
    }

    pub async fn role_exists(conn: &mut PgConnection, role: &str) -> Result<bool, sqlx::Error> {
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)")
            .bind(role)
            .fetch_one(conn)
            .await
    }
}
