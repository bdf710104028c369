use infra::{AppResult, CommunityScope, Db};

use crate::db;
use crate::error::CoursesError;
use crate::model::{CategoryCode, CourseCategory};

pub async fn categories(database: &Db, scope: &CommunityScope) -> AppResult<Vec<CourseCategory>> {
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let rows = db::categories(&mut tx).await?;
    tx.commit().await?;
    Ok(rows)
}

/// Staff extend their community's category list.
pub async fn add_category(
    database: &Db,
    scope: &CommunityScope,
    code: &str,
    name: &str,
) -> AppResult<CourseCategory> {
    scope.access.require_staff()?;
    let code = CategoryCode::parse(code)?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 50 {
        return Err(CoursesError::InvalidCategoryName.into());
    }
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let row = db::insert_category(&mut tx, code.as_str(), name)
        .await?
        .ok_or(CoursesError::CategoryExists)?;
    tx.commit().await?;
    Ok(row)
}
