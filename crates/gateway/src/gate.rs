//! The community gate, the one door of every route that reaches community data (`/graphql`
//! and the QR image routes): who is calling (the bearer token), and may they enter the
//! community they named (`X-Community`). Both are settled before anything runs; only the gate
//! builds a `CommunityCtx`. Also the one builder of error bodies outside GraphQL execution.

use axum::Json;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use infra::{AppError, ErrorCode};
use tenancy::CommunityCtx;
use tenancy::Principal;
use uuid::Uuid;

use crate::app::{AppState, X_COMMUNITY};

/// What the gate let through.
pub struct Admitted {
    pub principal: Option<Principal>,
    /// Present when the request named a community.
    pub community: Option<CommunityCtx>,
}

/// A refusal, with the account that was refused (when the token was good) for the audit log.
pub struct Refused {
    pub error: AppError,
    pub account_id: Option<Uuid>,
}

pub async fn admit(state: &AppState, headers: &HeaderMap) -> Result<Admitted, Refused> {
    let principal = match bearer(headers) {
        None => None,
        Some(token) => Some(
            state
                .tenancy
                .authenticate(token)
                .await
                .map_err(|error| Refused {
                    error,
                    account_id: None,
                })?,
        ),
    };
    let community = match headers.get(X_COMMUNITY) {
        None => None,
        Some(v) => {
            let slug = v.to_str().unwrap_or("");
            tracing::Span::current().record("community", slug);
            let scope = state
                .tenancy
                .enter_community(principal.as_ref(), slug.trim())
                .await
                .map_err(|error| Refused {
                    error,
                    account_id: principal.as_ref().map(Principal::account_id),
                })?;
            Some(CommunityCtx::new(
                state.db.clone(),
                state.tenancy.secrets().clone(),
                state.store.clone(),
                scope,
            ))
        }
    };
    Ok(Admitted {
        principal,
        community,
    })
}

pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    let v = headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    v.strip_prefix("Bearer ")
        .or_else(|| v.strip_prefix("bearer "))
        .map(str::trim)
}

pub fn wants_english(headers: &HeaderMap) -> bool {
    headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim_start().to_ascii_lowercase().starts_with("en"))
}

/// The HTTP status of an error on a route that is not GraphQL (GraphQL answers 200).
pub fn status_of(code: ErrorCode) -> StatusCode {
    match code {
        ErrorCode::Unauthenticated => StatusCode::UNAUTHORIZED,
        ErrorCode::Forbidden | ErrorCode::CommunitySuspended => StatusCode::FORBIDDEN,
        ErrorCode::CommunityReadOnly => StatusCode::CONFLICT,
        ErrorCode::CommunityMoved => StatusCode::GONE,
        ErrorCode::NotFound => StatusCode::NOT_FOUND,
        ErrorCode::RateLimited => StatusCode::TOO_MANY_REQUESTS,
        ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        ErrorCode::Timeout => StatusCode::SERVICE_UNAVAILABLE,
        ErrorCode::BadUserInput
        | ErrorCode::Conflict
        | ErrorCode::InsufficientPoints
        | ErrorCode::OutOfStock
        | ErrorCode::InsufficientFunds
        | ErrorCode::ErasureBlocked => StatusCode::BAD_REQUEST,
    }
}

/// GraphQL's error shape — `extensions.code`, the caller's language as the message and the
/// other language beside it — for every error answered outside GraphQL execution.
pub fn error_response(status: StatusCode, e: AppError, english: bool) -> Response {
    if e.code == ErrorCode::Internal {
        tracing::error!(cause = ?e.cause().map(|c| c.to_string()), "internal error");
    }
    let code = e.code.as_str();
    let (message, other_key, other) = if english {
        (e.en, "messageZh", e.zh)
    } else {
        (e.zh, "messageEn", e.en)
    };
    let body = serde_json::json!({"errors": [{
        "message": message,
        "extensions": {"code": code, other_key: other},
    }]});
    (status, Json(body)).into_response()
}

/// The context of a link that acts for its account without a login (a calendar feed): the
/// account as it is now (`Tenancy::account_ctx`). `None` when it may not enter.
pub async fn owner_ctx(
    state: &crate::app::AppState,
    slug: &str,
    account: uuid::Uuid,
) -> Option<tenancy::CommunityCtx> {
    state
        .tenancy
        .account_ctx(account, slug, &state.store)
        .await
        .ok()
}

/// The context of an anonymous visitor of a community's public page or feed (a shared
/// exhibition, a calendar): active communities only, no role — the token in the path is the
/// permission, checked by the service.
pub async fn public_ctx(state: &crate::app::AppState, slug: &str) -> Option<tenancy::CommunityCtx> {
    let scope = state.tenancy.public_scope(slug).await.ok()?;
    Some(tenancy::CommunityCtx::new(
        state.db.clone(),
        state.tenancy.secrets().clone(),
        state.store.clone(),
        scope,
    ))
}
