//! The audit log from the gateway's side: every top-level mutation field runs inside an
//! [`infra::audit`] scope (whatever the shape of the document: fragments and aliases run the
//! same fields), so its row is written by the transaction that makes the change. The gateway
//! adds the row for a field that failed (with its code) or that committed no transaction, and
//! one row per request refused at the community gate, rate-limited.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextPrepareRequest, NextResolve, ResolveInfo,
};
use async_graphql::parser::types::{Field, OperationType, Selection};
use async_graphql::{Name, Request, ServerResult, Value, Variables};
use infra::Db;
use infra::audit::{AuditEntry, AuditScope};
use serde_json::json;
use tenancy::CommunityCtx;
use tenancy::graphql::Caller;

use crate::gql::{RequestMeta, error_code};

pub struct Audit;

impl ExtensionFactory for Audit {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(AuditExt::default())
    }
}

#[derive(Default)]
struct AuditExt {
    /// The request's variables, to name the target of a field whose arguments use them.
    variables: Mutex<Variables>,
}

#[async_trait::async_trait]
impl Extension for AuditExt {
    async fn prepare_request(
        &self,
        ctx: &ExtensionContext<'_>,
        request: Request,
        next: NextPrepareRequest<'_>,
    ) -> ServerResult<Request> {
        let request = next.run(ctx, request).await?;
        *self.variables.lock().expect("audit lock") = request.variables.clone();
        Ok(request)
    }

    async fn resolve(
        &self,
        ctx: &ExtensionContext<'_>,
        info: ResolveInfo<'_>,
        next: NextResolve<'_>,
    ) -> ServerResult<Option<Value>> {
        // Only top-level fields of a mutation: everything else passes straight through.
        let top_mutation = info.path_node.parent.is_none() && info.parent_type == "Mutation";
        let db = ctx.data_opt::<Db>();
        let (true, Some(db)) = (top_mutation, db) else {
            return next.run(ctx, info).await;
        };
        let meta = ctx.data_opt::<RequestMeta>();
        let target = {
            let vars = self.variables.lock().expect("audit lock");
            target_of(info.field, &vars)
        };
        let entry = AuditEntry {
            account_id: ctx
                .data_opt::<Caller>()
                .and_then(|c| c.0.as_ref())
                .map(|p| p.account_id()),
            community_id: ctx
                .data_opt::<CommunityCtx>()
                .map(|c| c.tenant().community_id),
            operation: info.name.to_string(),
            request_id: meta.map(|m| m.request_id.clone()),
            client_request_id: meta.and_then(|m| m.client_request_id.clone()),
            target,
        };
        let scope = AuditScope::new(entry);
        let result = infra::audit::scope(scope.clone(), next.run(ctx, info)).await;
        let outcome = match &result {
            Ok(_) if scope.recorded() => None,
            Ok(_) => Some("ok"),
            Err(e) => Some(error_code(e).unwrap_or("INTERNAL")),
        };
        if let Some(outcome) = outcome {
            write(db, scope.entry(), outcome).await;
        }
        result
    }
}

/// Write one audit row on its own connection; a failure is logged, never the caller's error.
pub(crate) async fn write(db: &Db, entry: &AuditEntry, outcome: &str) {
    let done = async {
        let mut conn = db.pool().acquire().await?;
        infra::audit::insert(&mut conn, entry, outcome).await
    };
    if let Err(e) = done.await {
        tracing::error!(error = ?e, operation = %entry.operation, "audit write failed");
    }
}

/// The arguments that say what a mutation acted on: ids, enums, numbers, flags and codes.
/// Free text (names, phone numbers, comments, passwords) never enters the log.
fn target_of(field: &Field, vars: &Variables) -> serde_json::Value {
    let mut out = serde_json::Map::new();
    for (name, value) in &field.arguments {
        let resolved = value
            .node
            .clone()
            .into_const_with(|v: Name| vars.get(&v).cloned().ok_or(()));
        if let Ok(v) = resolved
            && let Some(kept) = kept(&name.node, &v, 0)
        {
            out.insert(name.node.to_string(), kept);
        }
    }
    serde_json::Value::Object(out)
}

fn is_identifier_key(key: &str) -> bool {
    key == "id"
        || key.ends_with("Id")
        || key.ends_with("Ids")
        || matches!(
            key,
            "slug" | "communitySlug" | "districtCode" | "code" | "parentCode" | "month"
        )
}

fn kept(key: &str, v: &Value, depth: usize) -> Option<serde_json::Value> {
    use Value as C;
    if depth > 4 {
        return None;
    }
    match v {
        C::Enum(e) => Some(json!(e.as_str())),
        C::Boolean(b) => Some(json!(b)),
        C::Number(n) => Some(json!(n)),
        C::String(s) if is_identifier_key(key) && s.len() <= 64 => Some(json!(s)),
        C::List(items) => {
            let items: Vec<_> = items
                .iter()
                .take(50)
                .filter_map(|x| kept(key, x, depth + 1))
                .collect();
            (!items.is_empty()).then(|| json!(items))
        }
        C::Object(fields) => {
            let m: serde_json::Map<_, _> = fields
                .iter()
                .filter_map(|(k, x)| kept(k, x, depth + 1).map(|x| (k.to_string(), x)))
                .collect();
            (!m.is_empty()).then_some(serde_json::Value::Object(m))
        }
        _ => None,
    }
}

/// Refusals written per second at most; the rest are only counted (`/metrics`). Without a bound,
/// an anonymous client could turn every refused request into inserts.
const REFUSALS_PER_SECOND: u32 = 20;

static REFUSALS: Mutex<Option<(Instant, u32)>> = Mutex::new(None);

fn refusal_allowed() -> bool {
    let mut w = REFUSALS.lock().expect("refusal limiter");
    let now = Instant::now();
    match &mut *w {
        Some((start, n)) if now.duration_since(*start) < Duration::from_secs(1) => {
            *n += 1;
            *n <= REFUSALS_PER_SECOND
        }
        _ => {
            *w = Some((now, 1));
            true
        }
    }
}

/// A request refused at the community gate: one row for the whole request (whatever it
/// holds) when it holds any mutation, under the name of its first mutation field, with at
/// most five of them and their count as the target.
pub async fn refusal(db: &Db, requests: &[Request], entry: AuditEntry, code: &str) {
    let fields: Vec<String> = requests
        .iter()
        .filter_map(|r| async_graphql::parser::parse_query(&r.query).ok())
        .flat_map(|doc| {
            doc.operations
                .iter()
                .filter(|(_, op)| op.node.ty == OperationType::Mutation)
                .flat_map(|(_, op)| {
                    op.node
                        .selection_set
                        .node
                        .items
                        .iter()
                        .map(|s| match &s.node {
                            Selection::Field(f) => f.node.name.node.to_string(),
                            // a fragment: its fields are not resolved for a refusal
                            _ => "…".to_string(),
                        })
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<_>>()
        })
        .collect();
    if fields.is_empty() {
        return;
    }
    if !refusal_allowed() {
        metrics::counter!("linli_audit_refusals_dropped_total").increment(1);
        return;
    }
    let entry = AuditEntry {
        operation: fields[0].clone(),
        target: json!({
            "fields": fields.iter().take(5).collect::<Vec<_>>(),
            "count": fields.len(),
        }),
        ..entry
    };
    write(db, &entry, code).await;
}
