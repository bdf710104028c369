//! Figure events: a domain write that changes a dashboard figure appends one to its
//! community's outbox (`figure_events`) in its own transaction, so a figure never moves for
//! a write that rolled back and never misses one that committed. The dashboards crate folds
//! them into the platform's rollups.

use sqlx::PgConnection;

/// Add `delta` to `figure` ("family.name") for the community's today — the day of the
/// transaction's `now()` in the communities' time zone, the same instant the write stamps
/// its rows with, so a rebuild from those rows puts it on the same day.
pub async fn record_today(
    conn: &mut PgConnection,
    figure: &'static str,
    delta: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO figure_events (id, figure, day, delta)
         VALUES ($1, $2, figure_day(now()), $3)",
    )
    .bind(uuid::Uuid::now_v7())
    .bind(figure)
    .bind(delta)
    .execute(conn)
    .await?;
    Ok(())
}

/// Add `delta` to `figure` on a given day of the community (a figure that belongs to the day
/// something was planned for, such as a booking's start).
pub async fn record(
    conn: &mut PgConnection,
    figure: &'static str,
    day: chrono::NaiveDate,
    delta: i64,
) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO figure_events (id, figure, day, delta) VALUES ($1, $2, $3, $4)")
        .bind(uuid::Uuid::now_v7())
        .bind(figure)
        .bind(day)
        .bind(delta)
        .execute(conn)
        .await?;
    Ok(())
}
