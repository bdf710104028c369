//! The GraphQL face of a person's rights over their data: the copy of everything Linli holds
//! about the caller (个人信息副本). Staff's copy for a resident at the counter is the courses
//! crate's `exportRegistryRecordData` (the registry record is the college's).

use async_graphql::{Context, Object, SimpleObject};
use infra::graphql::Res;
use infra::storage::ObjectStore;

use super::model::DataExport;
use super::service as svc;
use crate::graphql::{principal, tenancy};

/// A copy of a person's data as one zip archive: each table as JSON and CSV, their photos,
/// and a README (Chinese, then English).
#[derive(SimpleObject)]
#[graphql(name = "DataExport")]
pub struct DataExportGql {
    filename: String,
    /// Valid for 15 minutes.
    url: String,
    bytes: i32,
    /// Rows in the archive, every community together.
    rows: i32,
    photos: i32,
}

impl From<DataExport> for DataExportGql {
    fn from(e: DataExport) -> Self {
        DataExportGql {
            filename: e.filename,
            url: e.url,
            bytes: e.bytes as i32,
            rows: e.rows as i32,
            photos: e.photos as i32,
        }
    }
}

#[derive(Default)]
pub struct PrivacyMutation;

#[Object]
impl PrivacyMutation {
    /// 下载我的数据: everything Linli holds about the caller and the children in their care —
    /// account, registry records, enrolments and attendance, survey answers, bookings, points,
    /// volunteer hours, demands and their steps, photos, consents, notifications — from the
    /// platform and every community the caller belongs to (PIPL arts. 44–45). Audited.
    async fn export_my_data(&self, ctx: &Context<'_>) -> Res<DataExportGql> {
        let store = ctx.data_unchecked::<ObjectStore>();
        Ok(svc::export_my_data(tenancy(ctx), principal(ctx)?, store)
            .await?
            .into())
    }
}
