//! The GraphQL face of exports: each is a mutation (it writes a file and is audited) that
//! returns a link valid for 15 minutes.

use async_graphql::{Context, ID, Object, SimpleObject};

use super::service::{self as svc, ExportFile};
use crate::graphql::*;

#[derive(SimpleObject)]
#[graphql(name = "ExportFile")]
pub struct ExportFileGql {
    filename: String,
    content_type: String,
    /// Valid for 15 minutes.
    url: String,
    bytes: i32,
}

impl From<ExportFile> for ExportFileGql {
    fn from(f: ExportFile) -> Self {
        ExportFileGql {
            filename: f.filename,
            content_type: f.content_type.into(),
            url: f.url,
            bytes: f.bytes as i32,
        }
    }
}

#[derive(Default)]
pub struct ExportsMutation;

#[Object]
impl ExportsMutation {
    /// The month's ledger (月度台账, "2026-11") as XLSX: summary, sessions, courses, events
    /// (staff).
    async fn export_monthly_ledger(&self, ctx: &Context<'_>, month: String) -> Res<ExportFileGql> {
        let m = crate::cadence::service::parse_month(&month)?;
        Ok(svc::export_monthly_ledger(community(ctx)?, m).await?.into())
    }

    /// A session's sign-in sheet and roster (签到表) as PDF (staff, or a teacher of the
    /// course).
    async fn print_sign_in_sheet(&self, ctx: &Context<'_>, session_id: ID) -> Res<ExportFileGql> {
        Ok(
            svc::print_sign_in_sheet(community(ctx)?, uuid(&session_id)?)
                .await?
                .into(),
        )
    }
}
