//! SQL of bookings; every function takes a tenant transaction.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::model::*;

pub(crate) const BOOKING: &str = "id, space_id, starts_at, ends_at, booker_kind, club_id, \
    booked_by, purpose, attendance, status, series_id, points_price";

/// A booking about to be written.
pub struct NewBooking<'a> {
    pub space_id: Uuid,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub club_id: Option<Uuid>,
    pub booked_by: Uuid,
    pub purpose: &'a str,
    pub attendance: i32,
    pub status: BookingStatus,
    pub series_id: Option<Uuid>,
    pub points_price: i32,
}

pub async fn insert(conn: &mut PgConnection, b: &NewBooking<'_>) -> sqlx::Result<Booking> {
    let kind = if b.club_id.is_some() {
        BookerKind::Club
    } else {
        BookerKind::Person
    };
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO bookings (id, space_id, starts_at, ends_at, booker_kind, club_id, booked_by,
                               purpose, attendance, status, series_id, points_price)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING {BOOKING}"
    )))
    .bind(Uuid::now_v7())
    .bind(b.space_id)
    .bind(b.starts_at)
    .bind(b.ends_at)
    .bind(kind)
    .bind(b.club_id)
    .bind(b.booked_by)
    .bind(b.purpose)
    .bind(b.attendance)
    .bind(b.status)
    .bind(b.series_id)
    .bind(b.points_price)
    .fetch_one(conn)
    .await
}

pub async fn lock(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Booking>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {BOOKING} FROM bookings WHERE id = $1 FOR UPDATE"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn set_status(
    conn: &mut PgConnection,
    id: Uuid,
    status: BookingStatus,
    decided_by: Option<Uuid>,
) -> sqlx::Result<Booking> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE bookings SET status = $2, decided_by = coalesce($3, decided_by)
          WHERE id = $1 RETURNING {BOOKING}"
    )))
    .bind(id)
    .bind(status)
    .bind(decided_by)
    .fetch_one(conn)
    .await
}

/// Serialise quota checks of one booker (a person's account or a club) until commit: two
/// racing requests cannot both take the last unit.
pub async fn lock_booker(conn: &mut PgConnection, key: Uuid) -> sqlx::Result<()> {
    sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended($1::text, 7418010))")
        .bind(key)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn quotas(conn: &mut PgConnection, applies_to: BookerKind) -> sqlx::Result<Vec<Quota>> {
    sqlx::query_as(
        "SELECT id, applies_to, period, unit, max_units FROM booking_quotas WHERE applies_to = $1",
    )
    .bind(applies_to)
    .fetch_all(conn)
    .await
}

pub async fn set_quota(
    conn: &mut PgConnection,
    applies_to: BookerKind,
    period: QuotaPeriod,
    unit: QuotaUnit,
    max_units: i32,
) -> sqlx::Result<Quota> {
    sqlx::query_as(
        "INSERT INTO booking_quotas (id, applies_to, period, unit, max_units) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (applies_to, period, unit) DO UPDATE SET max_units = EXCLUDED.max_units
         RETURNING id, applies_to, period, unit, max_units",
    )
    .bind(Uuid::now_v7())
    .bind(applies_to)
    .bind(period)
    .bind(unit)
    .bind(max_units)
    .fetch_one(conn)
    .await
}

/// A booker's active bookings starting in [from, to): (start, end).
pub async fn active_of(
    conn: &mut PgConnection,
    booker: Uuid,
    club: bool,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> sqlx::Result<Vec<(DateTime<Utc>, DateTime<Utc>)>> {
    sqlx::query_as(
        "SELECT starts_at, ends_at FROM bookings
          WHERE status IN ('requested', 'approved') AND starts_at >= $3 AND starts_at < $4
            AND CASE WHEN $2 THEN club_id = $1 ELSE booked_by = $1 AND club_id IS NULL END",
    )
    .bind(booker)
    .bind(club)
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await
}

pub async fn mine(
    conn: &mut PgConnection,
    account: Uuid,
    from: DateTime<Utc>,
) -> sqlx::Result<Vec<Booking>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {BOOKING} FROM bookings WHERE booked_by = $1 AND ends_at >= $2
          ORDER BY starts_at LIMIT 200"
    )))
    .bind(account)
    .bind(from)
    .fetch_all(conn)
    .await
}

/// Busy spans of a space: every slot overlapping [from, to).
pub async fn busy(
    conn: &mut PgConnection,
    space: Uuid,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> sqlx::Result<Vec<BusySlot>> {
    sqlx::query_as(
        "SELECT lower(during) AS starts_at, upper(during) AS ends_at, booking_id, session_id
           FROM space_slots WHERE space_id = $1 AND during && tstzrange($2, $3)
          ORDER BY lower(during)",
    )
    .bind(space)
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await
}
