//! The GraphQL face of photos.

use async_graphql::{Context, ID, Object, Upload};
use infra::graphql::{Res, parse_id as uuid, read_upload};
use tenancy::graphql::community;

use super::model::{Photo, Subject};
use super::service as svc;

#[derive(Default)]
pub struct PhotosQuery;

#[Object]
impl PhotosQuery {
    /// The receipts of a fund movement (any member, with the statement).
    async fn fund_receipts(&self, ctx: &Context<'_>, movement_id: ID) -> Res<Vec<Photo>> {
        Ok(svc::photos(community(ctx)?, Subject::Receipt(uuid(&movement_id)?)).await?)
    }

    /// The photos of a patrol's finding (staff, the grid's workers).
    async fn finding_photos(&self, ctx: &Context<'_>, finding_id: ID) -> Res<Vec<Photo>> {
        Ok(svc::photos(community(ctx)?, Subject::Finding(uuid(&finding_id)?)).await?)
    }
}

#[derive(Default)]
pub struct PhotosMutation;

#[Object]
impl PhotosMutation {
    /// Attach a receipt to a fund movement (staff; GraphQL multipart; JPEG, PNG or WebP).
    async fn upload_fund_receipt(
        &self,
        ctx: &Context<'_>,
        movement_id: ID,
        file: Upload,
    ) -> Res<Photo> {
        let bytes = read_upload(ctx, file, infra::photos::MAX_BYTES)?;
        Ok(svc::attach(
            community(ctx)?,
            Subject::Receipt(uuid(&movement_id)?),
            bytes,
        )
        .await?)
    }

    /// Attach a photo to a patrol's finding (staff, the grid's workers).
    async fn upload_finding_photo(
        &self,
        ctx: &Context<'_>,
        finding_id: ID,
        file: Upload,
    ) -> Res<Photo> {
        let bytes = read_upload(ctx, file, infra::photos::MAX_BYTES)?;
        Ok(svc::attach(community(ctx)?, Subject::Finding(uuid(&finding_id)?), bytes).await?)
    }
}
