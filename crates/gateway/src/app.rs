//! The HTTP face: routes, tower layers, and the GraphQL handler with its community gate.

use std::sync::Arc;
use std::time::{Duration, Instant};

use async_graphql::{BatchResponse, ParseRequestError};
use async_graphql_axum::{GraphQLBatchRequest, GraphQLResponse};
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use infra::storage::ObjectStore;
use infra::{AppError, Db};
use metrics_exporter_prometheus::PrometheusHandle;
use tenancy::Tenancy;
use tenancy::graphql::{Caller, ClientAddr};
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, Predicate, SizeAbove};
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::PropagateRequestIdLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};

use crate::config::Config;
use crate::gate::{self, Admitted, Refused, wants_english};
use crate::gql::{self, RequestMeta};
use crate::request_keys;

pub const X_COMMUNITY: &str = "x-community";
const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

#[derive(Clone)]
pub struct AppState {
    pub tenancy: Tenancy,
    pub db: Db,
    pub store: ObjectStore,
    pub schemas: Arc<gql::Schemas>,
    pub config: Arc<Config>,
    pub metrics: PrometheusHandle,
}

pub fn router(state: AppState) -> Router {
    let config = state.config.clone();
    let cors = match config.cors_origins.as_slice() {
        [] => None,
        [any] if any == "*" => Some(CorsLayer::permissive()),
        list => Some(
            CorsLayer::new()
                .allow_origin(AllowOrigin::list(
                    list.iter().filter_map(|o| HeaderValue::from_str(o).ok()),
                ))
                .allow_methods([Method::GET, Method::POST])
                .allow_headers([
                    axum::http::header::AUTHORIZATION,
                    axum::http::header::CONTENT_TYPE,
                    axum::http::header::ACCEPT_LANGUAGE,
                    HeaderName::from_static(X_COMMUNITY),
                    HeaderName::from_static(request_keys::IDEMPOTENCY_KEY),
                ]),
        ),
    };
    let layers = ServiceBuilder::new()
        .layer(middleware::from_fn(assign_request_id))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request| {
                    let request_id = req
                        .headers()
                        .get(X_REQUEST_ID)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or_default();
                    tracing::info_span!(
                        "request",
                        method = %req.method(),
                        path = %req.uri().path(),
                        request_id = %request_id,
                        community = tracing::field::Empty,
                    )
                })
                // One line per request at INFO, carrying the span's request id and community.
                .on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
        .layer(PropagateRequestIdLayer::new(X_REQUEST_ID))
        .layer(CatchPanicLayer::custom(|_| {
            tracing::error!("handler panicked");
            internal_response()
        }))
        // gzip at its fastest level, and only above 1 KiB: at the default level it cost about
        // a tenth of the gateway's CPU on a page of courses (docs/PERFORMANCE.md).
        .layer(
            CompressionLayer::new()
                .quality(tower_http::CompressionLevel::Fastest)
                .compress_when(DefaultPredicate::new().and(SizeAbove::new(1024))),
        )
        .layer(RequestBodyLimitLayer::new(config.body_limit_bytes))
        .layer(tower::limit::ConcurrencyLimitLayer::new(
            config.concurrency_limit,
        ))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(config.request_timeout_secs),
        ));

    let mut app = Router::new()
        .route("/graphql", get(graphiql).post(graphql))
        .route("/", get(crate::console::root))
        .route("/console", get(crate::console::root))
        .route("/console/", get(crate::console::index))
        .route("/console/{*path}", get(crate::console::asset))
        .route(
            "/sessions/{session_id}/check-in-code/{format}",
            get(check_in_code),
        )
        .route(
            "/share/{community}/{token}",
            get(crate::share_page::shared_exhibition),
        )
        .route(
            "/survey/{community}/{id}",
            get(crate::survey_page::public_survey),
        )
        .route(
            "/ical/{community}/{account}/{feed}/{token}",
            get(crate::ical_feed::feed),
        )
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(readyz))
        .route_layer(middleware::from_fn(track_metrics))
        .layer(layers)
        .with_state(state);
    if let Some(cors) = cors {
        app = app.layer(cors);
    }
    app
}

/// The client's own request id, kept beside ours (never instead of it).
#[derive(Clone)]
struct ClientRequestId(String);

/// Every request gets an id generated here: a client's `X-Request-Id` could otherwise forge or
/// collide with another request's in the logs and the audit log. The client's value is kept as
/// a separate field, at most 64 printable ASCII characters.
async fn assign_request_id(mut req: Request, next: Next) -> Response {
    let client = req
        .headers()
        .get(X_REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.chars()
                .filter(|c| c.is_ascii_graphic())
                .take(64)
                .collect::<String>()
        })
        .filter(|v| !v.is_empty());
    let id = uuid::Uuid::now_v7().to_string();
    req.headers_mut().insert(
        X_REQUEST_ID,
        HeaderValue::from_str(&id).expect("a uuid is a header value"),
    );
    if let Some(c) = client {
        req.extensions_mut().insert(ClientRequestId(c));
    }
    next.run(req).await
}

fn internal_response() -> Response {
    let e = AppError::new(
        infra::ErrorCode::Internal,
        "服务器内部错误，请稍后再试",
        "Internal server error",
    );
    gate::error_response(StatusCode::INTERNAL_SERVER_ERROR, e, false)
}

async fn graphiql(State(state): State<AppState>, headers: axum::http::HeaderMap) -> Response {
    if state.config.graphiql {
        crate::console::graphiql(&headers)
    } else {
        (
            StatusCode::METHOD_NOT_ALLOWED,
            "GraphiQL is disabled; POST GraphQL requests here",
        )
            .into_response()
    }
}

/// A request body that is not a GraphQL request: the client's mistake, answered in GraphQL's
/// error shape with BAD_USER_INPUT.
pub struct BadRequest(ParseRequestError);

impl From<ParseRequestError> for BadRequest {
    fn from(e: ParseRequestError) -> Self {
        BadRequest(e)
    }
}

impl IntoResponse for BadRequest {
    fn into_response(self) -> Response {
        let (status, zh) = match self.0 {
            ParseRequestError::PayloadTooLarge => (StatusCode::PAYLOAD_TOO_LARGE, "请求内容过大"),
            _ => (StatusCode::BAD_REQUEST, "请求格式不正确，应为 GraphQL 请求"),
        };
        gate::error_response(status, AppError::bad_input(zh, self.0.to_string()), false)
    }
}

/// A refusal of a whole GraphQL request: GraphQL answers 200 with the error.
fn refused(e: AppError, english: bool) -> Response {
    gate::error_response(StatusCode::OK, e, english)
}

/// The client's address: the TCP peer, or behind a trusted proxy the last address of
/// `X-Forwarded-For` (the one the proxy added).
fn client_addr(
    state: &AppState,
    peer: std::net::SocketAddr,
    headers: &HeaderMap,
) -> std::net::IpAddr {
    if state.config.trust_forwarded_for
        && let Some(ip) = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|a| a.trim().parse().ok())
            .next_back()
    {
        return ip;
    }
    peer.ip()
}

async fn graphql(
    State(state): State<AppState>,
    axum::extract::ConnectInfo(peer): axum::extract::ConnectInfo<std::net::SocketAddr>,
    headers: HeaderMap,
    client_request_id: Option<axum::Extension<ClientRequestId>>,
    req: GraphQLBatchRequest<BadRequest>,
) -> Response {
    let english = wants_english(&headers);
    let batch = req.into_inner();
    let requests = match batch {
        async_graphql::BatchRequest::Single(r) => vec![r],
        async_graphql::BatchRequest::Batch(rs) => rs,
    };
    if requests.len() > state.config.max_batch {
        let e = AppError::bad_input(
            format!("一次最多提交 {} 个操作", state.config.max_batch),
            format!("At most {} operations per request", state.config.max_batch),
        );
        return refused(e, english);
    }

    let meta = RequestMeta {
        request_id: headers
            .get(X_REQUEST_ID)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string(),
        client_request_id: client_request_id.map(|c| c.0.0),
    };
    // Who is calling, and may they enter the community they named? Both are settled before
    // any resolver runs; a refusal answers the whole request.
    let Admitted {
        principal,
        community: scope,
    } = match gate::admit(&state, &headers).await {
        Ok(a) => a,
        Err(Refused { error, account_id }) => {
            let entry = infra::audit::AuditEntry {
                account_id,
                request_id: Some(meta.request_id.clone()),
                client_request_id: meta.client_request_id.clone(),
                ..Default::default()
            };
            crate::audit::refusal(&state.db, &requests, entry, error.code.as_str()).await;
            return refused(error, english);
        }
    };
    let key = match request_keys::claim_for(&state, &headers, principal.as_ref(), &requests).await {
        Ok(Some(request_keys::Claim::Answered(first))) => {
            let replayed = [(HeaderName::from_static("idempotent-replayed"), "true")];
            return (StatusCode::OK, replayed, Json(first)).into_response();
        }
        Ok(Some(request_keys::Claim::First(account, key))) => Some((account, key)),
        Ok(None) => None,
        Err(e) => return refused(e, english),
    };
    let mut responses = Vec::with_capacity(requests.len());
    for mut r in requests {
        r = r
            .data(Caller(principal.clone()))
            .data(ClientAddr(client_addr(&state, peer, &headers)))
            .data(meta.clone());
        if let Some(s) = &scope {
            r = r.data(s.clone());
        }
        let mut resp = match gql::admit(&mut r, state.config.max_aliases) {
            Ok(()) => state.schemas.for_request(&mut r).execute(r).await,
            Err(e) => async_graphql::Response::from_errors(vec![e]),
        };
        for e in &resp.errors {
            let code = gql::error_code(e).unwrap_or("BAD_USER_INPUT").to_string();
            metrics::counter!("linli_graphql_errors_total", "code" => code).increment(1);
        }
        gql::localize(&mut resp.errors, english);
        responses.push(resp);
    }
    if let (Some((account, key)), [resp]) = (&key, responses.as_slice()) {
        request_keys::keep_answer(&state, *account, key, resp).await;
    }
    let out = if responses.len() == 1 {
        BatchResponse::Single(responses.pop().expect("one response"))
    } else {
        BatchResponse::Batch(responses)
    };
    GraphQLResponse::from(out).into_response()
}

async fn readyz(State(state): State<AppState>) -> Response {
    let db_ok = sqlx::query("SELECT 1")
        .execute(state.db.pool())
        .await
        .is_ok();
    let store_ok = state.store.ping().await.is_ok();
    let status = if db_ok && store_ok {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (
        status,
        Json(serde_json::json!({"database": db_ok, "objectStore": store_ok})),
    )
        .into_response()
}

/// `/metrics` alone, for the metrics listener.
pub fn metrics_router(state: AppState) -> Router {
    Router::new()
        .route("/metrics", get(metrics))
        .with_state(state)
}

async fn metrics(State(state): State<AppState>) -> String {
    let pool = state.db.pool();
    metrics::gauge!("linli_db_pool_connections").set(pool.size() as f64);
    metrics::gauge!("linli_db_pool_idle_connections").set(pool.num_idle() as f64);
    state.metrics.render()
}

async fn track_metrics(req: Request, next: Next) -> Response {
    let path = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "unmatched".into());
    let method = req.method().to_string();
    let started = Instant::now();
    let resp = next.run(req).await;
    let status = resp.status().as_u16().to_string();
    let labels = [("path", path), ("method", method), ("status", status)];
    metrics::counter!("linli_http_requests_total", &labels).increment(1);
    metrics::histogram!("linli_http_request_duration_seconds", &labels)
        .record(started.elapsed().as_secs_f64());
    resp
}

/// The QR check-in code of a session as an image (`png` or `svg`), for a teacher's screen.
/// Same authentication and community gate as `/graphql`; errors come as JSON with a code.
async fn check_in_code(
    State(state): State<AppState>,
    axum::extract::Path((session_id, format)): axum::extract::Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let english = wants_english(&headers);
    let fail = |e: AppError| gate::error_response(gate::status_of(e.code), e, english);
    let run = async {
        let community = match gate::admit(&state, &headers).await {
            Ok(Admitted {
                principal: Some(_),
                community: Some(c),
            }) => c,
            Ok(Admitted {
                principal: None, ..
            }) => return Err(AppError::unauthenticated()),
            Ok(_) => {
                return Err(AppError::bad_input(
                    "需要指定社区（X-Community 请求头）",
                    "The X-Community header is required",
                ));
            }
            Err(r) => return Err(r.error),
        };
        let session = uuid::Uuid::parse_str(&session_id)
            .map_err(|_| AppError::bad_input("编号格式不正确", "The id is not valid"))?;
        courses::service::check_in_code(&community, session, None).await
    };
    if !matches!(format.as_str(), "png" | "svg") {
        return fail(AppError::not_found(
            "只有 png 和 svg 两种格式",
            "Formats are png and svg",
        ));
    }
    match run.await {
        // The code rotates: never cached, and the screen is told when to fetch the next.
        Ok(code) => {
            let (content_type, body) = if format == "png" {
                ("image/png", code.png)
            } else {
                ("image/svg+xml", code.svg.into_bytes())
            };
            (
                [
                    (axum::http::header::CONTENT_TYPE, content_type.to_string()),
                    (axum::http::header::CACHE_CONTROL, "no-store".to_string()),
                    (
                        HeaderName::from_static("x-refresh-at"),
                        code.refresh_at.to_rfc3339(),
                    ),
                ],
                body,
            )
                .into_response()
        }
        Err(e) => fail(e),
    }
}
