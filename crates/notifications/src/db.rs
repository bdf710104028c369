//! SQL on the community schema; every function takes the caller's transaction.

use sqlx::PgConnection;
use uuid::Uuid;

use crate::model::*;

const NOTIFICATION: &str = "id, account_id, kind, about, title, body, created_at, read_at";

/// Write notices, skipping any already written for the same account and event. One statement
/// whatever the number of notices.
pub async fn insert(conn: &mut PgConnection, notices: &[Notice]) -> sqlx::Result<u64> {
    let ids: Vec<Uuid> = notices.iter().map(|_| Uuid::now_v7()).collect();
    let accounts: Vec<Uuid> = notices.iter().map(|n| n.account_id).collect();
    let kinds: Vec<NoticeKind> = notices.iter().map(|n| n.kind).collect();
    let abouts: Vec<&str> = notices.iter().map(|n| n.about.as_str()).collect();
    let titles: Vec<&str> = notices.iter().map(|n| n.title.as_str()).collect();
    let bodies: Vec<&str> = notices.iter().map(|n| n.body.as_str()).collect();
    let r = sqlx::query(
        "INSERT INTO notifications (id, account_id, kind, about, title, body)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[])
         ON CONFLICT (account_id, kind, about) DO NOTHING",
    )
    .bind(ids)
    .bind(accounts)
    .bind(kinds)
    .bind(abouts)
    .bind(titles)
    .bind(bodies)
    .execute(conn)
    .await?;
    Ok(r.rows_affected())
}

pub async fn inbox(
    conn: &mut PgConnection,
    account: Uuid,
    unread_only: bool,
    limit: i64,
) -> sqlx::Result<Vec<Notification>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {NOTIFICATION} FROM notifications
          WHERE account_id = $1 AND (NOT $2 OR read_at IS NULL)
          ORDER BY created_at DESC, id DESC LIMIT $3"
    )))
    .bind(account)
    .bind(unread_only)
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// Mark the account's own notifications read; returns how many changed.
pub async fn mark_read(conn: &mut PgConnection, account: Uuid, ids: &[Uuid]) -> sqlx::Result<u64> {
    let r = sqlx::query(
        "UPDATE notifications SET read_at = now()
          WHERE account_id = $1 AND id = ANY($2) AND read_at IS NULL",
    )
    .bind(account)
    .bind(ids)
    .execute(conn)
    .await?;
    Ok(r.rows_affected())
}

pub async fn deliveries(
    conn: &mut PgConnection,
    status: Option<DeliveryStatus>,
    limit: i64,
) -> sqlx::Result<Vec<Delivery>> {
    sqlx::query_as(
        "SELECT d.notification_id, n.kind, n.title, d.channel, d.status, d.attempts,
                d.last_error, d.updated_at
           FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
          WHERE $1::text IS NULL OR d.status = $1
          ORDER BY d.updated_at DESC LIMIT $2",
    )
    .bind(status)
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// Claim up to `limit` notifications for `channel`: new ones (of the last two days) by
/// inserting their delivery row, failed ones whose retry is due by locking theirs. A
/// concurrent worker's insert of the same row waits for this transaction and then does
/// nothing; its retry scan skips locked rows.
pub async fn claim(
    conn: &mut PgConnection,
    channel: Channel,
    limit: i64,
) -> sqlx::Result<Vec<Notification>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "WITH fresh AS (
             INSERT INTO notification_deliveries (notification_id, channel, status)
             SELECT n.id, $1, 'sending' FROM notifications n
              WHERE n.created_at > now() - interval '2 days'
                AND NOT EXISTS (SELECT 1 FROM notification_deliveries d
                                 WHERE d.notification_id = n.id AND d.channel = $1)
              ORDER BY n.created_at LIMIT $2
             ON CONFLICT DO NOTHING
             RETURNING notification_id),
         retry AS (
             UPDATE notification_deliveries d
                SET status = 'sending', attempts = attempts + 1, updated_at = now()
              WHERE (d.notification_id, d.channel) IN (
                    SELECT notification_id, channel FROM notification_deliveries
                     WHERE channel = $1 AND status = 'failed' AND next_attempt_at <= now()
                     ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
             RETURNING notification_id)
         SELECT {NOTIFICATION} FROM notifications
          WHERE id IN (SELECT notification_id FROM fresh UNION SELECT notification_id FROM retry)
          ORDER BY created_at"
    )))
    .bind(channel)
    .bind(limit)
    .fetch_all(conn)
    .await
}

pub async fn record(
    conn: &mut PgConnection,
    channel: Channel,
    id: Uuid,
    outcome: Result<(), &str>,
    max_attempts: i32,
    retry_base_secs: f64,
) -> sqlx::Result<()> {
    let error = outcome
        .err()
        .map(|e| e.chars().take(300).collect::<String>());
    sqlx::query(
        "UPDATE notification_deliveries
            SET status = CASE WHEN $3::text IS NULL THEN 'sent'
                              WHEN attempts >= $4 THEN 'abandoned' ELSE 'failed' END,
                last_error = $3,
                -- doubling waits: base, 2 × base, 4 × base …
                next_attempt_at = CASE WHEN $3::text IS NULL THEN NULL
                    ELSE now() + make_interval(secs => $5 * power(2, attempts - 1)) END,
                updated_at = now()
          WHERE notification_id = $1 AND channel = $2",
    )
    .bind(id)
    .bind(channel)
    .bind(error)
    .bind(max_attempts)
    .bind(retry_base_secs)
    .execute(conn)
    .await?;
    Ok(())
}

/// When the first refused delivery is to be tried again.
pub async fn first_retry(
    conn: &mut PgConnection,
) -> sqlx::Result<Option<chrono::DateTime<chrono::Utc>>> {
    sqlx::query_scalar(
        "SELECT min(next_attempt_at) FROM notification_deliveries WHERE status = 'failed'",
    )
    .fetch_one(conn)
    .await
}

/// When the oldest notification was written (retention's next time).
pub async fn first_written(
    conn: &mut PgConnection,
) -> sqlx::Result<Option<chrono::DateTime<chrono::Utc>>> {
    sqlx::query_scalar("SELECT min(created_at) FROM notifications")
        .fetch_one(conn)
        .await
}

/// Notifications written before `before`, with their deliveries: deleted (the deliveries
/// first, they refer to them); how many notifications went.
pub async fn forget_before(
    conn: &mut PgConnection,
    before: chrono::DateTime<chrono::Utc>,
) -> sqlx::Result<u64> {
    sqlx::query(
        "DELETE FROM notification_deliveries WHERE notification_id IN (
             SELECT id FROM notifications WHERE created_at < $1)",
    )
    .bind(before)
    .execute(&mut *conn)
    .await?;
    Ok(
        sqlx::query("DELETE FROM notifications WHERE created_at < $1")
            .bind(before)
            .execute(conn)
            .await?
            .rows_affected(),
    )
}
