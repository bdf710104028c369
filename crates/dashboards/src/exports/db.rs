//! The rollups read for an export: every figure by community, or by month.

use std::collections::HashMap;

use chrono::NaiveDate;
use infra::AppResult;
use sqlx::PgConnection;
use uuid::Uuid;

use crate::catalogue;
use crate::dashboard::db::{Source, ranking, split};
use crate::dashboard::model::{CommunityValue, Scope};
use crate::period::Period;

/// Every catalogue figure of every community of the scope over the period (the export):
/// community → figure → total.
pub async fn by_community(
    conn: &mut PgConnection,
    scope: &Scope,
    period: Period,
) -> AppResult<Vec<(CommunityValue, HashMap<String, i64>)>> {
    let mut out: Vec<(CommunityValue, HashMap<String, i64>)> = ranking(
        conn,
        scope,
        catalogue::FIGURES[0].name,
        period,
        i64::MAX,
        false,
    )
    .await?
    .into_iter()
    .map(|c| (c, HashMap::new()))
    .collect();
    out.sort_by(|a, b| (&a.0.street_code, &a.0.slug).cmp(&(&b.0.street_code, &b.0.slug)));
    let ids: Vec<Uuid> = out.iter().map(|c| c.0.community_id).collect();
    let source = Source::of(period);
    let q = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT community_id, figure, sum(value)::bigint
           FROM ({}) r GROUP BY community_id, figure",
        source.sql(2, "community_id = ANY($1)", "0")
    )))
    .bind(&ids);
    let rows: Vec<(Uuid, String, i64)> = source.bind(q).persistent(false).fetch_all(conn).await?;
    let at: HashMap<Uuid, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    for (c, f, v) in rows {
        if let Some(i) = at.get(&c) {
            out[*i].1.insert(f, v);
        }
    }
    Ok(out)
}

/// Every catalogue figure of the scope by month over the period (a community's export).
pub async fn by_month(
    conn: &mut PgConnection,
    scope: &Scope,
    period: Period,
) -> AppResult<Vec<(NaiveDate, HashMap<String, i64>)>> {
    let (district, ids) = split(scope);
    let rows: Vec<(NaiveDate, String, i64)> = sqlx::query_as(
        "SELECT date_trunc('month', day)::date AS m, figure, sum(value)::bigint
           FROM platform.figure_daily
          WHERE day BETWEEN $3 AND $4 AND community_id IN (
                SELECT c.id FROM platform.communities c
                  JOIN platform.districts d ON d.id = c.district_id
                 WHERE ($1::uuid IS NULL OR d.path @> ARRAY[$1::uuid])
                   AND ($2::uuid[] IS NULL OR c.id = ANY($2)))
          GROUP BY m, figure ORDER BY m",
    )
    .bind(district)
    .bind(ids)
    .bind(period.from)
    .bind(period.to)
    .persistent(false)
    .fetch_all(conn)
    .await?;
    let (mut m, last) = period.month_span();
    let mut out = Vec::new();
    while m <= last {
        let figures = rows
            .iter()
            .filter(|r| r.0 == m)
            .map(|r| (r.1.clone(), r.2))
            .collect();
        out.push((m, figures));
        m = m + chrono::Months::new(1);
    }
    Ok(out)
}
