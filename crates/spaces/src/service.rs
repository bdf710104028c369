use infra::{AppResult, CommunityScope, Db};

use crate::db;
use crate::model::Space;

/// Any member of the community may read it.
pub async fn spaces(database: &Db, scope: &CommunityScope) -> AppResult<Vec<Space>> {
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let rows = db::spaces(&mut tx).await?;
    tx.commit().await?;
    Ok(rows)
}

/// Staff record a space; `None` when one of that name exists already.
pub async fn create_space(
    database: &Db,
    scope: &CommunityScope,
    name: &str,
    kind: &str,
    capacity: i32,
) -> AppResult<Option<Space>> {
    scope.access.require_staff()?;
    if capacity <= 0 {
        return Err(infra::AppError::bad_input(
            "容量必须大于 0",
            "Capacity must be above 0",
        ));
    }
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let row = db::insert_space(&mut tx, name.trim(), kind.trim(), capacity).await?;
    tx.commit().await?;
    Ok(row)
}
