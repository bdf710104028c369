//! One community's backup (`linli communities backup SLUG --out DIR`; the restore is
//! `restore_one`): its schema (a `pg_dump` of that schema alone), its platform rows, its
//! totals in the dashboards' rollups and its objects (the keys under `c/{id}/`).
//!
//! The platform rows and a checksum of every table of the schema are read in the snapshot the
//! dump is taken from, so a restore can prove it holds exactly what was backed up: it checks
//! every table, every platform row and every object before the community is switched on, and
//! leaves nothing behind when a check fails.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context as _, bail};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use sqlx::{Connection, PgConnection};
use uuid::Uuid;

use super::{exec, object_path, pg_tool, run};
use crate::config::Config;
use crate::runtime;

pub(super) const FORMAT: u32 = 1;

/// The platform rows that belong to (or come with) one community, and which rows to take.
/// Shared rows (accounts, organisations and their teams) are taken when the community's rows
/// name them, and a restore keeps the copy already there.
pub(super) const PLATFORM: &[(&str, &str)] = &[
    (
        "accounts",
        "id IN (SELECT account_id FROM platform.memberships WHERE community_id = $1
                 UNION SELECT account_id FROM platform.organisation_members
                        WHERE organisation_id IN (SELECT organisation_id FROM platform.partnerships
                                                   WHERE community_id = $1))",
    ),
    (
        "organisations",
        "id IN (SELECT organisation_id FROM platform.partnerships WHERE community_id = $1)",
    ),
    (
        "organisation_members",
        "organisation_id IN (SELECT organisation_id FROM platform.partnerships WHERE community_id = $1)",
    ),
    (
        "partner_teams",
        "organisation_id IN (SELECT organisation_id FROM platform.partnerships WHERE community_id = $1)",
    ),
    (
        "partner_team_members",
        "organisation_id IN (SELECT organisation_id FROM platform.partnerships WHERE community_id = $1)",
    ),
    ("communities", "id = $1"),
    ("memberships", "community_id = $1"),
    ("partnerships", "community_id = $1"),
    ("pilot_group_members", "community_id = $1"),
    ("figure_events_applied", "community_id = $1"),
    ("audit_log", "community_id = $1"),
];

/// Shared between communities: a restore keeps the row already there.
pub(super) const SHARED: &[&str] = &[
    "accounts",
    "organisations",
    "organisation_members",
    "partner_teams",
    "partner_team_members",
];

#[derive(Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub community_id: Uuid,
    pub slug: String,
    pub schema: String,
    /// The role owning the schema where it was backed up.
    pub role: String,
    /// The district it belongs to, by code: a restore puts it under the district of that code.
    pub district_code: String,
    /// The status it is restored with (a moving community's status before the move).
    pub status: String,
    /// Rows and checksum of every table of its schema, in the dump's snapshot.
    pub tables: BTreeMap<String, TableSum>,
    /// How many platform rows of each table came with it.
    pub platform_rows: BTreeMap<String, usize>,
    pub objects: BTreeMap<String, ObjectEntry>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct TableSum {
    pub rows: i64,
    pub md5: String,
}

#[derive(Serialize, Deserialize, Clone)]
pub struct ObjectEntry {
    pub content_type: String,
    pub sha256: String,
}

#[derive(Serialize, Deserialize)]
pub(super) struct PlatformRows {
    pub tables: BTreeMap<String, Value>,
    pub totals: dashboards::api::transfer::Totals,
}

/// `linli communities backup SLUG --out DIR`.
pub async fn backup(config: &Config, slug: &str, out: &Path) -> anyhow::Result<()> {
    let (url, _cluster) = runtime::admin_url(config).await?;
    let storage = runtime::open_storage(config).await?;
    let m = export(&url, &storage.store, slug, out, None).await?;
    println!(
        "Backed up community {} ({} tables, {} objects) to {}",
        m.slug,
        m.tables.len(),
        m.objects.len(),
        out.display()
    );
    Ok(())
}

/// Write the community `slug` of the database at `url` (and its objects in `store`) to `out`,
/// a new or empty directory. `status` overrides the status recorded (a move records the one
/// before it).
pub async fn export(
    url: &str,
    store: &infra::storage::ObjectStore,
    slug: &str,
    out: &Path,
    status: Option<&str>,
) -> anyhow::Result<Manifest> {
    if out.exists() && out.read_dir()?.next().is_some() {
        bail!(
            "{} is not empty: a backup goes into a new directory",
            out.display()
        );
    }
    super::private::create_dir(out)?;
    super::private::create_dir(&out.join("objects"))?;
    let mut conn = PgConnection::connect(url).await?;
    stable_text(&mut conn).await?;
    // One snapshot for the rows read here and the dump: pg_dump joins it (--snapshot).
    exec(
        &mut conn,
        "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY",
    )
    .await?;
    let snapshot: String = sqlx::query_scalar("SELECT pg_export_snapshot()")
        .fetch_one(&mut conn)
        .await?;
    let found: Option<(Uuid, String, String, String, String)> = sqlx::query_as(
        "SELECT c.id, c.schema_name, c.role_name, d.code, c.status
           FROM platform.communities c JOIN platform.districts d ON d.id = c.district_id
          WHERE c.slug = $1",
    )
    .bind(slug)
    .fetch_optional(&mut conn)
    .await
    .context("reading platform.communities (is this a Linli database?)")?;
    let Some((id, schema, role, district_code, current)) = found else {
        bail!("no community {slug} here");
    };
    if status.is_none() && matches!(current.as_str(), "moving" | "moved") {
        bail!("community {slug} is {current}: back it up where it is served");
    }
    let mut tables = BTreeMap::new();
    let mut platform_rows = BTreeMap::new();
    for (table, filter) in PLATFORM {
        let rows: Value = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT coalesce(jsonb_agg(to_jsonb(t)), '[]'::jsonb) FROM platform.{table} t
              WHERE {filter}"
        )))
        .bind(id)
        .fetch_one(&mut conn)
        .await
        .with_context(|| format!("reading platform.{table}"))?;
        platform_rows.insert(table.to_string(), rows.as_array().map_or(0, Vec::len));
        tables.insert(table.to_string(), rows);
    }
    let totals = dashboards::api::transfer::totals(&mut conn, id).await?;
    let sums = table_sums(&mut conn, &schema).await?;
    run(
        pg_tool("pg_dump", url)?
            .arg("--format=custom")
            .arg("--schema")
            .arg(&schema)
            .arg("--snapshot")
            .arg(&snapshot)
            .arg("--lock-wait-timeout=60000")
            .arg("--file")
            .arg(out.join("schema.dump")),
        "pg_dump",
    )
    .await?;
    super::private::restrict(&out.join("schema.dump"))?;
    exec(&mut conn, "COMMIT").await?;
    conn.close().await?;

    let mut objects = BTreeMap::new();
    let keys = store
        .list_keys_under(&format!("c/{id}/"))
        .await
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    for key in keys {
        let (bytes, content_type) = store
            .get_with_type(&key)
            .await
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        let path = object_path(out, &key)?;
        super::private::create_dir(path.parent().expect("a key has a parent"))?;
        super::private::write(&path, &bytes)?;
        objects.insert(
            key,
            ObjectEntry {
                content_type,
                sha256: hex::encode(Sha256::digest(&bytes)),
            },
        );
    }
    super::private::write(
        &out.join("platform.json"),
        &serde_json::to_vec(&PlatformRows { tables, totals })?,
    )?;
    let manifest = Manifest {
        format: FORMAT,
        created_at: chrono::Utc::now(),
        community_id: id,
        slug: slug.to_string(),
        schema,
        role,
        district_code,
        status: status.unwrap_or(&current).to_string(),
        tables: sums,
        platform_rows,
        objects,
    };
    super::private::write(
        &out.join("manifest.json"),
        &serde_json::to_vec_pretty(&manifest)?,
    )?;
    Ok(manifest)
}

/// Row text that is the same on every server: checksums compare rows as text.
pub(super) async fn stable_text(conn: &mut PgConnection) -> anyhow::Result<()> {
    exec(
        conn,
        "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres';
         SET extra_float_digits = 1; SET bytea_output = 'hex'",
    )
    .await
}

/// Rows and an order-independent checksum of every table of `schema`, in one statement.
pub async fn table_sums(
    conn: &mut PgConnection,
    schema: &str,
) -> anyhow::Result<BTreeMap<String, TableSum>> {
    let sql: Option<String> = sqlx::query_scalar(
        "SELECT string_agg(format(
                    'SELECT %L AS t, count(*) AS n, coalesce(md5(string_agg(md5(x::text), '''' ORDER BY md5(x::text))), '''') AS h FROM %I.%I x',
                    c.relname, n.nspname, c.relname), ' UNION ALL ' ORDER BY c.relname)
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = $1 AND c.relkind = 'r'",
    )
    .bind(schema)
    .fetch_one(&mut *conn)
    .await?;
    let Some(sql) = sql else {
        return Ok(BTreeMap::new());
    };
    // Built by the server's format() from catalog names (%I, %L).
    let rows: Vec<(String, i64, String)> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(t, rows, md5)| (t, TableSum { rows, md5 }))
        .collect())
}
