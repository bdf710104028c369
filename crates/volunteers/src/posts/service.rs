//! The rules of posts (岗位) and shifts (班次): sign-up never past the places needed.

use chrono::{DateTime, Duration, Utc};
use infra::OnViolation;
use infra::input::text;
use infra::{AppError, AppResult};
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db;
use super::model::{PeopleServed, Post, PostType, Shift};
use crate::error::VolunteersError;

/// Any member of the community may read it.
pub async fn post_types(ctx: &CommunityCtx) -> AppResult<Vec<PostType>> {
    let mut tx = ctx.tx().await?;
    let rows = db::post_types(&mut tx).await?;
    tx.commit().await?;
    Ok(rows)
}

fn bad_time() -> AppError {
    AppError::from(VolunteersError::TimeOutOfRange)
}

/// Add a kind of post (staff): post types are the community's own list.
pub async fn create_post_type(ctx: &CommunityCtx, code: &str, name: &str) -> AppResult<PostType> {
    ctx.require(Roles::STAFF)?;
    let code = code.trim();
    if !(2..=32).contains(&code.len()) || !code.chars().all(|c| c.is_ascii_lowercase() || c == '_')
    {
        return Err(AppError::from(VolunteersError::BadTypeCode));
    }
    let name = text(name, 1, 50, "岗位类型名称", "The name")?;
    let mut tx = ctx.tx().await?;
    let t = db::insert_post_type(&mut tx, code, name)
        .await?
        .ok_or(VolunteersError::NameTaken)?;
    tx.commit().await?;
    Ok(t)
}

/// Add a post of a type with its points rule (staff).
pub async fn create_post(
    ctx: &CommunityCtx,
    type_code: &str,
    title: &str,
    description: &str,
    points_per_hour: i32,
) -> AppResult<Post> {
    ctx.require(Roles::STAFF)?;
    let title = text(title, 1, 100, "岗位名称", "The title")?;
    if description.chars().count() > 1000 || !(0..=1000).contains(&points_per_hour) {
        return Err(AppError::from(VolunteersError::BadPostDescription));
    }
    let mut tx = ctx.tx().await?;
    let p = db::insert_post(
        &mut tx,
        type_code.trim(),
        title,
        description.trim(),
        points_per_hour,
    )
    .await
    .on_violation(|v| {
        v.is_foreign_key()
            .then(|| AppError::from(VolunteersError::NoSuchPostType))
    })?
    .ok_or(VolunteersError::NameTaken)?;
    tx.commit().await?;
    Ok(p)
}

pub async fn posts(ctx: &CommunityCtx) -> AppResult<Vec<Post>> {
    ctx.require(Roles::ANYONE)?;
    let mut tx = ctx.tx().await?;
    let p = db::posts(&mut tx).await?;
    tx.commit().await?;
    Ok(p)
}

pub struct ShiftInput {
    pub post_id: Uuid,
    pub starts_at: DateTime<Utc>,
    pub minutes: i32,
    pub place: String,
    pub space_id: Option<Uuid>,
    pub needed: i32,
    /// A volunteer who leads the shift and records its hours.
    pub leader_id: Option<Uuid>,
}

/// Add a shift to a post (staff).
pub async fn add_shift(ctx: &CommunityCtx, s: ShiftInput) -> AppResult<Shift> {
    ctx.require(Roles::STAFF)?;
    let place = text(&s.place, 1, 100, "地点", "The place")?;
    if !(15..=1440).contains(&s.minutes) || !(1..=500).contains(&s.needed) {
        return Err(AppError::from(VolunteersError::BadShift));
    }
    let ends_at = s
        .starts_at
        .checked_add_signed(Duration::minutes(i64::from(s.minutes)))
        .ok_or_else(bad_time)?;
    let mut tx = ctx.tx().await?;
    db::post(&mut tx, s.post_id)
        .await?
        .ok_or(VolunteersError::NotFound("post"))?;
    if let Some(l) = s.leader_id {
        crate::registry::db::get(&mut tx, l)
            .await?
            .ok_or(VolunteersError::NotFound("volunteer"))?;
    }
    let shift = db::insert_shift(
        &mut tx,
        &db::NewShift {
            post_id: s.post_id,
            starts_at: s.starts_at,
            ends_at,
            place,
            space_id: s.space_id,
            needed: s.needed,
            leader_id: s.leader_id,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(shift)
}

/// Shifts starting in `days` days from `from`.
pub async fn shifts(ctx: &CommunityCtx, from: DateTime<Utc>, days: i64) -> AppResult<Vec<Shift>> {
    ctx.require(Roles::ANYONE)?;
    let mut tx = ctx.tx().await?;
    let to = from
        .checked_add_signed(Duration::days(days.clamp(1, 62)))
        .ok_or_else(bad_time)?;
    let rows = db::shifts_between(&mut tx, from, to).await?;
    tx.commit().await?;
    Ok(rows)
}

/// The shifts from `from` on that I hold a place in (to withdraw from them).
pub async fn my_shifts(ctx: &CommunityCtx, from: DateTime<Utc>) -> AppResult<Vec<Uuid>> {
    ctx.require(Roles::ANYONE)?;
    let mut tx = ctx.tx().await?;
    let rows = db::shifts_of_account(&mut tx, ctx.access().account_id, from).await?;
    tx.commit().await?;
    Ok(rows)
}

/// An active volunteer signs up for a shift that has not started; never past `needed`
/// (PostgreSQL's CHECK on the counted row), whatever the concurrency.
pub async fn sign_up(ctx: &CommunityCtx, shift: Uuid) -> AppResult<Shift> {
    ctx.require(Roles::ANYONE)?;
    let mut tx = ctx.tx().await?;
    let v = crate::registry::service::active_self(&mut tx, ctx).await?;
    let s = db::shift(&mut tx, shift)
        .await?
        .ok_or(VolunteersError::NotFound("shift"))?;
    if s.starts_at <= Utc::now() {
        return Err(VolunteersError::NotChangeable.into());
    }
    let signed_up = db::sign_up(&mut tx, s.id, v.id)
        .await
        .on_constraint("volunteer_shifts_never_over_filled", || {
            VolunteersError::ShiftFull
        })?;
    if !signed_up {
        return Err(VolunteersError::AlreadySignedUp.into());
    }
    let s = db::shift(&mut tx, shift)
        .await?
        .ok_or(VolunteersError::NotFound("shift"))?;
    tx.commit().await?;
    Ok(s)
}

/// Withdraw from a shift that has not started; the place is free at once.
pub async fn withdraw(ctx: &CommunityCtx, shift: Uuid) -> AppResult<Shift> {
    ctx.require(Roles::ANYONE)?;
    let mut tx = ctx.tx().await?;
    let v = crate::registry::service::active_self(&mut tx, ctx).await?;
    let s = db::shift(&mut tx, shift)
        .await?
        .ok_or(VolunteersError::NotFound("shift"))?;
    if s.starts_at <= Utc::now() || !db::withdraw(&mut tx, s.id, v.id).await? {
        return Err(VolunteersError::NotChangeable.into());
    }
    let s = db::shift(&mut tx, shift)
        .await?
        .ok_or(VolunteersError::NotFound("shift"))?;
    tx.commit().await?;
    Ok(s)
}

/// Count the people a post's volunteers served on a day (staff; 服务人次): a second count of
/// the same post and day replaces the first. Not for a day to come.
pub async fn record_people_served(
    ctx: &CommunityCtx,
    post: Uuid,
    on: chrono::NaiveDate,
    people: i32,
) -> AppResult<PeopleServed> {
    ctx.require(Roles::STAFF)?;
    let today = infra::local_time::date_of(Utc::now());
    if !(0..=100_000).contains(&people) || on > today {
        return Err(VolunteersError::BadPeopleServed.into());
    }
    let mut tx = ctx.tx().await?;
    let row = db::put_people_served(&mut tx, post, on, people, ctx.access().account_id)
        .await?
        .ok_or(VolunteersError::NotFound("post"))?;
    tx.commit().await?;
    Ok(row)
}

/// The people counted served over `days` days from `from` (staff; a day to a year).
pub async fn people_served(
    ctx: &CommunityCtx,
    from: chrono::NaiveDate,
    days: i64,
) -> AppResult<Vec<PeopleServed>> {
    ctx.require(Roles::STAFF)?;
    // As with shifts, the span is kept in bounds rather than refused.
    let days = days.clamp(1, 366);
    let mut tx = ctx.tx().await?;
    let rows = db::people_served(&mut tx, from, from + Duration::days(days - 1)).await?;
    tx.commit().await?;
    Ok(rows)
}
