//! The rollups' SQL. `add` is the one write path of fold, rebuild and transfer: a community's
//! day, month, quarter and year, and the day and month of every district above it, move
//! together in one statement, in the caller's platform transaction, under the community's
//! figures lock (the districts' cadence follows the community's months by trigger: platform
//! migration 0011).

use chrono::NaiveDate;
use sqlx::PgConnection;
use uuid::Uuid;

use super::model::Deltas;

/// A figure event of a community's outbox: id, figure, day, delta, sample.
pub type Event = (Uuid, String, NaiveDate, i64, Option<i64>);

/// Serialise the folds and rebuilds of one community (two workers, or a worker and a rebuild):
/// whoever comes second sees the first one's rows and applied events.
pub async fn lock(p: &mut PgConnection, community: Uuid) -> sqlx::Result<()> {
    sqlx::query("SELECT pg_advisory_xact_lock(7411, hashtext($1::text))")
        .bind(community)
        .execute(p)
        .await?;
    Ok(())
}

/// Add the deltas to the community's rollups and those of every district above it. Rows are
/// written in key order, so two communities of one district lock its rows in the same order.
pub async fn add(p: &mut PgConnection, community: Uuid, d: &Deltas) -> sqlx::Result<()> {
    if !d.flows.is_empty() {
        let mut rows: Vec<(&str, NaiveDate, i64)> = d
            .flows
            .iter()
            .map(|((f, day), v)| (f.as_str(), *day, *v))
            .collect();
        rows.sort();
        let (f, day, v) = unzip3(&rows);
        sqlx::query(
            "WITH x AS (SELECT * FROM unnest($2::text[], $3::date[], $4::int8[]) AS x (fig, dy, v)),
             up AS (SELECT a.id FROM platform.communities c
                      JOIN platform.districts d ON d.id = c.district_id, unnest(d.path) AS a (id)
                     WHERE c.id = $1),
             daily AS (
                 INSERT INTO platform.figure_daily (community_id, figure, day, value)
                 SELECT $1, fig, dy, v FROM x ORDER BY fig, dy
                 ON CONFLICT (community_id, figure, day)
                 DO UPDATE SET value = platform.figure_daily.value + EXCLUDED.value),
             monthly AS (
                 INSERT INTO platform.figure_monthly (community_id, figure, month, value)
                 SELECT $1, fig, date_trunc('month', dy)::date AS m, sum(v) FROM x
                  GROUP BY fig, m ORDER BY fig, m
                 ON CONFLICT (community_id, figure, month)
                 DO UPDATE SET value = platform.figure_monthly.value + EXCLUDED.value),
             spans AS (
                 INSERT INTO platform.figure_spans (community_id, figure, months, start, value)
                 SELECT $1, fig, s.months, date_trunc(s.unit, dy)::date AS st, sum(v)
                   FROM x, (VALUES (3::int2, 'quarter'), (12::int2, 'year')) AS s (months, unit)
                  GROUP BY fig, s.months, st ORDER BY fig, s.months, st
                 ON CONFLICT (community_id, figure, months, start)
                 DO UPDATE SET value = platform.figure_spans.value + EXCLUDED.value),
             district_daily AS (
                 INSERT INTO platform.figure_district_daily (district_id, figure, day, value)
                 SELECT up.id, fig, dy, v FROM x, up ORDER BY up.id, fig, dy
                 ON CONFLICT (district_id, figure, day)
                 DO UPDATE SET value = platform.figure_district_daily.value + EXCLUDED.value)
             INSERT INTO platform.figure_district_monthly (district_id, figure, month, value)
             SELECT up.id, fig, date_trunc('month', dy)::date AS m, sum(v) FROM x, up
              GROUP BY up.id, fig, m ORDER BY up.id, fig, m
             ON CONFLICT (district_id, figure, month)
             DO UPDATE SET value = platform.figure_district_monthly.value + EXCLUDED.value",
        )
        .bind(community)
        .bind(&f)
        .bind(&day)
        .bind(&v)
        .execute(&mut *p)
        .await?;
    }
    if !d.samples.is_empty() {
        let mut rows: Vec<(&str, NaiveDate, i64, i64)> = d
            .samples
            .iter()
            .map(|((f, day, s), n)| (f.as_str(), *day, *s, *n))
            .collect();
        rows.sort();
        let f: Vec<&str> = rows.iter().map(|r| r.0).collect();
        let day: Vec<NaiveDate> = rows.iter().map(|r| r.1).collect();
        let s: Vec<i64> = rows.iter().map(|r| r.2).collect();
        let n: Vec<i64> = rows.iter().map(|r| r.3).collect();
        sqlx::query(
            "WITH x AS (SELECT * FROM unnest($2::text[], $3::date[], $4::int8[], $5::int8[])
                          AS x (fig, dy, s, n)),
             up AS (SELECT a.id FROM platform.communities c
                      JOIN platform.districts d ON d.id = c.district_id, unnest(d.path) AS a (id)
                     WHERE c.id = $1),
             own AS (
                 INSERT INTO platform.figure_samples (community_id, figure, day, sample, count)
                 SELECT $1, fig, dy, s, n FROM x ORDER BY fig, dy, s
                 ON CONFLICT (community_id, figure, day, sample)
                 DO UPDATE SET count = platform.figure_samples.count + EXCLUDED.count),
             district_daily AS (
                 INSERT INTO platform.figure_district_samples (district_id, figure, day, sample, count)
                 SELECT up.id, fig, dy, s, n FROM x, up ORDER BY up.id, fig, dy, s
                 ON CONFLICT (district_id, figure, day, sample)
                 DO UPDATE SET count = platform.figure_district_samples.count + EXCLUDED.count)
             INSERT INTO platform.figure_district_samples_monthly
                         (district_id, figure, month, sample, count)
             SELECT up.id, fig, date_trunc('month', dy)::date AS m, s, sum(n) FROM x, up
              GROUP BY up.id, fig, m, s ORDER BY up.id, fig, m, s
             ON CONFLICT (district_id, figure, month, sample)
             DO UPDATE SET count = platform.figure_district_samples_monthly.count + EXCLUDED.count",
        )
        .bind(community)
        .bind(&f)
        .bind(&day)
        .bind(&s)
        .bind(&n)
        .execute(&mut *p)
        .await?;
    }
    Ok(())
}

/// The community's rollups as they stand (what a rebuild corrects).
pub async fn current(p: &mut PgConnection, community: Uuid) -> sqlx::Result<Deltas> {
    let mut d = Deltas::default();
    let flows: Vec<(String, NaiveDate, i64)> = sqlx::query_as(
        "SELECT figure, day, value FROM platform.figure_daily WHERE community_id = $1",
    )
    .bind(community)
    .fetch_all(&mut *p)
    .await?;
    for (f, day, v) in flows {
        d.flow(&f, day, v);
    }
    let samples: Vec<(String, NaiveDate, i64, i64)> = sqlx::query_as(
        "SELECT figure, day, sample, count FROM platform.figure_samples WHERE community_id = $1",
    )
    .bind(community)
    .fetch_all(&mut *p)
    .await?;
    for (f, day, s, n) in samples {
        d.sample(&f, day, s, n);
    }
    Ok(d)
}

fn unzip3<'a>(rows: &[(&'a str, NaiveDate, i64)]) -> (Vec<&'a str>, Vec<NaiveDate>, Vec<i64>) {
    (
        rows.iter().map(|r| r.0).collect(),
        rows.iter().map(|r| r.1).collect(),
        rows.iter().map(|r| r.2).collect(),
    )
}

/// The community's oldest events, at most `limit` (in the community's transaction).
pub async fn events(tx: &mut PgConnection, limit: i64) -> sqlx::Result<Vec<Event>> {
    sqlx::query_as("SELECT id, figure, day, delta, sample FROM figure_events ORDER BY id LIMIT $1")
        .bind(limit)
        .fetch_all(tx)
        .await
}

/// Every event the outbox holds (a rebuild, with the outbox locked).
pub async fn pending(tx: &mut PgConnection) -> sqlx::Result<Vec<Uuid>> {
    sqlx::query_scalar("SELECT id FROM figure_events")
        .fetch_all(tx)
        .await
}

/// Writers that append events wait until this transaction ends; those already holding a
/// pending event finish first.
pub async fn lock_outbox(tx: &mut PgConnection) -> sqlx::Result<()> {
    sqlx::query("LOCK TABLE figure_events IN SHARE ROW EXCLUSIVE MODE")
        .execute(tx)
        .await?;
    Ok(())
}

/// Record the events as applied; those not applied before.
pub async fn mark_applied(
    p: &mut PgConnection,
    community: Uuid,
    ids: &[Uuid],
) -> sqlx::Result<Vec<Uuid>> {
    sqlx::query_scalar(
        "INSERT INTO platform.figure_events_applied (community_id, event_id)
         SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING event_id",
    )
    .bind(community)
    .bind(ids)
    .fetch_all(p)
    .await
}

/// Out of the community's outbox (in the community's transaction).
pub async fn delete_events(tx: &mut PgConnection, ids: &[Uuid]) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM figure_events WHERE id = ANY($1)")
        .bind(ids)
        .execute(tx)
        .await?;
    Ok(())
}

/// Applied records older than a day: no worker can still be on its way with those events.
pub async fn forget_applied(p: &mut PgConnection, community: Uuid) -> sqlx::Result<()> {
    sqlx::query(
        "DELETE FROM platform.figure_events_applied
          WHERE community_id = $1 AND applied_at < now() - interval '1 day'",
    )
    .bind(community)
    .execute(p)
    .await?;
    Ok(())
}

/// The community's own rows: those at zero (`only_zero`, after a rebuild) or all of them.
pub async fn delete_rows(
    p: &mut PgConnection,
    community: Uuid,
    only_zero: bool,
) -> sqlx::Result<()> {
    for (table, column) in [
        ("figure_daily", "value"),
        ("figure_monthly", "value"),
        ("figure_spans", "value"),
        ("figure_samples", "count"),
    ] {
        let zero = if only_zero {
            format!(" AND {column} = 0")
        } else {
            String::new()
        };
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM platform.{table} WHERE community_id = $1{zero}"
        )))
        .bind(community)
        .execute(&mut *p)
        .await?;
    }
    Ok(())
}
