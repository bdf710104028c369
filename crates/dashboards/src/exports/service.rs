//! Reports of a scope over a period, made into files: a district's (its admins and viewers)
//! and a community's (its staff).

use infra::AppResult;
use infra::storage::ObjectStore;
use sqlx::PgConnection;
use tenancy::model::District;
use tenancy::{CommunityCtx, Principal, Tenancy};

use super::db;
use super::model::{ExportFile, FileFormat, Report, Rows, Summary};
use super::render::{self, filename};
use crate::catalogue::{self, FIGURES, RATES, ratio};
use crate::dashboard::db as figures;
use crate::dashboard::model::{Filter, Scope};
use crate::dashboard::service::{community_scope, district_scope};
use crate::period::Period;

/// A district's report: its communities as rows.
pub async fn district_report(
    conn: &mut PgConnection,
    name: &str,
    scope: &Scope,
    period: Period,
) -> AppResult<Report> {
    Ok(Report {
        title: format!("{name}社区治理数据（{}至{}）", period.from, period.to),
        summary: summary(conn, scope, period).await?,
        rows: Rows::Communities(db::by_community(conn, scope, period).await?),
    })
}

/// A community's report: the months of the period as rows.
pub async fn community_report(
    conn: &mut PgConnection,
    name: &str,
    scope: &Scope,
    period: Period,
) -> AppResult<Report> {
    Ok(Report {
        title: format!("{name}治理数据（{}至{}）", period.from, period.to),
        summary: summary(conn, scope, period).await?,
        rows: Rows::Months(db::by_month(conn, scope, period).await?),
    })
}

pub async fn summary(conn: &mut PgConnection, scope: &Scope, period: Period) -> AppResult<Summary> {
    let previous = period.previous();
    let totals = figures::totals_with_previous(conn, scope, period).await?;
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
        figures::median(conn, scope, catalogue::RESOLUTION_HOURS, period).await?,
        figures::median(conn, scope, catalogue::RESOLUTION_HOURS, previous).await?,
    );
    Ok(Summary {
        period,
        previous,
        communities: figures::community_counts(conn, scope, period).await?,
        partner_organisations: figures::partner_organisations(conn, scope).await?,
        figures,
        rates,
        median_resolution_hours: median,
        cadence: figures::cadence(conn, scope, period).await?,
    })
}

/// A district's report as a file (its admins and viewers), stored for a 15-minute link.
pub async fn export_district(
    t: &Tenancy,
    store: &ObjectStore,
    actor: &Principal,
    code: &str,
    filter: &Filter,
    period: Period,
    format: FileFormat,
) -> AppResult<ExportFile> {
    let (d, s) = district_scope(t, actor, code, filter).await?;
    let (filename, bytes) = district_file(t, &d, &s, period, format).await?;
    let size = bytes.len();
    let url = store
        .publish_district_export(d.id, format.ext(), bytes, format.content_type())
        .await?;
    Ok(ExportFile {
        filename,
        content_type: format.content_type(),
        url,
        bytes: size,
    })
}

/// A district's report as bytes (also the operator's `linli export district`).
pub async fn district_file(
    t: &Tenancy,
    d: &District,
    s: &Scope,
    period: Period,
    format: FileFormat,
) -> AppResult<(String, Vec<u8>)> {
    let mut conn = t.db().pool().acquire().await?;
    let report = district_report(&mut conn, &d.name, s, period).await?;
    drop(conn);
    let bytes = render::render(&report, format)?;
    Ok((filename(&d.name, period, format), bytes))
}

/// The community's report as a file (its staff), stored for a 15-minute link.
pub async fn export_community(
    ctx: &CommunityCtx,
    period: Period,
    format: FileFormat,
) -> AppResult<ExportFile> {
    let s = community_scope(ctx)?;
    let (filename, bytes) =
        community_file(ctx.db(), &ctx.tenant().name, &s, period, format).await?;
    let size = bytes.len();
    let url = ctx
        .store()
        .publish_export(
            ctx.tenant().community_id,
            format.ext(),
            bytes,
            format.content_type(),
        )
        .await?;
    Ok(ExportFile {
        filename,
        content_type: format.content_type(),
        url,
        bytes: size,
    })
}

/// A community's report as bytes (also the operator's `linli export community`).
pub async fn community_file(
    db: &infra::Db,
    name: &str,
    s: &Scope,
    period: Period,
    format: FileFormat,
) -> AppResult<(String, Vec<u8>)> {
    let mut conn = db.pool().acquire().await?;
    let report = community_report(&mut conn, name, s, period).await?;
    drop(conn);
    let bytes = render::render(&report, format)?;
    Ok((filename(name, period, format), bytes))
}
