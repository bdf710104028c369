use infra::AppResult;
use tenancy::CommunityCtx;

use super::db;
use super::model::ListKind;

/// Any member of the community may read it.
pub async fn list_kinds(ctx: &CommunityCtx) -> AppResult<Vec<ListKind>> {
    let mut tx = ctx.tx().await?;
    let rows = db::list_kinds(&mut tx).await?;
    tx.commit().await?;
    Ok(rows)
}
