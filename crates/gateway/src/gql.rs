//! The merged GraphQL schema, its limits and extensions, and the error post-processing that
//! gives every error a stable code and the caller's language.

use std::sync::Arc;

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextExecute, NextParseQuery,
};
use async_graphql::parser::types::{ExecutableDocument, OperationType, Selection, SelectionSet};
use async_graphql::{
    EmptySubscription, MergedObject, Schema, ServerError, ServerResult, Value, Variables,
};
use courses::graphql::{CoursesMutation, CoursesQuery};
use partners::graphql::PartnersQuery;
use spaces::graphql::SpacesQuery;
use tenancy::Tenancy;
use tenancy::graphql::{Caller, TenancyMutation, TenancyQuery};
use volunteers::graphql::VolunteersQuery;

use crate::config::Config;

#[derive(MergedObject, Default)]
pub struct Query(
    TenancyQuery,
    CoursesQuery,
    SpacesQuery,
    VolunteersQuery,
    PartnersQuery,
);

#[derive(MergedObject, Default)]
pub struct Mutation(TenancyMutation, CoursesMutation);

pub type LinliSchema = Schema<Query, Mutation, EmptySubscription>;

/// Per-request facts the extensions need.
#[derive(Clone, Debug)]
pub struct RequestMeta {
    pub request_id: Option<String>,
    pub community_id: Option<uuid::Uuid>,
}

pub fn build_schema(
    config: &Config,
    data: Option<(Tenancy, infra::Db, infra::storage::ObjectStore)>,
) -> LinliSchema {
    let mut b = Schema::build(Query::default(), Mutation::default(), EmptySubscription)
        .limit_depth(config.max_depth)
        .limit_complexity(config.max_complexity)
        .limit_recursive_depth(64)
        .limit_directives(16)
        .extension(AliasLimit(config.max_aliases))
        .extension(Audit);
    if let Some((tenancy, db, store)) = data {
        b = b
            .data(tenancy.secrets().clone())
            .data(tenancy)
            .data(db)
            .data(store);
    }
    b.finish()
}

/// The SDL written to `schema.graphql`.
pub fn sdl() -> String {
    build_schema(&Config::default(), None).sdl()
}

// --- alias limit ---

/// Refuses documents with more than N aliases: aliases multiply the cost of one field.
struct AliasLimit(usize);

impl ExtensionFactory for AliasLimit {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(AliasLimitExt(self.0))
    }
}

struct AliasLimitExt(usize);

fn count_aliases(set: &SelectionSet) -> usize {
    set.items
        .iter()
        .map(|s| match &s.node {
            Selection::Field(f) => {
                usize::from(f.node.alias.is_some()) + count_aliases(&f.node.selection_set.node)
            }
            Selection::InlineFragment(fr) => count_aliases(&fr.node.selection_set.node),
            Selection::FragmentSpread(_) => 0,
        })
        .sum()
}

#[async_trait::async_trait]
impl Extension for AliasLimitExt {
    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let doc = next.run(ctx, query, variables).await?;
        let aliases: usize = doc
            .operations
            .iter()
            .map(|(_, op)| count_aliases(&op.node.selection_set.node))
            .chain(
                doc.fragments
                    .values()
                    .map(|f| count_aliases(&f.node.selection_set.node)),
            )
            .sum();
        if aliases > self.0 {
            let mut e = ServerError::new(
                format!("Query uses too many aliases ({aliases} > {}).", self.0),
                None,
            );
            let mut ext = async_graphql::ErrorExtensionValues::default();
            ext.set("code", "BAD_USER_INPUT");
            ext.set(
                "messageEn",
                format!(
                    "The query uses too many aliases ({aliases}, at most {})",
                    self.0
                ),
            );
            e.extensions = Some(ext);
            e.message = format!("查询中的别名过多（{aliases} 个，最多 {} 个）", self.0);
            return Err(e);
        }
        Ok(doc)
    }
}

// --- audit ---

/// Writes one audit row per top-level mutation field, after the operation ran, with its
/// outcome. It reads the document once at parse time and the response once at the end, so
/// queries pay nothing per field.
struct Audit;

impl ExtensionFactory for Audit {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(AuditExt::default())
    }
}

/// (operation name, [(response key, field name)]) of each mutation in the document.
type MutationFields = Vec<(Option<String>, Vec<(String, String)>)>;

#[derive(Default)]
struct AuditExt {
    mutations: std::sync::Mutex<MutationFields>,
}

#[async_trait::async_trait]
impl Extension for AuditExt {
    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let doc = next.run(ctx, query, variables).await?;
        let found: MutationFields = doc
            .operations
            .iter()
            .filter(|(_, op)| op.node.ty == OperationType::Mutation)
            .map(|(name, op)| {
                let fields = op
                    .node
                    .selection_set
                    .node
                    .items
                    .iter()
                    .filter_map(|s| match &s.node {
                        Selection::Field(f) => Some((
                            f.node.response_key().node.to_string(),
                            f.node.name.node.to_string(),
                        )),
                        _ => None,
                    })
                    .collect();
                (name.map(|n| n.to_string()), fields)
            })
            .collect();
        *self.mutations.lock().expect("audit lock") = found;
        Ok(doc)
    }

    async fn execute(
        &self,
        ctx: &ExtensionContext<'_>,
        operation_name: Option<&str>,
        next: NextExecute<'_>,
    ) -> async_graphql::Response {
        let resp = next.run(ctx, operation_name).await;
        let fields = {
            let mutations = self.mutations.lock().expect("audit lock");
            let chosen = match operation_name {
                Some(n) => mutations
                    .iter()
                    .find(|(name, _)| name.as_deref() == Some(n)),
                None => mutations.first(),
            };
            chosen.map(|(_, f)| f.clone()).unwrap_or_default()
        };
        if fields.is_empty() {
            return resp;
        }
        let (Some(t), meta) = (ctx.data_opt::<Tenancy>(), ctx.data_opt::<RequestMeta>()) else {
            return resp;
        };
        let account = ctx
            .data_opt::<Caller>()
            .and_then(|c| c.0.as_ref())
            .map(|p| p.account_id());
        for (key, field) in fields {
            let error = resp.errors.iter().find(|e| {
                matches!(e.path.first(), Some(async_graphql::PathSegment::Field(k)) if *k == key)
            });
            let outcome = match error {
                None => "ok",
                Some(e) => error_code(e).unwrap_or("INTERNAL"),
            };
            let community = meta.and_then(|m| m.community_id);
            let request_id = meta.and_then(|m| m.request_id.as_deref());
            if let Err(e) = t
                .audit(account, community, &field, outcome, request_id)
                .await
            {
                tracing::error!(error = ?e, operation = %field, "audit write failed");
            }
        }
        resp
    }
}

pub fn error_code(e: &ServerError) -> Option<&str> {
    match e.extensions.as_ref()?.get("code")? {
        Value::String(s) => Some(s.as_str()),
        _ => None,
    }
}

/// Names of the top-level fields of the mutations in a query text (for auditing requests that
/// were refused before they ran).
pub fn mutation_fields(query: &str) -> Vec<String> {
    let Ok(doc) = async_graphql::parser::parse_query(query) else {
        return Vec::new();
    };
    doc.operations
        .iter()
        .filter(|(_, op)| op.node.ty == OperationType::Mutation)
        .flat_map(|(_, op)| {
            op.node
                .selection_set
                .node
                .items
                .iter()
                .filter_map(|s| match &s.node {
                    Selection::Field(f) => Some(f.node.name.node.to_string()),
                    _ => None,
                })
        })
        .collect()
}

/// Give every error a code and the caller's language. Errors raised by async-graphql itself
/// (parse, validation, limits) carry no code: they are the client's mistake.
pub fn localize(errors: &mut [ServerError], english: bool) {
    for e in errors.iter_mut() {
        let ext = e.extensions.get_or_insert_with(Default::default);
        if ext.get("code").is_none() {
            let en = e.message.clone();
            let zh = match en.as_str() {
                "Query is too complex." => "查询过于复杂，请减少请求的字段".to_string(),
                "Query is nested too deep." => "查询嵌套层级过深".to_string(),
                m if m.starts_with("Too many directives") => "查询中的指令过多".to_string(),
                m => format!("请求无效：{m}"),
            };
            ext.set("code", "BAD_USER_INPUT");
            ext.set("messageEn", en);
            e.message = zh;
        }
        if let (true, Some(Value::String(en))) = (english, ext.get("messageEn").cloned()) {
            let zh = std::mem::replace(&mut e.message, en);
            ext.unset("messageEn");
            ext.set("messageZh", zh);
        }
    }
}
