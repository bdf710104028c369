use infra::{AppResult, CommunityScope, Db};

use crate::db;
use crate::model::ListKind;

/// Any member of the community may read it.
pub async fn list_kinds(database: &Db, scope: &CommunityScope) -> AppResult<Vec<ListKind>> {
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let rows = db::list_kinds(&mut tx).await?;
    tx.commit().await?;
    Ok(rows)
}
