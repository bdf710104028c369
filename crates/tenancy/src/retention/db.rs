//! Retention's SQL (platform schema). The purges run on the administrative login: the serving
//! login may not delete from the audit log.

use sqlx::PgConnection;
use uuid::Uuid;

use super::model::{RetentionKind, RetentionPeriod};

pub(crate) async fn periods(conn: &mut PgConnection) -> sqlx::Result<Vec<RetentionPeriod>> {
    sqlx::query_as("SELECT kind, keep_hours, set_at FROM platform.retention_periods ORDER BY kind")
        .fetch_all(conn)
        .await
}

pub(crate) async fn set_period(
    conn: &mut PgConnection,
    kind: RetentionKind,
    hours: i32,
    by: Uuid,
) -> sqlx::Result<RetentionPeriod> {
    sqlx::query_as(
        "UPDATE platform.retention_periods SET keep_hours = $2, set_by = $3, set_at = now()
          WHERE kind = $1 RETURNING kind, keep_hours, set_at",
    )
    .bind(kind)
    .bind(hours)
    .bind(by)
    .fetch_one(conn)
    .await
}

/// Delete what is older than `hours` of one platform kind; how many rows. The audit log goes
/// 10,000 rows a statement, so a first purge of a long log holds no lock for long.
pub(crate) async fn purge(
    conn: &mut PgConnection,
    kind: RetentionKind,
    hours: i32,
) -> sqlx::Result<u64> {
    let sql = match kind {
        RetentionKind::AuditLog => {
            let mut total = 0;
            loop {
                let n = sqlx::query(
                    "DELETE FROM platform.audit_log WHERE id IN (
                         SELECT id FROM platform.audit_log
                          WHERE at < now() - make_interval(hours => $1) LIMIT 10000)",
                )
                .bind(hours)
                .execute(&mut *conn)
                .await?
                .rows_affected();
                total += n;
                if n < 10000 {
                    return Ok(total);
                }
            }
        }
        // A name still blocked keeps its row until the block ends.
        RetentionKind::LoginThrottle => {
            "DELETE FROM platform.login_throttle
              WHERE window_start < now() - make_interval(hours => $1)
                AND (blocked_until IS NULL OR blocked_until < now())"
        }
        RetentionKind::PhoneCodes => {
            "DELETE FROM platform.phone_codes WHERE expires_at < now() - make_interval(hours => $1)"
        }
        RetentionKind::RequestKeys => {
            "DELETE FROM platform.request_keys WHERE created_at < now() - make_interval(hours => $1)"
        }
        // Objects, not rows: the service removes them from the store; notifications are the
        // communities' rows, removed when the worker visits each.
        RetentionKind::PersonalExports
        | RetentionKind::Exports
        | RetentionKind::Notifications
        | RetentionKind::ArchivedCommunities => return Ok(0),
    };
    Ok(sqlx::query(sql)
        .bind(hours)
        .execute(conn)
        .await?
        .rows_affected())
}

/// Archived communities past `hours` whose people are not yet erased.
pub(crate) async fn archived_due(
    conn: &mut PgConnection,
    hours: i32,
) -> sqlx::Result<Vec<crate::communities::model::Community>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {} FROM platform.communities
          WHERE status = 'archived' AND anonymised_at IS NULL
            AND archived_at < now() - make_interval(hours => $1)
          ORDER BY archived_at",
        crate::communities::db::COMMUNITY_COLS
    )))
    .bind(hours)
    .fetch_all(conn)
    .await
}

pub(crate) async fn mark_anonymised(conn: &mut PgConnection, community: Uuid) -> sqlx::Result<()> {
    sqlx::query("UPDATE platform.communities SET anonymised_at = now() WHERE id = $1")
        .bind(community)
        .execute(conn)
        .await
        .map(drop)
}
