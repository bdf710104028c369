//! What Linli runs on: the database and the object store, either configured or embedded.

use std::str::FromStr;
use std::time::Duration;

use anyhow::Context as _;
use infra::Db;
use infra::crypto::Secrets;
use infra::db::DbConfig;
use infra::pg_embedded::{ClusterOptions, PrivateCluster};
use infra::storage::{EmbeddedS3, ObjectStore, StoreConfig};
use sqlx::ConnectOptions;
use sqlx::postgres::PgConnectOptions;

use crate::config::Config;

pub struct Database {
    pub db: Db,
    /// Kept alive while Linli runs; stopped (fast shutdown) when dropped.
    pub cluster: Option<PrivateCluster>,
}

/// The database: the configured server, or the private cluster. `DATABASE_URL` (or the
/// cluster's superuser) is the administrative login; requests are served by a login of its
/// own (see `infra::db`), whose password derives from `secrets`.
pub async fn open_database(config: &Config, secrets: &Secrets) -> anyhow::Result<Database> {
    let (url, cluster) = admin_url(config).await?;
    let opts = PgConnectOptions::from_str(&url)
        .context("DATABASE_URL is not a PostgreSQL URL")?
        .application_name("linli")
        .log_statements(tracing::log::LevelFilter::Debug);
    let cfg = DbConfig {
        max_connections: config.db_max_connections,
        admin_max_connections: config.db_admin_max_connections,
        max_lifetime: Duration::from_secs(config.db_max_lifetime_secs),
        backend_memory_budget: (config.db_backend_memory_mb > 0)
            .then_some(config.db_backend_memory_mb << 20),
        statement_timeout: Duration::from_millis(config.db_statement_timeout_ms),
        lock_timeout: Duration::from_millis(config.db_lock_timeout_ms),
        ..DbConfig::default()
    };
    let db = Db::open(opts, &cfg, &secrets.database_password())
        .await
        .context("connecting to PostgreSQL (platform migrations, serving login)")?;
    Ok(Database { db, cluster })
}

/// The administrative login's URL: the configured server, or the private cluster (started, or
/// attached to when running), whose `linli` database exists afterwards.
pub async fn admin_url(config: &Config) -> anyhow::Result<(String, Option<PrivateCluster>)> {
    Ok(match &config.database_url {
        Some(url) => (url.clone(), None),
        None => {
            let dir = config.data_dir.join("pg");
            let data_dir = dir.clone();
            let cluster = tokio::task::spawn_blocking(move || {
                PrivateCluster::start(&data_dir, &ClusterOptions::default())
            })
            .await?
            .with_context(|| {
                format!(
                    "starting the private PostgreSQL cluster in {}",
                    dir.display()
                )
            })?;
            create_database_if_missing(&cluster.url("postgres"), "linli").await?;
            (cluster.url("linli"), Some(cluster))
        }
    })
}

async fn create_database_if_missing(admin_url: &str, name: &str) -> anyhow::Result<()> {
    let mut conn = PgConnectOptions::from_str(admin_url)?.connect().await?;
    let exists: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)")
            .bind(name)
            .fetch_one(&mut conn)
            .await?;
    if !exists {
        infra::db::ddl::ident(name)?;
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut conn)
            .await?;
    }
    Ok(())
}

pub struct Storage {
    pub store: ObjectStore,
    pub embedded: Option<EmbeddedS3>,
}

pub async fn open_storage(config: &Config) -> anyhow::Result<Storage> {
    let (endpoint, access, secret, embedded) = match &config.s3_endpoint {
        Some(ep) => (
            ep.clone(),
            config
                .s3_access_key
                .clone()
                .context("LINLI_S3_ACCESS_KEY is required with LINLI_S3_ENDPOINT")?,
            config
                .s3_secret_key
                .clone()
                .context("LINLI_S3_SECRET_KEY is required with LINLI_S3_ENDPOINT")?,
            None,
        ),
        None => {
            // Keys of the in-process server live only as long as this process.
            let secret = Secrets::generate_master();
            let s3 = EmbeddedS3::start(
                &config.data_dir.join("objects"),
                "127.0.0.1:0".parse()?,
                "linli-embedded",
                &secret,
            )
            .await
            .context("starting the embedded S3 server")?;
            (
                s3.endpoint(),
                "linli-embedded".to_string(),
                secret,
                Some(s3),
            )
        }
    };
    let store = ObjectStore::new(&StoreConfig {
        endpoint,
        public_endpoint: config.s3_public_endpoint.clone(),
        region: config.s3_region.clone(),
        bucket: config.s3_bucket.clone(),
        access_key: access,
        secret_key: secret,
    });
    store
        .ensure_bucket()
        .await
        .map_err(|e| anyhow::anyhow!("object store: {e:?}"))?;
    Ok(Storage { store, embedded })
}

/// The keys: the master secret (field encryption, lookups, signed payloads) and the token
/// secret (login tokens), each configured or kept in a file of the data directory created on
/// first run (mode 0600). Either is refused when empty or short. Replacing the token secret
/// signs everyone out and loses nothing; the master secret must never change.
pub fn secrets(config: &Config) -> anyhow::Result<Secrets> {
    let master = secret_or_file(config, config.master_secret.as_deref(), "master.key")?;
    infra::crypto::check_secret("LINLI_MASTER_SECRET", &master).map_err(anyhow::Error::msg)?;
    let token = secret_or_file(config, config.token_secret.as_deref(), "token.key")?;
    infra::crypto::check_secret("LINLI_TOKEN_SECRET", &token).map_err(anyhow::Error::msg)?;
    Ok(Secrets::from_master(master.as_bytes()).with_token_secret(token.as_bytes()))
}

fn secret_or_file(config: &Config, configured: Option<&str>, file: &str) -> anyhow::Result<String> {
    if let Some(s) = configured {
        return Ok(s.trim().to_string());
    }
    let path = config.data_dir.join(file);
    match std::fs::read_to_string(&path) {
        Ok(s) => Ok(s.trim().to_string()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(&config.data_dir)?;
            let s = Secrets::generate_master();
            write_private(&path, &s)?;
            Ok(s)
        }
        Err(e) => Err(anyhow::Error::new(e).context(format!("reading {}", path.display()))),
    }
}

fn write_private(path: &std::path::Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(contents.as_bytes())
}
