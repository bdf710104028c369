//! Dashboard figures from the rollups alone: a district's from its own rollups, a set of
//! communities' from theirs — by month for whole months (`figure_district_monthly`,
//! `figure_monthly`), by day otherwise. Never a community schema.
//!
//! Every statement here is planned for its own arguments (`persistent(false)`): a cached
//! generic plan cannot see whether a scope is a district or a list of communities, nor how
//! many communities a district holds, and took a nested loop that ran a ranking's aggregate
//! once per community (1.5 → 60 ms at 500 communities, docs/PERFORMANCE.md). Planning costs
//! about a millisecond.

use std::collections::HashMap;

use chrono::NaiveDate;
use infra::AppResult;
use sqlx::postgres::PgArguments;
use sqlx::query::QueryAs;
use sqlx::{PgConnection, Postgres};
use uuid::Uuid;

use super::model::{CommunityCounts, CommunityValue, FigureTotal, Granularity, Scope};
use crate::catalogue::CADENCE_PUBLIC_SESSIONS;
use crate::period::{Cover, Period};

/// Totals over the period and the one before it, by figure.
pub async fn totals_with_previous(
    conn: &mut PgConnection,
    scope: &Scope,
    period: Period,
) -> AppResult<HashMap<String, (i64, i64)>> {
    let prev = period.previous();
    let rows: Vec<(String, i64, i64)> = match scope {
        Scope::District(id) => {
            let (table, col, from, prev_from, to) = match period.months() {
                Some((first, last)) => (
                    "figure_district_monthly",
                    "month",
                    first,
                    prev.month_span().0,
                    last,
                ),
                None => (
                    "figure_district_daily",
                    "day",
                    period.from,
                    prev.from,
                    period.to,
                ),
            };
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT figure,
                        coalesce(sum(value) FILTER (WHERE {col} >= $2), 0)::bigint,
                        coalesce(sum(value) FILTER (WHERE {col} < $2), 0)::bigint
                   FROM platform.{table}
                  WHERE district_id = $1 AND {col} BETWEEN $3 AND $4
                  GROUP BY figure"
            )))
            .bind(id)
            .bind(from)
            .bind(prev_from)
            .bind(to)
            .persistent(false)
            .fetch_all(conn)
            .await?
        }
        Scope::Communities(ids) => {
            let (now, before) = (Source::of(period), Source::of(prev));
            let cond = "community_id = ANY($1)";
            let q = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT figure, coalesce(sum(value) FILTER (WHERE now), 0)::bigint,
                        coalesce(sum(value) FILTER (WHERE NOT now), 0)::bigint
                   FROM ({} UNION ALL {}) r (community_id, figure, value, now)
                  GROUP BY figure",
                now.sql(2, cond, "true"),
                before.sql(2 + now.params(), cond, "false"),
            )))
            .bind(ids);
            before
                .bind(now.bind(q))
                .persistent(false)
                .fetch_all(conn)
                .await?
        }
    };
    Ok(rows.into_iter().map(|(f, a, b)| (f, (a, b))).collect())
}

/// Where a set of communities' figures over a period are read: their days, or — for whole
/// months — their years, quarters and months (`Cover`: a year is one row per community and
/// figure, not twelve).
pub(crate) enum Source {
    Days(NaiveDate, NaiveDate),
    Months(Cover),
}

impl Source {
    pub(crate) fn of(period: Period) -> Source {
        match period.months() {
            Some((first, last)) => Source::Months(Cover::of(first, last)),
            None => Source::Days(period.from, period.to),
        }
    }

    pub(crate) fn params(&self) -> usize {
        match self {
            Source::Days(..) => 2,
            Source::Months(_) => 3,
        }
    }

    /// `SELECT community_id, figure, value, <tag>` of the rows meeting `cond`, its own
    /// parameters numbered from `$n` (bound by `bind`).
    pub(crate) fn sql(&self, n: usize, cond: &str, tag: &str) -> String {
        let select = format!("SELECT community_id, figure, value, {tag}");
        match self {
            Source::Days(..) => format!(
                "{select} FROM platform.figure_daily WHERE day BETWEEN ${n} AND ${} AND {cond}",
                n + 1
            ),
            Source::Months(_) => format!(
                "{select} FROM platform.figure_monthly WHERE month = ANY(${n}) AND {cond}
                 UNION ALL {select} FROM platform.figure_spans
                  WHERE months = 3 AND start = ANY(${}) AND {cond}
                 UNION ALL {select} FROM platform.figure_spans
                  WHERE months = 12 AND start = ANY(${}) AND {cond}",
                n + 1,
                n + 2
            ),
        }
    }

    pub(crate) fn bind<'q, O>(
        &'q self,
        q: QueryAs<'q, Postgres, O, PgArguments>,
    ) -> QueryAs<'q, Postgres, O, PgArguments> {
        match self {
            Source::Days(from, to) => q.bind(from).bind(to),
            Source::Months(c) => q.bind(&c.months).bind(&c.quarters).bind(&c.years),
        }
    }
}

/// Totals over a period (the catalogue's figures and any other the rollups hold).
pub async fn totals(
    conn: &mut PgConnection,
    scope: &Scope,
    period: Period,
) -> AppResult<Vec<FigureTotal>> {
    let mut rows: Vec<FigureTotal> = totals_with_previous(conn, scope, period)
        .await?
        .into_iter()
        .map(|(figure, (value, _))| FigureTotal { figure, value })
        .collect();
    rows.sort_by(|a, b| a.figure.cmp(&b.figure));
    Ok(rows)
}

/// The median of a distribution over the period (`None` when nothing occurred): the middle
/// value, or the mean of the two middle ones.
pub async fn median(
    conn: &mut PgConnection,
    scope: &Scope,
    figure: &str,
    period: Period,
) -> AppResult<Option<f64>> {
    let counts: Vec<(i64, i64)> = match scope {
        Scope::District(id) => {
            let (table, col, from, to) = match period.months() {
                Some((first, last)) => ("figure_district_samples_monthly", "month", first, last),
                None => ("figure_district_samples", "day", period.from, period.to),
            };
            sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT sample, sum(count)::bigint FROM platform.{table}
                  WHERE district_id = $1 AND figure = $2 AND {col} BETWEEN $3 AND $4
                  GROUP BY sample HAVING sum(count) > 0 ORDER BY sample"
            )))
            .bind(id)
            .bind(figure)
            .bind(from)
            .bind(to)
            .persistent(false)
            .fetch_all(conn)
            .await?
        }
        Scope::Communities(ids) => {
            sqlx::query_as(
                "SELECT sample, sum(count)::bigint FROM platform.figure_samples
                  WHERE community_id = ANY($1) AND figure = $2 AND day BETWEEN $3 AND $4
                  GROUP BY sample HAVING sum(count) > 0 ORDER BY sample",
            )
            .bind(ids)
            .bind(figure)
            .bind(period.from)
            .bind(period.to)
            .persistent(false)
            .fetch_all(conn)
            .await?
        }
    };
    Ok(median_of(&counts))
}

/// The median of values given with their counts, in ascending order of value.
pub fn median_of(counts: &[(i64, i64)]) -> Option<f64> {
    let n: i64 = counts.iter().map(|c| c.1).sum();
    if n == 0 {
        return None;
    }
    // the values at (1-based) ranks (n+1)/2 and n/2+1
    let at = |rank: i64| {
        let mut seen = 0;
        for (v, c) in counts {
            seen += c;
            if seen >= rank {
                return *v;
            }
        }
        counts.last().map_or(0, |c| c.0)
    };
    let (a, b) = (at((n + 1) / 2), at(n / 2 + 1));
    Some((a + b) as f64 / 2.0)
}

/// A figure over the period, one point per day or month that has a value.
pub async fn series(
    conn: &mut PgConnection,
    scope: &Scope,
    figure: &str,
    by: Granularity,
    period: Period,
) -> AppResult<Vec<(NaiveDate, i64)>> {
    let unit = match by {
        Granularity::Day => "day",
        Granularity::Month => "month",
    };
    Ok(match (scope, by) {
        (_, Granularity::Month) if period.months().is_some() => {
            let (first, last) = period.month_span();
            let (table, whose) = match scope {
                Scope::District(_) => ("figure_district_monthly", "district_id = $1"),
                Scope::Communities(_) => ("figure_monthly", "community_id = ANY($1)"),
            };
            let q = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT month, sum(value)::bigint FROM platform.{table}
                  WHERE {whose} AND figure = $2 AND month BETWEEN $3 AND $4
                  GROUP BY month ORDER BY month"
            )));
            match scope {
                Scope::District(id) => q.bind(id),
                Scope::Communities(ids) => q.bind(ids),
            }
            .bind(figure)
            .bind(first)
            .bind(last)
            .persistent(false)
            .fetch_all(conn)
            .await?
        }
        (Scope::District(id), _) => {
            sqlx::query_as(
                "SELECT date_trunc($5, day)::date AS at, sum(value)::bigint
                   FROM platform.figure_district_daily
                  WHERE district_id = $1 AND figure = $2 AND day BETWEEN $3 AND $4
                  GROUP BY at ORDER BY at",
            )
            .bind(id)
            .bind(figure)
            .bind(period.from)
            .bind(period.to)
            .bind(unit)
            .persistent(false)
            .fetch_all(conn)
            .await?
        }
        (Scope::Communities(ids), _) => {
            sqlx::query_as(
                "SELECT date_trunc($5, day)::date AS at, sum(value)::bigint
                   FROM platform.figure_daily
                  WHERE community_id = ANY($1) AND figure = $2 AND day BETWEEN $3 AND $4
                  GROUP BY at ORDER BY at",
            )
            .bind(ids)
            .bind(figure)
            .bind(period.from)
            .bind(period.to)
            .bind(unit)
            .persistent(false)
            .fetch_all(conn)
            .await?
        }
    })
}

/// Every community of the scope with its total of `figure` over the period, ranked (1 = the
/// highest; ties share a rank), best first (or worst first), at most `limit`.
pub async fn ranking(
    conn: &mut PgConnection,
    scope: &Scope,
    figure: &str,
    period: Period,
    limit: i64,
    ascending: bool,
) -> AppResult<Vec<CommunityValue>> {
    let (district, ids) = match scope {
        Scope::District(id) => (Some(*id), None),
        Scope::Communities(ids) => (None, Some(ids.as_slice())),
    };
    let rows = Source::of(period);
    let order = if ascending { "ASC" } else { "DESC" };
    let q = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "WITH v AS (SELECT community_id, sum(value)::bigint AS value
                      FROM ({}) r GROUP BY community_id),
              ranked AS (
                 SELECT c.id AS community_id, c.slug, c.name, c.kind, d.code AS street_code,
                        d.name AS street_name, coalesce(v.value, 0) AS value,
                        rank() OVER (ORDER BY coalesce(v.value, 0) DESC) AS rank
                   FROM platform.communities c
                   JOIN platform.districts d ON d.id = c.district_id
                   LEFT JOIN v ON v.community_id = c.id
                  WHERE c.status NOT IN ('archived', 'moved')
                    AND ($1::uuid IS NULL OR d.path @> ARRAY[$1::uuid])
                    AND ($2::uuid[] IS NULL OR c.id = ANY($2)))
         SELECT * FROM ranked ORDER BY value {order}, slug LIMIT $4",
        rows.sql(
            5,
            "figure = $3 AND ($2::uuid[] IS NULL OR community_id = ANY($2))",
            "0"
        ),
    )))
    .bind(district)
    .bind(ids)
    .bind(figure)
    .bind(limit);
    Ok(rows.bind(q).persistent(false).fetch_all(conn).await?)
}

pub async fn community_counts(
    conn: &mut PgConnection,
    scope: &Scope,
    period: Period,
) -> AppResult<CommunityCounts> {
    let (district, ids) = split(scope);
    Ok(sqlx::query_as(
        "SELECT count(*) FILTER (WHERE c.status NOT IN ('archived', 'moved')) AS total,
                count(*) FILTER (WHERE c.status = 'active') AS active,
                count(*) FILTER (WHERE platform.figure_day(c.created_at)
                                 BETWEEN $3 AND $4) AS onboarded
           FROM platform.communities c JOIN platform.districts d ON d.id = c.district_id
          WHERE ($1::uuid IS NULL OR d.path @> ARRAY[$1::uuid]) AND ($2::uuid[] IS NULL OR c.id = ANY($2))",
    )
    .bind(district)
    .bind(ids)
    .bind(period.from)
    .bind(period.to)
    .persistent(false)
    .fetch_one(conn)
    .await?)
}

// A district's communities are picked by `d.path @> ARRAY[$1]` rather than `$1 = ANY(d.path)`:
// the containment has array statistics, so the planner knows a district holds thousands of
// communities and hashes the rollup rows instead of looking each community up (cadence
// 465 → 115 ms, ranking 138 → 57 ms over 5,000 communities: docs/PERFORMANCE.md).

/// Community-months of the period meeting the cadence rule (at least two public-benefit
/// sessions in the month), out of the community-months there were: a community counts from the
/// month it was onboarded to the month it was archived (its months before stay in the
/// district's history, like its other figures).
pub async fn cadence(
    conn: &mut PgConnection,
    scope: &Scope,
    period: Period,
) -> AppResult<(i64, i64)> {
    cadence_at(conn, scope, period, CADENCE_PUBLIC_SESSIONS).await
}

/// `cadence` at a threshold of the district's own (its target for public-benefit sessions a
/// month).
pub async fn cadence_at(
    conn: &mut PgConnection,
    scope: &Scope,
    period: Period,
    threshold: i64,
) -> AppResult<(i64, i64)> {
    let (first, last) = period.month_span();
    // A district's count at the default rule is kept by month (platform migration 0011); a set
    // of communities', or a district with its own threshold, is counted from their months.
    let met = match scope {
        Scope::District(_) if threshold == CADENCE_PUBLIC_SESSIONS => {
            "(SELECT coalesce(sum(met), 0)::bigint FROM platform.cadence_district_monthly
               WHERE district_id = $1 AND month BETWEEN $3 AND $4)"
                .to_owned()
        }
        _ => format!(
            "(SELECT count(*) FROM platform.figure_monthly m JOIN c ON c.id = m.community_id
               WHERE m.figure = 'courses.public_sessions' AND m.month BETWEEN $3 AND $4
                 AND m.value >= {threshold})"
        ),
    };
    let (district, ids) = split(scope);
    // months as numbers (year × 12 + month), in China time
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "WITH c AS (
             SELECT c.id, extract(year FROM l.onboarded)::int * 12 + extract(month FROM l.onboarded)::int AS since,
                    CASE WHEN c.status IN ('archived', 'moved')
                         THEN extract(year FROM l.changed)::int * 12 + extract(month FROM l.changed)::int
                    END AS until
               FROM platform.communities c
               JOIN platform.districts d ON d.id = c.district_id,
                    LATERAL (SELECT (c.created_at AT TIME ZONE 'UTC') + interval '8 hours' AS onboarded,
                                    (c.updated_at AT TIME ZONE 'UTC') + interval '8 hours' AS changed) l
              WHERE ($1::uuid IS NULL OR d.path @> ARRAY[$1::uuid])
                AND ($2::uuid[] IS NULL OR c.id = ANY($2))),
              span AS (SELECT extract(year FROM $3::date)::int * 12 + extract(month FROM $3::date)::int AS a,
                              extract(year FROM $4::date)::int * 12 + extract(month FROM $4::date)::int AS b)
         SELECT {met},
                (SELECT coalesce(sum(greatest(0, least(span.b, coalesce(c.until, span.b))
                                                 - greatest(span.a, c.since) + 1)), 0)::bigint
                   FROM c, span)"
    )))
    .bind(district)
    .bind(ids)
    .bind(first)
    .bind(last)
    .persistent(false)
    .fetch_one(conn)
    .await?)
}

/// Partner organisations working with the scope: approved for one of its communities, or for
/// a district containing one (`partners` answers from its own rows).
pub async fn partner_organisations(conn: &mut PgConnection, scope: &Scope) -> AppResult<i64> {
    let (district, ids) = split(scope);
    partners::api::partner_organisations(conn, district, ids).await
}

pub(crate) fn split(scope: &Scope) -> (Option<Uuid>, Option<&[Uuid]>) {
    match scope {
        Scope::District(id) => (Some(*id), None),
        Scope::Communities(ids) => (None, Some(ids.as_slice())),
    }
}

/// A street (sub-district) by code, if it lies within the district.
pub async fn street_within(
    conn: &mut PgConnection,
    district: Uuid,
    code: &str,
) -> sqlx::Result<Option<Uuid>> {
    let s: Option<(Uuid, Vec<Uuid>)> =
        sqlx::query_as("SELECT id, path FROM platform.districts WHERE code = $1")
            .bind(code)
            .fetch_optional(conn)
            .await?;
    Ok(s.filter(|(_, path)| path.contains(&district))
        .map(|(id, _)| id))
}

/// The district's communities of these kinds (all when empty), within the street, in (or,
/// with `outside`, outside) the pilot group.
pub async fn communities_of(
    conn: &mut PgConnection,
    district: Uuid,
    kinds: &[&str],
    street: Option<Uuid>,
    group: Option<Uuid>,
    outside: bool,
) -> sqlx::Result<Vec<Uuid>> {
    sqlx::query_scalar(
        "SELECT c.id FROM platform.communities c JOIN platform.districts d ON d.id = c.district_id
          WHERE d.path @> ARRAY[$1::uuid]
            AND (cardinality($2::text[]) = 0 OR c.kind = ANY($2))
            AND ($3::uuid IS NULL OR d.path @> ARRAY[$3::uuid])
            AND ($4::uuid IS NULL OR
                 (EXISTS (SELECT 1 FROM platform.pilot_group_members m
                           WHERE m.group_id = $4 AND m.community_id = c.id) <> $5))
          ORDER BY c.id",
    )
    .bind(district)
    .bind(kinds)
    .bind(street)
    .bind(group)
    .bind(outside)
    .persistent(false)
    .fetch_all(conn)
    .await
}

/// 入户摸底 coverage at the period's end (0陌生): households visited by then (the figure
/// `courses.households_visited` summed over every month up to the period's last) and the
/// households the scope's communities have (their onboarding figures; communities without one
/// are left out of both sides).
pub async fn household_coverage(
    conn: &mut PgConnection,
    scope: &Scope,
    period: Period,
) -> AppResult<(i64, i64)> {
    let (district, ids) = split(scope);
    let (_, last) = period.month_span();
    Ok(sqlx::query_as(
        "WITH c AS (
            SELECT c.id, c.households FROM platform.communities c
              JOIN platform.districts d ON d.id = c.district_id
             WHERE ($1::uuid IS NULL OR d.path @> ARRAY[$1::uuid])
               AND ($2::uuid[] IS NULL OR c.id = ANY($2))
               AND c.status NOT IN ('archived', 'moved') AND c.households > 0)
         SELECT (SELECT coalesce(sum(m.value), 0)::bigint FROM platform.figure_monthly m
                  WHERE m.figure = 'courses.households_visited' AND m.month <= $3
                    AND m.community_id IN (SELECT id FROM c)),
                (SELECT coalesce(sum(households), 0)::bigint FROM c)",
    )
    .bind(district)
    .bind(ids)
    .bind(last)
    .persistent(false)
    .fetch_one(conn)
    .await?)
}
