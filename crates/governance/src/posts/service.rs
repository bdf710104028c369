//! The rules of micro-grids and posts.

use infra::{AppError, AppResult, OnViolation};
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db;
use super::model::*;
use crate::error::{GovernanceError as E, Missing};

/// Staff draw a micro-grid inside a grid.
pub async fn create_micro_grid(ctx: &CommunityCtx, grid: Uuid, name: &str) -> AppResult<MicroGrid> {
    ctx.require(Roles::STAFF)?;
    let name = infra::input::text(name, 1, 50, "微网格名称", "The micro-grid's name")?;
    let mut tx = ctx.tx().await?;
    let m = db::insert_micro_grid(&mut tx, grid, name)
        .await
        .on_violation(|v| {
            if v.is("micro_grids_in_a_grid") {
                Some(AppError::from(E::NotAGrid))
            } else if v.is_foreign_key() {
                Some(E::NotFound(Missing::Grid).into())
            } else {
                v.is_unique().then(|| E::MicroGridNameTaken.into())
            }
        })?;
    tx.commit().await?;
    Ok(m)
}

/// The micro-grids (of one grid, or all): every member reads them.
pub async fn micro_grids(ctx: &CommunityCtx, grid: Option<Uuid>) -> AppResult<Vec<MicroGrid>> {
    ctx.require(Roles::MEMBERS)?;
    let mut tx = ctx.tx().await?;
    Ok(db::micro_grids(&mut tx, grid).await?)
}

/// Staff add a post to a micro-grid (楼栋长, 红色管家 …) with what it asks.
pub async fn add_post(
    ctx: &CommunityCtx,
    micro_grid: Uuid,
    title: &str,
    duties: &str,
) -> AppResult<Post> {
    ctx.require(Roles::STAFF)?;
    let title = infra::input::text(title, 1, 30, "岗位名称", "The post's title")?;
    let duties = infra::input::text(duties, 0, 200, "岗位职责", "The duties")?;
    let mut tx = ctx.tx().await?;
    let p = db::insert_post(&mut tx, micro_grid, title, duties)
        .await
        .on_violation(|v| {
            v.is_foreign_key()
                .then_some(E::NotFound(Missing::MicroGrid))
        })?;
    tx.commit().await?;
    Ok(p)
}

/// Posts of a micro-grid, with their holders: every member reads them.
pub async fn posts(ctx: &CommunityCtx, micro_grid: Uuid) -> AppResult<Vec<Post>> {
    ctx.require(Roles::MEMBERS)?;
    let mut tx = ctx.tx().await?;
    Ok(db::posts(&mut tx, Some(&[micro_grid]), None).await?)
}

/// The posts the caller holds.
pub async fn my_posts(ctx: &CommunityCtx) -> AppResult<Vec<Post>> {
    ctx.require(Roles::MEMBERS)?;
    let mut tx = ctx.tx().await?;
    Ok(db::posts(&mut tx, None, Some(ctx.access().account_id)).await?)
}

/// A member claims a free post (认领), saying whether they claim it as a party member. Held
/// already: `CONFLICT` — decided by the database, whatever the race.
pub async fn claim(ctx: &CommunityCtx, post: Uuid, party_member: bool) -> AppResult<Post> {
    ctx.require(Roles::MEMBERS)?;
    let me = ctx.access();
    let mut tx = ctx.tx().await?;
    db::claim(&mut tx, post, me.account_id, &me.display_name, party_member)
        .await
        .on_violation(|v| {
            if v.is("post_claims_one_holder") {
                Some(E::PostTaken)
            } else {
                v.is_foreign_key().then_some(E::NotFound(Missing::Post))
            }
        })?;
    let p = db::post(&mut tx, post)
        .await?
        .ok_or(E::NotFound(Missing::Post))?;
    tx.commit().await?;
    Ok(p)
}

/// Its holder (or staff) hands a post back; it is free again.
pub async fn hand_back(ctx: &CommunityCtx, post: Uuid) -> AppResult<Post> {
    ctx.require(Roles::MEMBERS)?;
    let mut tx = ctx.tx().await?;
    let p = db::post(&mut tx, post)
        .await?
        .ok_or(E::NotFound(Missing::Post))?;
    let holder = p.holder_account.ok_or(E::NotHolder)?;
    if holder != ctx.access().account_id && !ctx.is_staff() {
        return Err(E::NotHolder.into());
    }
    if !db::hand_back(&mut tx, post).await? {
        return Err(E::NotHolder.into());
    }
    let p = db::post(&mut tx, post)
        .await?
        .ok_or(E::NotFound(Missing::Post))?;
    tx.commit().await?;
    Ok(p)
}

/// The figures the trigger keeps, recounted for a rebuild.
pub async fn figures(
    conn: &mut sqlx::PgConnection,
) -> AppResult<Vec<(String, chrono::NaiveDate, i64)>> {
    Ok(db::figures(conn).await?)
}
