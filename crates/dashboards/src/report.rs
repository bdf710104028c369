//! A report of a scope over a period: what the summary sheet and the dashboard's head show.

use infra::AppResult;
use sqlx::PgConnection;

use crate::catalogue::{self, FIGURES, Figure, RATES, Rate};
use crate::district::{self, CommunityCounts};
use crate::period::Period;
use crate::scope::Scope;

#[derive(Debug, Clone)]
pub struct Summary {
    pub period: Period,
    pub previous: Period,
    pub communities: CommunityCounts,
    pub partner_organisations: i64,
    /// Each catalogue figure: this period, the one before.
    pub figures: Vec<(&'static Figure, i64, i64)>,
    /// Each rate: this period, the one before (`None`: nothing to divide by).
    pub rates: Vec<(&'static Rate, Option<f64>, Option<f64>)>,
    /// Median hours to resolve a demand: this period, the one before.
    pub median_resolution_hours: (Option<f64>, Option<f64>),
    /// Community-months meeting the cadence rule, out of all.
    pub cadence: (i64, i64),
}

/// `n / d`, none when `d` is zero.
pub fn ratio(n: i64, d: i64) -> Option<f64> {
    (d != 0).then(|| n as f64 / d as f64)
}

pub async fn summary(conn: &mut PgConnection, scope: &Scope, period: Period) -> AppResult<Summary> {
    let previous = period.previous();
    let totals = district::totals_with_previous(conn, scope, period).await?;
    let get = |f: &str| totals.get(f).copied().unwrap_or((0, 0));
    let figures = FIGURES
        .iter()
        .map(|f| {
            let (a, b) = get(f.name);
            (f, a, b)
        })
        .collect();
    let rates = RATES
        .iter()
        .map(|r| {
            let (n, pn) = get(r.numerator);
            let (d, pd) = get(r.denominator);
            (r, ratio(n, d), ratio(pn, pd))
        })
        .collect();
    let median = (
        district::median(conn, scope, catalogue::RESOLUTION_HOURS, period).await?,
        district::median(conn, scope, catalogue::RESOLUTION_HOURS, previous).await?,
    );
    Ok(Summary {
        period,
        previous,
        communities: district::community_counts(conn, scope, period).await?,
        partner_organisations: district::partner_organisations(conn, scope).await?,
        figures,
        rates,
        median_resolution_hours: median,
        cadence: district::cadence(conn, scope, period).await?,
    })
}
