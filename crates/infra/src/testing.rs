//! Test support shared by every crate's integration tests: a fresh database per test, on the
//! server of `DATABASE_URL` when set, otherwise on one private cluster per test process.

use std::str::FromStr;
use std::sync::OnceLock;

use sqlx::postgres::PgConnectOptions;
use sqlx::{ConnectOptions, Connection};

use crate::pg_embedded::{ClusterOptions, PrivateCluster};

struct Server {
    /// Connection options to the maintenance database.
    admin: PgConnectOptions,
    /// `postgres://user@host:port` without a database, to build URLs for child processes.
    base_url: String,
}

static SERVER: OnceLock<Server> = OnceLock::new();

fn server() -> &'static Server {
    SERVER.get_or_init(|| match std::env::var("DATABASE_URL") {
        Ok(url) if !url.is_empty() => {
            let admin = PgConnectOptions::from_str(&url).expect("DATABASE_URL is a PostgreSQL URL");
            let base_url = url
                .rsplit_once('/')
                .map(|(b, _)| b.to_string())
                .unwrap_or(url);
            Server { admin, base_url }
        }
        _ => {
            clean_stale_test_clusters();
            let dir = std::env::temp_dir()
                .join(format!("linli-test-pg-{}", std::process::id()))
                .join("data");
            let opts = ClusterOptions {
                fsync: false,
                max_connections: 300,
            };
            let cluster = PrivateCluster::start(&dir, &opts).expect("start a private test cluster");
            let url = cluster.url("postgres");
            let base_url = url
                .rsplit_once('/')
                .map(|(b, _)| b.to_string())
                .expect("a URL with a database");
            // The cluster lives as long as the test process; its keeper thread stops it on exit.
            std::mem::forget(cluster);
            Server {
                admin: PgConnectOptions::from_str(&url).expect("valid url"),
                base_url,
            }
        }
    })
}

/// Clusters of earlier test processes that are gone (their pid no longer exists).
fn clean_stale_test_clusters() {
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let pid = name
            .strip_prefix("linli-test-pg-")
            .and_then(|p| p.parse::<i32>().ok());
        if pid.is_some_and(|pid| !std::path::Path::new(&format!("/proc/{pid}")).exists()) {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// Remove `prefix*` entries of the temporary directory left by test runs more than an hour
/// ago (tests cannot clean up after the last of them; this bounds what accumulates).
pub fn remove_stale_temp_dirs(prefix: &str) {
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    let hour = std::time::Duration::from_secs(3600);
    for e in entries.flatten() {
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > hour);
        if old && e.file_name().to_string_lossy().starts_with(prefix) {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// A new empty database opened as Linli opens one: platform migrations applied, the serving
/// login made, both pools connected.
pub async fn fresh_db(cfg: &crate::db::DbConfig, secrets: &crate::crypto::Secrets) -> crate::Db {
    let url = fresh_database().await;
    crate::Db::open(
        PgConnectOptions::from_str(&url).expect("valid url"),
        cfg,
        &secrets.database_password(),
    )
    .await
    .expect("open the test database")
}

/// A new empty database; returns its (administrative) URL.
pub async fn fresh_database() -> String {
    let server = server();
    let name = format!(
        "linli_t_{}",
        &uuid::Uuid::new_v4().simple().to_string()[..12]
    );
    let mut conn = server
        .admin
        .clone()
        .database("postgres")
        .connect()
        .await
        .expect("connect to the test server");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut conn)
        .await
        .expect("create test database");
    conn.close().await.ok();
    format!("{}/{}", server.base_url, name)
}

/// An object store nobody listens on, for tests that store no objects.
pub fn unreachable_store() -> crate::storage::ObjectStore {
    crate::storage::ObjectStore::unused()
}

/// A real S3-protocol server in a temporary directory, with its bucket made; removed when
/// dropped.
pub struct TestStore {
    pub store: crate::storage::ObjectStore,
    _server: crate::storage::EmbeddedS3,
    dir: std::path::PathBuf,
}

impl TestStore {
    pub async fn start(label: &str) -> TestStore {
        let dir = std::env::temp_dir().join(format!(
            "linli-{label}-s3-{}",
            uuid::Uuid::new_v4().simple()
        ));
        let secret = format!("sk-{label}");
        let server =
            crate::storage::EmbeddedS3::start(&dir, "127.0.0.1:0".parse().unwrap(), "ak", &secret)
                .await
                .expect("start the S3 server");
        let store = crate::storage::ObjectStore::new(&crate::storage::StoreConfig {
            endpoint: server.endpoint(),
            public_endpoint: None,
            region: "us-east-1".into(),
            bucket: "linli-test".into(),
            access_key: "ak".into(),
            secret_key: secret,
        });
        store.ensure_bucket().await.expect("make the bucket");
        TestStore {
            store,
            _server: server,
            dir,
        }
    }
}

impl Drop for TestStore {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
