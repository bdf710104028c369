//! The rules of the volunteer registry (志愿者招募、注册、培养、管理).

use infra::{AppError, AppResult};
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db::{self, NewVolunteer};
use super::model::*;
use crate::error::VolunteersError;

pub struct Registration {
    /// Whom: the caller (`None`), or — for staff (代办) — another person's account with their
    /// name.
    pub person: Option<(Uuid, String)>,
    pub skills: Vec<String>,
    pub party_member: bool,
    /// A partner team the person volunteers with (a key of the partners crate, which alone
    /// sets it, after checking the person is in the team).
    pub team_id: Option<Uuid>,
}

fn skills(list: &[String]) -> AppResult<Vec<String>> {
    if list.len() > 20 {
        return Err(AppError::from(VolunteersError::TooManySkills));
    }
    list.iter()
        .map(|s| {
            let t = s.trim();
            if (1..=30).contains(&t.chars().count()) {
                Ok(t.to_owned())
            } else {
                Err(AppError::from(VolunteersError::BadSkill))
            }
        })
        .collect()
}

/// Register as a volunteer (an applicant until staff accept), or register someone else
/// (staff: a grid worker's 代办 reaches only their grids' residents, whom the time bank cannot
/// tell apart). Registering twice is `CONFLICT`.
pub async fn register(ctx: &CommunityCtx, r: Registration) -> AppResult<Volunteer> {
    ctx.require(Roles::ANYONE)?;
    // A partner's people volunteer with their team (set by the partners crate alone).
    if r.team_id.is_none() {
        ctx.require(Roles::MEMBERS)?;
    }
    let (account, name) = match r.person {
        Some(p) => {
            ctx.require(Roles::STAFF)?;
            p
        }
        None => (ctx.access().account_id, ctx.access().display_name.clone()),
    };
    let name = name.trim();
    if !(1..=50).contains(&name.chars().count()) {
        return Err(AppError::from(VolunteersError::BadTypeName));
    }
    let skills = skills(&r.skills)?;
    let mut tx = ctx.tx().await?;
    let v = db::insert(
        &mut tx,
        &NewVolunteer {
            account_id: account,
            name,
            skills: &skills,
            party_member: r.party_member,
            team_id: r.team_id,
            registered_by: ctx.access().account_id,
        },
    )
    .await?
    .ok_or(VolunteersError::AlreadyRegistered)?;
    tx.commit().await?;
    Ok(v)
}

/// Accept, deactivate or reactivate a volunteer (staff). Nobody is deleted.
pub async fn set_status(
    ctx: &CommunityCtx,
    volunteer: Uuid,
    to: VolunteerStatus,
) -> AppResult<Volunteer> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let v = db::lock(&mut tx, volunteer)
        .await?
        .ok_or(VolunteersError::NotFound("volunteer"))?;
    use VolunteerStatus::*;
    let allowed = matches!(
        (v.status, to),
        (Applicant, Active) | (Active, Inactive) | (Inactive, Active) | (Applicant, Inactive)
    );
    if !allowed {
        return Err(VolunteersError::NotChangeable.into());
    }
    let v = db::set_status(&mut tx, v.id, to).await?;
    tx.commit().await?;
    Ok(v)
}

/// Record a training a volunteer attended (staff).
pub async fn add_training(
    ctx: &CommunityCtx,
    volunteer: Uuid,
    title: &str,
    held_on: chrono::NaiveDate,
    hours: f64,
) -> AppResult<Training> {
    ctx.require(Roles::STAFF)?;
    let title = title.trim();
    let hours_ok = hours > 0.0 && hours <= 100.0;
    if !(1..=100).contains(&title.chars().count()) || !hours_ok {
        return Err(AppError::from(VolunteersError::BadTraining));
    }
    let mut tx = ctx.tx().await?;
    db::get(&mut tx, volunteer)
        .await?
        .ok_or(VolunteersError::NotFound("volunteer"))?;
    let t = db::insert_training(
        &mut tx,
        volunteer,
        title,
        held_on,
        hours,
        ctx.access().account_id,
    )
    .await?;
    tx.commit().await?;
    Ok(t)
}

/// Volunteers by status (staff).
pub async fn volunteers(
    ctx: &CommunityCtx,
    status: Option<VolunteerStatus>,
) -> AppResult<Vec<Volunteer>> {
    ctx.require(Roles::PROXY)?;
    let mut tx = ctx.tx().await?;
    let rows = db::list(&mut tx, status).await?;
    tx.commit().await?;
    Ok(rows)
}

/// One volunteer's trainings (staff and grid workers).
pub async fn trainings_of(ctx: &CommunityCtx, volunteer: Uuid) -> AppResult<Vec<Training>> {
    ctx.require(Roles::PROXY)?;
    let mut tx = ctx.tx().await?;
    let rows = db::trainings(&mut tx, volunteer).await?;
    tx.commit().await?;
    Ok(rows)
}

/// The caller as a volunteer, if registered, with trainings.
pub async fn me(ctx: &CommunityCtx) -> AppResult<Option<(Volunteer, Vec<Training>)>> {
    ctx.require(Roles::ANYONE)?;
    let mut tx = ctx.tx().await?;
    let out = match db::by_account(&mut tx, ctx.access().account_id).await? {
        Some(v) => {
            let t = db::trainings(&mut tx, v.id).await?;
            Some((v, t))
        }
        None => None,
    };
    tx.commit().await?;
    Ok(out)
}

/// The caller's active volunteer record, or a coded refusal.
pub(crate) async fn active_self(
    conn: &mut sqlx::PgConnection,
    ctx: &CommunityCtx,
) -> AppResult<Volunteer> {
    let v = db::by_account(conn, ctx.access().account_id)
        .await?
        .ok_or(VolunteersError::NotFound("volunteer"))?;
    if v.status != VolunteerStatus::Active {
        return Err(VolunteersError::NotActive.into());
    }
    Ok(v)
}

/// The hours each star level (一星 … 五星) asks: every member reads them.
pub async fn star_thresholds(ctx: &CommunityCtx) -> AppResult<Vec<i32>> {
    ctx.require(Roles::ANYONE)?;
    let mut tx = ctx.tx().await?;
    Ok(db::star_thresholds(&mut tx).await?)
}

/// Staff set the five thresholds (hours, rising, 1 to 100,000); every volunteer's level is
/// recomputed in the same transaction. The thresholds as they now are.
pub async fn set_star_thresholds(ctx: &CommunityCtx, hours: &[i32]) -> AppResult<Vec<i32>> {
    ctx.require(Roles::STAFF)?;
    let rising = hours.windows(2).all(|w| w[0] < w[1]);
    if hours.len() != 5 || !rising || !hours.iter().all(|h| (1..=100_000).contains(h)) {
        return Err(VolunteersError::BadStarThresholds.into());
    }
    let mut tx = ctx.tx().await?;
    db::set_star_thresholds(&mut tx, hours).await?;
    let now = db::star_thresholds(&mut tx).await?;
    tx.commit().await?;
    Ok(now)
}
