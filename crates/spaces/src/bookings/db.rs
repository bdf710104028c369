//! SQL of bookings; every function takes a tenant transaction.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::bookings::model::*;

pub(crate) const BOOKING: &str = "id, space_id, starts_at, ends_at, booker_kind, club_id, \
    team_id, team_name, booked_by, purpose, attendance, status, series_id, points_price, checked_in_at";

/// A booking about to be written.
pub struct NewBooking<'a> {
    pub space_id: Uuid,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub group: Option<&'a BookingGroup>,
    pub booked_by: Uuid,
    pub purpose: &'a str,
    pub attendance: i32,
    pub status: BookingStatus,
    pub series_id: Option<Uuid>,
    pub points_price: i32,
}

pub async fn insert(conn: &mut PgConnection, b: &NewBooking<'_>) -> sqlx::Result<Booking> {
    let kind = b.group.map_or(BookerKind::Person, BookingGroup::kind);
    let (club, team, team_name) = match b.group {
        Some(BookingGroup::Club(id)) => (Some(*id), None, None),
        Some(BookingGroup::Team { id, name }) => (None, Some(*id), Some(name.as_str())),
        None => (None, None, None),
    };
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO bookings (id, space_id, starts_at, ends_at, booker_kind, club_id, team_id,
                               team_name, booked_by, purpose, attendance, status, series_id,
                               points_price)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         RETURNING {BOOKING}"
    )))
    .bind(Uuid::now_v7())
    .bind(b.space_id)
    .bind(b.starts_at)
    .bind(b.ends_at)
    .bind(kind)
    .bind(club)
    .bind(team)
    .bind(team_name)
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

/// Every quota, by whom it applies to.
pub async fn all_quotas(conn: &mut PgConnection) -> sqlx::Result<Vec<Quota>> {
    sqlx::query_as(
        "SELECT id, applies_to, period, unit, max_units FROM booking_quotas
          ORDER BY applies_to, period, unit",
    )
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
    kind: BookerKind,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> sqlx::Result<Vec<(DateTime<Utc>, DateTime<Utc>)>> {
    sqlx::query_as(
        "SELECT starts_at, ends_at FROM bookings
          WHERE status IN ('requested', 'approved') AND starts_at >= $3 AND starts_at < $4
            AND booker_kind = $2
            AND CASE $2 WHEN 'club' THEN club_id = $1 WHEN 'team' THEN team_id = $1
                        ELSE booked_by = $1 END",
    )
    .bind(booker)
    .bind(kind)
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

/// Bookings overlapping [from, to), any status but declined or cancelled, soonest first;
/// one club's only where `club` is given.
pub async fn between(
    conn: &mut PgConnection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    club: Option<Uuid>,
) -> sqlx::Result<Vec<Booking>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {BOOKING} FROM bookings
          WHERE starts_at < $2 AND ends_at > $1 AND status NOT IN ('declined', 'cancelled')
            AND ($3::uuid IS NULL OR club_id = $3)
          ORDER BY starts_at LIMIT 1000"
    )))
    .bind(from)
    .bind(to)
    .bind(club)
    .fetch_all(conn)
    .await
}

/// Requests waiting for staff, soonest first (those already started are past deciding).
pub async fn requested(conn: &mut PgConnection, now: DateTime<Utc>) -> sqlx::Result<Vec<Booking>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {BOOKING} FROM bookings WHERE status = 'requested' AND starts_at > $1
          ORDER BY starts_at LIMIT 200"
    )))
    .bind(now)
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

pub async fn no_show_rules(conn: &mut PgConnection) -> sqlx::Result<NoShowRules> {
    sqlx::query_as(
        "SELECT grace_minutes, no_show_limit, no_show_days, suspension_days FROM booking_settings",
    )
    .fetch_one(conn)
    .await
}

pub async fn set_no_show_rules(
    conn: &mut PgConnection,
    r: &NoShowRules,
) -> sqlx::Result<NoShowRules> {
    sqlx::query_as(
        "UPDATE booking_settings SET grace_minutes = $1, no_show_limit = $2, no_show_days = $3,
                suspension_days = $4
         RETURNING grace_minutes, no_show_limit, no_show_days, suspension_days",
    )
    .bind(r.grace_minutes)
    .bind(r.no_show_limit)
    .bind(r.no_show_days)
    .bind(r.suspension_days)
    .fetch_one(conn)
    .await
}

/// Until when an account may not book, if it is suspended at `now`.
pub async fn suspended_until(
    conn: &mut PgConnection,
    account: Uuid,
    now: DateTime<Utc>,
) -> sqlx::Result<Option<DateTime<Utc>>> {
    sqlx::query_scalar("SELECT until FROM booking_suspensions WHERE account_id = $1 AND until > $2")
        .bind(account)
        .bind(now)
        .fetch_optional(conn)
        .await
}

/// Mark checked in; `None` when it was checked in already.
pub async fn check_in(
    conn: &mut PgConnection,
    id: Uuid,
    at: DateTime<Utc>,
) -> sqlx::Result<Option<Booking>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE bookings SET checked_in_at = $2
          WHERE id = $1 AND checked_in_at IS NULL AND status = 'approved' RETURNING {BOOKING}"
    )))
    .bind(id)
    .bind(at)
    .fetch_optional(conn)
    .await
}

/// When the first approved booking not checked in becomes a no-show.
pub async fn first_no_show_at(conn: &mut PgConnection) -> sqlx::Result<Option<DateTime<Utc>>> {
    sqlx::query_scalar(
        "SELECT (SELECT min(starts_at) FROM bookings
                  WHERE status = 'approved' AND checked_in_at IS NULL)
                + make_interval(mins => grace_minutes)
           FROM booking_settings",
    )
    .fetch_one(conn)
    .await
}

/// Release approved bookings not checked in `grace` minutes after their start: each becomes a
/// no-show and its slot is freed. A row is taken by one caller only (the status condition
/// under the row lock), so two workers never release one twice. Returns (booking, booker).
pub async fn release_no_shows(
    conn: &mut PgConnection,
    now: DateTime<Utc>,
    grace: i32,
) -> sqlx::Result<Vec<(Uuid, Uuid, DateTime<Utc>)>> {
    sqlx::query_as(
        "WITH released AS (
             UPDATE bookings SET status = 'no_show'
              WHERE status = 'approved' AND checked_in_at IS NULL
                AND starts_at + make_interval(mins => $2) <= $1
             RETURNING id, booked_by, starts_at),
         freed AS (DELETE FROM space_slots WHERE booking_id IN (SELECT id FROM released))
         SELECT id, booked_by, starts_at FROM released",
    )
    .bind(now)
    .bind(grace)
    .fetch_all(conn)
    .await
}

/// Suspend the accounts among `bookers` with at least `limit` no-shows since `since`.
pub async fn suspend_repeat_no_shows(
    conn: &mut PgConnection,
    bookers: &[Uuid],
    since: DateTime<Utc>,
    limit: i32,
    until: DateTime<Utc>,
) -> sqlx::Result<u64> {
    Ok(sqlx::query(
        "INSERT INTO booking_suspensions (account_id, until, reason)
         SELECT booked_by, $4, count(*) || ' no-shows'
           FROM bookings
          WHERE booked_by = ANY($1) AND status = 'no_show' AND starts_at >= $2
          GROUP BY booked_by HAVING count(*) >= $3
         ON CONFLICT (account_id) DO UPDATE SET until = greatest(booking_suspensions.until, EXCLUDED.until),
                                               reason = EXCLUDED.reason",
    )
    .bind(bookers)
    .bind(since)
    .bind(i64::from(limit))
    .bind(until)
    .execute(conn)
    .await?
    .rows_affected())
}
