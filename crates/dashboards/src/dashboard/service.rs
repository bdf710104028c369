//! Who may see which dashboard: a district's (its admins and viewers, the scope built only
//! here after that check) or a community's own (its staff).

use infra::{AppError, AppResult};
use tenancy::model::District;
use tenancy::{CommunityCtx, Principal, Roles, Tenancy};

use super::db;
use std::collections::HashMap;

use chrono::NaiveDate;

use super::model::{CommunityCounts, CommunityValue, FigureTotal, Filter, Granularity, Scope};
use crate::period::Period;
use crate::targets::model::{DistrictTarget, TargetPeriod};

/// A district the caller may see (admins and viewers over it), and the scope of its dashboard
/// under the filter.
pub async fn district_scope(
    t: &Tenancy,
    actor: &Principal,
    code: &str,
    filter: &Filter,
) -> AppResult<(District, Scope)> {
    let d = t.district(actor, code.trim()).await?;
    if filter.is_empty() {
        let id = d.id;
        return Ok((d, Scope::District(id)));
    }
    let mut conn = t.db().pool().acquire().await?;
    let street = match &filter.street {
        None => None,
        Some(code) => Some(
            db::street_within(&mut conn, d.id, code.trim())
                .await?
                .ok_or_else(|| {
                    AppError::not_found("本区下没有该街道", "No such street in this district")
                })?,
        ),
    };
    let group = match &filter.pilot_group {
        None => None,
        Some(name) => Some(crate::pilots::service::find(&mut conn, d.id, name).await?),
    };
    let kinds: Vec<&str> = filter.kinds.iter().map(|k| k.as_str()).collect();
    let ids = db::communities_of(
        &mut conn,
        d.id,
        &kinds,
        street,
        group,
        filter.outside_pilot_group,
    )
    .await?;
    Ok((d, Scope::Communities(ids)))
}

/// The community's own dashboard scope (its staff, and admins and viewers above it).
pub fn community_scope(ctx: &CommunityCtx) -> AppResult<Scope> {
    // A district viewer reads the figures of every community below (the drill-down from the
    // district to one community); they are totals, no person in them.
    if !ctx.access().viewer_above {
        ctx.require(Roles::STAFF)?;
    }
    Ok(Scope::community(ctx.tenant().community_id))
}

/// Totals over `[from, to]` of every community of a district's subtree (its admins and
/// viewers), from the district rollup.
pub async fn district_totals(
    t: &Tenancy,
    actor: &Principal,
    code: &str,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> AppResult<Vec<FigureTotal>> {
    let period = Period::parse(from, to)?;
    let (_, s) = district_scope(t, actor, code, &Filter::default()).await?;
    let mut conn = t.db().pool().acquire().await?;
    db::totals(&mut conn, &s, period).await
}

/// The community's own totals over a period (its staff), from its rollups.
pub async fn community_totals(ctx: &CommunityCtx, period: Period) -> AppResult<Vec<FigureTotal>> {
    let scope = community_scope(ctx)?;
    let mut conn = ctx.db().pool().acquire().await?;
    db::totals(&mut conn, &scope, period).await
}

/// A dashboard the caller was allowed: a scope this service built and a period. Its reads are
/// the GraphQL face's only way to the rollups; each takes one pooled connection.
pub struct Dashboard {
    db: infra::Db,
    scope: Scope,
    period: Period,
    /// The district whose targets (and those above it) the scope is held to.
    district: uuid::Uuid,
    /// Those targets, read once for the cadence and the targets alike.
    targets: tokio::sync::OnceCell<Vec<DistrictTarget>>,
}

/// The district's dashboard (its admins and viewers), for the communities the filter picks.
pub async fn district_dashboard(
    t: &Tenancy,
    actor: &Principal,
    code: &str,
    filter: &Filter,
    period: Period,
) -> AppResult<Dashboard> {
    let (d, scope) = district_scope(t, actor, code, filter).await?;
    Ok(Dashboard {
        db: t.db().clone(),
        scope,
        period,
        district: d.id,
        targets: Default::default(),
    })
}

/// The community's own dashboard (its staff, and the district's admins and viewers above).
pub fn community_dashboard(ctx: &CommunityCtx, period: Period) -> AppResult<Dashboard> {
    Ok(Dashboard {
        scope: community_scope(ctx)?,
        db: ctx.db().clone(),
        period,
        district: ctx.tenant().district_id,
        targets: Default::default(),
    })
}

impl Dashboard {
    pub fn period(&self) -> Period {
        self.period
    }

    async fn conn(&self) -> AppResult<sqlx::pool::PoolConnection<sqlx::Postgres>> {
        Ok(self.db.pool().acquire().await?)
    }

    /// Every figure's total, this period and the one before.
    pub async fn totals_with_previous(&self) -> AppResult<HashMap<String, (i64, i64)>> {
        db::totals_with_previous(&mut *self.conn().await?, &self.scope, self.period).await
    }

    pub async fn community_counts(&self) -> AppResult<CommunityCounts> {
        db::community_counts(&mut *self.conn().await?, &self.scope, self.period).await
    }

    pub async fn partner_organisations(&self) -> AppResult<i64> {
        db::partner_organisations(&mut *self.conn().await?, &self.scope).await
    }

    /// A distribution's median, this period and the one before.
    pub async fn median(&self, figure: &str) -> AppResult<(Option<f64>, Option<f64>)> {
        let mut c = self.conn().await?;
        let now = db::median(&mut c, &self.scope, figure, self.period).await?;
        let before = db::median(&mut c, &self.scope, figure, self.period.previous()).await?;
        Ok((now, before))
    }

    /// Households visited by the period's end, and households (入户摸底 coverage).
    pub async fn household_coverage(&self) -> AppResult<(i64, i64)> {
        db::household_coverage(&mut *self.conn().await?, &self.scope, self.period).await
    }

    /// 每月两堂公益课: community-months that met it, of the community-months there were, and
    /// the least sessions a month — the district's own target for public-benefit sessions a
    /// month where it (or one above it) set one, else the platform's default.
    pub async fn cadence(&self) -> AppResult<(i64, i64, i64)> {
        let mut conn = self.conn().await?;
        // The nearest district's rule wins: `applying` lists the farthest first.
        let threshold = self
            .applying(&mut conn)
            .await?
            .iter()
            .rev()
            .find(|t| t.figure == "courses.public_sessions" && t.period == TargetPeriod::Month)
            .map_or(crate::catalogue::CADENCE_PUBLIC_SESSIONS, |t| t.min_value);
        let (met, months) = db::cadence_at(&mut conn, &self.scope, self.period, threshold).await?;
        Ok((met, months, threshold))
    }

    /// The targets the scope is held to (its district's and those above), farthest first.
    async fn applying(&self, conn: &mut sqlx::PgConnection) -> AppResult<&Vec<DistrictTarget>> {
        self.targets
            .get_or_try_init(|| async {
                Ok(crate::targets::db::applying_to(conn, self.district).await?)
            })
            .await
    }

    /// Every target the scope is held to (its district's and those above), and how many of
    /// its community-periods met each over the period.
    pub async fn targets(&self) -> AppResult<Vec<crate::targets::model::TargetResult>> {
        let mut conn = self.conn().await?;
        let targets = self.applying(&mut conn).await?.clone();
        let (district, ids) = db::split(&self.scope);
        let (first, last) = self.period.month_span();
        let mut out = Vec::with_capacity(targets.len());
        for target in targets {
            let (met, periods) = crate::targets::db::result(
                &mut conn,
                district,
                ids,
                &target.figure,
                target.period,
                target.min_value,
                first,
                last,
            )
            .await?;
            out.push(crate::targets::model::TargetResult {
                target,
                met,
                periods,
            });
        }
        Ok(out)
    }

    pub async fn series(&self, figure: &str, by: Granularity) -> AppResult<Vec<(NaiveDate, i64)>> {
        db::series(
            &mut *self.conn().await?,
            &self.scope,
            figure,
            by,
            self.period,
        )
        .await
    }

    pub async fn ranking(
        &self,
        figure: &str,
        limit: i64,
        lowest_first: bool,
    ) -> AppResult<Vec<CommunityValue>> {
        let mut c = self.conn().await?;
        db::ranking(
            &mut c,
            &self.scope,
            figure,
            self.period,
            limit,
            lowest_first,
        )
        .await
    }
}
