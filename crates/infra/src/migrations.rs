//! Migrations embedded in the binary: `migrations/platform` for the platform schema and
//! `migrations/community/<owning crate>/` for every community schema (one version sequence
//! across the crates). Files are named `NNNN_name.sql`; a migration runs in one transaction
//! and is recorded in `schema_migrations` of its schema.

use include_dir::{Dir, include_dir};
use sha2::{Digest, Sha256};
use sqlx::PgConnection;

static PLATFORM: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../migrations/platform");
static COMMUNITY: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../migrations/community");

#[derive(Debug, Clone)]
pub struct Migration {
    pub version: i32,
    pub name: String,
    pub sql: &'static str,
    pub checksum: String,
}

/// Every `.sql` file below `dir`, subfolders included (community migrations sit in a folder
/// per owning crate), ordered by their one global version number.
fn load(dir: &'static Dir<'static>) -> Vec<Migration> {
    fn files(dir: &'static Dir<'static>, out: &mut Vec<&'static include_dir::File<'static>>) {
        out.extend(dir.files());
        for sub in dir.dirs() {
            files(sub, out);
        }
    }
    let mut all = Vec::new();
    files(dir, &mut all);
    let mut out: Vec<Migration> = all
        .into_iter()
        .filter(|f| f.path().extension().is_some_and(|e| e == "sql"))
        .map(|f| {
            let stem = f
                .path()
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            let (num, name) = stem.split_once('_').unwrap_or((stem, ""));
            let sql = f.contents_utf8().expect("migrations are UTF-8");
            Migration {
                version: num
                    .parse()
                    .expect("migration file names start with a number"),
                name: name.to_string(),
                sql,
                checksum: hex::encode(Sha256::digest(sql.as_bytes())),
            }
        })
        .collect();
    out.sort_by_key(|m| m.version);
    let unique = out.windows(2).all(|w| w[0].version != w[1].version);
    assert!(unique, "two migrations share a version number");
    out
}

pub fn platform() -> Vec<Migration> {
    load(&PLATFORM)
}

pub fn community() -> Vec<Migration> {
    load(&COMMUNITY)
}

pub fn latest(migrations: &[Migration]) -> i32 {
    migrations.last().map(|m| m.version).unwrap_or(0)
}

/// Apply the platform migrations that are not applied yet. An advisory lock makes concurrent
/// starts of several gateways safe; each migration commits on its own.
pub async fn apply_platform(pool: &sqlx::PgPool) -> Result<Vec<i32>, sqlx::Error> {
    let mut conn = pool.acquire().await?;
    sqlx::query("SELECT pg_advisory_lock(7418001)")
        .execute(&mut *conn)
        .await?;
    let result = apply_platform_locked(&mut conn).await;
    sqlx::query("SELECT pg_advisory_unlock(7418001)")
        .execute(&mut *conn)
        .await?;
    result
}

async fn apply_platform_locked(conn: &mut PgConnection) -> Result<Vec<i32>, sqlx::Error> {
    sqlx::raw_sql(
        "CREATE SCHEMA IF NOT EXISTS platform;
         REVOKE ALL ON SCHEMA platform FROM PUBLIC;
         CREATE TABLE IF NOT EXISTS platform.schema_migrations (
             version int PRIMARY KEY,
             name text NOT NULL,
             checksum text NOT NULL,
             applied_at timestamptz NOT NULL DEFAULT now());",
    )
    .execute(&mut *conn)
    .await?;
    let done: Vec<i32> = sqlx::query_scalar("SELECT version FROM platform.schema_migrations")
        .fetch_all(&mut *conn)
        .await?;
    let mut applied = Vec::new();
    for m in platform()
        .into_iter()
        .filter(|m| !done.contains(&m.version))
    {
        let mut tx = sqlx::Connection::begin(&mut *conn).await?;
        sqlx::raw_sql(m.sql).execute(&mut *tx).await?;
        sqlx::query(
            "INSERT INTO platform.schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
        )
        .bind(m.version)
        .bind(&m.name)
        .bind(&m.checksum)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        applied.push(m.version);
    }
    Ok(applied)
}

/// Apply `migrations` newer than `from` inside an open tenant transaction (search_path and
/// role already set), recording each in the community's own `schema_migrations`: all of them
/// and their records in **one round trip** (a new community gets the whole schema in one
/// step). Statement by statement, this is exactly what replaying the files one at a time runs
/// — `tenancy`'s `one_step_schema_equals_replaying_every_migration` compares the catalogs.
pub async fn apply_community(
    conn: &mut PgConnection,
    migrations: &[Migration],
    from: i32,
) -> Result<i32, sqlx::Error> {
    let pending: Vec<&Migration> = migrations.iter().filter(|m| m.version > from).collect();
    let Some(last) = pending.last().map(|m| m.version) else {
        return Ok(from);
    };
    sqlx::raw_sql(sqlx::AssertSqlSafe(one_step(&pending)))
        .execute(&mut *conn)
        .await?;
    Ok(last)
}

/// The files, each closed by a statement separator (a file may end in a comment), then one
/// INSERT recording them all. Names and checksums come from the embedded files' names and
/// contents (digits, letters, `_`, hex); they are quoted all the same.
fn one_step(pending: &[&Migration]) -> String {
    let quote = |s: &str| format!("'{}'", s.replace('\'', "''"));
    let mut script = String::with_capacity(pending.iter().map(|m| m.sql.len() + 4).sum());
    for m in pending {
        script.push_str(m.sql);
        script.push_str("\n;\n");
    }
    script.push_str("INSERT INTO schema_migrations (version, name, checksum) VALUES ");
    let rows: Vec<String> = pending
        .iter()
        .map(|m| {
            format!(
                "({}, {}, {})",
                m.version,
                quote(&m.name),
                quote(&m.checksum)
            )
        })
        .collect();
    script.push_str(&rows.join(", "));
    script.push(';');
    script
}
