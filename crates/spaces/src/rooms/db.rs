//! SQL of spaces, their rules, hours and closures; every function takes a tenant transaction.

use chrono::NaiveDate;
use sqlx::PgConnection;
use uuid::Uuid;

use super::model::*;

pub(crate) const SPACE: &str = "id, name, kind, capacity, courtyard_id, amenities, bookable_by, \
    window_days, min_minutes, max_minutes, needs_approval, points_per_hour";

pub async fn spaces(conn: &mut PgConnection) -> sqlx::Result<Vec<Space>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {SPACE} FROM spaces ORDER BY name"
    )))
    .fetch_all(conn)
    .await
}

pub async fn space(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Space>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {SPACE} FROM spaces WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// `None` when a space of that name exists.
pub async fn insert_space(
    conn: &mut PgConnection,
    name: &str,
    kind: SpaceKind,
    capacity: i32,
) -> sqlx::Result<Option<Space>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO spaces (id, name, kind, capacity) VALUES ($1, $2, $3, $4)
         ON CONFLICT (name) DO NOTHING RETURNING {SPACE}"
    )))
    .bind(Uuid::now_v7())
    .bind(name)
    .bind(kind)
    .bind(capacity)
    .fetch_optional(conn)
    .await
}

/// Replace a space's booking rules (checked by the caller; the table's CHECKs stand behind).
pub async fn set_rules(
    conn: &mut PgConnection,
    id: Uuid,
    r: &Space,
) -> sqlx::Result<Option<Space>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE spaces SET capacity = $2, courtyard_id = $3, amenities = $4, bookable_by = $5,
                window_days = $6, min_minutes = $7, max_minutes = $8, needs_approval = $9,
                points_per_hour = $10
          WHERE id = $1 RETURNING {SPACE}"
    )))
    .bind(id)
    .bind(r.capacity)
    .bind(r.courtyard_id)
    .bind(&r.amenities)
    .bind(r.bookable_by)
    .bind(r.window_days)
    .bind(r.min_minutes)
    .bind(r.max_minutes)
    .bind(r.needs_approval)
    .bind(r.points_per_hour)
    .fetch_optional(conn)
    .await
}

pub async fn hours(conn: &mut PgConnection, space: Uuid) -> sqlx::Result<Vec<OpeningSpan>> {
    sqlx::query_as(
        "SELECT weekday, opens, closes FROM space_hours WHERE space_id = $1 ORDER BY weekday, opens",
    )
    .bind(space)
    .fetch_all(conn)
    .await
}

pub async fn set_hours(
    conn: &mut PgConnection,
    space: Uuid,
    spans: &[OpeningSpan],
) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM space_hours WHERE space_id = $1")
        .bind(space)
        .execute(&mut *conn)
        .await?;
    let days: Vec<i32> = spans.iter().map(|s| s.weekday).collect();
    let opens: Vec<chrono::NaiveTime> = spans.iter().map(|s| s.opens).collect();
    let closes: Vec<chrono::NaiveTime> = spans.iter().map(|s| s.closes).collect();
    sqlx::query(
        "INSERT INTO space_hours (space_id, weekday, opens, closes)
         SELECT $1, * FROM unnest($2::int4[], $3::time[], $4::time[])",
    )
    .bind(space)
    .bind(days)
    .bind(opens)
    .bind(closes)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn closures(
    conn: &mut PgConnection,
    space: Uuid,
    from: NaiveDate,
    to: NaiveDate,
) -> sqlx::Result<Vec<Closure>> {
    sqlx::query_as(
        "SELECT on_date, reason FROM space_closures
          WHERE space_id = $1 AND on_date BETWEEN $2 AND $3 ORDER BY on_date",
    )
    .bind(space)
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await
}

pub async fn add_closure(
    conn: &mut PgConnection,
    space: Uuid,
    on: NaiveDate,
    reason: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO space_closures (space_id, on_date, reason) VALUES ($1, $2, $3)
         ON CONFLICT (space_id, on_date) DO UPDATE SET reason = EXCLUDED.reason",
    )
    .bind(space)
    .bind(on)
    .bind(reason)
    .execute(conn)
    .await?;
    Ok(())
}
