use infra::AppResult;
use tenancy::{CommunityCtx, Roles};

use crate::db;
use crate::model::{Space, SpaceKind};

/// Any member of the community may read it.
pub async fn spaces(ctx: &CommunityCtx) -> AppResult<Vec<Space>> {
    let mut tx = ctx.tx().await?;
    let rows = db::spaces(&mut tx).await?;
    tx.commit().await?;
    Ok(rows)
}

/// Staff record a space; `None` when one of that name exists already.
pub async fn create_space(
    ctx: &CommunityCtx,
    name: &str,
    kind: SpaceKind,
    capacity: i32,
) -> AppResult<Option<Space>> {
    ctx.require(Roles::STAFF)?;
    if capacity <= 0 {
        return Err(infra::AppError::bad_input(
            "容量必须大于 0",
            "Capacity must be above 0",
        ));
    }
    let mut tx = ctx.tx().await?;
    let row = db::insert_space(&mut tx, name.trim(), kind, capacity).await?;
    tx.commit().await?;
    Ok(row)
}
