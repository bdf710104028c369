//! SQL of the ledger; every function takes a tenant transaction. Balances change only through
//! the insert of a transfer (the trigger `points_apply`).

use sqlx::PgConnection;
use uuid::Uuid;

use super::model::*;

const TRANSFER: &str = "id, key, kind, from_account, to_account, amount, attributed_to, \
    reverses, reference, memo, created_by, created_at";

/// Kept balance plus pending credits; the two ends of the books are recounted.
const ACCOUNT: &str = "a.id, a.kind, a.holder, a.collective_kind, a.name,
    CASE WHEN a.kind IN ('issuance', 'burned') THEN
        coalesce((SELECT sum(amount) FROM points_transfers WHERE to_account = a.id), 0)
      - coalesce((SELECT sum(amount) FROM points_transfers WHERE from_account = a.id), 0)
    ELSE a.balance
        + coalesce((SELECT sum(amount) FROM points_pending_credits p WHERE p.account_id = a.id), 0)
    END::bigint AS balance";

pub async fn transfer_by_key(
    conn: &mut PgConnection,
    key: &str,
) -> sqlx::Result<Option<(Transfer, String)>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        t: Transfer,
        fingerprint: String,
    }
    let row: Option<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {TRANSFER}, fingerprint FROM points_transfers WHERE key = $1"
    )))
    .bind(key)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|r| (r.t, r.fingerprint)))
}

pub async fn transfer(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Transfer>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {TRANSFER} FROM points_transfers WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// Lock the rows a transfer between these accounts will update, in one order (no deadlock
/// between A→B and B→A): kept balances only, and not a hot account's credit side. `NO KEY
/// UPDATE`, the lock the balance update takes anyway: it leaves alone the key-share locks that
/// every other transfer's foreign keys take on the same accounts (a plain `FOR UPDATE` on the
/// fund would make every redemption wait for a fund debit, and deadlock with it).
pub async fn lock_for(conn: &mut PgConnection, from: Uuid, to: Uuid) -> sqlx::Result<()> {
    sqlx::query(
        "SELECT 1 FROM points_accounts
          WHERE kind NOT IN ('issuance', 'burned')
            AND (id = $1 OR (id = $2 AND NOT hot))
          ORDER BY id FOR NO KEY UPDATE",
    )
    .bind(from)
    .bind(to)
    .execute(conn)
    .await?;
    Ok(())
}

/// `None` when the key was taken meanwhile (the caller reads it back).
pub async fn insert_transfer(
    conn: &mut PgConnection,
    m: &Movement,
    fingerprint: &str,
    by: Uuid,
) -> sqlx::Result<Option<Transfer>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO points_transfers (id, key, fingerprint, kind, from_account, to_account,
                                       amount, attributed_to, reverses, reference, memo,
                                       created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (key) DO NOTHING RETURNING {TRANSFER}"
    )))
    .bind(Uuid::now_v7())
    .bind(m.key.as_str())
    .bind(fingerprint)
    .bind(m.kind)
    .bind(m.from)
    .bind(m.to)
    .bind(m.amount)
    .bind(m.attributed_to)
    .bind(m.reverses)
    .bind(&m.reference)
    .bind(&m.memo)
    .bind(by)
    .fetch_optional(conn)
    .await
}

/// A person's account, created on first use.
pub async fn ensure_person(
    conn: &mut PgConnection,
    holder: Uuid,
    name: &str,
) -> sqlx::Result<Uuid> {
    let made: Option<Uuid> = sqlx::query_scalar(
        "INSERT INTO points_accounts (id, kind, holder, name) VALUES ($1, 'person', $2, $3)
         ON CONFLICT (holder) WHERE kind = 'person' DO NOTHING RETURNING id",
    )
    .bind(Uuid::now_v7())
    .bind(holder)
    .bind(name)
    .fetch_optional(&mut *conn)
    .await?;
    match made {
        Some(id) => Ok(id),
        None => {
            sqlx::query_scalar(
                "SELECT id FROM points_accounts WHERE kind = 'person' AND holder = $1",
            )
            .bind(holder)
            .fetch_one(conn)
            .await
        }
    }
}

pub async fn person_account(
    conn: &mut PgConnection,
    holder: Uuid,
) -> sqlx::Result<Option<PointsAccount>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ACCOUNT} FROM points_accounts a WHERE a.kind = 'person' AND a.holder = $1"
    )))
    .bind(holder)
    .fetch_optional(conn)
    .await
}

pub async fn account(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<PointsAccount>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ACCOUNT} FROM points_accounts a WHERE a.id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn accounts(
    conn: &mut PgConnection,
    kind: Option<AccountKind>,
) -> sqlx::Result<Vec<PointsAccount>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ACCOUNT} FROM points_accounts a WHERE $1::text IS NULL OR a.kind = $1
          ORDER BY a.kind, a.name, a.id"
    )))
    .bind(kind)
    .fetch_all(conn)
    .await
}

/// `None` when a card of that name exists.
pub async fn insert_collective(
    conn: &mut PgConnection,
    name: &str,
    kind: CollectiveKind,
) -> sqlx::Result<Option<PointsAccount>> {
    sqlx::query_as(
        "INSERT INTO points_accounts (id, kind, collective_kind, name)
         VALUES ($1, 'collective', $2, $3)
         ON CONFLICT (name) WHERE kind = 'collective' DO NOTHING
         RETURNING id, kind, holder, collective_kind, name, balance",
    )
    .bind(Uuid::now_v7())
    .bind(kind)
    .bind(name)
    .fetch_optional(conn)
    .await
}

pub async fn add_collective_member(
    conn: &mut PgConnection,
    card: Uuid,
    member: Uuid,
) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO collective_members (account_id, member) VALUES ($1, $2) ON CONFLICT DO NOTHING")
        .bind(card)
        .bind(member)
        .execute(conn)
        .await?;
    Ok(())
}

/// A card's members, as accounts.
pub async fn collective_members(conn: &mut PgConnection, card: Uuid) -> sqlx::Result<Vec<Uuid>> {
    sqlx::query_scalar(
        "SELECT member FROM collective_members WHERE account_id = $1 ORDER BY member",
    )
    .bind(card)
    .fetch_all(conn)
    .await
}

pub async fn is_collective_member(
    conn: &mut PgConnection,
    card: Uuid,
    member: Uuid,
) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM collective_members WHERE account_id = $1 AND member = $2)",
    )
    .bind(card)
    .bind(member)
    .fetch_one(conn)
    .await
}

/// An account's transfers, newest first.
pub async fn transfers_of(
    conn: &mut PgConnection,
    account: Uuid,
    limit: i64,
) -> sqlx::Result<Vec<Transfer>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {TRANSFER} FROM points_transfers
          WHERE from_account = $1 OR to_account = $1
          ORDER BY created_at DESC, id DESC LIMIT $2"
    )))
    .bind(account)
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// Points moved into a person's account in a calendar window by kind (limits on transfers).
pub async fn sent_since(
    conn: &mut PgConnection,
    from: Uuid,
    kind: TransferKind,
    since: chrono::DateTime<chrono::Utc>,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "SELECT coalesce(sum(amount), 0)::bigint FROM points_transfers
          WHERE from_account = $1 AND kind = $2 AND created_at >= $3",
    )
    .bind(from)
    .bind(kind)
    .bind(since)
    .fetch_one(conn)
    .await
}

/// Recount every account from the transfers and compare with what is kept.
pub async fn check(conn: &mut PgConnection) -> sqlx::Result<LedgerCheck> {
    let (issued, burned, held, transfers): (i64, i64, i64, i64) = sqlx::query_as(
        "SELECT
            (SELECT coalesce(sum(CASE WHEN from_account = $1 THEN amount ELSE -amount END), 0)
               FROM points_transfers WHERE from_account = $1 OR to_account = $1)::bigint,
            (SELECT coalesce(sum(CASE WHEN to_account = $2 THEN amount ELSE -amount END), 0)
               FROM points_transfers WHERE from_account = $2 OR to_account = $2)::bigint,
            (SELECT coalesce(sum(balance), 0) FROM points_accounts
              WHERE kind NOT IN ('issuance', 'burned'))::bigint
          + (SELECT coalesce(sum(amount), 0) FROM points_pending_credits)::bigint,
            (SELECT count(*) FROM points_transfers)",
    )
    .bind(ISSUANCE)
    .bind(BURNED)
    .fetch_one(&mut *conn)
    .await?;
    let mismatched: Vec<Uuid> = sqlx::query_scalar(
        "WITH moved AS (
             SELECT to_account AS account, amount FROM points_transfers
             UNION ALL
             SELECT from_account, -amount FROM points_transfers),
         recount AS (SELECT account, sum(amount) AS total FROM moved GROUP BY account)
         SELECT a.id FROM points_accounts a LEFT JOIN recount r ON r.account = a.id
          WHERE a.kind NOT IN ('issuance', 'burned')
            AND a.balance + coalesce((SELECT sum(amount) FROM points_pending_credits p
                                       WHERE p.account_id = a.id), 0)
                <> coalesce(r.total, 0)
          ORDER BY a.id",
    )
    .fetch_all(conn)
    .await?;
    Ok(LedgerCheck {
        issued,
        burned,
        held,
        mismatched,
        transfers,
    })
}
