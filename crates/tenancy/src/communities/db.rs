//! Communities' SQL (platform schema).

use sqlx::PgConnection;
use uuid::Uuid;

use super::model::{Community, CommunityKind, CommunityStatus};

pub(crate) const COMMUNITY_COLS: &str = "id, district_id, slug, name, kind, households, residents, status, \
     schema_name, role_name, schema_version, created_at, moved_to";

pub async fn community_by_slug(
    conn: &mut PgConnection,
    slug: &str,
) -> sqlx::Result<Option<Community>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COMMUNITY_COLS} FROM platform.communities WHERE slug = $1"
    )))
    .bind(slug)
    .fetch_optional(conn)
    .await
}

/// Every active community (the background worker visits each).
pub async fn active_communities(conn: &mut PgConnection) -> sqlx::Result<Vec<Community>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COMMUNITY_COLS} FROM platform.communities WHERE status = 'active' ORDER BY slug"
    )))
    .fetch_all(conn)
    .await
}

/// Tell the worker at commit that the community may have periodic work (as the community
/// schemas' own `due_wake` triggers do).
pub async fn wake_worker(conn: &mut PgConnection, schema: &str) -> sqlx::Result<()> {
    sqlx::query("SELECT pg_notify('linli_due', $1)")
        .bind(schema)
        .execute(conn)
        .await?;
    Ok(())
}

/// The active ones among these schemas.
pub async fn active_communities_in(
    conn: &mut PgConnection,
    schemas: &[String],
) -> sqlx::Result<Vec<Community>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COMMUNITY_COLS} FROM platform.communities
          WHERE status = 'active' AND schema_name = ANY($1) ORDER BY slug"
    )))
    .bind(schemas)
    .fetch_all(conn)
    .await
}

/// A community and its district's path from the root.
const WITH_PATH: &str = "SELECT c.id, c.district_id, c.slug, c.name, c.kind, c.households, \
     c.residents, c.status, c.schema_name, c.role_name, c.schema_version, c.created_at, \
     c.moved_to, d.path FROM platform.communities c JOIN platform.districts d ON d.id = c.district_id";

#[derive(sqlx::FromRow)]
struct WithPath {
    #[sqlx(flatten)]
    community: Community,
    path: Vec<Uuid>,
}

/// A community together with the path of its district (for "is it within my district").
pub async fn community_with_path(
    conn: &mut PgConnection,
    slug: &str,
) -> sqlx::Result<Option<(Community, Vec<Uuid>)>> {
    let row: Option<WithPath> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{WITH_PATH} WHERE c.slug = $1"
    )))
    .bind(slug)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| (r.community, r.path)))
}

pub async fn communities_of_district(
    conn: &mut PgConnection,
    district_id: Uuid,
) -> sqlx::Result<Vec<Community>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COMMUNITY_COLS} FROM platform.communities c
          WHERE district_id IN (SELECT id FROM platform.districts WHERE $1 = ANY(path))
          ORDER BY slug"
    )))
    .bind(district_id)
    .fetch_all(conn)
    .await
}

pub struct NewCommunity<'a> {
    pub id: Uuid,
    pub district_id: Uuid,
    pub slug: &'a str,
    pub name: &'a str,
    pub kind: CommunityKind,
    pub households: Option<i32>,
    pub residents: Option<i32>,
    pub schema_name: &'a str,
    pub role_name: &'a str,
}

/// Insert unless the slug exists. `None` means another onboarding holds the slug; the unique
/// index makes a concurrent insert wait for that one to commit or roll back. Any unique key
/// counts, not only `slug`: racing onboardings of one slug also collide on `schema_name` and
/// `role_name` (derived from it), and a collision on a key that is not the conflict target
/// is an error (CONFLICT) rather than "it exists" — seen in CI, one try in eight.
pub async fn insert_community(
    conn: &mut PgConnection,
    c: &NewCommunity<'_>,
) -> sqlx::Result<Option<Community>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO platform.communities
            (id, district_id, slug, name, kind, households, residents, schema_name, role_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT DO NOTHING
         RETURNING {COMMUNITY_COLS}"
    )))
    .bind(c.id)
    .bind(c.district_id)
    .bind(c.slug)
    .bind(c.name)
    .bind(c.kind)
    .bind(c.households)
    .bind(c.residents)
    .bind(c.schema_name)
    .bind(c.role_name)
    .fetch_optional(conn)
    .await
}

pub async fn set_schema_version(
    conn: &mut PgConnection,
    community_id: Uuid,
    version: i32,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE platform.communities SET schema_version = $2 WHERE id = $1")
        .bind(community_id)
        .bind(version)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn set_status(
    conn: &mut PgConnection,
    community_id: Uuid,
    status: CommunityStatus,
) -> sqlx::Result<Community> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE platform.communities SET status = $2, updated_at = now() WHERE id = $1
         RETURNING {COMMUNITY_COLS}"
    )))
    .bind(community_id)
    .bind(status)
    .fetch_one(conn)
    .await
}

pub async fn set_district(
    conn: &mut PgConnection,
    community_id: Uuid,
    district_id: Uuid,
) -> sqlx::Result<Community> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE platform.communities SET district_id = $2, updated_at = now() WHERE id = $1
         RETURNING {COMMUNITY_COLS}"
    )))
    .bind(community_id)
    .bind(district_id)
    .fetch_one(conn)
    .await
}

pub async fn lock_community(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Community> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COMMUNITY_COLS} FROM platform.communities WHERE id = $1 FOR UPDATE"
    )))
    .bind(id)
    .fetch_one(conn)
    .await
}

/// Active communities named, or within the named districts, with their districts' paths (the
/// places a partner organisation's approved partnerships reach).
pub async fn communities_within(
    conn: &mut PgConnection,
    communities: &[Uuid],
    districts: &[Uuid],
) -> sqlx::Result<Vec<(Community, Vec<Uuid>)>> {
    let rows: Vec<WithPath> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{WITH_PATH} WHERE c.status = 'active' AND (c.id = ANY($1) OR d.path && $2)
          ORDER BY c.name"
    )))
    .bind(communities)
    .bind(districts)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|r| (r.community, r.path)).collect())
}

/// A community schema built ahead (备用), taken by an onboarding.
#[derive(sqlx::FromRow)]
pub struct Spare {
    pub schema_name: String,
    pub role_name: String,
}

/// Take the oldest spare schema at `version` and give it the community's names, with a word
/// to the worker to build another — one round trip. `None` when none is ready. Two
/// onboardings take two spares (a taken one is skipped while its taker's transaction runs).
pub async fn take_spare(
    conn: &mut PgConnection,
    version: i32,
    schema: &str,
    role: &str,
) -> sqlx::Result<Option<Spare>> {
    sqlx::query_as(
        "WITH taken AS (
             DELETE FROM platform.spare_schemas WHERE schema_name = (
                 SELECT schema_name FROM platform.spare_schemas WHERE schema_version = $1
                  ORDER BY built_at LIMIT 1 FOR UPDATE SKIP LOCKED)
             RETURNING schema_name, role_name, pinned_functions)
         SELECT schema_name, role_name,
                platform.name_spare_schema(schema_name, role_name, $2, $3, pinned_functions)
                    AS repinned
           FROM taken",
    )
    .bind(version)
    .bind(schema)
    .bind(role)
    .fetch_optional(conn)
    .await
}

/// Spare schemas ready at `version`.
pub async fn spares_ready(conn: &mut PgConnection, version: i32) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT count(*) FROM platform.spare_schemas WHERE schema_version = $1")
        .bind(version)
        .fetch_one(conn)
        .await
}

/// One spare schema built for an older version (none when all are current), taken out of the
/// list in the caller's transaction. Newer ones are left alone: during a rolling upgrade the
/// old gateways would otherwise drop what the new ones build.
pub async fn take_stale_spare(
    conn: &mut PgConnection,
    version: i32,
) -> sqlx::Result<Option<Spare>> {
    sqlx::query_as(
        "DELETE FROM platform.spare_schemas WHERE schema_name = (
             SELECT schema_name FROM platform.spare_schemas WHERE schema_version < $1
              LIMIT 1 FOR UPDATE SKIP LOCKED)
         RETURNING schema_name, role_name",
    )
    .bind(version)
    .fetch_optional(conn)
    .await
}

/// Record a spare schema just built (in the transaction that built it), with the functions
/// that hold its name.
pub async fn add_spare(
    conn: &mut PgConnection,
    schema: &str,
    role: &str,
    version: i32,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO platform.spare_schemas (schema_name, role_name, schema_version, pinned_functions)
         SELECT $1, $2, $3, coalesce(array_agg(DISTINCT p.proname::text), '{}')
           FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
          WHERE n.nspname = $1
            AND EXISTS (SELECT 1 FROM unnest(p.proconfig) c WHERE c LIKE 'search_path=%')",
    )
    .bind(schema)
    .bind(role)
    .bind(version)
    .execute(conn)
    .await?;
    Ok(())
}
