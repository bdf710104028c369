//! Object storage through aws-sdk-s3, against any S3-compatible server; and, when none is
//! configured, an S3 server of our own on loopback (s3s-fs, in-process) that the client reaches
//! over HTTP with signed requests exactly as it would reach MinIO or AWS.

use std::net::SocketAddr;
use std::path::Path;

use aws_sdk_s3::Client;
use aws_sdk_s3::config::{BehaviorVersion, Credentials, Region};
use aws_sdk_s3::primitives::ByteStream;
use aws_smithy_http_client::tls;
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto::Builder as ConnBuilder;
use tokio::net::TcpListener;

use crate::error::{AppError, AppResult};

#[derive(Debug, Clone)]
pub struct StoreConfig {
    pub endpoint: String,
    /// The address browsers use to reach the store, when it differs from `endpoint` (a
    /// container network's name, a loopback port): presigned links are signed for it.
    pub public_endpoint: Option<String>,
    pub region: String,
    pub bucket: String,
    pub access_key: String,
    pub secret_key: String,
}

#[derive(Clone)]
pub struct ObjectStore {
    client: Client,
    /// Signs links for the public endpoint (SigV4 covers the host); `client` when none is set.
    presigner: Client,
    bucket: String,
}

impl ObjectStore {
    /// A store nobody listens on, for work that stores no objects (a rollup rebuild, tests):
    /// a call would fail like any unreachable server.
    pub fn unused() -> ObjectStore {
        ObjectStore::new(&StoreConfig {
            endpoint: "http://127.0.0.1:9".into(),
            public_endpoint: None,
            region: "us-east-1".into(),
            bucket: "unused".into(),
            access_key: "unused".into(),
            secret_key: "unused".into(),
        })
    }
}

/// How long the link to an export works.
pub const EXPORT_LINK_TTL: std::time::Duration = std::time::Duration::from_secs(15 * 60);

impl ObjectStore {
    pub fn new(cfg: &StoreConfig) -> ObjectStore {
        let client = Self::client(cfg, &cfg.endpoint);
        let presigner = match &cfg.public_endpoint {
            Some(public) => Self::client(cfg, public),
            None => client.clone(),
        };
        ObjectStore {
            client,
            presigner,
            bucket: cfg.bucket.clone(),
        }
    }

    fn client(cfg: &StoreConfig, endpoint: &str) -> Client {
        let http = aws_smithy_http_client::Builder::new()
            .tls_provider(tls::Provider::Rustls(
                tls::rustls_provider::CryptoMode::Ring,
            ))
            .build_https();
        let conf = aws_sdk_s3::Config::builder()
            .behavior_version(BehaviorVersion::latest())
            .http_client(http)
            .endpoint_url(endpoint)
            .region(Region::new(cfg.region.clone()))
            .credentials_provider(Credentials::new(
                &cfg.access_key,
                &cfg.secret_key,
                None,
                None,
                "linli-config",
            ))
            // Local servers (s3s, MinIO) have no virtual-host DNS.
            .force_path_style(true)
            .build();
        Client::from_conf(conf)
    }

    /// Create the bucket when it does not exist yet.
    pub async fn ensure_bucket(&self) -> AppResult<()> {
        if self.ping().await.is_ok() {
            return Ok(());
        }
        match self
            .client
            .create_bucket()
            .bucket(&self.bucket)
            .send()
            .await
        {
            Ok(_) => Ok(()),
            // Another gateway may have created it in between.
            Err(e) if self.ping().await.is_ok() => {
                tracing::debug!(error = %e, "bucket appeared concurrently");
                Ok(())
            }
            Err(e) => Err(AppError::internal(e)),
        }
    }

    /// Reachable and the bucket exists (for /readyz).
    pub async fn ping(&self) -> AppResult<()> {
        self.client
            .head_bucket()
            .bucket(&self.bucket)
            .send()
            .await
            .map_err(AppError::internal)?;
        Ok(())
    }

    pub async fn put(&self, key: &str, bytes: Vec<u8>, content_type: &str) -> AppResult<()> {
        self.client
            .put_object()
            .bucket(&self.bucket)
            .key(key)
            .content_type(content_type)
            .body(ByteStream::from(bytes))
            .send()
            .await
            .map_err(AppError::internal)?;
        Ok(())
    }

    /// Store a generated file of a community (an export, a certificate) and give back a link
    /// that works for `EXPORT_LINK_TTL`: files are fetched once, never listed.
    pub async fn publish_export(
        &self,
        community: uuid::Uuid,
        ext: &str,
        bytes: Vec<u8>,
        content_type: &str,
    ) -> AppResult<String> {
        self.publish_under(&format!("c/{community}"), ext, bytes, content_type)
            .await
    }

    /// The same for a copy of a person's data (个人信息副本), kept under `x/a/{account}`.
    pub async fn publish_account_export(
        &self,
        account: uuid::Uuid,
        ext: &str,
        bytes: Vec<u8>,
        content_type: &str,
    ) -> AppResult<String> {
        self.publish_under(&format!("a/{account}"), ext, bytes, content_type)
            .await
    }

    /// The same for a district's files (its dashboards' exports), kept under `x/d/{district}`.
    pub async fn publish_district_export(
        &self,
        district: uuid::Uuid,
        ext: &str,
        bytes: Vec<u8>,
        content_type: &str,
    ) -> AppResult<String> {
        self.publish_under(&format!("d/{district}"), ext, bytes, content_type)
            .await
    }

    async fn publish_under(
        &self,
        prefix: &str,
        ext: &str,
        bytes: Vec<u8>,
        content_type: &str,
    ) -> AppResult<String> {
        // Every generated file under `x/`: retention finds them all with one listing, whatever
        // the number of communities, by the time in their UUIDv7 names.
        let key = format!("x/{prefix}/{}.{ext}", uuid::Uuid::now_v7());
        self.put(&key, bytes, content_type).await?;
        self.presign_get(&key, EXPORT_LINK_TTL).await
    }

    pub async fn get(&self, key: &str) -> AppResult<Vec<u8>> {
        Ok(self.get_with_type(key).await?.0)
    }

    /// The object and the content type it was stored with (a backup keeps both).
    pub async fn get_with_type(&self, key: &str) -> AppResult<(Vec<u8>, String)> {
        let out = self
            .client
            .get_object()
            .bucket(&self.bucket)
            .key(key)
            .send()
            .await
            .map_err(AppError::internal)?;
        let content_type = out
            .content_type()
            .unwrap_or("application/octet-stream")
            .to_string();
        let data = out.body.collect().await.map_err(AppError::internal)?;
        Ok((data.into_bytes().to_vec(), content_type))
    }

    /// A GET URL for `key` that expires after `ttl`.
    pub async fn presign_get(&self, key: &str, ttl: std::time::Duration) -> AppResult<String> {
        let cfg = aws_sdk_s3::presigning::PresigningConfig::expires_in(ttl)
            .map_err(AppError::internal)?;
        let req = self
            .presigner
            .get_object()
            .bucket(&self.bucket)
            .key(key)
            .presigned(cfg)
            .await
            .map_err(AppError::internal)?;
        Ok(req.uri().to_string())
    }

    /// Every key in the bucket (backups walk the whole store).
    pub async fn list_keys(&self) -> AppResult<Vec<String>> {
        self.list_keys_under("").await
    }

    /// Every key starting with `prefix` (one community's objects: `c/{id}/`).
    pub async fn list_keys_under(&self, prefix: &str) -> AppResult<Vec<String>> {
        let mut keys = Vec::new();
        let mut pages = self
            .client
            .list_objects_v2()
            .bucket(&self.bucket)
            .prefix(prefix)
            .into_paginator()
            .send();
        while let Some(page) = pages.next().await {
            let page = page.map_err(AppError::internal)?;
            keys.extend(
                page.contents()
                    .iter()
                    .filter_map(|o| o.key().map(str::to_string)),
            );
        }
        Ok(keys)
    }

    pub async fn delete(&self, key: &str) -> AppResult<()> {
        self.client
            .delete_object()
            .bucket(&self.bucket)
            .key(key)
            .send()
            .await
            .map_err(AppError::internal)?;
        Ok(())
    }
}

/// The in-process S3 server. Dropping it stops accepting connections.
pub struct EmbeddedS3 {
    pub addr: SocketAddr,
    task: tokio::task::JoinHandle<()>,
}

impl EmbeddedS3 {
    /// Serve `root` over S3 on `listen` (use port 0 for any free port), requiring SigV4
    /// signatures made with the given keys.
    pub async fn start(
        root: &Path,
        listen: SocketAddr,
        access_key: &str,
        secret_key: &str,
    ) -> std::io::Result<EmbeddedS3> {
        std::fs::create_dir_all(root)?;
        let fs =
            s3s_fs::FileSystem::new(root).map_err(|e| std::io::Error::other(format!("{e:?}")))?;
        let service = {
            let mut b = s3s::service::S3ServiceBuilder::new(fs);
            b.set_auth(s3s::auth::SimpleAuth::from_single(access_key, secret_key));
            b.build()
        };
        let listener = TcpListener::bind(listen).await?;
        let addr = listener.local_addr()?;
        let task = tokio::spawn(async move {
            let http = ConnBuilder::new(TokioExecutor::new());
            loop {
                let Ok((socket, _)) = listener.accept().await else {
                    continue;
                };
                let conn = http.serve_connection(TokioIo::new(socket), service.clone());
                let conn = conn.into_owned();
                tokio::spawn(async move {
                    let _ = conn.await;
                });
            }
        });
        Ok(EmbeddedS3 { addr, task })
    }

    pub fn endpoint(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for EmbeddedS3 {
    fn drop(&mut self) {
        self.task.abort();
    }
}
