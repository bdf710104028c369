//! Backup and restore of the whole platform: the database (`pg_dump`, custom format), the
//! names of the roles its schemas belong to, and every object of the store. One community's
//! backup, restore and move between clusters are in `community` and `moving`.
//!
//! A restore goes into an empty database of the same or another cluster. Roles are
//! cluster-wide and named after the database (`linli<oid>_<schema>`), so the restored
//! database's schemas are handed to roles named after *it*: restoring beside the original, in
//! the same cluster, never shares a role (and so never a schema's rights) between the two.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use anyhow::{Context as _, bail};
use infra::db::ddl::ident;
use serde::{Deserialize, Serialize};
use sqlx::{Connection, PgConnection};

use crate::config::Config;
use crate::runtime;

pub mod community;
pub mod moving;
mod private;
pub mod restore_one;
mod restore_scope;

const FORMAT: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Manifest {
    format: u32,
    created_at: chrono::DateTime<chrono::Utc>,
    /// The serving login of the source database: the dump grants it rights on `platform`.
    serving_role: String,
    /// The roles owning the community schemas in the source database.
    community_roles: Vec<String>,
    communities: usize,
    objects: usize,
    /// Each object's content type as it was stored (photos and exports are served with it).
    content_types: BTreeMap<String, String>,
}

/// `linli backup --out DIR`: DIR must be new or empty.
pub async fn backup(config: &Config, out: &Path) -> anyhow::Result<()> {
    if out.exists() && out.read_dir()?.next().is_some() {
        bail!(
            "{} is not empty: a backup goes into a new directory",
            out.display()
        );
    }
    private::create_dir(out)?;
    private::create_dir(&out.join("objects"))?;
    let (url, _cluster) = runtime::admin_url(config).await?;
    let mut conn = PgConnection::connect(&url).await?;
    // A community moved away has no schema (nor role) here any more: its row is a routing
    // entry.
    let community_roles: Vec<String> = sqlx::query_scalar(
        "SELECT role_name FROM platform.communities c
          WHERE EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = c.schema_name)
          ORDER BY schema_name",
    )
    .fetch_all(&mut conn)
    .await
    .context("reading platform.communities (is this a Linli database?)")?;
    let serving_role = format!("{}_gateway", role_prefix(&mut conn).await?);
    conn.close().await?;

    // One consistent snapshot of every schema. The server needs max_locks_per_transaction
    // above the number of tables (Linli's own cluster runs with 1024).
    run(
        pg_tool("pg_dump", &url)?
            .arg("--format=custom")
            .arg("--lock-wait-timeout=60000")
            // schemas built ahead belong to no community: a restore builds its own
            .arg("--exclude-schema=spare_*")
            .arg("--exclude-table-data=platform.spare_schemas")
            .arg("--file")
            .arg(out.join("database.dump")),
        "pg_dump",
    )
    .await?;
    private::restrict(&out.join("database.dump"))?;

    let storage = runtime::open_storage(config).await?;
    let keys = storage
        .store
        .list_keys()
        .await
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let mut content_types = BTreeMap::new();
    for key in &keys {
        let (bytes, content_type) = storage
            .store
            .get_with_type(key)
            .await
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        let path = object_path(out, key)?;
        private::create_dir(path.parent().expect("a key has a parent"))?;
        private::write(&path, &bytes)?;
        content_types.insert(key.clone(), content_type);
    }
    let manifest = Manifest {
        format: FORMAT,
        created_at: chrono::Utc::now(),
        serving_role,
        communities: community_roles.len(),
        community_roles,
        objects: keys.len(),
        content_types,
    };
    private::write(
        &out.join("manifest.json"),
        &serde_json::to_vec_pretty(&manifest)?,
    )?;
    println!(
        "Backed up {} communities and {} objects to {}",
        manifest.communities,
        manifest.objects,
        out.display()
    );
    Ok(())
}

/// `linli restore --from DIR` into an empty database (no `platform` schema yet).
pub async fn restore(config: &Config, from: &Path) -> anyhow::Result<()> {
    let manifest: Manifest = serde_json::from_slice(
        &std::fs::read(from.join("manifest.json")).context("reading the backup's manifest.json")?,
    )?;
    if manifest.format != FORMAT {
        bail!("backup format {} is not {FORMAT}", manifest.format);
    }
    let (url, _cluster) = runtime::admin_url(config).await?;
    let mut conn = PgConnection::connect(&url).await?;
    let occupied: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'platform')")
            .fetch_one(&mut conn)
            .await?;
    if occupied {
        bail!("this database already holds Linli data: restore into an empty database");
    }

    // The dump names its owners and grantees: they must exist while it loads. Those created
    // here only for that are dropped once the schemas have their own roles.
    let mut placeholders = Vec::new();
    for role in manifest
        .community_roles
        .iter()
        .chain([&manifest.serving_role])
    {
        let role = ident(role)?;
        if !infra::db::ddl::role_exists(&mut conn, role).await? {
            exec(&mut conn, &format!("CREATE ROLE {role} NOLOGIN NOINHERIT")).await?;
            placeholders.push(role.to_string());
        }
        if role != manifest.serving_role {
            exec(&mut conn, &format!("GRANT {role} TO current_user")).await?;
        }
    }
    run(
        pg_tool("pg_restore", &url)?
            .arg("--exit-on-error")
            .arg("--single-transaction")
            .arg(from.join("database.dump")),
        "pg_restore",
    )
    .await?;

    // Each schema to a role named after this database; nothing left to the source's roles.
    let prefix = role_prefix(&mut conn).await?;
    let communities: Vec<(String, String)> = sqlx::query_as(
        "SELECT schema_name, role_name FROM platform.communities c
          WHERE EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = c.schema_name)",
    )
    .fetch_all(&mut conn)
    .await?;
    for (schema, old) in &communities {
        let new = format!("{prefix}_{}", ident(schema)?);
        if !hand_over(&mut conn, old, &new).await? {
            continue;
        }
        sqlx::query("UPDATE platform.communities SET role_name = $1 WHERE schema_name = $2")
            .bind(new)
            .bind(schema)
            .execute(&mut conn)
            .await?;
    }
    let serving = format!("{prefix}_gateway");
    let old_serving = ident(&manifest.serving_role)?;
    if old_serving != serving {
        exec(&mut conn, &format!("DROP OWNED BY {old_serving}")).await?;
    }
    for role in &placeholders {
        exec(&mut conn, &format!("DROP ROLE {role}")).await?;
    }
    conn.close().await?;

    let storage = runtime::open_storage(config).await?;
    let mut objects = 0;
    for path in files_under(&from.join("objects"))? {
        let key = path
            .strip_prefix(from.join("objects"))?
            .to_str()
            .context("an object key that is not UTF-8")?
            .to_string();
        let bytes = std::fs::read(&path)?;
        storage
            .store
            .put(
                &key,
                bytes,
                manifest
                    .content_types
                    .get(&key)
                    .map_or("application/octet-stream", String::as_str),
            )
            .await
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        objects += 1;
    }
    // The serving login of this database and its rights (as at every start).
    let secrets = runtime::secrets(config)?;
    runtime::open_database(config, &secrets)
        .await?
        .db
        .close()
        .await;
    println!(
        "Restored {} communities and {objects} objects",
        communities.len()
    );
    Ok(())
}

/// Give everything `old` owns in this database to `new` (created if missing), as a restore
/// does for each schema. False when they are the same role.
async fn hand_over(conn: &mut PgConnection, old: &str, new: &str) -> anyhow::Result<bool> {
    let (new, old) = (ident(new)?, ident(old)?);
    if new == old {
        return Ok(false);
    }
    if !infra::db::ddl::role_exists(conn, new).await? {
        exec(conn, &format!("CREATE ROLE {new} NOLOGIN NOINHERIT")).await?;
    }
    exec(conn, &format!("GRANT {new} TO current_user")).await?;
    exec(conn, &format!("REASSIGN OWNED BY {old} TO {new}")).await?;
    exec(conn, &format!("DROP OWNED BY {old}")).await?;
    Ok(true)
}

/// Give or take a community role's rights to write its own schema (a moving community loses
/// them; a restored or thawed one has them back). Reading is never touched.
async fn set_writes(
    conn: &mut PgConnection,
    schema: &str,
    role: &str,
    allowed: bool,
) -> anyhow::Result<()> {
    let (s, r) = (ident(schema)?, ident(role)?);
    let (verb, dir) = if allowed {
        ("GRANT", "TO")
    } else {
        ("REVOKE", "FROM")
    };
    exec(
        conn,
        &format!(
            "{verb} INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA {s} {dir} {r};
             {verb} USAGE, UPDATE ON ALL SEQUENCES IN SCHEMA {s} {dir} {r}"
        ),
    )
    .await
}

/// `linli<oid>`: roles are cluster-wide, so they carry their database's oid.
async fn role_prefix(conn: &mut PgConnection) -> anyhow::Result<String> {
    let oid: sqlx::postgres::types::Oid =
        sqlx::query_scalar("SELECT oid FROM pg_database WHERE datname = current_database()")
            .fetch_one(conn)
            .await?;
    Ok(format!("linli{}", oid.0))
}

async fn exec(conn: &mut PgConnection, stmt: &str) -> anyhow::Result<()> {
    sqlx::raw_sql(sqlx::AssertSqlSafe(stmt.to_string()))
        .execute(conn)
        .await
        .with_context(|| stmt.to_string())?;
    Ok(())
}

/// The PostgreSQL client tool of the newest installed server version (a dump must come from a
/// pg_dump at least as new as the server), else the one on PATH, pointed at `url`. The
/// password goes through the environment, not the command line, where `ps` would show it.
fn pg_tool(name: &str, url: &str) -> anyhow::Result<tokio::process::Command> {
    let bin = infra::pg_embedded::find_bin_dir()
        .map(|d| d.join(name))
        .filter(|p| p.exists())
        .unwrap_or_else(|| PathBuf::from(name));
    let mut url = url::Url::parse(url).context("DATABASE_URL is not a URL")?;
    let password = url.password().map(|p| {
        percent_encoding::percent_decode_str(p)
            .decode_utf8_lossy()
            .into_owned()
    });
    url.set_password(None)
        .map_err(|()| anyhow::anyhow!("DATABASE_URL cannot carry a password"))?;
    let mut cmd = tokio::process::Command::new(bin);
    cmd.arg("--dbname").arg(url.as_str());
    if let Some(p) = password {
        cmd.env("PGPASSWORD", p);
    }
    Ok(cmd)
}

async fn run(cmd: &mut tokio::process::Command, what: &str) -> anyhow::Result<()> {
    let out = cmd
        .output()
        .await
        .with_context(|| format!("running {what}"))?;
    if !out.status.success() {
        bail!(
            "{what} failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(())
}

/// Where an object goes in the backup; a key that would leave the directory is refused.
fn object_path(out: &Path, key: &str) -> anyhow::Result<PathBuf> {
    let rel = Path::new(key);
    if key.is_empty() || !rel.components().all(|c| matches!(c, Component::Normal(_))) {
        bail!("refusing object key {key:?}");
    }
    Ok(out.join("objects").join(rel))
}

fn files_under(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}
