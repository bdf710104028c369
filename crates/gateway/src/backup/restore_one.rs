//! One community's restore (`linli communities restore --from DIR [--replace]`), also the
//! second step of a move: into a cluster where the community is not, or in place of the one
//! there. Nothing is switched on before every table, platform row, rollup and object matches
//! the backup, and a failure leaves the cluster as it was.

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{Context as _, bail};
use infra::db::ddl::ident;
use infra::storage::ObjectStore;
use serde_json::Value;
use sha2::{Digest, Sha256};
use sqlx::{Connection, PgConnection};
use uuid::Uuid;

use super::community::{FORMAT, Manifest, PLATFORM, PlatformRows, SHARED, stable_text, table_sums};
use super::{exec, files_under, hand_over, pg_tool, role_prefix, run, set_writes};
use crate::config::Config;
use crate::runtime;

/// `linli communities restore --from DIR`, into this cluster (`config`).
pub async fn restore_cmd(config: &Config, from: &Path, replace: bool) -> anyhow::Result<()> {
    let existing = if replace {
        Existing::Replace
    } else {
        Existing::Refuse
    };
    let m = restore(config, from, true, existing).await?;
    println!(
        "Restored community {} ({} tables, {} objects), every table, row and object checked",
        m.slug,
        m.tables.len(),
        m.objects.len()
    );
    Ok(())
}

/// What a restore does with the community already in the cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// There must be none (a move, or a restore into another cluster).
    Refuse,
    /// The same community (id, slug, schema) is replaced: taken offline (suspended), its
    /// schema set aside, the backup loaded and checked, then the old schema dropped — or put
    /// back if anything fails.
    Replace,
}

/// Restore the backup in `from` into the database and store of `config`, where the community
/// must not exist yet (or is replaced, `existing`); its district (by code) must. Checked
/// before it is switched on: every table's rows and checksum, the platform rows and the
/// rollups, every object's digest.
/// Without `copy_objects` the store is the one backed up from (shared by two clusters): the
/// objects are only checked.
pub async fn restore(
    config: &Config,
    from: &Path,
    copy_objects: bool,
    existing: Existing,
) -> anyhow::Result<Manifest> {
    let m: Manifest = serde_json::from_slice(
        &std::fs::read(from.join("manifest.json")).context("reading the backup's manifest.json")?,
    )?;
    if m.format != FORMAT {
        bail!("community backup format {} is not {FORMAT}", m.format);
    }
    let mut rows: PlatformRows = serde_json::from_slice(
        &std::fs::read(from.join("platform.json")).context("reading platform.json")?,
    )?;
    super::restore_scope::check(&m, &rows)?;
    // The platform schema and serving login of the target, as at a start.
    let secrets = runtime::secrets(config)?;
    let database = runtime::open_database(config, &secrets).await?;
    let (url, _cluster) = runtime::admin_url(config).await?;
    let storage = runtime::open_storage(config).await?;
    let store = &storage.store;
    let mut conn = PgConnection::connect(&url).await?;
    let replace = existing == Existing::Replace;
    let district = preflight(&mut conn, &m, &rows, replace).await?;
    if copy_objects && !replace {
        super::restore_scope::objects_absent(store, &m).await?;
    }
    super::restore_scope::keep_known_organisations(&mut conn, &mut rows).await?;
    let aside = format!("{}_replaced", ident(&m.schema)?);
    let previous = if replace {
        Some(take_offline(&mut conn, &m, &aside).await?)
    } else {
        None
    };

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
                store,
                from,
                &m,
                &rows,
                district,
                (&new_role, &serving),
                copy_objects,
                replace,
            )
            .await
        }
        Err(e) => Err(e),
    };
    if let Err(e) = result {
        if let Some(previous) = &previous {
            // The community as it was: its schema back, its status back.
            let _ = exec(
                &mut conn,
                &format!("DROP SCHEMA IF EXISTS {} CASCADE", ident(&m.schema)?),
            )
            .await;
            exec(
                &mut conn,
                &format!("ALTER SCHEMA {aside} RENAME TO {}", ident(&m.schema)?),
            )
            .await?;
            set_status(&mut conn, m.community_id, previous).await?;
            return Err(e.context(format!("{} is as it was before the restore", m.slug)));
        }
        // Nothing half restored: the schema goes, its objects (none was here before:
        // `objects_absent`) and the role made for it.
        if copy_objects {
            for key in m.objects.keys() {
                let _ = store.delete(key).await;
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
    if replace {
        exec(&mut conn, &format!("DROP SCHEMA {aside} CASCADE")).await?;
        // Objects stored since the backup belong to rows that are gone.
        if copy_objects {
            for key in store
                .list_keys_under(&format!("c/{}/", m.community_id))
                .await
                .map_err(|e| anyhow::anyhow!("{e:?}"))?
            {
                if !m.objects.contains_key(&key) {
                    let _ = store.delete(&key).await;
                }
            }
        }
    }
    conn.close().await?;
    // A backup of an older release: its schema catches up like any other.
    tenancy::communities::migrate::migrate_all(
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
    replace: bool,
) -> anyhow::Result<Uuid> {
    let here: Vec<(Uuid, String, String)> = sqlx::query_as(
        "SELECT id, slug, schema_name FROM platform.communities
          WHERE id = $1 OR slug = $2 OR schema_name = $3",
    )
    .bind(m.community_id)
    .bind(&m.slug)
    .bind(&m.schema)
    .fetch_all(&mut *conn)
    .await?;
    let schema_here: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)")
            .bind(&m.schema)
            .fetch_one(&mut *conn)
            .await?;
    if replace {
        let same = here.len() == 1
            && here[0] == (m.community_id, m.slug.clone(), m.schema.clone())
            && schema_here;
        if !same {
            bail!(
                "--replace puts a backup in place of the same community: {} here is another one, or absent",
                m.slug
            );
        }
    } else if !here.is_empty() || schema_here {
        bail!(
            "community {} (or its schema {}) already exists here: restore into a cluster without it, or replace it (--replace)",
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
    for (table, column, what) in [
        (
            "accounts",
            "login_name",
            "login names belong to other accounts",
        ),
        (
            "organisations",
            "name",
            "organisation names belong to other organisations",
        ),
    ] {
        // Checked identifiers of this file, not input.
        let taken: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT a.{column} FROM platform.{table} a
               JOIN jsonb_populate_recordset(NULL::platform.{table}, $1) b
                 ON a.{column} = b.{column} AND a.id <> b.id ORDER BY 1"
        )))
        .bind(&rows.tables[table])
        .fetch_all(&mut *conn)
        .await?;
        if !taken.is_empty() {
            bail!("these {what} here: {}", taken.join(", "));
        }
    }
    Ok(district)
}

/// The schema is loaded: give it its role here, check every table, put the objects back, then
/// write the platform rows and rollups in one transaction that commits only if they check.
#[allow(clippy::too_many_arguments)] // the steps of one restore, kept in one place
async fn switch_on(
    conn: &mut PgConnection,
    store: &ObjectStore,
    from: &Path,
    m: &Manifest,
    rows: &PlatformRows,
    district: Uuid,
    (new_role, serving): (&str, &str),
    copy_objects: bool,
    replace: bool,
) -> anyhow::Result<()> {
    let schema = ident(&m.schema)?;
    hand_over(conn, &m.role, new_role).await?;
    // A schema backed up while it was being moved had lost its writes: the owner has them here.
    set_writes(conn, schema, new_role, true).await?;
    exec(conn, &format!("GRANT {new_role} TO {}", ident(serving)?)).await?;
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

    if copy_objects {
        put_objects(store, from, m).await?;
    } else {
        check_objects(store, m).await?;
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
    if replace {
        // The rows of the community being replaced go; its own row is updated below (an
        // update notifies every gateway's cache).
        clear_rows(&mut tx, m.community_id).await?;
    }
    let known = accounts_known(&mut tx, rows).await?;
    for (table, _) in PLATFORM {
        if replace && *table == "audit_log" {
            // The audit log is append-only history: the rows are still here.
            continue;
        }
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
        let wrote = if replace && *table == "communities" {
            update_community(&mut tx, &these).await?
        } else {
            insert_rows(&mut tx, table, &these).await?
        };
        let expected = m.platform_rows.get(*table).copied().unwrap_or(0);
        let strict = !SHARED.contains(table) && *table != "pilot_group_members";
        if strict && wrote != expected {
            bail!("platform.{table}: {wrote} rows restored, the backup holds {expected}");
        }
    }
    dashboards::api::transfer::admit(&mut tx, m.community_id, &rows.totals).await?;
    let now = dashboards::api::transfer::totals(&mut tx, m.community_id).await?;
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

async fn put_objects(store: &ObjectStore, from: &Path, m: &Manifest) -> anyhow::Result<()> {
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
async fn check_objects(store: &ObjectStore, m: &Manifest) -> anyhow::Result<()> {
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

/// Suspend the community (gateways refuse it at once) and set its schema aside; returns the
/// status it had.
async fn take_offline(
    conn: &mut PgConnection,
    m: &Manifest,
    aside: &str,
) -> anyhow::Result<String> {
    let mut tx = conn.begin().await?;
    let status: String =
        sqlx::query_scalar("SELECT status FROM platform.communities WHERE id = $1 FOR UPDATE")
            .bind(m.community_id)
            .fetch_one(&mut *tx)
            .await?;
    if matches!(status.as_str(), "moving" | "moved") {
        bail!(
            "community {} is {status}: it cannot be replaced here",
            m.slug
        );
    }
    sqlx::query(
        "UPDATE platform.communities SET status = 'suspended', updated_at = now() WHERE id = $1",
    )
    .bind(m.community_id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    if let Err(e) = exec(
        conn,
        &format!("ALTER SCHEMA {} RENAME TO {aside}", ident(&m.schema)?),
    )
    .await
    {
        set_status(conn, m.community_id, &status).await?;
        return Err(e);
    }
    Ok(status)
}

async fn set_status(conn: &mut PgConnection, id: Uuid, status: &str) -> anyhow::Result<()> {
    sqlx::query("UPDATE platform.communities SET status = $2, updated_at = now() WHERE id = $1")
        .bind(id)
        .bind(status)
        .execute(conn)
        .await?;
    Ok(())
}

/// The community's platform rows but its own (and the audit log): memberships, partnerships,
/// pilot group memberships, folded-event records, and its share of the rollups.
pub async fn clear_rows(tx: &mut PgConnection, id: Uuid) -> anyhow::Result<()> {
    dashboards::api::transfer::withdraw(tx, id).await?;
    for table in [
        "memberships",
        "partnerships",
        "pilot_group_members",
        "figure_events_applied",
    ] {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM platform.{table} WHERE community_id = $1"
        )))
        .bind(id)
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

/// The replaced community's row takes the backup's values (district, role and status as
/// prepared by the caller).
async fn update_community(tx: &mut PgConnection, rows: &Value) -> anyhow::Result<usize> {
    let done = sqlx::query(
        "UPDATE platform.communities c
            SET district_id = b.district_id, name = b.name, kind = b.kind,
                households = b.households, residents = b.residents, status = b.status,
                role_name = b.role_name, schema_version = b.schema_version,
                moved_to = NULL, updated_at = now()
           FROM jsonb_populate_recordset(NULL::platform.communities, $1) b
          WHERE c.id = b.id",
    )
    .bind(rows)
    .execute(tx)
    .await?;
    Ok(done.rows_affected() as usize)
}
