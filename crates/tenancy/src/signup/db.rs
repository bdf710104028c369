//! Sign-up's SQL (platform schema): invitations, requests, one-time codes.

use sqlx::PgConnection;
use uuid::Uuid;

use super::model::*;

const INVITATION_COLS: &str = "community_id, code, confirm_by_staff, rotated_at";

pub async fn invitation(
    conn: &mut PgConnection,
    community: Uuid,
) -> sqlx::Result<Option<Invitation>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {INVITATION_COLS} FROM platform.invitations WHERE community_id = $1"
    )))
    .bind(community)
    .fetch_optional(conn)
    .await
}

/// A new code for the community (the first, or in place of one that leaked).
pub async fn put_invitation_code(
    conn: &mut PgConnection,
    community: Uuid,
    code: &str,
    by: Option<Uuid>,
) -> sqlx::Result<Invitation> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO platform.invitations (community_id, code, rotated_by)
         VALUES ($1, $2, $3)
         ON CONFLICT (community_id) DO UPDATE
             SET code = excluded.code, rotated_at = now(), rotated_by = excluded.rotated_by
         RETURNING {INVITATION_COLS}"
    )))
    .bind(community)
    .bind(code)
    .bind(by)
    .fetch_one(conn)
    .await
}

/// `None` when the community has no invitation yet.
pub async fn set_confirmation(
    conn: &mut PgConnection,
    community: Uuid,
    confirm: bool,
) -> sqlx::Result<Option<Invitation>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE platform.invitations SET confirm_by_staff = $2 WHERE community_id = $1
         RETURNING {INVITATION_COLS}"
    )))
    .bind(community)
    .bind(confirm)
    .fetch_optional(conn)
    .await
}

/// The active community an invitation (slug and current code) leads to.
pub async fn invited(
    conn: &mut PgConnection,
    slug: &str,
    code: &str,
) -> sqlx::Result<Option<(Uuid, InvitedCommunity)>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: Uuid,
        #[sqlx(flatten)]
        community: InvitedCommunity,
    }
    let row: Option<Row> = sqlx::query_as(
        "SELECT c.id, c.slug, c.name, d.name AS district_name, i.confirm_by_staff
           FROM platform.communities c
           JOIN platform.invitations i ON i.community_id = c.id
           JOIN platform.districts d ON d.id = c.district_id
          WHERE c.slug = $1 AND i.code = $2 AND c.status = 'active'",
    )
    .bind(slug)
    .bind(code)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| (r.id, r.community)))
}

/// Record a sign-up; `false` when the account already has one in the community.
pub async fn insert_request(
    conn: &mut PgConnection,
    account: Uuid,
    community: Uuid,
    status: SignUpStatus,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO platform.sign_up_requests (account_id, community_id, status, decided_at)
         VALUES ($1, $2, $3, CASE WHEN $3 = 'pending' THEN NULL ELSE now() END)
         ON CONFLICT DO NOTHING",
    )
    .bind(account)
    .bind(community)
    .bind(status)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

const REQUEST_COLS: &str = "r.account_id, r.community_id, r.status, r.created_at, r.decided_at,
    a.display_name, a.phone_encrypted";

pub async fn requests(
    conn: &mut PgConnection,
    community: Uuid,
    status: SignUpStatus,
) -> sqlx::Result<Vec<SignUpRequest>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {REQUEST_COLS}
           FROM platform.sign_up_requests r JOIN platform.accounts a ON a.id = r.account_id
          WHERE r.community_id = $1 AND r.status = $2
          ORDER BY r.created_at, r.account_id
          LIMIT 500"
    )))
    .bind(community)
    .bind(status)
    .fetch_all(conn)
    .await
}

/// Decide a pending request, once: `None` when there is no pending one.
pub async fn decide_request(
    conn: &mut PgConnection,
    community: Uuid,
    account: Uuid,
    status: SignUpStatus,
    by: Option<Uuid>,
) -> sqlx::Result<Option<SignUpRequest>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "WITH r AS (
            UPDATE platform.sign_up_requests
               SET status = $3, decided_by = $4, decided_at = now()
             WHERE community_id = $1 AND account_id = $2 AND status = 'pending'
         RETURNING *)
         SELECT {REQUEST_COLS} FROM r JOIN platform.accounts a ON a.id = r.account_id"
    )))
    .bind(community)
    .bind(account)
    .bind(status)
    .bind(by)
    .fetch_optional(conn)
    .await
}

/// Is the number someone's already: an account signed in by it, or whose verified number it is?
pub async fn phone_has_account(
    conn: &mut PgConnection,
    phone: &str,
    lookup: &str,
) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM platform.accounts
                         WHERE login_name = $1 OR (phone_lookup = $2 AND phone_verified))",
    )
    .bind(phone)
    .bind(lookup)
    .fetch_one(conn)
    .await
}

/// Keep a new code for the number (replacing its earlier one, tries back to none).
pub async fn put_code(conn: &mut PgConnection, lookup: &str, code_hash: &str) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO platform.phone_codes (phone_lookup, code_hash, expires_at)
         VALUES ($1, $2, now() + make_interval(mins => $3))
         ON CONFLICT (phone_lookup) DO UPDATE
             SET code_hash = excluded.code_hash, expires_at = excluded.expires_at, tries = 0",
    )
    .bind(lookup)
    .bind(code_hash)
    .bind(super::phone_codes::CODE_MINUTES)
    .execute(conn)
    .await?;
    Ok(())
}

/// Spend one try of the number's live code: its hash, or `None` when there is none left.
pub async fn try_code(conn: &mut PgConnection, lookup: &str) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar(
        "UPDATE platform.phone_codes SET tries = tries + 1
          WHERE phone_lookup = $1 AND expires_at > now() AND tries < 5
         RETURNING code_hash",
    )
    .bind(lookup)
    .fetch_optional(conn)
    .await
}

/// Use the number's code up; `false` when another request used it first.
pub async fn use_code(
    conn: &mut PgConnection,
    lookup: &str,
    code_hash: &str,
) -> sqlx::Result<bool> {
    let done =
        sqlx::query("DELETE FROM platform.phone_codes WHERE phone_lookup = $1 AND code_hash = $2")
            .bind(lookup)
            .bind(code_hash)
            .execute(conn)
            .await?;
    Ok(done.rows_affected() == 1)
}
