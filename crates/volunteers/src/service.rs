use infra::{AppResult, CommunityScope, Db};

use crate::db;
use crate::model::PostType;

/// Any member of the community may read it.
pub async fn post_types(database: &Db, scope: &CommunityScope) -> AppResult<Vec<PostType>> {
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let rows = db::post_types(&mut tx).await?;
    tx.commit().await?;
    Ok(rows)
}
