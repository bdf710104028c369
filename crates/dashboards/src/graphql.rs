//! The GraphQL face of the dashboards.

use async_graphql::{Context, Object, SimpleObject};
use infra::graphql::Date;
use tenancy::Roles;
use tenancy::graphql::{community, principal, tenancy};

use crate::district;

type Res<T> = async_graphql::Result<T>;

/// A figure's total over a period ("partners.demands_received" …).
#[derive(SimpleObject)]
#[graphql(name = "FigureTotal")]
pub struct FigureTotalGql {
    figure: String,
    value: i64,
}

fn out(rows: Vec<district::FigureTotal>) -> Vec<FigureTotalGql> {
    rows.into_iter()
        .map(|r| FigureTotalGql {
            figure: r.figure,
            value: r.value,
        })
        .collect()
}

#[derive(Default)]
pub struct DashboardsQuery;

#[Object]
impl DashboardsQuery {
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
            district::district_totals(tenancy(ctx), principal(ctx)?, &district_code, from.0, to.0)
                .await?;
        Ok(out(rows))
    }

    /// The community's own figures over a period, from the rollups (staff).
    async fn community_figures(
        &self,
        ctx: &Context<'_>,
        from: Date,
        to: Date,
    ) -> Res<Vec<FigureTotalGql>> {
        let c = community(ctx)?;
        c.require(Roles::STAFF)?;
        let rows = district::totals(tenancy(ctx), &[c.tenant().community_id], from.0, to.0).await?;
        Ok(out(rows))
    }
}
