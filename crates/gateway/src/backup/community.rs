//! One community's backup and restore (`linli communities backup SLUG --out DIR` and
//! `restore --from DIR`): its schema (a `pg_dump` of that schema alone), its platform rows, its
//! totals in the dashboards' rollups and its objects (the keys under `c/{id}/`).
//!
//! The platform rows and a checksum of every table of the schema are read in the snapshot the
//! dump is taken from, so a restore can prove it holds exactly what was backed up: it checks
//! every table, every platform row and every object before the community is switched on, and
//! leaves nothing behind when a check fails.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use anyhow::{Context as _, bail};
use infra::db::ddl::ident;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use sqlx::{Connection, PgConnection};
use uuid::Uuid;

use super::{exec, files_under, hand_over, object_path, pg_tool, role_prefix, run};
use crate::config::Config;
use crate::runtime;

const FORMAT: u32 = 1;

/// The platform rows that belong to (or come with) one community, and which rows to take.
/// Shared rows (accounts, organisations and their teams) are taken when the community's rows
/// name them, and a restore keeps the copy already there.
const PLATFORM: &[(&str, &str)] = &[
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
const SHARED: &[&str] = &[
    "accounts",
    "organisations",
    "organisation_members",
    "partner_teams",
    "partner_team_members",
];

#[derive(Serialize, Deserialize)]
pub struct Manifest {
    format: u32,
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
struct PlatformRows {
    tables: BTreeMap<String, Value>,
    totals: dashboards::transfer::Totals,
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
    std::fs::create_dir_all(out.join("objects"))?;
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
    let totals = dashboards::transfer::totals(&mut conn, id).await?;
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
        std::fs::create_dir_all(path.parent().expect("a key has a parent"))?;
        std::fs::write(&path, &bytes)?;
        objects.insert(
            key,
            ObjectEntry {
                content_type,
                sha256: hex::encode(Sha256::digest(&bytes)),
            },
        );
    }
    std::fs::write(
        out.join("platform.json"),
        serde_json::to_vec(&PlatformRows { tables, totals })?,
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
    std::fs::write(
        out.join("manifest.json"),
        serde_json::to_vec_pretty(&manifest)?,
    )?;
    Ok(manifest)
}

/// `linli communities restore --from DIR`, into this cluster (`config`).
pub async fn restore_cmd(config: &Config, from: &Path) -> anyhow::Result<()> {
    let m = restore(config, from, true).await?;
    println!(
        "Restored community {} ({} tables, {} objects), every table, row and object checked",
        m.slug,
        m.tables.len(),
        m.objects.len()
    );
    Ok(())
}

/// Restore the backup in `from` into the database and store of `config`, where the community
/// must not exist yet; its district (by code) must. Checked before it is switched on: every
/// table's rows and checksum, the platform rows and the rollups, every object's digest.
/// Without `copy_objects` the store is the one backed up from (shared by two clusters): the
/// objects are only checked.
pub async fn restore(config: &Config, from: &Path, copy_objects: bool) -> anyhow::Result<Manifest> {
    let m: Manifest = serde_json::from_slice(
        &std::fs::read(from.join("manifest.json")).context("reading the backup's manifest.json")?,
    )?;
    if m.format != FORMAT {
        bail!("community backup format {} is not {FORMAT}", m.format);
    }
    let rows: PlatformRows = serde_json::from_slice(
        &std::fs::read(from.join("platform.json")).context("reading platform.json")?,
    )?;
    // The platform schema and serving login of the target, as at a start.
    let secrets = runtime::secrets(config)?;
    let database = runtime::open_database(config, &secrets).await?;
    let (url, _cluster) = runtime::admin_url(config).await?;
    let mut conn = PgConnection::connect(&url).await?;
    let district = preflight(&mut conn, &m, &rows).await?;

    let prefix = role_prefix(&mut conn).await?;
    let new_role = format!("{prefix}_{}", ident(&m.schema)?);
    let serving = database.db.serving_role();
    // The dump names its owner: it must exist while the dump loads. Where it is not this
    // database's own role for the schema, it is made only for that and dropped after.
    let missing = !infra::db::ddl::role_exists(&mut conn, ident(&m.role)?).await?;
    let placeholder = missing && m.role != new_role;
    if missing {
        exec(
            &mut conn,
            &format!("CREATE ROLE {} NOLOGIN NOINHERIT", ident(&m.role)?),
        )
        .await?;
    }
    exec(
        &mut conn,
        &format!("GRANT {} TO current_user", ident(&m.role)?),
    )
    .await?;
    let loaded = run(
        pg_tool("pg_restore", &url)?
            .arg("--exit-on-error")
            .arg("--single-transaction")
            .arg(from.join("schema.dump")),
        "pg_restore",
    )
    .await;
    let result = match loaded {
        Ok(()) => {
            switch_on(
                &mut conn,
                config,
                from,
                &m,
                &rows,
                district,
                (&new_role, &serving),
                copy_objects,
            )
            .await
        }
        Err(e) => Err(e),
    };
    if let Err(e) = result {
        // Nothing half restored: the schema goes, its objects and the role made for it.
        if copy_objects && let Ok(storage) = runtime::open_storage(config).await {
            for key in m.objects.keys() {
                let _ = storage.store.delete(key).await;
            }
        }
        let _ = exec(
            &mut conn,
            &format!("DROP SCHEMA IF EXISTS {} CASCADE", ident(&m.schema)?),
        )
        .await;
        if new_role != m.role && infra::db::ddl::role_exists(&mut conn, &new_role).await? {
            let _ = exec(&mut conn, &format!("DROP OWNED BY {new_role}")).await;
            let _ = exec(&mut conn, &format!("DROP ROLE {new_role}")).await;
        }
        if placeholder {
            let _ = exec(&mut conn, &format!("DROP OWNED BY {}", m.role)).await;
            let _ = exec(&mut conn, &format!("DROP ROLE {}", m.role)).await;
        }
        return Err(e);
    }
    if placeholder {
        exec(&mut conn, &format!("DROP ROLE {}", m.role)).await?;
    }
    conn.close().await?;
    // A backup of an older release: its schema catches up like any other.
    tenancy::migrate::migrate_all(
        &database.db,
        &infra::migrations::community(),
        1,
        |_| {},
        |_, _| {},
    )
    .await
    .map_err(|e| anyhow::anyhow!("{} ({})", e.en, e.code.as_str()))?;
    database.db.close().await;
    Ok(m)
}

/// What must hold before anything is written: the community is not here, its district is,
/// and no account or organisation it brings clashes with another of the same name.
async fn preflight(
    conn: &mut PgConnection,
    m: &Manifest,
    rows: &PlatformRows,
) -> anyhow::Result<Uuid> {
    let clash: Option<String> = sqlx::query_scalar(
        "SELECT slug FROM platform.communities WHERE id = $1 OR slug = $2 OR schema_name = $3
         UNION ALL SELECT nspname FROM pg_namespace WHERE nspname = $3 LIMIT 1",
    )
    .bind(m.community_id)
    .bind(&m.slug)
    .bind(&m.schema)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(c) = clash {
        bail!(
            "community {} (or its schema {}) already exists here ({c}): restore into a cluster without it",
            m.slug,
            m.schema
        );
    }
    let district: Option<Uuid> =
        sqlx::query_scalar("SELECT id FROM platform.districts WHERE code = $1")
            .bind(&m.district_code)
            .fetch_optional(&mut *conn)
            .await?;
    let Some(district) = district else {
        bail!(
            "no district {} here: add it first (linli districts create --code {} --name …)",
            m.district_code,
            m.district_code
        );
    };
    let logins: Vec<String> = sqlx::query_scalar(
        "SELECT a.login_name FROM platform.accounts a
           JOIN jsonb_populate_recordset(NULL::platform.accounts, $1) b
             ON a.login_name = b.login_name AND a.id <> b.id ORDER BY 1",
    )
    .bind(&rows.tables["accounts"])
    .fetch_all(&mut *conn)
    .await?;
    if !logins.is_empty() {
        bail!(
            "these login names belong to other accounts here: {}",
            logins.join(", ")
        );
    }
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT o.name FROM platform.organisations o
           JOIN jsonb_populate_recordset(NULL::platform.organisations, $1) b
             ON o.name = b.name AND o.id <> b.id ORDER BY 1",
    )
    .bind(&rows.tables["organisations"])
    .fetch_all(&mut *conn)
    .await?;
    if !names.is_empty() {
        bail!(
            "these organisations are other organisations here: {}",
            names.join(", ")
        );
    }
    Ok(district)
}

/// The schema is loaded: give it its role here, check every table, put the objects back, then
/// write the platform rows and rollups in one transaction that commits only if they check.
#[allow(clippy::too_many_arguments)] // the steps of one restore, kept in one place
async fn switch_on(
    conn: &mut PgConnection,
    config: &Config,
    from: &Path,
    m: &Manifest,
    rows: &PlatformRows,
    district: Uuid,
    (new_role, serving): (&str, &str),
    copy_objects: bool,
) -> anyhow::Result<()> {
    let schema = ident(&m.schema)?;
    hand_over(conn, &m.role, new_role).await?;
    // A schema backed up while it was being moved had lost its writes: the owner has them here.
    for stmt in [
        format!(
            "GRANT INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA {schema} TO {new_role}"
        ),
        format!("GRANT USAGE, UPDATE ON ALL SEQUENCES IN SCHEMA {schema} TO {new_role}"),
        format!("GRANT {new_role} TO {}", ident(serving)?),
    ] {
        exec(conn, &stmt).await?;
    }
    stable_text(conn).await?;
    let sums = table_sums(conn, schema).await?;
    if sums != m.tables {
        let differ: Vec<&String> = m
            .tables
            .keys()
            .chain(sums.keys())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .filter(|t| m.tables.get(*t) != sums.get(*t))
            .collect();
        bail!("restored tables differ from the backup: {differ:?}");
    }

    let storage = runtime::open_storage(config).await?;
    if copy_objects {
        put_objects(&storage.store, from, m).await?;
    } else {
        check_objects(&storage.store, m).await?;
    }

    let mut tx = conn.begin().await?;
    let mut community = rows.tables["communities"].clone();
    let row = community
        .get_mut(0)
        .and_then(Value::as_object_mut)
        .context("the backup holds no community row")?;
    row.insert("district_id".into(), Value::String(district.to_string()));
    row.insert("role_name".into(), Value::String(new_role.to_string()));
    row.insert("status".into(), Value::String(m.status.clone()));
    row.insert("moved_to".into(), Value::Null);
    let known = accounts_known(&mut tx, rows).await?;
    for (table, _) in PLATFORM {
        let mut these = if *table == "communities" {
            community.clone()
        } else {
            rows.tables[*table].clone()
        };
        // Who granted or decided may be an account of the source alone (a district officer).
        match *table {
            "memberships" => forget_unknown(&mut these, "granted_by", &known),
            "partnerships" => forget_unknown(&mut these, "decided_by", &known),
            _ => {}
        }
        let wrote = insert_rows(&mut tx, table, &these).await?;
        let expected = m.platform_rows.get(*table).copied().unwrap_or(0);
        let strict = !SHARED.contains(table) && *table != "pilot_group_members";
        if strict && wrote != expected {
            bail!("platform.{table}: {wrote} rows restored, the backup holds {expected}");
        }
    }
    dashboards::transfer::admit(&mut tx, m.community_id, &rows.totals).await?;
    let now = dashboards::transfer::totals(&mut tx, m.community_id).await?;
    if now != rows.totals {
        bail!("the restored rollups differ from the backup's");
    }
    tx.commit().await?;
    Ok(())
}

/// Accounts present here once the backup's are in (a membership's `granted_by` may name
/// one of neither).
async fn accounts_known(
    tx: &mut PgConnection,
    rows: &PlatformRows,
) -> anyhow::Result<BTreeSet<String>> {
    let mut named = Vec::new();
    for (table, field) in [
        ("memberships", "granted_by"),
        ("partnerships", "decided_by"),
    ] {
        if let Some(a) = rows.tables[table].as_array() {
            named.extend(
                a.iter()
                    .filter_map(|r| r.get(field)?.as_str()?.parse::<Uuid>().ok()),
            );
        }
    }
    let here: Vec<Uuid> = sqlx::query_scalar("SELECT id FROM platform.accounts WHERE id = ANY($1)")
        .bind(&named)
        .fetch_all(&mut *tx)
        .await?;
    let mut known: BTreeSet<String> = here.iter().map(Uuid::to_string).collect();
    if let Some(a) = rows.tables["accounts"].as_array() {
        known.extend(
            a.iter()
                .filter_map(|r| Some(r.get("id")?.as_str()?.to_string())),
        );
    }
    Ok(known)
}

fn forget_unknown(rows: &mut Value, field: &str, known: &BTreeSet<String>) {
    for row in rows.as_array_mut().into_iter().flatten() {
        if let Some(o) = row.as_object_mut()
            && o.get(field)
                .and_then(Value::as_str)
                .is_some_and(|id| !known.contains(id))
        {
            o.insert(field.into(), Value::Null);
        }
    }
}

/// Insert JSON rows into `platform.{table}` with the table's own columns (the audit log draws
/// new ids here). Shared rows already present are kept; a pilot group must exist here.
async fn insert_rows(tx: &mut PgConnection, table: &str, rows: &Value) -> anyhow::Result<usize> {
    let skip: &[&str] = if table == "audit_log" { &["id"] } else { &[] };
    let cols: String = sqlx::query_scalar(
        "SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute
          WHERE attrelid = ('platform.' || $1)::regclass AND attnum > 0 AND NOT attisdropped
            AND attname <> ALL($2)",
    )
    .bind(table)
    .bind(skip)
    .fetch_one(&mut *tx)
    .await?;
    let filter = if table == "pilot_group_members" {
        "WHERE group_id IN (SELECT id FROM platform.pilot_groups)"
    } else {
        ""
    };
    let conflict = if SHARED.contains(&table) || table == "pilot_group_members" {
        "ON CONFLICT DO NOTHING"
    } else {
        ""
    };
    let done = sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO platform.{table} ({cols})
         SELECT {cols} FROM jsonb_populate_recordset(NULL::platform.{table}, $1) {filter}
         {conflict}"
    )))
    .bind(rows)
    .execute(&mut *tx)
    .await
    .with_context(|| format!("restoring platform.{table}"))?;
    Ok(done.rows_affected() as usize)
}

async fn put_objects(
    store: &infra::storage::ObjectStore,
    from: &Path,
    m: &Manifest,
) -> anyhow::Result<()> {
    let dir = from.join("objects");
    let files = files_under(&dir)?;
    if files.len() != m.objects.len() {
        bail!(
            "the backup holds {} object files, its manifest {}",
            files.len(),
            m.objects.len()
        );
    }
    for path in files {
        let key = path
            .strip_prefix(&dir)?
            .to_str()
            .context("an object key that is not UTF-8")?
            .to_string();
        let entry = m
            .objects
            .get(&key)
            .with_context(|| format!("object {key} is not in the manifest"))?;
        store
            .put(&key, std::fs::read(&path)?, &entry.content_type)
            .await
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    }
    check_objects(store, m).await
}

/// Every object of the manifest is readable from `store` with its digest.
pub async fn check_objects(
    store: &infra::storage::ObjectStore,
    m: &Manifest,
) -> anyhow::Result<()> {
    for (key, entry) in &m.objects {
        let bytes = store
            .get(key)
            .await
            .map_err(|e| anyhow::anyhow!("reading back {key}: {e:?}"))?;
        if hex::encode(Sha256::digest(&bytes)) != entry.sha256 {
            bail!("object {key} differs from the backup");
        }
    }
    Ok(())
}

/// Row text that is the same on every server: checksums compare rows as text.
async fn stable_text(conn: &mut PgConnection) -> anyhow::Result<()> {
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
