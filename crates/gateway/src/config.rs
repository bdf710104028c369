//! Configuration: defaults, then an optional TOML file (`LINLI_CONFIG`), then environment
//! variables (`LINLI_*`, plus the conventional `DATABASE_URL`), then command-line flags.

use std::net::SocketAddr;
use std::path::PathBuf;

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    pub listen: SocketAddr,
    /// Where `/metrics` is served: its own listener, loopback by default, so that whoever can
    /// reach the API cannot read the metrics.
    pub metrics_listen: SocketAddr,
    pub data_dir: PathBuf,
    /// PostgreSQL; without it Linli runs its own cluster under `data_dir/pg`.
    pub database_url: Option<String>,
    pub db_max_connections: u32,
    /// Connections of the administrative login (onboarding, migrations).
    pub db_admin_max_connections: u32,
    pub db_max_lifetime_secs: u64,
    /// A serving connection whose backend holds more than this (MiB) is closed when it
    /// returns to the pool; 0 turns the check off.
    pub db_backend_memory_mb: u64,
    /// What one statement of the serving login may take (ms) before PostgreSQL cancels it
    /// (`TIMEOUT`): below the request timeout, so a dashboard over ten years of days answers
    /// with a coded error instead of running on after its client left.
    pub db_statement_timeout_ms: u64,
    /// How long a statement of the serving login waits for a lock (ms).
    pub db_lock_timeout_ms: u64,
    /// S3-compatible endpoint; without it Linli serves S3 itself from `data_dir/objects`.
    pub s3_endpoint: Option<String>,
    /// The store's address as browsers reach it, when it differs from `s3_endpoint` (behind a
    /// proxy, in a container network): photo and export links are signed for it.
    pub s3_public_endpoint: Option<String>,
    pub s3_region: String,
    pub s3_bucket: String,
    pub s3_access_key: Option<String>,
    pub s3_secret_key: Option<String>,
    /// Master secret for tokens and field encryption; without it one is generated and kept in
    /// `data_dir/master.key`.
    pub master_secret: Option<String>,
    /// Secret for signing login tokens; without it one is generated and kept in
    /// `data_dir/token.key`. Rotating it signs everyone out and loses nothing else.
    pub token_secret: Option<String>,
    pub graphiql: bool,
    pub token_ttl_secs: u64,
    pub request_timeout_secs: u64,
    pub body_limit_bytes: usize,
    pub concurrency_limit: usize,
    /// Behind a reverse proxy: take the client's address from the last `X-Forwarded-For`
    /// entry (login throttling counts per address). Off, a client could name any address.
    pub trust_forwarded_for: bool,
    /// Allowed CORS origins; empty means same-origin only, `*` any.
    pub cors_origins: Vec<String>,
    pub max_depth: usize,
    pub max_complexity: usize,
    pub max_aliases: usize,
    pub max_batch: usize,
    pub log_format: LogFormat,
    /// Count SQL statements in `/metrics` (tests and benchmarks; costs CPU per statement).
    pub count_sql: bool,
    /// Where every notification is also POSTed (signed), for SMS or WeChat template messages.
    pub webhook_url: Option<String>,
    /// The webhook's signing key (≥ 32 bytes), shared with the receiver.
    pub webhook_secret: Option<String>,
    /// Seconds before a failed webhook delivery is retried (doubling each time).
    pub webhook_retry_secs: u64,
    /// Seconds between the background worker's sweeps over every community (reminders,
    /// retries); new notifications wake it at once. 0: no worker in this process.
    pub worker_interval_secs: u64,
    /// Community schemas the worker keeps built ahead, so that onboarding only names one
    /// (备用 schema). 0: onboarding builds each schema while the officer waits.
    pub spare_communities: usize,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Json,
    Pretty,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: "127.0.0.1:8080".parse().expect("valid address"),
            metrics_listen: "127.0.0.1:9464".parse().expect("valid address"),
            data_dir: PathBuf::from(".linli"),
            database_url: None,
            db_max_connections: 20,
            db_admin_max_connections: 8,
            db_max_lifetime_secs: 900,
            db_backend_memory_mb: 64,
            db_statement_timeout_ms: 25_000,
            db_lock_timeout_ms: 10_000,
            s3_endpoint: None,
            s3_public_endpoint: None,
            s3_region: "us-east-1".into(),
            s3_bucket: "linli".into(),
            s3_access_key: None,
            s3_secret_key: None,
            master_secret: None,
            token_secret: None,
            graphiql: false,
            token_ttl_secs: 12 * 3600,
            request_timeout_secs: 30,
            body_limit_bytes: 16 * 1024 * 1024,
            concurrency_limit: 512,
            trust_forwarded_for: false,
            cors_origins: Vec::new(),
            max_depth: 12,
            max_complexity: 1000,
            max_aliases: 30,
            max_batch: 10,
            log_format: LogFormat::Json,
            count_sql: false,
            webhook_url: None,
            webhook_secret: None,
            webhook_retry_secs: 60,
            worker_interval_secs: 60,
            spare_communities: 2,
        }
    }
}

impl Config {
    pub fn load() -> Result<Config, Box<figment::Error>> {
        let mut fig = Figment::from(Serialized::defaults(Config::default()));
        if let Ok(path) = std::env::var("LINLI_CONFIG") {
            fig = fig.merge(Toml::file(path));
        }
        let mut config: Config = fig
            .merge(
                Env::prefixed("LINLI_")
                    .split("__")
                    .filter(|k| !k.as_str().to_ascii_lowercase().ends_with("_file")),
            )
            .merge(Env::raw().only(&["DATABASE_URL"]))
            .extract()
            .map_err(Box::new)?;
        config.secrets_from_files()?;
        Ok(config)
    }

    /// `LINLI_MASTER_SECRET_FILE=/run/secrets/master` and the like (and `DATABASE_URL_FILE`):
    /// a secret read from a file (Docker and Kubernetes secrets) instead of the environment,
    /// where any process of the same user could read it. A named file that cannot be read
    /// stops the start.
    fn secrets_from_files(&mut self) -> Result<(), Box<figment::Error>> {
        let slots: [(&str, &mut Option<String>); 6] = [
            ("DATABASE_URL_FILE", &mut self.database_url),
            ("LINLI_MASTER_SECRET_FILE", &mut self.master_secret),
            ("LINLI_TOKEN_SECRET_FILE", &mut self.token_secret),
            ("LINLI_S3_ACCESS_KEY_FILE", &mut self.s3_access_key),
            ("LINLI_S3_SECRET_KEY_FILE", &mut self.s3_secret_key),
            ("LINLI_WEBHOOK_SECRET_FILE", &mut self.webhook_secret),
        ];
        for (var, slot) in slots {
            let Some(path) = std::env::var_os(var) else {
                continue;
            };
            let text = std::fs::read_to_string(&path).map_err(|e| {
                Box::new(figment::Error::from(format!(
                    "{var}: cannot read {}: {e}",
                    std::path::Path::new(&path).display()
                )))
            })?;
            // A secret file usually ends with a newline that is not part of the secret.
            *slot = Some(text.trim_end_matches(['\n', '\r']).to_string());
        }
        Ok(())
    }

    /// The configuration as printed at start: secrets and URL passwords redacted.
    pub fn redacted(&self) -> serde_json::Value {
        let mut v = serde_json::to_value(self).unwrap_or_default();
        for key in [
            "master_secret",
            "token_secret",
            "s3_secret_key",
            "webhook_secret",
        ] {
            if v.get(key).is_some_and(|s| !s.is_null()) {
                v[key] = "***".into();
            }
        }
        if let Some(url) = &self.database_url {
            v["database_url"] = redact_url(url).into();
        }
        v
    }
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{}:***{}", &url[..s + 3], user, &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}
