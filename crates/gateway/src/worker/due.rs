//! `platform.community_due`: when each community next has periodic work, kept by the worker
//! after each visit, read through its index.

use chrono::{DateTime, Utc};
use sqlx::PgPool;
use std::time::Duration;
use uuid::Uuid;

/// Take up to `limit` communities due now (id, schema), moving each `lease` on so that
/// another gateway does not visit it meanwhile; the visit then sets its real next time.
pub async fn take(pool: &PgPool, limit: i64, lease: Duration) -> sqlx::Result<Vec<(Uuid, String)>> {
    sqlx::query_as(
        "WITH taken AS (
             UPDATE platform.community_due SET due_at = now() + make_interval(secs => $2)
              WHERE community_id IN (
                    SELECT community_id FROM platform.community_due WHERE due_at <= now()
                     ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED)
             RETURNING community_id)
         SELECT c.id, c.schema_name FROM taken JOIN platform.communities c ON c.id = taken.community_id",
    )
    .bind(limit)
    .bind(lease.as_secs_f64())
    .fetch_all(pool)
    .await
}

/// The first time any community is due.
pub async fn first(pool: &PgPool) -> sqlx::Result<Option<DateTime<Utc>>> {
    sqlx::query_scalar("SELECT min(due_at) FROM platform.community_due")
        .fetch_one(pool)
        .await
}

/// Keep a community's next time, or forget it when nothing lies ahead.
pub async fn set(pool: &PgPool, community: Uuid, at: Option<DateTime<Utc>>) -> sqlx::Result<()> {
    match at {
        Some(at) => sqlx::query(
            "INSERT INTO platform.community_due (community_id, due_at) VALUES ($1, $2)
             ON CONFLICT (community_id) DO UPDATE SET due_at = EXCLUDED.due_at",
        )
        .bind(community)
        .bind(at)
        .execute(pool)
        .await
        .map(drop),
        None => sqlx::query("DELETE FROM platform.community_due WHERE community_id = $1")
            .bind(community)
            .execute(pool)
            .await
            .map(drop),
    }
}

/// Bring a community's next time forward to `at` (never later than it was).
pub async fn bring_forward(pool: &PgPool, community: Uuid, at: DateTime<Utc>) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO platform.community_due AS d (community_id, due_at) VALUES ($1, $2)
         ON CONFLICT (community_id) DO UPDATE SET due_at = least(d.due_at, EXCLUDED.due_at)",
    )
    .bind(community)
    .bind(at)
    .execute(pool)
    .await
    .map(drop)
}
