//! Who may see which dashboard: a district's (its admins and viewers, the scope built only
//! here after that check) or a community's own (its staff).

use infra::{AppError, AppResult};
use tenancy::model::District;
use tenancy::{CommunityCtx, Principal, Roles, Tenancy};

use super::db;
use super::model::{FigureTotal, Filter, Scope};
use crate::period::Period;

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

/// The community's own dashboard scope (its staff).
pub fn community_scope(ctx: &CommunityCtx) -> AppResult<Scope> {
    ctx.require(Roles::STAFF)?;
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
