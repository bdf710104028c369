//! How the spaces are used, per space and month: booked hours against open hours, and the
//! no-show rate (staff; for the 街道's reports and the dashboards).

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use infra::AppResult;
use infra::local_time::midnight;
use sqlx::PgConnection;
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::model::*;

#[derive(Debug, Clone)]
pub struct SpaceUse {
    pub space: Space,
    /// Hours the space was open in the month (its weekly hours, less closure days).
    pub open_hours: f64,
    /// Hours held by bookings and course sessions.
    pub booked_hours: f64,
    /// Bookings that started in the month, and of them no-shows.
    pub bookings: i64,
    pub no_shows: i64,
}

impl SpaceUse {
    pub fn utilisation(&self) -> f64 {
        if self.open_hours > 0.0 {
            self.booked_hours / self.open_hours
        } else {
            0.0
        }
    }
    pub fn no_show_rate(&self) -> f64 {
        if self.bookings > 0 {
            self.no_shows as f64 / self.bookings as f64
        } else {
            0.0
        }
    }
}

async fn all_hours(conn: &mut PgConnection) -> sqlx::Result<Vec<(Uuid, OpeningSpan)>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        space_id: Uuid,
        #[sqlx(flatten)]
        span: OpeningSpan,
    }
    let rows: Vec<Row> = sqlx::query_as("SELECT space_id, weekday, opens, closes FROM space_hours")
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(|r| (r.space_id, r.span)).collect())
}

/// (space, booked hours within [from, to)) from the slots.
async fn booked(
    conn: &mut PgConnection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> sqlx::Result<Vec<(Uuid, f64)>> {
    sqlx::query_as(
        "SELECT space_id,
                sum(extract(epoch FROM upper(during * tstzrange($1, $2)) - lower(during * tstzrange($1, $2))))::float8 / 3600
           FROM space_slots WHERE during && tstzrange($1, $2) GROUP BY space_id",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await
}

/// (space, bookings held or missed, no-shows) that started in [from, to) before `now`.
async fn attendance(
    conn: &mut PgConnection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    now: DateTime<Utc>,
) -> sqlx::Result<Vec<(Uuid, i64, i64)>> {
    sqlx::query_as(
        "SELECT space_id, count(*), count(*) FILTER (WHERE status = 'no_show')
           FROM bookings
          WHERE starts_at >= $1 AND starts_at < $2 AND starts_at < $3
            AND status IN ('approved', 'no_show')
          GROUP BY space_id",
    )
    .bind(from)
    .bind(to)
    .bind(now)
    .fetch_all(conn)
    .await
}

async fn closed_days(
    conn: &mut PgConnection,
    from: NaiveDate,
    to: NaiveDate,
) -> sqlx::Result<Vec<(Uuid, NaiveDate)>> {
    sqlx::query_as(
        "SELECT space_id, on_date FROM space_closures WHERE on_date >= $1 AND on_date < $2",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await
}

/// Every space's use in `month` (its first day), bookings counted up to `now`. Five statements
/// whatever the spaces.
pub async fn space_usage(
    ctx: &CommunityCtx,
    month: NaiveDate,
    now: DateTime<Utc>,
) -> AppResult<Vec<SpaceUse>> {
    ctx.require(Roles::STAFF)?;
    let month = month.with_day(1).expect("first day");
    let next = month.checked_add_months(Months::new(1)).expect("2000–2100");
    let (from, to) = (midnight(month), midnight(next));
    let mut tx = ctx.tx().await?;
    let spaces = super::db::spaces(&mut tx).await?;
    let hours = all_hours(&mut tx).await?;
    let closed = closed_days(&mut tx, month, next).await?;
    let booked: HashMap<Uuid, f64> = booked(&mut tx, from, to).await?.into_iter().collect();
    let kept: HashMap<Uuid, (i64, i64)> = attendance(&mut tx, from, to, now)
        .await?
        .into_iter()
        .map(|(s, n, missed)| (s, (n, missed)))
        .collect();
    tx.commit().await?;
    Ok(spaces
        .into_iter()
        .map(|space| {
            let open_hours: f64 = month
                .iter_days()
                .take_while(|d| *d < next)
                .filter(|d| !closed.iter().any(|(s, c)| *s == space.id && c == d))
                .map(|d| {
                    let wd = d.weekday().number_from_monday() as i32;
                    hours
                        .iter()
                        .filter(|(s, h)| *s == space.id && h.weekday == wd)
                        .map(|(_, h)| (h.closes - h.opens).num_minutes() as f64 / 60.0)
                        .sum::<f64>()
                })
                .sum();
            let (bookings, no_shows) = kept.get(&space.id).copied().unwrap_or((0, 0));
            SpaceUse {
                open_hours,
                booked_hours: booked.get(&space.id).copied().unwrap_or(0.0),
                bookings,
                no_shows,
                space,
            }
        })
        .collect())
}

/// When `record_open_days` next has work of its own accord: the next local midnight, when the
/// community has a space at all (a new space wakes the worker: `linli_due`).
pub async fn open_days_next_due(
    ctx: &CommunityCtx,
    now: DateTime<Utc>,
) -> AppResult<Option<DateTime<Utc>>> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let any: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM spaces)")
        .fetch_one(&mut *tx)
        .await?;
    tx.commit().await?;
    let tomorrow = infra::local_time::date_of(now) + chrono::Duration::days(1);
    Ok(any.then(|| infra::local_time::midnight(tomorrow)))
}

/// Days a round may fill in behind it (the worker was down): at most a month.
const OPEN_DAYS_BACKFILL: i32 = 31;

/// Record the minutes the spaces are open today — and on any day since the last one recorded,
/// up to a month back — once per day (the worker's round): the denominator of the district's
/// space utilisation. A day counts its hours and closures as they stand at its first round; a
/// later change does not move it. The days recorded now.
pub async fn record_open_days(ctx: &CommunityCtx, now: DateTime<Utc>) -> AppResult<u64> {
    ctx.require(Roles::STAFF)?;
    let today = infra::local_time::date_of(now);
    let mut tx = ctx.tx().await?;
    // Two rounds at once insert a day once: the day is the key.
    let recorded = sqlx::query(
        "INSERT INTO space_open_days (day, minutes)
         SELECT d::date, space_open_minutes(d::date)
           FROM generate_series(
                    greatest(coalesce((SELECT max(day) + 1 FROM space_open_days), $1::date),
                             $1::date - $2::int),
                    $1::date, interval '1 day') AS d
         ON CONFLICT (day) DO NOTHING",
    )
    .bind(today)
    .bind(OPEN_DAYS_BACKFILL)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    tx.commit().await?;
    Ok(recorded)
}
