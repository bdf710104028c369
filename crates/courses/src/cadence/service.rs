//! The rules of cadence: each function opens its own tenant transaction.

use chrono::{Datelike, Duration, Months, NaiveDate, Utc};
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
    counts: CadenceCounts,
) -> AppResult<CadenceTarget> {
    ctx.require(Roles::STAFF)?;
    if public_only && counts != CadenceCounts::Sessions {
        return Err(AppError::from(CoursesError::PublicBenefitOnlyForSessions));
    }
    let name = text(name, 1, 100, "目标名称", "The target's name")?;
    if !(1..=1000).contains(&min) {
        return Err(AppError::from(CoursesError::CountOver1000));
    }
    let mut tx = ctx.tx().await?;
    let t = db::insert_cadence_target(&mut tx, name, period, min, public_only, counts).await?;
    tx.commit().await?;
    Ok(t)
}

#[derive(Debug, Clone)]
pub struct CadenceResult {
    pub target: CadenceTarget,
    /// (period start, count, met): each week starting in the month, the month, or the
    /// quarter or year the month is in (counted so far).
    pub periods: Vec<(NaiveDate, i64, bool)>,
    pub met: bool,
}

/// The periods of a target that a month's report shows: [start, end) each.
fn periods_for(period: CadencePeriod, month: NaiveDate) -> Vec<(NaiveDate, NaiveDate)> {
    let add = |d: NaiveDate, m: u32| d.checked_add_months(Months::new(m)).expect("2000–2100");
    match period {
        // Weeks (Monday start) that begin in this month.
        CadencePeriod::Week => month
            .iter_days()
            .take_while(|d| *d < add(month, 1))
            .filter(|d| d.weekday() == chrono::Weekday::Mon)
            .map(|d| (d, d + Duration::days(7)))
            .collect(),
        CadencePeriod::Month => vec![(month, add(month, 1))],
        CadencePeriod::Quarter => {
            let q = NaiveDate::from_ymd_opt(month.year(), month.month0() / 3 * 3 + 1, 1)
                .expect("a quarter's first day");
            vec![(q, add(q, 3))]
        }
        CadencePeriod::Year => {
            let y = NaiveDate::from_ymd_opt(month.year(), 1, 1).expect("1 January");
            vec![(y, add(y, 12))]
        }
    }
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

/// Was each cadence target met in `month`? Sessions and events count in China Standard Time.
/// Two statements whatever the targets: the sessions and the events of the widest window.
pub async fn cadence_report(ctx: &CommunityCtx, month: NaiveDate) -> AppResult<Vec<CadenceResult>> {
    let to_utc = infra::local_time::midnight;
    let mut tx = ctx.tx().await?;
    let targets = db::cadence_targets(&mut tx).await?;
    let all: Vec<(NaiveDate, NaiveDate)> = [
        CadencePeriod::Week,
        CadencePeriod::Month,
        CadencePeriod::Quarter,
        CadencePeriod::Year,
    ]
    .into_iter()
    .flat_map(|p| periods_for(p, month))
    .collect();
    let from = all.iter().map(|p| p.0).min().expect("periods");
    let to = all.iter().map(|p| p.1).max().expect("periods");
    let sessions = db::session_starts(&mut tx, to_utc(from), to_utc(to)).await?;
    let events = db::event_starts(&mut tx, to_utc(from), to_utc(to)).await?;
    tx.commit().await?;
    let count = |t: &CadenceTarget, from: NaiveDate, to: NaiveDate| {
        let within = |at: &chrono::DateTime<Utc>| *at >= to_utc(from) && *at < to_utc(to);
        if t.counts == CadenceCounts::Sessions {
            sessions
                .iter()
                .filter(|(at, public)| within(at) && (*public || !t.public_benefit_only))
                .count() as i64
        } else {
            events
                .iter()
                .filter(|(at, kind)| within(at) && t.counts.counts_event(*kind))
                .count() as i64
        }
    };
    Ok(targets
        .into_iter()
        .map(|t| {
            let periods: Vec<(NaiveDate, i64, bool)> = periods_for(t.period, month)
                .into_iter()
                .map(|(from, to)| {
                    let n = count(&t, from, to);
                    (from, n, n >= i64::from(t.min_sessions))
                })
                .collect();
            let met = periods.iter().all(|p| p.2);
            CadenceResult {
                target: t,
                periods,
                met,
            }
        })
        .collect())
}

/// An event of a month with a 人次 target, its 人次 and whether it reached the target.
#[derive(Debug, Clone)]
pub struct EventTargetResult {
    pub event: Event,
    pub attendance: i64,
    pub met: bool,
}

/// The month's events (not cancelled) that carry a 人次 target, in order: one statement.
pub async fn event_targets_report(
    ctx: &CommunityCtx,
    month: NaiveDate,
) -> AppResult<Vec<EventTargetResult>> {
    let to_utc = infra::local_time::midnight;
    let next = month
        .checked_add_months(Months::new(1))
        .ok_or(CoursesError::BadMonth)?;
    let mut tx = ctx.tx().await?;
    let rows = crate::events::db::events_between(&mut tx, to_utc(month), to_utc(next)).await?;
    tx.commit().await?;
    Ok(rows
        .into_iter()
        .filter(|(e, _)| e.status == SessionStatus::Scheduled)
        .filter_map(|(event, attendance)| {
            let target = event.attendance_target?;
            Some(EventTargetResult {
                met: attendance >= i64::from(target),
                event,
                attendance,
            })
        })
        .collect())
}
