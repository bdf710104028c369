//! Erasure's SQL: the domains' blockers, found in a community's schema by name, and the
//! platform's own rows of an account.

use sqlx::PgConnection;
use uuid::Uuid;

use infra::db::ddl::ident;

use super::model::BlockerKind;

/// What every `erasure_blockers_<crate>(account)` of `schema` reports: (reason, count).
pub(crate) async fn blockers(
    conn: &mut PgConnection,
    schema: &str,
    account: Uuid,
) -> sqlx::Result<Vec<(BlockerKind, i64)>> {
    let functions: Vec<String> = sqlx::query_scalar(
        "SELECT p.proname::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
          WHERE n.nspname = $1 AND p.proname LIKE 'erasure\\_blockers\\_%' ORDER BY 1",
    )
    .bind(schema)
    .fetch_all(&mut *conn)
    .await?;
    if functions.is_empty() {
        return Ok(Vec::new());
    }
    let schema = ident(schema)?;
    let parts = functions
        .iter()
        .map(|f| {
            Ok(format!(
                "SELECT reason, count FROM {schema}.{}($1)",
                ident(f)?
            ))
        })
        .collect::<sqlx::Result<Vec<_>>>()?;
    sqlx::query_as(sqlx::AssertSqlSafe(parts.join(" UNION ALL ")))
        .bind(account)
        .fetch_all(conn)
        .await
}

/// The platform's rows of an erased account: its name, login, phone and password go and it
/// signs in no more (its tokens end); its throttling rows, one-time codes and idempotency keys
/// (which keep responses) are deleted. Rows changed or deleted.
pub(crate) async fn erase_account(conn: &mut PgConnection, account: Uuid) -> sqlx::Result<u64> {
    let old: Option<(String, Option<String>)> = sqlx::query_as(
        "SELECT login_name, phone_lookup FROM platform.accounts WHERE id = $1 FOR UPDATE",
    )
    .bind(account)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((login, lookup)) = old else {
        return Ok(0);
    };
    let mut rows = sqlx::query(
        "UPDATE platform.accounts
            SET login_name = 'erased-' || replace(gen_random_uuid()::text, '-', ''),
                display_name = '已注销·' || substr(md5(random()::text), 1, 6),
                password_hash = '!erased', phone_encrypted = NULL, phone_lookup = NULL,
                phone_verified = false, active = false, token_version = token_version + 1,
                erased_at = coalesce(erased_at, now())
          WHERE id = $1",
    )
    .bind(account)
    .execute(&mut *conn)
    .await?
    .rows_affected();
    // Login throttling keys a name by its hash (auth::service): `pair:<hash>:<source>`.
    let pair = format!("pair:{}:%", crate::auth::service::login_hash(&login));
    rows += sqlx::query("DELETE FROM platform.login_throttle WHERE key LIKE $1")
        .bind(pair)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    if let Some(lookup) = lookup {
        rows += sqlx::query("DELETE FROM platform.phone_codes WHERE phone_lookup = $1")
            .bind(lookup)
            .execute(&mut *conn)
            .await?
            .rows_affected();
    }
    rows += sqlx::query("DELETE FROM platform.request_keys WHERE account_id = $1")
        .bind(account)
        .execute(conn)
        .await?
        .rows_affected();
    Ok(rows)
}

/// Does `account` hold any role in `community`?
pub(crate) async fn belongs(
    conn: &mut PgConnection,
    account: Uuid,
    community: Uuid,
) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM platform.memberships
                         WHERE account_id = $1 AND community_id = $2)",
    )
    .bind(account)
    .bind(community)
    .fetch_one(conn)
    .await
}
