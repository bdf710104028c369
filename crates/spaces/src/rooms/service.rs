use infra::AppResult;
use infra::OnViolation;
use tenancy::{CommunityCtx, Roles};

use super::db;
use super::model::{Space, SpaceKind};
use crate::error::SpacesError;

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
    if !(1..=10_000).contains(&capacity) || !(1..=100).contains(&name.trim().chars().count()) {
        return Err(infra::AppError::from(SpacesError::BadSpace));
    }
    let mut tx = ctx.tx().await?;
    let row = db::insert_space(&mut tx, name.trim(), kind, capacity).await?;
    tx.commit().await?;
    Ok(row)
}

/// A space's rules as staff set them (all of them at once).
pub struct SpaceRules {
    pub capacity: i32,
    pub courtyard_id: Option<uuid::Uuid>,
    pub amenities: Vec<String>,
    pub bookable_by: super::model::BookableBy,
    pub window_days: i32,
    pub min_minutes: i32,
    pub max_minutes: i32,
    pub needs_approval: bool,
    pub points_per_hour: i32,
}

/// Set a space's booking rules (staff).
pub async fn set_space_rules(
    ctx: &CommunityCtx,
    space_id: uuid::Uuid,
    r: SpaceRules,
) -> AppResult<Space> {
    ctx.require(Roles::STAFF)?;
    let ok = (1..=10_000).contains(&r.capacity)
        && (1..=365).contains(&r.window_days)
        && (15..=1440).contains(&r.min_minutes)
        && (r.min_minutes..=1440).contains(&r.max_minutes)
        && (0..=10_000).contains(&r.points_per_hour)
        && r.amenities.len() <= 20
        && r.amenities
            .iter()
            .all(|a| (1..=30).contains(&a.trim().chars().count()));
    if !ok {
        return Err(crate::error::SpacesError::BadRules.into());
    }
    let mut tx = ctx.tx().await?;
    let current = db::space(&mut tx, space_id)
        .await?
        .ok_or(crate::error::SpacesError::NotFound("space"))?;
    let wanted = Space {
        capacity: r.capacity,
        courtyard_id: r.courtyard_id,
        amenities: r.amenities.iter().map(|a| a.trim().to_string()).collect(),
        bookable_by: r.bookable_by,
        window_days: r.window_days,
        min_minutes: r.min_minutes,
        max_minutes: r.max_minutes,
        needs_approval: r.needs_approval,
        points_per_hour: r.points_per_hour,
        ..current
    };
    let s = db::set_rules(&mut tx, space_id, &wanted)
        .await
        .on_violation(|v| {
            v.is_foreign_key()
                .then(|| infra::AppError::from(SpacesError::CourtyardNotFound))
        })?
        .ok_or(crate::error::SpacesError::NotFound("space"))?;
    tx.commit().await?;
    Ok(s)
}

/// Replace a space's weekly opening hours (staff): spans per ISO weekday (1 = Monday).
pub async fn set_opening_hours(
    ctx: &CommunityCtx,
    space_id: uuid::Uuid,
    spans: Vec<super::model::OpeningSpan>,
) -> AppResult<Vec<super::model::OpeningSpan>> {
    ctx.require(Roles::STAFF)?;
    let mut sorted = spans.clone();
    sorted.sort_by_key(|s| (s.weekday, s.opens));
    let overlapping = sorted
        .windows(2)
        .any(|w| w[0].weekday == w[1].weekday && w[1].opens < w[0].closes);
    if spans.len() > 50
        || overlapping
        || spans
            .iter()
            .any(|s| !(1..=7).contains(&s.weekday) || s.closes <= s.opens)
    {
        return Err(crate::error::SpacesError::BadRules.into());
    }
    let mut tx = ctx.tx().await?;
    db::space(&mut tx, space_id)
        .await?
        .ok_or(crate::error::SpacesError::NotFound("space"))?;
    db::set_hours(&mut tx, space_id, &spans).await?;
    let rows = db::hours(&mut tx, space_id).await?;
    tx.commit().await?;
    Ok(rows)
}

/// Close a space for a day (a holiday, a repair), whatever its hours say (staff).
pub async fn close_space_on(
    ctx: &CommunityCtx,
    space_id: uuid::Uuid,
    on: chrono::NaiveDate,
    reason: Option<&str>,
) -> AppResult<()> {
    ctx.require(Roles::STAFF)?;
    if reason.is_some_and(|r| r.chars().count() > 100) {
        return Err(crate::error::SpacesError::BadRules.into());
    }
    let mut tx = ctx.tx().await?;
    db::space(&mut tx, space_id)
        .await?
        .ok_or(crate::error::SpacesError::NotFound("space"))?;
    db::add_closure(&mut tx, space_id, on, reason.map(str::trim)).await?;
    tx.commit().await?;
    Ok(())
}

/// A space's weekly opening hours and its closures over `days` days from `from` (any member:
/// residents see when a room is open before booking it).
pub async fn opening(
    ctx: &CommunityCtx,
    space_id: uuid::Uuid,
    from: chrono::NaiveDate,
    days: i32,
) -> AppResult<(Vec<super::model::OpeningSpan>, Vec<super::model::Closure>)> {
    if !(1..=366).contains(&days) {
        return Err(SpacesError::BadRules.into());
    }
    let mut tx = ctx.tx().await?;
    db::space(&mut tx, space_id)
        .await?
        .ok_or(SpacesError::NotFound("space"))?;
    let hours = db::hours(&mut tx, space_id).await?;
    let to = from + chrono::Duration::days(i64::from(days) - 1);
    let closures = db::closures(&mut tx, space_id, from, to).await?;
    tx.commit().await?;
    Ok((hours, closures))
}
