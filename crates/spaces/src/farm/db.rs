//! SQL of the farm; every function takes a tenant transaction.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use super::model::*;

const SEASON: &str = "id, name, starts_on, ends_on, claims_open_on, neglect_days";
const CLAIM: &str =
    "id, plot_id, season_id, account_id, status, claimed_at, last_duty_at, warned_at";

pub async fn insert_season(conn: &mut PgConnection, s: &Season) -> sqlx::Result<Season> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO farm_seasons ({SEASON}) VALUES ($1, $2, $3, $4, $5, $6) RETURNING {SEASON}"
    )))
    .bind(s.id)
    .bind(&s.name)
    .bind(s.starts_on)
    .bind(s.ends_on)
    .bind(s.claims_open_on)
    .bind(s.neglect_days)
    .fetch_one(conn)
    .await
}

pub async fn season(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Season>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {SEASON} FROM farm_seasons WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn seasons(conn: &mut PgConnection) -> sqlx::Result<Vec<Season>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {SEASON} FROM farm_seasons ORDER BY starts_on DESC, name"
    )))
    .fetch_all(conn)
    .await
}

pub async fn seasons_running(conn: &mut PgConnection, on: NaiveDate) -> sqlx::Result<Vec<Season>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {SEASON} FROM farm_seasons WHERE starts_on <= $1 AND ends_on >= $1"
    )))
    .bind(on)
    .fetch_all(conn)
    .await
}

/// Seasons not yet ended on `on`: running, or to come (their claims or renewals ahead).
pub async fn seasons_not_ended(
    conn: &mut PgConnection,
    on: NaiveDate,
) -> sqlx::Result<Vec<Season>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {SEASON} FROM farm_seasons WHERE ends_on >= $1 ORDER BY starts_on"
    )))
    .bind(on)
    .fetch_all(conn)
    .await
}

pub async fn insert_plots(
    conn: &mut PgConnection,
    space: Uuid,
    plots: &[(String, f64)],
) -> sqlx::Result<Vec<Plot>> {
    let ids: Vec<Uuid> = plots.iter().map(|_| Uuid::now_v7()).collect();
    let codes: Vec<&str> = plots.iter().map(|p| p.0.as_str()).collect();
    let areas: Vec<f64> = plots.iter().map(|p| p.1).collect();
    sqlx::query_as(
        "INSERT INTO farm_plots (id, space_id, code, area_m2)
         SELECT i, $2, c, a::numeric FROM unnest($1::uuid[], $3::text[], $4::float8[]) AS u(i, c, a)
         RETURNING id, space_id, code, area_m2::float8",
    )
    .bind(&ids)
    .bind(space)
    .bind(&codes)
    .bind(&areas)
    .fetch_all(conn)
    .await
}

/// A free plot of the season (the asked one, or the first by code), locked; `None` if taken.
pub async fn free_plot(
    conn: &mut PgConnection,
    season: Uuid,
    plot: Option<Uuid>,
) -> sqlx::Result<Option<Plot>> {
    sqlx::query_as(
        "SELECT p.id, p.space_id, p.code, p.area_m2::float8 FROM farm_plots p
          WHERE ($2::uuid IS NULL OR p.id = $2)
            AND NOT EXISTS (SELECT 1 FROM plot_claims c
                             WHERE c.plot_id = p.id AND c.season_id = $1 AND c.status = 'active')
          ORDER BY p.code LIMIT 1 FOR UPDATE OF p SKIP LOCKED",
    )
    .bind(season)
    .bind(plot)
    .fetch_optional(conn)
    .await
}

pub async fn insert_claim(
    conn: &mut PgConnection,
    plot: Uuid,
    season: Uuid,
    account: Uuid,
) -> sqlx::Result<Claim> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO plot_claims (id, plot_id, season_id, account_id, status)
         VALUES ($1, $2, $3, $4, 'active') RETURNING {CLAIM}"
    )))
    .bind(Uuid::now_v7())
    .bind(plot)
    .bind(season)
    .bind(account)
    .fetch_one(conn)
    .await
}

/// Join the waiting list; returns the 1-based place (the existing one if already waiting).
/// Joins of one season are serialised (the season's row is locked until commit), so each
/// place counts every earlier join.
pub async fn wait(conn: &mut PgConnection, season: Uuid, account: Uuid) -> sqlx::Result<i64> {
    sqlx::query("SELECT 1 FROM farm_seasons WHERE id = $1 FOR UPDATE")
        .bind(season)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO plot_waitlist (season_id, account_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
    )
    .bind(season)
    .bind(account)
    .execute(&mut *conn)
    .await?;
    sqlx::query_scalar(
        "SELECT count(*) FROM plot_waitlist w
          WHERE w.season_id = $1
            AND w.queued <= (SELECT queued FROM plot_waitlist WHERE season_id = $1 AND account_id = $2)",
    )
    .bind(season)
    .bind(account)
    .fetch_one(conn)
    .await
}

/// Take the first of the waiting list off it (locked against a concurrent promotion).
pub async fn pop_waiting(conn: &mut PgConnection, season: Uuid) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar(
        "DELETE FROM plot_waitlist WHERE (season_id, account_id) = (
             SELECT season_id, account_id FROM plot_waitlist WHERE season_id = $1
              ORDER BY queued LIMIT 1 FOR UPDATE SKIP LOCKED)
         RETURNING account_id",
    )
    .bind(season)
    .fetch_optional(conn)
    .await
}

pub async fn claim_of(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Claim>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {CLAIM} FROM plot_claims WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn record_duty(
    conn: &mut PgConnection,
    claim: Uuid,
    kind: &str,
    note: Option<&str>,
    at: DateTime<Utc>,
    photo: Option<(String, String)>,
) -> sqlx::Result<()> {
    let (key, thumb) = photo.unzip();
    sqlx::query(
        "INSERT INTO plot_duties (id, claim_id, kind, note, done_at, photo_key, thumb_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(Uuid::now_v7())
    .bind(claim)
    .bind(kind)
    .bind(note)
    .bind(at)
    .bind(key)
    .bind(thumb)
    .execute(&mut *conn)
    .await?;
    // A duty clears a warning.
    sqlx::query("UPDATE plot_claims SET last_duty_at = $2, warned_at = NULL WHERE id = $1")
        .bind(claim)
        .bind(at)
        .execute(conn)
        .await?;
    Ok(())
}

/// Active claims of `season` with no duty since `before`, not yet warned: warn them now.
pub async fn warn_neglected(
    conn: &mut PgConnection,
    season: Uuid,
    before: DateTime<Utc>,
    now: DateTime<Utc>,
) -> sqlx::Result<Vec<(Uuid, Uuid)>> {
    sqlx::query_as(
        "UPDATE plot_claims SET warned_at = $3
          WHERE season_id = $1 AND status = 'active' AND warned_at IS NULL
            AND coalesce(last_duty_at, claimed_at) < $2
          RETURNING id, account_id",
    )
    .bind(season)
    .bind(before)
    .bind(now)
    .fetch_all(conn)
    .await
}

/// The first moment a claim of a season not ended on `today` is due a warning (untended for
/// its season's neglect days) or a release (`warning_days` after its warning), not before its
/// season starts.
pub async fn first_tending_due(
    conn: &mut PgConnection,
    today: NaiveDate,
    warning_days: i64,
) -> sqlx::Result<Option<DateTime<Utc>>> {
    sqlx::query_scalar(
        "SELECT min(greatest(
                    CASE WHEN c.warned_at IS NULL
                         THEN coalesce(c.last_duty_at, c.claimed_at)
                              + make_interval(days => s.neglect_days)
                         ELSE c.warned_at + make_interval(days => $2::int) END,
                    s.starts_on::timestamp AT TIME ZONE 'UTC'))
           FROM plot_claims c JOIN farm_seasons s ON s.id = c.season_id
          WHERE c.status = 'active' AND s.ends_on >= $1",
    )
    .bind(today)
    .bind(warning_days as i32)
    .fetch_one(conn)
    .await
}

/// Release claims warned before `warned_before` and still without a duty since: (plot, account).
pub async fn release_neglected(
    conn: &mut PgConnection,
    season: Uuid,
    warned_before: DateTime<Utc>,
    now: DateTime<Utc>,
) -> sqlx::Result<Vec<(Uuid, Uuid)>> {
    sqlx::query_as(
        "UPDATE plot_claims SET status = 'released', released_at = $3
          WHERE season_id = $1 AND status = 'active' AND warned_at < $2
          RETURNING plot_id, account_id",
    )
    .bind(season)
    .bind(warned_before)
    .bind(now)
    .fetch_all(conn)
    .await
}

/// The account's claim of `plot` in `season`, if it was kept without a release.
pub async fn good_standing(
    conn: &mut PgConnection,
    season: Uuid,
    plot: Uuid,
    account: Uuid,
) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM plot_claims WHERE season_id = $1 AND plot_id = $2
                          AND account_id = $3 AND status = 'active' AND warned_at IS NULL)",
    )
    .bind(season)
    .bind(plot)
    .bind(account)
    .fetch_one(conn)
    .await
}

pub async fn claims_of_season(conn: &mut PgConnection, season: Uuid) -> sqlx::Result<Vec<Claim>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {CLAIM} FROM plot_claims WHERE season_id = $1 ORDER BY claimed_at"
    )))
    .bind(season)
    .fetch_all(conn)
    .await
}

pub async fn holds_plot(
    conn: &mut PgConnection,
    season: Uuid,
    account: Uuid,
) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM plot_claims WHERE season_id = $1 AND account_id = $2
                          AND status = 'active')",
    )
    .bind(season)
    .bind(account)
    .fetch_one(conn)
    .await
}

/// Every plot of the community's farms, by farm and code.
pub async fn plots(conn: &mut PgConnection) -> sqlx::Result<Vec<Plot>> {
    sqlx::query_as(
        "SELECT id, space_id, code, area_m2::float8 FROM farm_plots ORDER BY space_id, code",
    )
    .fetch_all(conn)
    .await
}

/// The season's waiting list in order: the accounts waiting.
pub async fn waiting(conn: &mut PgConnection, season: Uuid) -> sqlx::Result<Vec<Uuid>> {
    sqlx::query_scalar("SELECT account_id FROM plot_waitlist WHERE season_id = $1 ORDER BY queued")
        .bind(season)
        .fetch_all(conn)
        .await
}

/// A claim's duties, newest first: (kind, note, done at, photo key, thumbnail key).
pub async fn duties(conn: &mut PgConnection, claim: Uuid) -> sqlx::Result<Vec<DutyRow>> {
    sqlx::query_as(
        "SELECT kind, note, done_at, photo_key, thumb_key FROM plot_duties
          WHERE claim_id = $1 ORDER BY done_at DESC, id DESC",
    )
    .bind(claim)
    .fetch_all(conn)
    .await
}

pub type DutyRow = (
    String,
    Option<String>,
    DateTime<Utc>,
    Option<String>,
    Option<String>,
);

/// An account's claims, the latest first.
pub async fn claims_of_account(conn: &mut PgConnection, account: Uuid) -> sqlx::Result<Vec<Claim>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {CLAIM} FROM plot_claims WHERE account_id = $1 ORDER BY claimed_at DESC LIMIT 20"
    )))
    .bind(account)
    .fetch_all(conn)
    .await
}

/// An account's places on waiting lists: (season, position).
pub async fn places_of_account(
    conn: &mut PgConnection,
    account: Uuid,
) -> sqlx::Result<Vec<(Uuid, i64)>> {
    sqlx::query_as(
        "SELECT w.season_id, (SELECT count(*) FROM plot_waitlist x
                               WHERE x.season_id = w.season_id AND x.queued <= w.queued)
           FROM plot_waitlist w WHERE w.account_id = $1",
    )
    .bind(account)
    .fetch_all(conn)
    .await
}
