//! SQL of events and walk-ins; every function takes a tenant transaction.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::model::*;

const EVENT: &str = "id, title, kind, starts_at, ends_at, place, capacity, registered, status,
    series_id, attendance_target";

/// An event to write (one, or each of a series).
pub struct NewEvent<'a> {
    pub title: &'a str,
    pub kind: EventKind,
    pub place: &'a str,
    pub capacity: Option<i32>,
    pub series_id: Option<Uuid>,
    pub attendance_target: Option<i32>,
}

/// Write the event at each (start, end), in one statement.
pub async fn insert_events(
    conn: &mut PgConnection,
    e: &NewEvent<'_>,
    slots: &[(DateTime<Utc>, DateTime<Utc>)],
) -> sqlx::Result<Vec<Event>> {
    let ids: Vec<Uuid> = slots.iter().map(|_| Uuid::now_v7()).collect();
    let starts: Vec<DateTime<Utc>> = slots.iter().map(|s| s.0).collect();
    let ends: Vec<DateTime<Utc>> = slots.iter().map(|s| s.1).collect();
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO events (id, title, kind, starts_at, ends_at, place, capacity, series_id,
                             attendance_target)
         SELECT i, $4, $5, s, e, $6, $7, $8, $9
           FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS t(i, s, e)
         RETURNING {EVENT}"
    )))
    .bind(&ids)
    .bind(&starts)
    .bind(&ends)
    .bind(e.title)
    .bind(e.kind)
    .bind(e.place)
    .bind(e.capacity)
    .bind(e.series_id)
    .bind(e.attendance_target)
    .fetch_all(conn)
    .await
    .map(|mut rows: Vec<Event>| {
        rows.sort_by_key(|r| r.starts_at);
        rows
    })
}

pub async fn event(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Event>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {EVENT} FROM events WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// Events starting in [from, to), each with its 人次 so far.
pub async fn events_between(
    conn: &mut PgConnection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> sqlx::Result<Vec<(Event, i64)>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        event: Event,
        attendance: i64,
    }
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT e.id, e.title, e.kind, e.starts_at, e.ends_at, e.place, e.capacity, e.registered,
                e.status, e.series_id, e.attendance_target,
                (SELECT coalesce(sum(w.head_count), 0)::int8 FROM walk_ins w WHERE w.event_id = e.id)
                    AS attendance
           FROM events e WHERE e.starts_at >= $1 AND e.starts_at < $2 ORDER BY e.starts_at, e.id",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|r| (r.event, r.attendance)).collect())
}

/// Register; a full event violates `events_capacity`, a second registration the primary key.
pub async fn register(
    conn: &mut PgConnection,
    event: Uuid,
    learner: Uuid,
    by: Uuid,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO event_registrations (event_id, learner_id, by_account) VALUES ($1, $2, $3)",
    )
    .bind(event)
    .bind(learner)
    .bind(by)
    .execute(conn)
    .await?;
    Ok(())
}

/// Where a walk-in is counted.
#[derive(Debug, Clone, Copy)]
pub enum Occasion {
    Event(Uuid),
    Session(Uuid),
}

impl Occasion {
    fn ids(self) -> (Option<Uuid>, Option<Uuid>) {
        match self {
            Occasion::Event(e) => (Some(e), None),
            Occasion::Session(s) => (None, Some(s)),
        }
    }
}

/// Count a person once: `false` when they were counted already.
pub async fn insert_person(
    conn: &mut PgConnection,
    at: Occasion,
    learner: Uuid,
    by: Uuid,
) -> sqlx::Result<bool> {
    let (event, session) = at.ids();
    let r = sqlx::query(
        "INSERT INTO walk_ins (id, event_id, session_id, learner_id, recorded_by)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
    )
    .bind(Uuid::now_v7())
    .bind(event)
    .bind(session)
    .bind(learner)
    .bind(by)
    .execute(conn)
    .await?;
    Ok(r.rows_affected() == 1)
}

pub async fn insert_head_count(
    conn: &mut PgConnection,
    at: Occasion,
    count: i32,
    by: Uuid,
) -> sqlx::Result<()> {
    let (event, session) = at.ids();
    sqlx::query(
        "INSERT INTO walk_ins (id, event_id, session_id, head_count, recorded_by)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(Uuid::now_v7())
    .bind(event)
    .bind(session)
    .bind(count)
    .bind(by)
    .execute(conn)
    .await?;
    Ok(())
}

/// 人次 of an occasion: walk-ins and head counts, plus, for a session, enrolled learners
/// marked present.
pub async fn attendance(conn: &mut PgConnection, at: Occasion) -> sqlx::Result<i64> {
    let (event, session) = at.ids();
    sqlx::query_scalar(
        "SELECT (SELECT coalesce(sum(head_count), 0) FROM walk_ins
                  WHERE event_id IS NOT DISTINCT FROM $1 AND session_id IS NOT DISTINCT FROM $2)::int8
              + (SELECT count(*) FROM attendance WHERE session_id = $2 AND present)",
    )
    .bind(event)
    .bind(session)
    .fetch_one(conn)
    .await
}
