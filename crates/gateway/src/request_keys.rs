//! Idempotency keys (幂等键) on `/graphql`: a write sent again with the same
//! `Idempotency-Key` is answered with the first send's answer instead of running twice. A grid
//! worker's phone sends what it recorded without a network this way, and sends again when an
//! answer is lost. The key is claimed in `platform.request_keys` before the request runs (its
//! primary key settles two sends racing) and the answer is kept after; a key sent with another
//! request is refused. A process killed between the write and keeping its answer leaves the
//! key claimed without an answer: a later send is told the first one's outcome is unknown,
//! and the phone shows it to the worker to check, never runs it again.

use axum::http::HeaderMap;
use infra::{AppError, AppResult};
use sha2::{Digest, Sha256};
use sqlx::PgPool;
use uuid::Uuid;

use crate::app::{AppState, X_COMMUNITY};
use crate::gql;

pub const IDEMPOTENCY_KEY: &str = "idempotency-key";

/// A send that ran so long without answering is no longer "still running".
const RUNNING_SECONDS: f64 = 120.0;

// How long a key's answer is kept is the platform's retention period for `request_keys`
// (30 days unless set: longer than a phone stays out of reach with a visit waiting in its
// outbox); the worker forgets older ones (`tenancy::retention`).

/// What the claim of a request's key settled.
pub enum Claim {
    /// The first send, by this account under this key: run it, then [`keep_answer`].
    First(Uuid, String),
    /// Sent before and answered: this is the answer.
    Answered(serde_json::Value),
}

/// The key a request carries, if any, validated.
fn key_of(headers: &HeaderMap) -> AppResult<Option<String>> {
    let Some(v) = headers.get(IDEMPOTENCY_KEY) else {
        return Ok(None);
    };
    let key = v.to_str().unwrap_or("").trim();
    let good = (8..=100).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b':' | b'.' | b'-'));
    if !good {
        return Err(AppError::bad_input(
            "幂等键须为 8 到 100 个字母、数字或 _ : . -",
            "An idempotency key is 8 to 100 letters, digits or _ : . -",
        ));
    }
    Ok(Some(key.to_string()))
}

/// What a request is, for telling a resend from another request under the same key.
fn request_hash(r: &async_graphql::Request) -> Vec<u8> {
    let mut h = Sha256::new();
    h.update(r.query.as_bytes());
    h.update([0]);
    h.update(r.operation_name.as_deref().unwrap_or("").as_bytes());
    h.update([0]);
    h.update(serde_json::to_vec(&r.variables).unwrap_or_default());
    h.finalize().to_vec()
}

/// Claim `key` for this account's request, or find the answer a first send got.
async fn claim(
    pool: &PgPool,
    account: Uuid,
    key: String,
    community: &str,
    hash: &[u8],
) -> AppResult<Claim> {
    let claimed = sqlx::query(
        "INSERT INTO platform.request_keys (account_id, key, community, request_hash)
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
    )
    .bind(account)
    .bind(&key)
    .bind(community)
    .bind(hash)
    .execute(pool)
    .await?
    .rows_affected()
        == 1;
    if claimed {
        return Ok(Claim::First(account, key));
    }
    let (first_community, first_hash, response, age): (
        String,
        Vec<u8>,
        Option<serde_json::Value>,
        f64,
    ) = sqlx::query_as(
        "SELECT community, request_hash, response,
                    extract(epoch FROM now() - created_at)::float8
               FROM platform.request_keys WHERE account_id = $1 AND key = $2",
    )
    .bind(account)
    .bind(&key)
    .fetch_one(pool)
    .await?;
    if first_community != community || first_hash != hash {
        return Err(AppError::bad_input(
            "这个幂等键已用于另一项提交",
            "This idempotency key was sent with another request",
        ));
    }
    match response {
        Some(r) => Ok(Claim::Answered(r)),
        // `field` tells a client which of the two it is: wait and send again, or ask.
        None if age < RUNNING_SECONDS => Err(AppError::conflict(
            "上一次提交还在处理，请稍后再发送",
            "The first send is still running: send again later",
        )
        .on_field("idempotencyKeyRunning")),
        None => Err(AppError::conflict(
            "上一次提交没有收到结果，可能已经保存：请先核对，再决定是否重新登记",
            "The first send got no answer and may have been saved: check before recording it again",
        )
        .on_field("idempotencyKeyInDoubt")),
    }
}

/// A request carrying an `Idempotency-Key`: one operation, by a signed-in account, claimed
/// before it runs; `None` for a request without a key.
pub async fn claim_for(
    state: &AppState,
    headers: &HeaderMap,
    principal: Option<&tenancy::Principal>,
    requests: &[async_graphql::Request],
) -> AppResult<Option<Claim>> {
    let Some(key) = key_of(headers)? else {
        return Ok(None);
    };
    let (Some(p), [r]) = (principal, requests) else {
        return Err(AppError::bad_input(
            "幂等键只用于已登录账号的单项提交",
            "An idempotency key goes with one operation of a signed-in account",
        ));
    };
    let community = headers
        .get(X_COMMUNITY)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .trim();
    let hash = request_hash(r);
    Ok(Some(
        claim(state.db.pool(), p.account_id(), key, community, &hash).await?,
    ))
}

/// Keep the answer a keyed request got; or, when it failed for a passing reason (the database
/// timed out or failed: nothing was written), free the key so that a resend runs. A failure to
/// keep it leaves the key in doubt (a resend is told to check), never run twice.
pub async fn keep_answer(
    state: &AppState,
    account: Uuid,
    key: &str,
    resp: &async_graphql::Response,
) {
    let passing = resp
        .errors
        .iter()
        .any(|e| matches!(gql::error_code(e), Some("INTERNAL" | "TIMEOUT")));
    let kept =
        match (passing, serde_json::to_value(resp)) {
            (true, _) => {
                sqlx::query("DELETE FROM platform.request_keys WHERE account_id = $1 AND key = $2")
                    .bind(account)
                    .bind(key)
                    .execute(state.db.pool())
                    .await
            }
            (false, Ok(answer)) => sqlx::query(
                "UPDATE platform.request_keys SET response = $3 WHERE account_id = $1 AND key = $2",
            )
            .bind(account)
            .bind(key)
            .bind(answer)
            .execute(state.db.pool())
            .await,
            (false, Err(e)) => {
                tracing::error!(%account, key, error = ?e, "an idempotent answer is not JSON");
                return;
            }
        };
    if let Err(e) = kept {
        tracing::error!(%account, key, error = ?e, "an idempotent answer was not kept");
    }
}
