use infra::AppResult;
use tenancy::CommunityCtx;

use super::db;
use super::model::PostType;

/// Any member of the community may read it.
pub async fn post_types(ctx: &CommunityCtx) -> AppResult<Vec<PostType>> {
    let mut tx = ctx.tx().await?;
    let rows = db::post_types(&mut tx).await?;
    tx.commit().await?;
    Ok(rows)
}
