//! Moving a community to another cluster (`linli communities move SLUG --to URL`), and the
//! operator's confirmation that removes what stayed behind (`linli communities confirm-move`).
//!
//! 1. Freeze: status `moving`. Gateways serve it read-only (`Tenant::read_only`); its role loses
//!    INSERT, UPDATE, DELETE and TRUNCATE on its tables, so the database itself refuses a write
//!    that a gateway with a stale cache lets through; SHARE locks on every table wait out the
//!    transactions that wrote before.
//! 2. Copy: a community backup (`community::export`) restored into the target
//!    (`community::restore`), which checks every table, platform row, rollup and object
//!    against the backup before it switches the community on there.
//! 3. Switch: status `moved` and `moved_to`: the row stays as the routing entry that tells every
//!    request still arriving here where to go; this cluster's district rollups lose the
//!    community (the target's gained it in step 2).
//!
//! A failure before the switch leaves nothing in the target and thaws the source. Until the
//! operator confirms, the source keeps its read-only copy (schema, rows, objects).

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context as _, bail};
use sqlx::{Connection, PgConnection};
use uuid::Uuid;

use super::community;
use super::restore_one::{self, Existing};
use super::{exec, set_writes};
use crate::config::Config;
use crate::runtime;

#[derive(clap::Args)]
pub struct MoveArgs {
    /// The community to move (its slug).
    pub slug: String,
    /// The target cluster's database, as an administrative login (postgres://…).
    #[arg(long)]
    pub to: String,
    /// Where its users find it now (the target's console address): told to every request
    /// that still arrives here.
    #[arg(long)]
    pub address: String,
    /// The target's data directory, when it runs the embedded object store.
    #[arg(long, conflicts_with = "to_s3_endpoint")]
    pub to_data_dir: Option<PathBuf>,
    /// The target's S3 endpoint, when it is not this cluster's (keys from
    /// LINLI_TO_S3_ACCESS_KEY(_FILE) and LINLI_TO_S3_SECRET_KEY(_FILE)). Without this or
    /// --to-data-dir both clusters share this store and no object is copied.
    #[arg(long)]
    pub to_s3_endpoint: Option<String>,
    /// The target's bucket [default: this cluster's].
    #[arg(long, requires = "to_s3_endpoint")]
    pub to_s3_bucket: Option<String>,
    /// Where the move's backup is written and kept [default: DATA_DIR/moves/SLUG-TIME].
    #[arg(long)]
    pub work_dir: Option<PathBuf>,
}

struct Source {
    id: Uuid,
    schema: String,
    role: String,
}

/// `linli communities move`.
pub async fn move_community(config: &Config, args: MoveArgs) -> anyhow::Result<()> {
    if args.address.trim().is_empty() || args.address.len() > 200 {
        bail!("--address is the community's new address (1–200 characters)");
    }
    let (target, copy_objects) = target_config(config, &args)?;
    let (url, _cluster) = runtime::admin_url(config).await?;
    let storage = runtime::open_storage(config).await?;
    let mut conn = PgConnection::connect(&url).await?;
    let started = Instant::now();
    let (source, previous) = freeze(&mut conn, &args.slug, &args.address, copy_objects).await?;
    println!("{}: read-only here ({:.1?})", args.slug, started.elapsed());
    let work = args.work_dir.clone().unwrap_or_else(|| {
        config.data_dir.join("moves").join(format!(
            "{}-{}",
            args.slug,
            chrono::Utc::now().format("%Y%m%dT%H%M%S")
        ))
    });
    // Set once the target holds the community: only then does a failure remove it there (a
    // restore that failed has removed its own; a community already there is not ours).
    let mut restored = false;
    let copied = async {
        let m = community::export(&url, &storage.store, &args.slug, &work, Some(&previous)).await?;
        println!(
            "{}: backed up to {} ({} tables, {} objects, {:.1?})",
            args.slug,
            work.display(),
            m.tables.len(),
            m.objects.len(),
            started.elapsed()
        );
        restore_one::restore(&target, &work, copy_objects, Existing::Refuse).await?;
        restored = true;
        println!(
            "{}: restored in the target, every table, row and object checked ({:.1?})",
            args.slug,
            started.elapsed()
        );
        switch(&mut conn, &source).await
    }
    .await;
    if let Err(e) = copied {
        // Whatever reached the target goes (nothing, when its restore failed), then the
        // source serves again as before.
        let mut undo = Ok(());
        if restored {
            undo = match PgConnection::connect(&args.to).await {
                Ok(mut t) => remove(&mut t, source.id, false).await,
                Err(e) => Err(e.into()),
            };
            if copy_objects && let Ok(s) = runtime::open_storage(&target).await {
                delete_objects(&s.store, source.id).await.ok();
            }
        }
        thaw(&mut conn, &source, &previous).await?;
        undo.context("removing the partial copy from the target")?;
        return Err(e.context(format!(
            "moving {} failed; it is served here again as before",
            args.slug
        )));
    }
    println!(
        "{}: moved in {:.1?}; this cluster answers its requests with COMMUNITY_MOVED and keeps a \
         read-only copy until `linli communities confirm-move {}`",
        args.slug,
        started.elapsed(),
        args.slug
    );
    Ok(())
}

/// `linli communities confirm-move SLUG`: the community moved and works in the target; remove
/// its schema, role, rows and (when they were copied) objects here. The routing entry stays.
pub async fn confirm(config: &Config, slug: &str) -> anyhow::Result<()> {
    let (url, _cluster) = runtime::admin_url(config).await?;
    let mut conn = PgConnection::connect(&url).await?;
    let found: Option<(Uuid, String, bool)> = sqlx::query_as(
        "SELECT c.id, c.status, m.objects_copied FROM platform.communities c
           JOIN platform.community_moves m ON m.community_id = c.id AND m.confirmed_at IS NULL
          WHERE c.slug = $1",
    )
    .bind(slug)
    .fetch_optional(&mut conn)
    .await?;
    let Some((id, status, objects_copied)) = found else {
        bail!("community {slug} has no move to confirm here");
    };
    if status != "moved" {
        bail!("community {slug} is {status}, not moved");
    }
    remove(&mut conn, id, true).await?;
    if objects_copied {
        let storage = runtime::open_storage(config).await?;
        delete_objects(&storage.store, id).await?;
    }
    println!("{slug}: the copy left here is removed; its routing entry stays");
    Ok(())
}

/// The target's settings: this cluster's, with the target's database and, when given, its
/// store. The master secret stays: clusters of one deployment share it (encrypted fields move
/// as they are).
fn target_config(config: &Config, args: &MoveArgs) -> anyhow::Result<(Config, bool)> {
    let mut target = config.clone();
    target.database_url = Some(args.to.clone());
    let copy = if let Some(dir) = &args.to_data_dir {
        target.data_dir = dir.clone();
        target.s3_endpoint = None;
        true
    } else if let Some(endpoint) = &args.to_s3_endpoint {
        target.s3_endpoint = Some(endpoint.clone());
        if let Some(b) = &args.to_s3_bucket {
            target.s3_bucket = b.clone();
        }
        target.s3_access_key = Some(env_or_file("LINLI_TO_S3_ACCESS_KEY")?);
        target.s3_secret_key = Some(env_or_file("LINLI_TO_S3_SECRET_KEY")?);
        true
    } else {
        false
    };
    Ok((target, copy))
}

fn env_or_file(name: &str) -> anyhow::Result<String> {
    if let Ok(v) = std::env::var(name) {
        return Ok(v.trim().to_string());
    }
    let file = std::env::var(format!("{name}_FILE"))
        .with_context(|| format!("{name} or {name}_FILE is required with --to-s3-endpoint"))?;
    Ok(std::fs::read_to_string(&file)
        .with_context(|| format!("reading {name}_FILE ({file})"))?
        .trim()
        .to_string())
}

async fn freeze(
    conn: &mut PgConnection,
    slug: &str,
    address: &str,
    objects_copied: bool,
) -> anyhow::Result<(Source, String)> {
    let mut tx = conn.begin().await?;
    let found: Option<(Uuid, String, String, String)> = sqlx::query_as(
        "SELECT id, schema_name, role_name, status FROM platform.communities
          WHERE slug = $1 FOR UPDATE",
    )
    .bind(slug)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((id, schema, role, status)) = found else {
        bail!("no community {slug} here");
    };
    if !matches!(status.as_str(), "active" | "suspended") {
        bail!("community {slug} is {status}: only an active or suspended community moves");
    }
    sqlx::query(
        "INSERT INTO platform.community_moves (id, community_id, target, objects_copied,
                                               previous_status)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(Uuid::now_v7())
    .bind(id)
    .bind(address)
    .bind(objects_copied)
    .bind(&status)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE platform.communities SET status = 'moving', moved_to = $2, updated_at = now()
          WHERE id = $1",
    )
    .bind(id)
    .bind(address)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    let source = Source { id, schema, role };
    set_writes(conn, &source.schema, &source.role, false).await?;
    // Wait out every transaction that may still write (began before the revoke).
    let tables: Option<String> = sqlx::query_scalar(
        "SELECT string_agg(format('%I.%I', n.nspname, c.relname), ', ')
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')",
    )
    .bind(&source.schema)
    .fetch_one(&mut *conn)
    .await?;
    if let Some(tables) = tables {
        exec(
            conn,
            &format!(
                "BEGIN; SET LOCAL lock_timeout = '60s'; LOCK TABLE {tables} IN SHARE MODE; COMMIT"
            ),
        )
        .await?;
    }
    Ok((source, status))
}

async fn thaw(conn: &mut PgConnection, source: &Source, previous: &str) -> anyhow::Result<()> {
    set_writes(conn, &source.schema, &source.role, true).await?;
    let mut tx = conn.begin().await?;
    sqlx::query(
        "DELETE FROM platform.community_moves WHERE community_id = $1 AND confirmed_at IS NULL",
    )
    .bind(source.id)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE platform.communities SET status = $2, moved_to = NULL, updated_at = now()
          WHERE id = $1",
    )
    .bind(source.id)
    .bind(previous)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The routing entry now points at the target; this cluster's rollups let the community go.
async fn switch(conn: &mut PgConnection, source: &Source) -> anyhow::Result<()> {
    let mut tx = conn.begin().await?;
    sqlx::query(
        "UPDATE platform.communities SET status = 'moved', updated_at = now() WHERE id = $1",
    )
    .bind(source.id)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE platform.community_moves SET switched_at = now()
          WHERE community_id = $1 AND confirmed_at IS NULL",
    )
    .bind(source.id)
    .execute(&mut *tx)
    .await?;
    dashboards::api::transfer::withdraw(&mut tx, source.id).await?;
    sqlx::query("DELETE FROM platform.pilot_group_members WHERE community_id = $1")
        .bind(source.id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Remove a community's schema, role, rows and rollups from this database; with
/// `keep_entry` its row stays (the routing entry of a confirmed move).
async fn remove(conn: &mut PgConnection, id: Uuid, keep_entry: bool) -> anyhow::Result<()> {
    let mut tx = conn.begin().await?;
    let (schema, role): (String, String) = sqlx::query_as(
        "SELECT schema_name, role_name FROM platform.communities WHERE id = $1 FOR UPDATE",
    )
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    restore_one::clear_rows(&mut tx, id).await?;
    if keep_entry {
        sqlx::query(
            "UPDATE platform.community_moves SET confirmed_at = now()
              WHERE community_id = $1 AND confirmed_at IS NULL",
        )
        .bind(id)
        .execute(&mut *tx)
        .await?;
    } else {
        for stmt in [
            "DELETE FROM platform.community_moves WHERE community_id = $1",
            "DELETE FROM platform.communities WHERE id = $1",
        ] {
            sqlx::query(stmt).bind(id).execute(&mut *tx).await?;
        }
    }
    infra::db::ddl::drop_community_schema(&mut tx, &schema, &role).await?;
    tx.commit().await?;
    Ok(())
}

async fn delete_objects(store: &infra::storage::ObjectStore, id: Uuid) -> anyhow::Result<()> {
    let keys = store
        .list_keys_under(&format!("c/{id}/"))
        .await
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    for key in keys {
        store
            .delete(&key)
            .await
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    }
    Ok(())
}
