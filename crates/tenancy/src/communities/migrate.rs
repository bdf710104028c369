//! `linli migrate`: bring every community schema to the latest community migration.
//!
//! Each schema is migrated in its own transaction that also records the new version in
//! `platform.communities`, so a schema is either wholly migrated or untouched, and a crash only
//! loses the schemas in flight: the next run picks up exactly the ones still behind. Several
//! schemas run in parallel. "Nothing to do" costs one indexed query, whatever the number of
//! communities.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use futures::StreamExt;
use infra::migrations::{self, Migration};
use infra::{AppResult, Db};
use uuid::Uuid;

use super::db;

#[derive(Debug, Clone)]
pub struct MigrateReport {
    pub total: usize,
    pub pending: usize,
    pub migrated: Vec<String>,
    pub failed: Vec<(String, String)>,
    pub elapsed: Duration,
}

#[derive(sqlx::FromRow)]
struct Behind {
    id: Uuid,
    slug: String,
}

/// Migrate every community schema that is behind `migrations`. `on_done` is called once per
/// schema (for a progress bar) after it commits or fails.
pub async fn migrate_all(
    db: &Db,
    migrations: &[Migration],
    jobs: usize,
    on_start: impl FnOnce(usize),
    on_done: impl Fn(&str, bool),
) -> AppResult<MigrateReport> {
    let started = Instant::now();
    let latest = migrations::latest(migrations);
    // A community being moved is copied as it is; one moved away is served elsewhere.
    let total: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM platform.communities WHERE status NOT IN ('moving', 'moved')",
    )
    .fetch_one(db.admin_pool())
    .await?;
    let behind: Vec<Behind> = sqlx::query_as(
        "SELECT id, slug FROM platform.communities
          WHERE schema_version < $1 AND status NOT IN ('moving', 'moved') ORDER BY slug",
    )
    .bind(latest)
    .fetch_all(db.admin_pool())
    .await?;
    on_start(behind.len());
    let pending = behind.len();
    let results: Vec<(String, Result<(), String>)> = futures::stream::iter(behind)
        .map(|b| async move {
            let r = migrate_one(db, b.id, migrations).await;
            (b.slug, r)
        })
        .buffer_unordered(jobs.max(1))
        .inspect(|(slug, r)| on_done(slug, r.is_ok()))
        .collect()
        .await;
    let mut report = MigrateReport {
        total: total as usize,
        pending,
        migrated: Vec::new(),
        failed: Vec::new(),
        elapsed: Duration::ZERO,
    };
    for (slug, r) in results {
        match r {
            Ok(()) => report.migrated.push(slug),
            Err(e) => report.failed.push((slug, e)),
        }
    }
    report.migrated.sort();
    report.failed.sort();
    report.elapsed = started.elapsed();
    Ok(report)
}

async fn migrate_one(db: &Db, id: Uuid, migrations: &[Migration]) -> Result<(), String> {
    let run = async {
        let mut tx = db.admin_pool().begin().await?;
        // The row lock serialises two `migrate` runs on one schema; the version is re-read
        // under it so the loser finds nothing left to do.
        let c = db::lock_community(&mut tx, id).await?;
        infra::db::enter_tenant(&mut tx, &c.tenant())
            .await
            .map_err(app_to_sqlx)?;
        let version = migrations::apply_community(&mut tx, migrations, c.schema_version).await?;
        sqlx::query("RESET ROLE").execute(&mut *tx).await?;
        db::set_schema_version(&mut tx, id, version).await?;
        tx.commit().await?;
        Ok::<(), sqlx::Error>(())
    };
    run.await.map_err(|e| e.to_string())
}

fn app_to_sqlx(e: infra::AppError) -> sqlx::Error {
    sqlx::Error::Protocol(format!("{:?}", e))
}

/// One community schema that differs from what the migrations produce.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drift {
    pub slug: String,
    pub missing: Vec<String>,
    pub unexpected: Vec<String>,
}

/// The shape of schemas as the catalog holds it — tables and sequences with their owner and
/// grants, columns (type, nullability, default, position), constraints, indexes, triggers
/// and functions (their whole definition) — with each schema's own name taken out so that
/// two schemas compare equal. `migrate --check` compares every community with a reference;
/// the one-step onboarding is proven equal to replaying every migration with it.
pub async fn shapes(
    conn: &mut sqlx::PgConnection,
    schemas: &[String],
) -> sqlx::Result<BTreeMap<String, BTreeSet<String>>> {
    let rows: Vec<(String, String)> = sqlx::query_as(SHAPE).bind(schemas).fetch_all(conn).await?;
    let mut out: BTreeMap<String, BTreeSet<String>> = schemas
        .iter()
        .map(|s| (s.clone(), BTreeSet::new()))
        .collect();
    for (schema, line) in rows {
        out.entry(schema).or_default().insert(line);
    }
    Ok(out)
}

/// `$1`: the schemas. `q(text, schema)` takes the schema's name out of a definition (where it
/// qualifies a name, or is the value of a function's `search_path`).
const SHAPE: &str = "
WITH s AS (SELECT oid, nspname::text AS name, nspowner FROM pg_namespace WHERE nspname = ANY($1)),
q AS (SELECT s.*, s.name || '.' AS dot, quote_literal(s.name) AS lit FROM s)
SELECT q.name, c.relkind::text || ' ' || c.relname
       || CASE WHEN c.relowner = q.nspowner THEN ' owned by the schema''s owner' ELSE ' owned by another' END
       || ' acl ' || coalesce(replace(c.relacl::text, pg_get_userbyid(q.nspowner), '$owner'), 'default')
       || CASE WHEN c.relrowsecurity THEN ' row security' ELSE '' END
  FROM pg_class c JOIN q ON q.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S')
UNION ALL
SELECT q.name, 'column ' || c.relname || '.' || a.attname || ' #' || a.attnum || ' '
       || format_type(a.atttypid, a.atttypmod)
       || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
       || CASE WHEN a.attidentity <> '' THEN ' identity ' || a.attidentity::text ELSE '' END
       || coalesce(' default ' || replace(pg_get_expr(d.adbin, d.adrelid), q.dot, ''), '')
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN q ON q.oid = c.relnamespace
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
 WHERE c.relkind IN ('r', 'p', 'v', 'm') AND a.attnum > 0 AND NOT a.attisdropped
UNION ALL
SELECT q.name, 'constraint ' || c.relname || ' ' || k.conname || ' '
       || replace(pg_get_constraintdef(k.oid), q.dot, '')
  FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN q ON q.oid = c.relnamespace
UNION ALL
SELECT q.name, 'index ' || i.tablename || ' ' || replace(i.indexdef, q.dot, '')
  FROM pg_indexes i JOIN q ON q.name = i.schemaname
UNION ALL
SELECT q.name, 'trigger ' || c.relname || ' ' || replace(pg_get_triggerdef(t.oid), q.dot, '')
  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN q ON q.oid = c.relnamespace
 WHERE NOT t.tgisinternal
UNION ALL
SELECT q.name, 'function ' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') '
       || md5(replace(replace(pg_get_functiondef(p.oid), q.dot, ''), q.lit, '$schema'))
       || CASE WHEN p.proowner = q.nspowner THEN '' ELSE ' owned by another' END
       || ' acl ' || coalesce(replace(p.proacl::text, pg_get_userbyid(q.nspowner), '$owner'), 'default')
  FROM pg_proc p JOIN q ON q.oid = p.pronamespace";

/// Compare every community schema with a reference schema built from `migrations` in a
/// transaction that is rolled back. Schemas are read in batches to bound locks and memory.
pub async fn check_drift(db: &Db, migrations: &[Migration]) -> AppResult<Vec<Drift>> {
    let reference = {
        let mut tx = db.admin_pool().begin().await?;
        let name = "linli_drift_reference";
        sqlx::raw_sql("CREATE SCHEMA linli_drift_reference")
            .execute(&mut *tx)
            .await?;
        sqlx::query("SELECT set_config('search_path', $1, true)")
            .bind(name)
            .execute(&mut *tx)
            .await?;
        migrations::apply_community(&mut tx, migrations, 0).await?;
        let mut s = shapes(&mut tx, &[name.to_string()]).await?;
        tx.rollback().await?;
        s.remove(name).unwrap_or_default()
    };
    let communities: Vec<(String, String)> = sqlx::query_as(
        "SELECT slug, schema_name FROM platform.communities WHERE status <> 'moved' ORDER BY slug",
    )
    .fetch_all(db.admin_pool())
    .await?;
    let mut drifts = Vec::new();
    for batch in communities.chunks(200) {
        let schemas: Vec<String> = batch.iter().map(|(_, s)| s.clone()).collect();
        let mut conn = db.admin_pool().acquire().await?;
        let found = shapes(&mut conn, &schemas).await?;
        for (slug, schema) in batch {
            let shape = found.get(schema).cloned().unwrap_or_default();
            let missing: Vec<String> = reference.difference(&shape).cloned().collect();
            let unexpected: Vec<String> = shape.difference(&reference).cloned().collect();
            if !missing.is_empty() || !unexpected.is_empty() {
                drifts.push(Drift {
                    slug: slug.clone(),
                    missing,
                    unexpected,
                });
            }
        }
    }
    Ok(drifts)
}
