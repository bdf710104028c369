//! SQL of the platform schema. Every name carries its schema (`platform.`), so these functions
//! behave the same whatever search_path a connection has.

use sqlx::PgConnection;
use uuid::Uuid;

use crate::model::{Account, Community, CommunityKind, CommunityStatus, Membership};

const COMMUNITY_COLS: &str = "id, district_id, slug, name, kind, households, residents, status, \
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

/// A community together with the path of its district (for "is it within my district").
pub async fn community_with_path(
    conn: &mut PgConnection,
    slug: &str,
) -> sqlx::Result<Option<(Community, Vec<Uuid>)>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        community: Community,
        path: Vec<Uuid>,
    }
    let row: Option<Row> = sqlx::query_as(
        "SELECT c.id, c.district_id, c.slug, c.name, c.kind, c.households, c.residents, c.status,
                c.schema_name, c.role_name, c.schema_version, c.created_at, c.moved_to, d.path
           FROM platform.communities c JOIN platform.districts d ON d.id = c.district_id
          WHERE c.slug = $1",
    )
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

pub async fn lock_community(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Community> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {COMMUNITY_COLS} FROM platform.communities WHERE id = $1 FOR UPDATE"
    )))
    .bind(id)
    .fetch_one(conn)
    .await
}

pub(crate) const ACCOUNT_COLS: &str =
    "id, login_name, display_name, phone_encrypted, active, created_at, token_version";

pub async fn account_by_id(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Account>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ACCOUNT_COLS} FROM platform.accounts WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// The account of a login name with its password hash, in one statement.
pub async fn account_for_login(
    conn: &mut PgConnection,
    login_name: &str,
) -> sqlx::Result<Option<(Account, String)>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        account: Account,
        password_hash: String,
    }
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ACCOUNT_COLS}, password_hash FROM platform.accounts WHERE login_name = $1"
    )))
    .bind(login_name)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| (r.account, r.password_hash)))
}

pub struct NewAccount<'a> {
    pub id: Uuid,
    pub login_name: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub phone_encrypted: Option<String>,
    pub phone_lookup: Option<String>,
    pub phone_verified: bool,
}

/// `None` when the login name is taken.
pub async fn insert_account(
    conn: &mut PgConnection,
    a: &NewAccount<'_>,
) -> sqlx::Result<Option<Account>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO platform.accounts
            (id, login_name, display_name, password_hash, phone_encrypted, phone_lookup,
             phone_verified)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (login_name) DO NOTHING
         RETURNING {ACCOUNT_COLS}"
    )))
    .bind(a.id)
    .bind(a.login_name)
    .bind(a.display_name)
    .bind(a.password_hash)
    .bind(&a.phone_encrypted)
    .bind(&a.phone_lookup)
    .bind(a.phone_verified)
    .fetch_optional(conn)
    .await
}

/// The lookup hash of the account's phone number, when it is verified.
pub async fn verified_phone_lookup(
    conn: &mut PgConnection,
    account: Uuid,
) -> sqlx::Result<Option<String>> {
    Ok(sqlx::query_scalar(
        "SELECT phone_lookup FROM platform.accounts WHERE id = $1 AND phone_verified",
    )
    .bind(account)
    .fetch_optional(conn)
    .await?
    .flatten())
}

/// An active account with its memberships, in one round trip (every request does this).
pub async fn account_with_memberships(
    conn: &mut PgConnection,
    id: Uuid,
) -> sqlx::Result<Option<(Account, Vec<Membership>)>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        account: Account,
        memberships: sqlx::types::Json<Vec<MembershipJson>>,
    }
    #[derive(serde::Deserialize)]
    struct MembershipJson {
        id: Uuid,
        role: crate::access::Role,
        district_id: Option<Uuid>,
        community_id: Option<Uuid>,
        district_code: Option<String>,
        community_slug: Option<String>,
    }
    let row: Option<Row> = sqlx::query_as(
        "SELECT a.id, a.login_name, a.display_name, a.phone_encrypted, a.active, a.created_at,
                a.token_version,
                coalesce((
                    SELECT jsonb_agg(jsonb_build_object(
                               'id', m.id, 'role', m.role, 'district_id', m.district_id,
                               'community_id', m.community_id, 'district_code', d.code,
                               'community_slug', c.slug) ORDER BY m.created_at, m.id)
                      FROM platform.memberships m
                      LEFT JOIN platform.districts d ON d.id = m.district_id
                      LEFT JOIN platform.communities c ON c.id = m.community_id
                     WHERE m.account_id = a.id), '[]'::jsonb)
                || coalesce((
                    SELECT jsonb_agg(jsonb_build_object(
                               'id', pa.partnership_id, 'role', r.role,
                               'district_id', pa.district_id, 'community_id', pa.community_id,
                               'district_code', d.code, 'community_slug', c.slug))
                      FROM platform.partner_access pa
                      CROSS JOIN LATERAL (VALUES ('partner_member'), ('resident')) AS r (role)
                      LEFT JOIN platform.districts d ON d.id = pa.district_id
                      LEFT JOIN platform.communities c ON c.id = pa.community_id
                     WHERE pa.account_id = a.id
                       AND (r.role = 'partner_member' OR pa.resident_rights)), '[]'::jsonb)
                   AS memberships
           FROM platform.accounts a
          WHERE a.id = $1 AND a.active",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| {
        let memberships = r
            .memberships
            .0
            .into_iter()
            .map(|m| Membership {
                id: m.id,
                account_id: r.account.id,
                role: m.role,
                district_id: m.district_id,
                community_id: m.community_id,
                district_code: m.district_code,
                community_slug: m.community_slug,
            })
            .collect();
        (r.account, memberships)
    }))
}

pub async fn memberships_of(
    conn: &mut PgConnection,
    account_id: Uuid,
) -> sqlx::Result<Vec<Membership>> {
    sqlx::query_as(
        "SELECT m.id, m.account_id, m.role, m.district_id, m.community_id,
                d.code AS district_code, c.slug AS community_slug
           FROM platform.memberships m
           LEFT JOIN platform.districts d ON d.id = m.district_id
           LEFT JOIN platform.communities c ON c.id = m.community_id
          WHERE m.account_id = $1
         UNION ALL
         -- the partner-member role an approved partnership of the account's organisation
         -- gives, and the resident role where the partnership carries residents' rights
         SELECT pa.partnership_id, pa.account_id, r.role, pa.district_id,
                pa.community_id, d.code, c.slug
           FROM platform.partner_access pa
           CROSS JOIN LATERAL (VALUES ('partner_member'), ('resident')) AS r (role)
           LEFT JOIN platform.districts d ON d.id = pa.district_id
           LEFT JOIN platform.communities c ON c.id = pa.community_id
          WHERE pa.account_id = $1 AND (r.role = 'partner_member' OR pa.resident_rights)
          ORDER BY 1",
    )
    .bind(account_id)
    .fetch_all(conn)
    .await
}

pub async fn insert_membership(
    conn: &mut PgConnection,
    account_id: Uuid,
    role: crate::access::Role,
    district_id: Option<Uuid>,
    community_id: Option<Uuid>,
    granted_by: Option<Uuid>,
) -> sqlx::Result<()> {
    let scope = match (district_id, community_id) {
        (None, None) => "platform",
        (Some(_), _) => "district",
        (None, Some(_)) => "community",
    };
    // Granting a role that is already held is not an error: the result is the same.
    sqlx::query(
        "INSERT INTO platform.memberships
            (id, account_id, scope, district_id, community_id, role, granted_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT DO NOTHING",
    )
    .bind(Uuid::now_v7())
    .bind(account_id)
    .bind(scope)
    .bind(district_id)
    .bind(community_id)
    .bind(role)
    .bind(granted_by)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn delete_membership(
    conn: &mut PgConnection,
    account_id: Uuid,
    role: crate::access::Role,
    district_id: Option<Uuid>,
    community_id: Option<Uuid>,
) -> sqlx::Result<bool> {
    let n = sqlx::query(
        "DELETE FROM platform.memberships
          WHERE account_id = $1 AND role = $2
            AND district_id IS NOT DISTINCT FROM $3 AND community_id IS NOT DISTINCT FROM $4",
    )
    .bind(account_id)
    .bind(role)
    .bind(district_id)
    .bind(community_id)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(n > 0)
}

pub async fn display_names(
    conn: &mut PgConnection,
    ids: &[Uuid],
) -> sqlx::Result<std::collections::HashMap<Uuid, String>> {
    let rows: Vec<(Uuid, String)> =
        sqlx::query_as("SELECT id, display_name FROM platform.accounts WHERE id = ANY($1)")
            .bind(ids)
            .fetch_all(conn)
            .await?;
    Ok(rows.into_iter().collect())
}
