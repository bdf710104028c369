//! The rules of cadence: each function opens its own tenant transaction.

use chrono::{Datelike, Duration, NaiveDate, TimeZone, Utc};
use infra::{AppError, AppResult};
use tenancy::{CommunityCtx, Roles};

use super::db;
use crate::error::CoursesError;
use crate::model::*;

pub async fn create_cadence_target(
    ctx: &CommunityCtx,
    name: &str,
    period: CadencePeriod,
    min: i32,
    public_only: bool,
) -> AppResult<CadenceTarget> {
    ctx.require(Roles::STAFF)?;
    let name = text(name, 100, "目标名称")?;
    if !(1..=1000).contains(&min) {
        return Err(AppError::bad_input(
            "次数为 1 到 1000",
            "The count must be 1 to 1,000",
        ));
    }
    let mut tx = ctx.tx().await?;
    let t = db::insert_cadence_target(&mut tx, &name, period, min, public_only).await?;
    tx.commit().await?;
    Ok(t)
}

#[derive(Debug, Clone)]
pub struct CadenceResult {
    pub target: CadenceTarget,
    /// (period start, sessions, met) for each month, or each week starting in the month.
    pub periods: Vec<(NaiveDate, i64, bool)>,
    pub met: bool,
}

/// Parse "2026-11" into the month's first day.
/// Years outside 2000–2100 are refused: nothing is held then, and date arithmetic near
/// chrono's limits would overflow.
pub fn parse_month(s: &str) -> AppResult<NaiveDate> {
    NaiveDate::parse_from_str(&format!("{}-01", s.trim()), "%Y-%m-%d")
        .ok()
        .filter(|d| (2000..=2100).contains(&d.year()))
        .ok_or_else(|| CoursesError::BadMonth.into())
}

/// Was each cadence target met in `month`? Sessions count in China Standard Time.
pub async fn cadence_report(ctx: &CommunityCtx, month: NaiveDate) -> AppResult<Vec<CadenceResult>> {
    let cst = chrono::FixedOffset::east_opt(8 * 3600).expect("valid offset");
    let next = if month.month() == 12 {
        NaiveDate::from_ymd_opt(month.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(month.year(), month.month() + 1, 1)
    }
    .expect("valid month");
    // Weeks (Monday start) that begin in this month.
    let mut mondays = Vec::new();
    let mut d = month;
    while d < next {
        if d.weekday() == chrono::Weekday::Mon {
            mondays.push(d);
        }
        d = d.succ_opt().expect("date");
    }
    let to_utc = |d: NaiveDate| {
        cst.from_local_datetime(&d.and_hms_opt(0, 0, 0).expect("midnight"))
            .single()
            .expect("fixed offset")
            .with_timezone(&Utc)
    };
    let window_end = mondays
        .last()
        .map(|m| (*m + Duration::days(7)).max(next))
        .unwrap_or(next);
    let mut tx = ctx.tx().await?;
    let targets = db::cadence_targets(&mut tx).await?;
    let starts = db::session_starts(&mut tx, to_utc(month), to_utc(window_end)).await?;
    tx.commit().await?;
    let count = |from: NaiveDate, to: NaiveDate, public_only: bool| {
        starts
            .iter()
            .filter(|(s, p)| *s >= to_utc(from) && *s < to_utc(to) && (*p || !public_only))
            .count() as i64
    };
    Ok(targets
        .into_iter()
        .map(|t| {
            let periods: Vec<(NaiveDate, i64, bool)> = if t.period == CadencePeriod::Week {
                mondays
                    .iter()
                    .map(|m| {
                        let n = count(*m, *m + Duration::days(7), t.public_benefit_only);
                        (*m, n, n >= i64::from(t.min_sessions))
                    })
                    .collect()
            } else {
                let n = count(month, next, t.public_benefit_only);
                vec![(month, n, n >= i64::from(t.min_sessions))]
            };
            let met = periods.iter().all(|p| p.2);
            CadenceResult {
                target: t,
                periods,
                met,
            }
        })
        .collect())
}
