//! The GraphQL face of exports: 15-minute links to a district's or a community's figures.

use async_graphql::{Context, Object, SimpleObject};
use infra::graphql::{Date, Res};
use infra::storage::ObjectStore;
use tenancy::graphql::{community, principal, tenancy};

use super::model::{ExportFile, FileFormat};
use super::service;
use crate::dashboard::graphql::FilterGql;
use crate::dashboard::model::Filter;
use crate::period::Period;

#[derive(SimpleObject)]
#[graphql(name = "FigureExport")]
pub struct ExportGql {
    filename: String,
    content_type: String,
    /// Valid for 15 minutes.
    url: String,
    bytes: i64,
}

impl From<ExportFile> for ExportGql {
    fn from(f: ExportFile) -> Self {
        ExportGql {
            filename: f.filename,
            content_type: f.content_type.into(),
            url: f.url,
            bytes: f.bytes as i64,
        }
    }
}

#[derive(Default)]
pub struct FigureExportsMutation;

#[Object]
impl FigureExportsMutation {
    /// The district's figures over a period as a file (XLSX: a summary sheet and one sheet per
    /// family with a row per community; CSV: one table) (its admins and viewers).
    async fn export_district_figures(
        &self,
        ctx: &Context<'_>,
        district_code: String,
        from: Date,
        to: Date,
        #[graphql(default_with = "FileFormat::Xlsx")] format: FileFormat,
        filter: Option<FilterGql>,
    ) -> Res<ExportGql> {
        let period = Period::parse(from.0, to.0)?;
        let filter: Filter = filter.unwrap_or_default().into();
        let file = service::export_district(
            tenancy(ctx),
            ctx.data_unchecked::<ObjectStore>(),
            principal(ctx)?,
            &district_code,
            &filter,
            period,
            format,
        )
        .await?;
        Ok(file.into())
    }

    /// The community's figures over a period as a file, a row per month (staff).
    async fn export_community_figures(
        &self,
        ctx: &Context<'_>,
        from: Date,
        to: Date,
        #[graphql(default_with = "FileFormat::Xlsx")] format: FileFormat,
    ) -> Res<ExportGql> {
        let period = Period::parse(from.0, to.0)?;
        let f: FileFormat = format;
        Ok(service::export_community(community(ctx)?, period, f)
            .await?
            .into())
    }
}
