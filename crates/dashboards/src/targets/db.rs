//! District targets' SQL (platform schema); their results read from the communities' months.

use chrono::NaiveDate;
use sqlx::PgConnection;
use uuid::Uuid;

use super::model::{DistrictTarget, TargetPeriod};

const TARGET: &str = "t.id, d.code AS district_code, t.name, t.figure, t.period, t.min_value";

/// The targets a district is held to: its own and those of the districts above it.
pub async fn applying_to(
    conn: &mut PgConnection,
    district: Uuid,
) -> sqlx::Result<Vec<DistrictTarget>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {TARGET} FROM platform.district_targets t
           JOIN platform.districts d ON d.id = t.district_id
          WHERE t.district_id = ANY((SELECT path FROM platform.districts WHERE id = $1)::uuid[])
          ORDER BY array_length(d.path, 1), t.name"
    )))
    .bind(district)
    .fetch_all(conn)
    .await
}

pub struct NewTarget<'a> {
    pub district: Uuid,
    pub name: &'a str,
    pub figure: &'a str,
    pub period: TargetPeriod,
    pub min_value: i64,
    pub by: Uuid,
}

/// Set (or change) the district's target of this name.
pub async fn put(conn: &mut PgConnection, t: &NewTarget<'_>) -> sqlx::Result<DistrictTarget> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "WITH t AS (
            INSERT INTO platform.district_targets
                (id, district_id, name, figure, period, min_value, set_by)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (district_id, name) DO UPDATE
                SET figure = excluded.figure, period = excluded.period,
                    min_value = excluded.min_value, set_by = excluded.set_by
            RETURNING *)
         SELECT {TARGET} FROM t JOIN platform.districts d ON d.id = t.district_id"
    )))
    .bind(Uuid::now_v7())
    .bind(t.district)
    .bind(t.name)
    .bind(t.figure)
    .bind(t.period)
    .bind(t.min_value)
    .bind(t.by)
    .fetch_one(conn)
    .await
}

/// `false` when the district had no target of that name.
pub async fn remove(conn: &mut PgConnection, district: Uuid, name: &str) -> sqlx::Result<bool> {
    let done =
        sqlx::query("DELETE FROM platform.district_targets WHERE district_id = $1 AND name = $2")
            .bind(district)
            .bind(name)
            .execute(conn)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// Community-periods of `[first, last]` (months) in which the figure reached `min` — a
/// period summed over its months within the span — and the community-periods there were:
/// the communities picked (`district`'s subtree, or `ids`; not archived or moved) times the
/// periods the span touches.
#[allow(clippy::too_many_arguments)]
pub async fn result(
    conn: &mut PgConnection,
    district: Option<Uuid>,
    ids: Option<&[Uuid]>,
    figure: &str,
    period: TargetPeriod,
    min: i64,
    first: NaiveDate,
    last: NaiveDate,
) -> sqlx::Result<(i64, i64)> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "WITH c AS (
            SELECT c.id FROM platform.communities c
              JOIN platform.districts d ON d.id = c.district_id
             WHERE ($1::uuid IS NULL OR d.path @> ARRAY[$1::uuid])
               AND ($2::uuid[] IS NULL OR c.id = ANY($2))
               AND c.status NOT IN ('archived', 'moved')),
              b AS (
            SELECT m.community_id, date_trunc('{unit}', m.month) AS bucket, sum(m.value) AS v
              FROM platform.figure_monthly m
             WHERE m.figure = $3 AND m.month BETWEEN $4 AND $5
               AND m.community_id IN (SELECT id FROM c)
             GROUP BY 1, 2)
         SELECT (SELECT count(*) FROM b WHERE v >= $6),
                (SELECT count(*) FROM c)
                  * (SELECT count(DISTINCT date_trunc('{unit}', g))
                       FROM generate_series($4::date, $5::date, interval '1 month') AS g)",
        unit = period.unit()
    )))
    .bind(district)
    .bind(ids)
    .bind(figure)
    .bind(first)
    .bind(last)
    .bind(min)
    .persistent(false)
    .fetch_one(conn)
    .await
}
