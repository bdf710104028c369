//! The rules of clubs: each function opens its own tenant transaction.

use infra::{AppError, AppResult, CommunityScope, Db};
use uuid::Uuid;

use super::db;
use crate::model::*;

pub async fn create_federation(
    database: &Db,
    scope: &CommunityScope,
    name: &str,
    leader: Option<Uuid>,
) -> AppResult<Federation> {
    scope.access.require_staff()?;
    let name = text(name, 50, "联盟名称")?;
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let f = db::insert_federation(&mut tx, &name, leader)
        .await?
        .ok_or_else(|| {
            AppError::conflict("同名的社团联盟已存在", "A federation with this name exists")
        })?;
    tx.commit().await?;
    Ok(f)
}

pub async fn create_club(
    database: &Db,
    scope: &CommunityScope,
    name: &str,
    federation: Option<Uuid>,
) -> AppResult<Club> {
    scope.access.require_staff()?;
    let name = text(name, 50, "社团名称")?;
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let c = db::insert_club(&mut tx, &name, federation)
        .await?
        .ok_or_else(|| AppError::conflict("同名的社团已存在", "A club with this name exists"))?;
    tx.commit().await?;
    Ok(c)
}

pub async fn set_club_member(
    database: &Db,
    scope: &CommunityScope,
    club: Uuid,
    learner: Uuid,
    role: ClubRole,
) -> AppResult<()> {
    scope.access.require_staff()?;
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    db::upsert_club_member(&mut tx, club, learner, role).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn clubs(
    database: &Db,
    scope: &CommunityScope,
    after: Option<Uuid>,
    limit: i64,
) -> AppResult<(Vec<Club>, Vec<ClubMember>, Vec<Federation>)> {
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let clubs = db::clubs_page(&mut tx, after, limit + 1).await?;
    let ids: Vec<Uuid> = clubs.iter().map(|c| c.id).collect();
    let members = db::club_members(&mut tx, &ids).await?;
    let feds = db::federations(&mut tx).await?;
    tx.commit().await?;
    Ok((clubs, members, feds))
}

pub async fn federations(database: &Db, scope: &CommunityScope) -> AppResult<Vec<Federation>> {
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let f = db::federations(&mut tx).await?;
    tx.commit().await?;
    Ok(f)
}
