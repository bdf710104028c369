//! The GraphQL face of a dashboard. A `Dashboard` holds its scope and period; each of its
//! fields reads the rollups when selected, so a request pays for what it asks.

use std::collections::HashMap;

use async_graphql::{Context, InputObject, Object, SimpleObject};
use infra::AppError;
use infra::graphql::{Date, Res};
use tenancy::communities::model::CommunityKind;
use tenancy::graphql::{community, principal, tenancy};

use super::model::{FigureTotal, Filter, Granularity};
use super::service;
use crate::catalogue::{self, FIGURES, RATES, ratio};
use crate::period::Period;

/// A figure's total over a period ("partners.demands_received" …).
#[derive(SimpleObject)]
#[graphql(name = "FigureTotal")]
pub struct FigureTotalGql {
    figure: String,
    value: i64,
}

impl From<FigureTotal> for FigureTotalGql {
    fn from(r: FigureTotal) -> Self {
        FigureTotalGql {
            figure: r.figure,
            value: r.value,
        }
    }
}

/// Which communities of the district (all when empty).
#[derive(InputObject, Default)]
#[graphql(name = "DashboardFilter")]
pub struct FilterGql {
    /// Only these kinds of community.
    kinds: Option<Vec<CommunityKind>>,
    /// Only those within this sub-district (街道), by code.
    street: Option<String>,
    /// Only the members of this pilot group (试点) of the district.
    pilot_group: Option<String>,
}

impl From<FilterGql> for Filter {
    fn from(f: FilterGql) -> Self {
        Filter {
            kinds: f.kinds.unwrap_or_default().into_iter().collect(),
            street: f.street,
            pilot_group: f.pilot_group,
            outside_pilot_group: false,
        }
    }
}

fn figure_name(name: &str) -> Res<&'static str> {
    catalogue::find(name).map(|f| f.name).ok_or_else(|| {
        AppError::bad_input(
            format!("没有这个指标：{name}"),
            format!("No such figure: {name}"),
        )
        .into()
    })
}

/// A figure of the catalogue over the period and the period before.
#[derive(SimpleObject)]
#[graphql(name = "DashboardFigure")]
pub struct DashboardFigureGql {
    figure: String,
    /// 社区学院, 志愿服务, 共享空间, 共建合作, 民生诉求.
    family: String,
    label: String,
    label_en: String,
    value: i64,
    previous: i64,
}

/// A ratio of two figures (`null`: nothing to divide by).
#[derive(SimpleObject)]
#[graphql(name = "DashboardRate")]
pub struct DashboardRateGql {
    name: String,
    label: String,
    label_en: String,
    value: Option<f64>,
    previous: Option<f64>,
}

#[derive(SimpleObject)]
#[graphql(name = "CommunityCounts")]
pub struct CommunityCountsGql {
    /// Not archived.
    total: i64,
    active: i64,
    /// Onboarded within the period.
    onboarded: i64,
}

/// Community-months meeting the cadence rule (每月不少于两堂公益课), out of all.
#[derive(SimpleObject)]
#[graphql(name = "CadenceFigures")]
pub struct CadenceGql {
    met: i64,
    community_months: i64,
    /// Public-benefit sessions a month the rule asks for.
    target: i64,
}

#[derive(SimpleObject)]
#[graphql(name = "MedianFigure")]
pub struct MedianGql {
    value: Option<f64>,
    previous: Option<f64>,
}

#[derive(SimpleObject)]
#[graphql(name = "SeriesPoint")]
pub struct PointGql {
    /// The day, or the month's first day.
    start: Date,
    value: i64,
}

#[derive(SimpleObject)]
#[graphql(name = "RankedCommunity")]
pub struct RankedGql {
    rank: i64,
    slug: String,
    name: String,
    kind: CommunityKind,
    /// The district the community sits in (街道).
    street_code: String,
    street_name: String,
    value: i64,
}

/// Figures of a district (or of some of its communities, or of one community) over a period.
pub struct DashboardGql {
    dashboard: service::Dashboard,
    /// Read once for `figures` and `rates` together: one statement, not two.
    totals: tokio::sync::OnceCell<HashMap<String, (i64, i64)>>,
}

impl DashboardGql {
    pub(crate) fn new(dashboard: service::Dashboard) -> Self {
        DashboardGql {
            dashboard,
            totals: tokio::sync::OnceCell::new(),
        }
    }

    async fn totals(&self) -> Res<&HashMap<String, (i64, i64)>> {
        self.totals
            .get_or_try_init(|| async { Ok(self.dashboard.totals_with_previous().await?) })
            .await
    }
}

#[Object(name = "Dashboard")]
impl DashboardGql {
    async fn from(&self) -> Date {
        Date(self.dashboard.period().from)
    }

    async fn to(&self) -> Date {
        Date(self.dashboard.period().to)
    }

    /// The period compared with: the months before for whole months, else as many days.
    async fn previous_from(&self) -> Date {
        Date(self.dashboard.period().previous().from)
    }

    async fn previous_to(&self) -> Date {
        Date(self.dashboard.period().previous().to)
    }

    async fn communities(&self) -> Res<CommunityCountsGql> {
        let c = self.dashboard.community_counts().await?;
        Ok(CommunityCountsGql {
            total: c.total,
            active: c.active,
            onboarded: c.onboarded,
        })
    }

    /// Organisations with an approved partnership reaching these communities.
    async fn partner_organisations(&self) -> Res<i64> {
        Ok(self.dashboard.partner_organisations().await?)
    }

    /// Every figure of the catalogue, this period and the one before.
    async fn figures(&self) -> Res<Vec<DashboardFigureGql>> {
        let t = self.totals().await?;
        Ok(FIGURES
            .iter()
            .map(|f| {
                let (value, previous) = t.get(f.name).copied().unwrap_or((0, 0));
                DashboardFigureGql {
                    figure: f.name.into(),
                    family: f.family.zh().into(),
                    label: f.zh.into(),
                    label_en: f.en.into(),
                    value,
                    previous,
                }
            })
            .collect())
    }

    /// Attendance, public-benefit share, no-shows, commitments delivered, demands resolved.
    async fn rates(&self) -> Res<Vec<DashboardRateGql>> {
        let t = self.totals().await?;
        let get = |f: &str| t.get(f).copied().unwrap_or((0, 0));
        Ok(RATES
            .iter()
            .map(|r| {
                let (n, pn) = get(r.numerator);
                let (d, pd) = get(r.denominator);
                DashboardRateGql {
                    name: r.name.into(),
                    label: r.zh.into(),
                    label_en: r.en.into(),
                    value: ratio(n, d),
                    previous: ratio(pn, pd),
                }
            })
            .collect())
    }

    /// Median hours from a demand's submission to its first resolution.
    async fn median_resolution_hours(&self) -> Res<MedianGql> {
        let (value, previous) = self.dashboard.median(catalogue::RESOLUTION_HOURS).await?;
        Ok(MedianGql { value, previous })
    }

    /// 入户摸底 coverage (0陌生) at the period's end: households with a resident in the
    /// registry against the households of the communities that gave theirs.
    async fn household_coverage(&self) -> Res<HouseholdCoverageGql> {
        let (visited, households) = self.dashboard.household_coverage().await?;
        Ok(HouseholdCoverageGql {
            visited,
            households,
            rate: ratio(visited, households),
        })
    }

    async fn cadence(&self) -> Res<CadenceGql> {
        let (met, months, target) = self.dashboard.cadence().await?;
        Ok(CadenceGql {
            met,
            community_months: months,
            target,
        })
    }

    /// Every target the dashboard's communities are held to — the district's own and those
    /// of the districts above (季季有交流, 年年有展演 …) — with the community-periods of the
    /// dashboard's months that met each.
    async fn targets(&self) -> Res<Vec<TargetResultGql>> {
        Ok(self
            .dashboard
            .targets()
            .await?
            .into_iter()
            .map(|r| TargetResultGql {
                target: r.target,
                met: r.met,
                periods: r.periods,
            })
            .collect())
    }

    /// A figure by day or month over the period (points with a value only).
    async fn series(
        &self,
        figure: String,
        #[graphql(default_with = "Granularity::Month")] by: Granularity,
    ) -> Res<Vec<PointGql>> {
        let f = figure_name(&figure)?;
        let by: Granularity = by;
        let rows = self.dashboard.series(f, by).await?;
        Ok(rows
            .into_iter()
            .map(|(d, value)| PointGql {
                start: Date(d),
                value,
            })
            .collect())
    }

    /// The communities ranked by a figure over the period (1 = highest), highest first or
    /// lowest first.
    async fn ranking(
        &self,
        figure: String,
        #[graphql(default = 10, validator(minimum = 1, maximum = 500))] limit: i64,
        #[graphql(default = false)] lowest_first: bool,
    ) -> Res<Vec<RankedGql>> {
        let f = figure_name(&figure)?;
        let rows = self.dashboard.ranking(f, limit, lowest_first).await?;
        Ok(rows
            .into_iter()
            .map(|r| RankedGql {
                rank: r.rank,
                slug: r.slug,
                name: r.name,
                kind: r.kind,
                street_code: r.street_code,
                street_name: r.street_name,
                value: r.value,
            })
            .collect())
    }
}

/// A district target over a dashboard's months.
#[derive(SimpleObject)]
#[graphql(name = "DashboardTarget")]
pub struct TargetResultGql {
    target: crate::targets::model::DistrictTarget,
    /// Community-periods that met it.
    met: i64,
    /// Community-periods there were.
    periods: i64,
}

/// Households visited (入户摸底) against households.
#[derive(SimpleObject)]
#[graphql(name = "DashboardHouseholdCoverage")]
pub struct HouseholdCoverageGql {
    visited: i64,
    households: i64,
    rate: Option<f64>,
}

/// A pilot group against the rest of its district, side by side.
#[derive(SimpleObject)]
#[graphql(name = "PilotComparison")]
pub struct ComparisonGql {
    pilot: DashboardGql,
    rest: DashboardGql,
}

/// A district's dashboards (its admins and viewers).
#[derive(Default)]
pub struct DistrictDashboardQuery;

#[Object]
impl DistrictDashboardQuery {
    /// Figures of every community of a district (and its sub-districts) over a period, from
    /// the rollups (its admins and viewers).
    async fn district_figures(
        &self,
        ctx: &Context<'_>,
        district_code: String,
        from: Date,
        to: Date,
    ) -> Res<Vec<FigureTotalGql>> {
        let rows =
            service::district_totals(tenancy(ctx), principal(ctx)?, &district_code, from.0, to.0)
                .await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// The district's dashboard over a period, for all its communities or those the filter
    /// picks (its admins and viewers).
    async fn district_dashboard(
        &self,
        ctx: &Context<'_>,
        district_code: String,
        from: Date,
        to: Date,
        filter: Option<FilterGql>,
    ) -> Res<DashboardGql> {
        let period = Period::parse(from.0, to.0)?;
        let filter: Filter = filter.unwrap_or_default().into();
        let d = service::district_dashboard(
            tenancy(ctx),
            principal(ctx)?,
            &district_code,
            &filter,
            period,
        )
        .await?;
        Ok(DashboardGql::new(d))
    }

    /// A pilot group of the district against the rest of it (试点 → 全区推广).
    async fn pilot_comparison(
        &self,
        ctx: &Context<'_>,
        district_code: String,
        pilot_group: String,
        from: Date,
        to: Date,
    ) -> Res<ComparisonGql> {
        let period = Period::parse(from.0, to.0)?;
        let (t, p) = (tenancy(ctx), principal(ctx)?);
        let mut f = Filter {
            pilot_group: Some(pilot_group),
            ..Filter::default()
        };
        let pilot = service::district_dashboard(t, p, &district_code, &f, period).await?;
        f.outside_pilot_group = true;
        let rest = service::district_dashboard(t, p, &district_code, &f, period).await?;
        Ok(ComparisonGql {
            pilot: DashboardGql::new(pilot),
            rest: DashboardGql::new(rest),
        })
    }
}

/// A community's own dashboard (its staff).
#[derive(Default)]
pub struct CommunityDashboardQuery;

#[Object]
impl CommunityDashboardQuery {
    /// The community's own figures over a period, from the rollups (staff).
    async fn community_figures(
        &self,
        ctx: &Context<'_>,
        from: Date,
        to: Date,
    ) -> Res<Vec<FigureTotalGql>> {
        let period = Period::parse(from.0, to.0)?;
        let rows = service::community_totals(community(ctx)?, period).await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// The community's own dashboard over a period (staff).
    async fn community_dashboard(
        &self,
        ctx: &Context<'_>,
        from: Date,
        to: Date,
    ) -> Res<DashboardGql> {
        let period = Period::parse(from.0, to.0)?;
        Ok(DashboardGql::new(service::community_dashboard(
            community(ctx)?,
            period,
        )?))
    }
}
