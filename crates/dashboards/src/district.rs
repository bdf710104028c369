//! District figures, from the rollups alone.

use chrono::NaiveDate;
use infra::{AppError, AppResult};
use tenancy::{Principal, Tenancy};
use uuid::Uuid;

/// A figure's total over a period, for a district or one community.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct FigureTotal {
    pub figure: String,
    pub value: i64,
}

/// Totals over `[from, to]` of every community in the district's subtree (its admins and
/// viewers, and those above).
pub async fn district_totals(
    t: &Tenancy,
    actor: &Principal,
    district_code: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<Vec<FigureTotal>> {
    if from > to || (to - from).num_days() > 3660 {
        return Err(AppError::bad_input(
            "查询期间不正确",
            "The period is not valid",
        ));
    }
    let d = t.district(actor, district_code.trim()).await?;
    let communities: Vec<Uuid> = t
        .communities_of(actor, &d.path)
        .await?
        .into_iter()
        .map(|c| c.id)
        .collect();
    totals(t, &communities, from, to).await
}

/// Totals over `[from, to]` for these communities (the caller checked who may see them).
pub async fn totals(
    t: &Tenancy,
    communities: &[Uuid],
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<Vec<FigureTotal>> {
    let mut conn = t.db().pool().acquire().await?;
    Ok(sqlx::query_as(
        "SELECT figure, sum(value)::bigint AS value FROM platform.figure_daily
          WHERE community_id = ANY($1) AND day BETWEEN $2 AND $3
          GROUP BY figure ORDER BY figure",
    )
    .bind(communities)
    .bind(from)
    .bind(to)
    .fetch_all(&mut *conn)
    .await?)
}
