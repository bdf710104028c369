//! Accounts' and memberships' SQL (platform schema).

use sqlx::PgConnection;
use uuid::Uuid;

use crate::model::{Account, Membership};

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

/// The account whose verified phone number has this lookup hash, with its password hash —
/// when exactly one has it (a number two accounts hold signs in neither: use the login name).
pub async fn account_for_verified_phone(
    conn: &mut PgConnection,
    lookup: &str,
) -> sqlx::Result<Option<(Account, String)>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        account: Account,
        password_hash: String,
    }
    let mut rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ACCOUNT_COLS}, password_hash FROM platform.accounts
          WHERE phone_lookup = $1 AND phone_verified LIMIT 2"
    )))
    .bind(lookup)
    .fetch_all(conn)
    .await?;
    Ok(match rows.len() {
        1 => rows.pop().map(|r| (r.account, r.password_hash)),
        _ => None,
    })
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
    role: crate::gate::Role,
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
    role: crate::gate::Role,
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

/// Accounts holding a role at exactly this scope (a district, or a community), leaving out the
/// roles every resident holds.
pub async fn role_holders(
    conn: &mut PgConnection,
    district_id: Option<Uuid>,
    community_id: Option<Uuid>,
) -> sqlx::Result<Vec<(Account, crate::gate::Role)>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        account: Account,
        role: crate::gate::Role,
    }
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ACCOUNT_COLS}, m.role
           FROM platform.accounts
           JOIN (SELECT account_id, role FROM platform.memberships
                  WHERE district_id IS NOT DISTINCT FROM $1 AND community_id IS NOT DISTINCT FROM $2
                    AND role NOT IN ('resident', 'volunteer', 'partner_member')) m
             ON m.account_id = id
          ORDER BY display_name, id, m.role"
    )))
    .bind(district_id)
    .bind(community_id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|r| (r.account, r.role)).collect())
}

pub async fn set_display_name(
    conn: &mut PgConnection,
    id: Uuid,
    name: &str,
) -> sqlx::Result<Account> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE platform.accounts SET display_name = $2 WHERE id = $1 RETURNING {ACCOUNT_COLS}"
    )))
    .bind(id)
    .bind(name)
    .fetch_one(conn)
    .await
}
