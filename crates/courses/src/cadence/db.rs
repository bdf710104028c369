//! SQL of cadence on the community schema; every function takes a tenant transaction.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::model::*;

pub async fn insert_cadence_target(
    conn: &mut PgConnection,
    name: &str,
    period: CadencePeriod,
    min: i32,
    public_only: bool,
    counts: CadenceCounts,
) -> sqlx::Result<CadenceTarget> {
    sqlx::query_as(
        "INSERT INTO cadence_targets (id, name, period, min_sessions, public_benefit_only, counts)
         VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id, name, period, min_sessions, public_benefit_only, counts",
    )
    .bind(Uuid::now_v7())
    .bind(name)
    .bind(period)
    .bind(min)
    .bind(public_only)
    .bind(counts)
    .fetch_one(conn)
    .await
}

pub async fn cadence_targets(conn: &mut PgConnection) -> sqlx::Result<Vec<CadenceTarget>> {
    sqlx::query_as("SELECT id, name, period, min_sessions, public_benefit_only, counts FROM cadence_targets ORDER BY name")
        .fetch_all(conn)
        .await
}

/// Session start times in [from, to), with whether their course is public-benefit.
pub async fn session_starts(
    conn: &mut PgConnection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> sqlx::Result<Vec<(DateTime<Utc>, bool)>> {
    sqlx::query_as(
        "SELECT s.starts_at, c.public_benefit FROM course_sessions s JOIN courses c ON c.id = s.course_id
          WHERE s.starts_at >= $1 AND s.starts_at < $2 AND s.status = 'scheduled'",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await
}

/// Start times of the events held in [from, to), with their kind.
pub async fn event_starts(
    conn: &mut PgConnection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> sqlx::Result<Vec<(DateTime<Utc>, EventKind)>> {
    sqlx::query_as(
        "SELECT starts_at, kind FROM events
          WHERE starts_at >= $1 AND starts_at < $2 AND status = 'scheduled'",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await
}
