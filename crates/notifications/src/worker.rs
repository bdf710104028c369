//! Delivery through the webhook channel: claim (committed), send, record. The gateway's
//! worker calls [`deliver`] for a community when its outbox wakes it and on every sweep.

use std::time::Duration;

use hmac::{Hmac, Mac};
use infra::AppResult;
use sha2::Sha256;
use tenancy::CommunityCtx;

use crate::db;
use crate::model::*;

/// Claimed per transaction; a community with more is served batch after batch.
const BATCH: i64 = 50;
const MAX_BATCHES: usize = 20;

/// A webhook that receives every notification of the deployment (the way SMS or WeChat
/// template messages are plugged in).
#[derive(Clone)]
pub struct Webhook {
    url: reqwest::Url,
    key: Vec<u8>,
    client: reqwest::Client,
    /// Sends of one notification before it is abandoned.
    pub max_attempts: i32,
    /// The wait before the first retry; each later one doubles.
    pub retry_base: Duration,
}

#[derive(Debug, thiserror::Error)]
#[error("webhook URL is not an http(s) URL: {0}")]
pub struct BadWebhookUrl(String);

impl Webhook {
    pub fn new(url: &str, key: Vec<u8>) -> Result<Webhook, BadWebhookUrl> {
        let parsed = reqwest::Url::parse(url).map_err(|_| BadWebhookUrl(url.into()))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(BadWebhookUrl(url.into()));
        }
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(|_| BadWebhookUrl(url.into()))?;
        Ok(Webhook {
            url: parsed,
            key,
            client,
            max_attempts: 6,
            retry_base: Duration::from_secs(60),
        })
    }

    /// `sha256=<hex>` of the body under the webhook key.
    pub fn signature(&self, body: &[u8]) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).expect("any key length");
        mac.update(body);
        format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
    }

    async fn send(&self, community: &str, n: &Notification) -> Result<(), String> {
        let body = serde_json::to_vec(&serde_json::json!({
            "id": n.id,
            "community": community,
            "accountId": n.account_id,
            "kind": n.kind,
            "title": n.title,
            "body": n.body,
            "createdAt": n.created_at,
        }))
        .map_err(|e| e.to_string())?;
        self.post(body, &n.id.to_string()).await
    }

    /// POST a signed JSON body, named by `delivery`.
    async fn post(&self, body: Vec<u8>, delivery: &str) -> Result<(), String> {
        let response = self
            .client
            .post(self.url.clone())
            .header("content-type", "application/json")
            .header("x-linli-delivery", delivery)
            .header("x-linli-signature", self.signature(&body))
            .body(body)
            .send()
            .await
            .map_err(|e| format!("{e}"))?;
        if response.status().is_success() {
            Ok(())
        } else {
            Err(format!("HTTP {}", response.status()))
        }
    }
}

/// The webhook sends one-time codes too (signing up): `{"kind": "verification_code",
/// "phone", "code"}`, signed like a notification, sent once (the newcomer asks again).
impl tenancy::signup::CodeSender for Webhook {
    fn send<'a>(&'a self, phone: &'a str, code: &'a str) -> tenancy::signup::Sending<'a> {
        Box::pin(async move {
            let body = serde_json::to_vec(&serde_json::json!({
                "kind": "verification_code",
                "phone": phone,
                "code": code,
            }))
            .map_err(|e| e.to_string())?;
            self.post(body, &format!("code-{}", uuid::Uuid::now_v7()))
                .await
        })
    }
}

/// What one call of [`deliver`] did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Delivered {
    pub sent: usize,
    pub failed: usize,
}

/// When the first refused delivery is to be tried again (new notifications wake the worker
/// themselves: `linli_outbox`).
pub async fn next_retry(ctx: &CommunityCtx) -> AppResult<Option<chrono::DateTime<chrono::Utc>>> {
    let mut tx = ctx.tx().await?;
    let at = db::first_retry(&mut tx).await?;
    tx.commit().await?;
    Ok(at)
}

/// Send the community's due notifications through the webhook, each at most once.
pub async fn deliver(ctx: &CommunityCtx, hook: &Webhook) -> AppResult<Delivered> {
    let mut done = Delivered::default();
    for _ in 0..MAX_BATCHES {
        // The claim commits before anything is sent: a crash after it never sends twice.
        let mut tx = ctx.tx().await?;
        let claimed = db::claim(&mut tx, Channel::Webhook, BATCH).await?;
        tx.commit().await?;
        if claimed.is_empty() {
            break;
        }
        let mut outcomes = Vec::with_capacity(claimed.len());
        for n in &claimed {
            outcomes.push((n.id, hook.send(&ctx.tenant().slug, n).await));
        }
        let mut tx = ctx.tx().await?;
        for (id, outcome) in &outcomes {
            match outcome {
                Ok(()) => done.sent += 1,
                Err(e) => {
                    tracing::warn!(notification = %id, error = %e, "webhook delivery failed");
                    done.failed += 1;
                }
            }
            let outcome = outcome.as_ref().map(|_| ()).map_err(String::as_str);
            db::record(
                &mut tx,
                Channel::Webhook,
                *id,
                outcome,
                hook.max_attempts,
                hook.retry_base.as_secs_f64(),
            )
            .await?;
        }
        tx.commit().await?;
    }
    Ok(done)
}

/// 保存期限: a community's notifications older than `keep` go, with their deliveries; how
/// many. Called by the worker on its visits, with the period the platform set.
pub async fn forget_older(
    ctx: &CommunityCtx,
    keep: chrono::Duration,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<u64> {
    let mut tx = ctx.tx().await?;
    let n = db::forget_before(&mut tx, now - keep).await?;
    tx.commit().await?;
    Ok(n)
}

/// When the oldest notification passes `keep`: the community's next visit for retention.
pub async fn forget_next_due(
    ctx: &CommunityCtx,
    keep: chrono::Duration,
) -> AppResult<Option<chrono::DateTime<chrono::Utc>>> {
    let mut tx = ctx.tx().await?;
    let first = db::first_written(&mut tx).await?;
    tx.commit().await?;
    Ok(first.map(|at| at + keep))
}
