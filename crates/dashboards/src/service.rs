//! The dashboards' API: who may see what, then the rollups.

use infra::AppResult;
use infra::storage::ObjectStore;
use tenancy::model::District;
use tenancy::{CommunityCtx, Principal, Roles, Tenancy};

use crate::export::{self, FileFormat};
use crate::period::Period;
use crate::scope::{self, Filter, Scope};

/// A district the caller may see, and the scope of its dashboard under the filter.
pub async fn district_scope(
    t: &Tenancy,
    actor: &Principal,
    code: &str,
    filter: &Filter,
) -> AppResult<(District, Scope)> {
    let d = scope::district(t, actor, code).await?;
    let s = scope::of_district(t, &d, filter).await?;
    Ok((d, s))
}

/// The community's own dashboard scope (its staff).
pub fn community_scope(ctx: &CommunityCtx) -> AppResult<Scope> {
    ctx.require(Roles::STAFF)?;
    Ok(scope::community(ctx.tenant().community_id))
}

/// A file made for download.
#[derive(Debug, Clone)]
pub struct ExportFile {
    pub filename: String,
    pub content_type: &'static str,
    pub url: String,
    pub bytes: usize,
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
    let report = export::district_report(&mut conn, &d.name, s, period).await?;
    drop(conn);
    let bytes = export::render(&report, format)?;
    Ok((export::filename(&d.name, period, format), bytes))
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
    let report = export::community_report(&mut conn, name, s, period).await?;
    drop(conn);
    let bytes = export::render(&report, format)?;
    Ok((export::filename(name, period, format), bytes))
}

/// Totals over `[from, to]` of every community of a district's subtree (its admins and
/// viewers), from the district rollup.
pub async fn district_totals(
    t: &Tenancy,
    actor: &Principal,
    code: &str,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> AppResult<Vec<crate::district::FigureTotal>> {
    let period = Period::parse(from, to)?;
    let (_, s) = district_scope(t, actor, code, &Filter::default()).await?;
    let mut conn = t.db().pool().acquire().await?;
    crate::district::totals(&mut conn, &s, period).await
}
