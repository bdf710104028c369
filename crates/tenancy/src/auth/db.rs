//! Signing in's SQL: the login throttle, token versions, passwords and deactivation.

use sqlx::PgConnection;
use uuid::Uuid;

use crate::accounts::db::ACCOUNT_COLS;
use crate::model::Account;

/// Count one attempt against `key` before the password is checked. Returns `Some(seconds to
/// wait)` when the key is still waiting from earlier failures (nothing is counted then). One
/// statement: the row lock orders parallel attempts, so no more than `threshold` of them pass
/// before the wait begins.
pub async fn reserve_login_attempt(
    conn: &mut PgConnection,
    key: &str,
    threshold: i32,
) -> sqlx::Result<Option<i64>> {
    let counted: Option<String> = sqlx::query_scalar(
        "INSERT INTO platform.login_throttle AS l (key, failures, threshold, window_start, blocked_until)
         VALUES ($1, 1, $2, now(), CASE WHEN $2 <= 1 THEN now() + interval '1 second' END)
         ON CONFLICT (key) DO UPDATE SET
             failures = CASE WHEN l.window_start < now() - interval '1 hour' THEN 1
                             ELSE l.failures + 1 END,
             window_start = CASE WHEN l.window_start < now() - interval '1 hour' THEN now()
                                 ELSE l.window_start END,
             threshold = excluded.threshold,
             blocked_until = CASE
                 WHEN l.window_start >= now() - interval '1 hour'
                      AND l.failures + 1 >= excluded.threshold
                 THEN now() + least(interval '1 second' * power(2, l.failures + 1 - excluded.threshold),
                                    interval '15 minutes')
                 END
         WHERE l.blocked_until IS NULL OR l.blocked_until <= now()
         RETURNING key",
    )
    .bind(key)
    .bind(threshold)
    .fetch_optional(&mut *conn)
    .await?;
    if counted.is_some() {
        return Ok(None);
    }
    let wait: Option<f64> = sqlx::query_scalar(
        "SELECT ceil(extract(epoch FROM blocked_until - now()))::float8
           FROM platform.login_throttle WHERE key = $1",
    )
    .bind(key)
    .fetch_one(conn)
    .await?;
    Ok(Some(wait.unwrap_or(1.0).max(1.0) as i64))
}

/// A successful login takes back what its attempt counted: the (name, address) pair is
/// forgotten, the address's count goes down by one.
pub async fn login_succeeded(conn: &mut PgConnection, pair: &str, addr: &str) -> sqlx::Result<()> {
    sqlx::query(
        "WITH forget AS (DELETE FROM platform.login_throttle WHERE key = $1)
         UPDATE platform.login_throttle SET failures = greatest(failures - 1, 0) WHERE key = $2",
    )
    .bind(pair)
    .bind(addr)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn purge_login_throttle(conn: &mut PgConnection) -> sqlx::Result<()> {
    sqlx::query(
        "DELETE FROM platform.login_throttle
          WHERE window_start < now() - interval '1 hour'
            AND (blocked_until IS NULL OR blocked_until < now())",
    )
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn bump_token_version(conn: &mut PgConnection, account: Uuid) -> sqlx::Result<()> {
    sqlx::query("UPDATE platform.accounts SET token_version = token_version + 1 WHERE id = $1")
        .bind(account)
        .execute(conn)
        .await?;
    Ok(())
}

/// A new password hash; every other token of the account ends.
pub async fn set_password(
    conn: &mut PgConnection,
    account: Uuid,
    hash: &str,
) -> sqlx::Result<Account> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE platform.accounts SET password_hash = $2, token_version = token_version + 1
          WHERE id = $1 RETURNING {ACCOUNT_COLS}"
    )))
    .bind(account)
    .bind(hash)
    .fetch_one(conn)
    .await
}

pub async fn set_account_active(
    conn: &mut PgConnection,
    account: Uuid,
    active: bool,
) -> sqlx::Result<Option<Account>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE platform.accounts SET active = $2, token_version = token_version + 1
          WHERE id = $1 RETURNING {ACCOUNT_COLS}"
    )))
    .bind(account)
    .bind(active)
    .fetch_optional(conn)
    .await
}

/// Where an account holds its roles: the district path of each scope (`None` for a platform
/// role) and the community, if any.
#[derive(sqlx::FromRow)]
pub struct ScopePath {
    pub path: Option<Vec<Uuid>>,
    pub community_id: Option<Uuid>,
}

pub async fn membership_paths(
    conn: &mut PgConnection,
    account: Uuid,
) -> sqlx::Result<Vec<ScopePath>> {
    sqlx::query_as(
        "SELECT coalesce(d.path, cd.path) AS path, m.community_id
           FROM (SELECT district_id, community_id FROM platform.memberships WHERE account_id = $1
                 UNION ALL
                 -- partner access is a scope too: who administers it may deactivate the account
                 SELECT district_id, community_id FROM platform.partner_access
                  WHERE account_id = $1) m
           LEFT JOIN platform.districts d ON d.id = m.district_id
           LEFT JOIN platform.communities c ON c.id = m.community_id
           LEFT JOIN platform.districts cd ON cd.id = c.district_id",
    )
    .bind(account)
    .fetch_all(conn)
    .await
}
