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

pub async fn open_database(config: &Config) -> anyhow::Result<Database> {
    let (url, cluster) = match &config.database_url {
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
    };
    let opts = PgConnectOptions::from_str(&url)
        .context("DATABASE_URL is not a PostgreSQL URL")?
        .application_name("linli")
        .log_statements(tracing::log::LevelFilter::Debug);
    let cfg = DbConfig {
        max_connections: config.db_max_connections,
        max_lifetime: Duration::from_secs(config.db_max_lifetime_secs),
        ..DbConfig::default()
    };
    let db = Db::connect(opts, &cfg)
        .await
        .context("connecting to PostgreSQL")?;
    infra::migrations::apply_platform(db.pool())
        .await
        .context("platform migrations")?;
    Ok(Database { db, cluster })
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

/// The master secret: configured, or kept in `data_dir/master.key` (created on first run).
pub fn master_secret(config: &Config) -> anyhow::Result<Secrets> {
    if let Some(s) = &config.master_secret {
        return Ok(Secrets::from_master(s.as_bytes()));
    }
    let path = config.data_dir.join("master.key");
    let secret = match std::fs::read_to_string(&path) {
        Ok(s) => s.trim().to_string(),
        Err(_) => {
            std::fs::create_dir_all(&config.data_dir)?;
            let s = Secrets::generate_master();
            write_private(&path, &s)?;
            s
        }
    };
    Ok(Secrets::from_master(secret.as_bytes()))
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
