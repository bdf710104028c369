//! The rules of service hours: recorded by the volunteer, by the shift's leader for the whole
//! shift, or by staff; verified or declined by staff; points paid by the post's rule in the
//! verifying transaction.

use chrono::NaiveDate;
use infra::OnViolation;
use infra::{AppError, AppResult};
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db::{self, NewHours};
use super::model::*;
use crate::error::VolunteersError;
use crate::ledger::model::{AccountKind, ISSUANCE, IdempotencyKey, Movement, TransferKind};
use crate::registry::model::{Volunteer, VolunteerStatus};

pub struct HoursInput {
    /// Staff record for a volunteer; `None`: the caller's own.
    pub volunteer_id: Option<Uuid>,
    /// The post served, or the shift (whose post it is).
    pub post_id: Option<Uuid>,
    pub shift_id: Option<Uuid>,
    pub served_on: NaiveDate,
    pub minutes: i32,
    /// Credit a collective card the volunteer belongs to, instead of their own account.
    pub card_id: Option<Uuid>,
}

fn not_started() -> AppError {
    AppError::from(VolunteersError::ShiftNotStarted)
}

/// Record hours: one's own (an active volunteer), or staff for a volunteer.
pub async fn record(ctx: &CommunityCtx, h: HoursInput) -> AppResult<Hours> {
    ctx.require(Roles::ANYONE)?;
    if !(1..=1440).contains(&h.minutes)
        || h.served_on > infra::local_time::date_of(chrono::Utc::now())
    {
        return Err(AppError::from(VolunteersError::BadHoursOnDay));
    }
    let mut tx = ctx.tx().await?;
    let (v, as_) = match h.volunteer_id {
        Some(id) => {
            ctx.require(Roles::STAFF)?;
            let v = crate::registry::db::get(&mut tx, id)
                .await?
                .ok_or(VolunteersError::NotFound("volunteer"))?;
            (v, RecordedAs::Staff)
        }
        None => (
            crate::registry::service::active_self(&mut tx, ctx).await?,
            RecordedAs::Volunteer,
        ),
    };
    let (post, shift) = match (h.post_id, h.shift_id) {
        (_, Some(s)) => {
            let shift = crate::posts::db::shift(&mut tx, s)
                .await?
                .ok_or(VolunteersError::NotFound("shift"))?;
            if shift.starts_at > chrono::Utc::now() {
                return Err(not_started());
            }
            if as_ == RecordedAs::Volunteer
                && !crate::posts::db::signed_up(&mut tx, s)
                    .await?
                    .contains(&v.id)
            {
                return Err(AppError::from(VolunteersError::NotSignedUp));
            }
            (shift.post_id, Some(s))
        }
        (Some(p), None) => {
            crate::posts::db::post(&mut tx, p)
                .await?
                .ok_or(VolunteersError::NotFound("post"))?;
            (p, None)
        }
        (None, None) => {
            return Err(AppError::from(VolunteersError::PostOrShiftNeeded));
        }
    };
    if let Some(card) = h.card_id {
        member_of(&mut tx, card, &v).await?;
    }
    let row = NewHours {
        volunteer_id: v.id,
        post_id: post,
        shift_id: shift,
        served_on: h.served_on,
        minutes: h.minutes,
        recorded_as: as_,
        recorded_by: ctx.access().account_id,
        card_id: h.card_id,
    };
    let hours = db::insert(&mut tx, &row)
        .await
        .on_violation(|v| v.is_unique().then_some(VolunteersError::AlreadyRecorded))?
        .ok_or(VolunteersError::AlreadyRecorded)?;
    tx.commit().await?;
    Ok(hours)
}

async fn member_of(conn: &mut sqlx::PgConnection, card: Uuid, v: &Volunteer) -> AppResult<()> {
    let is_card = crate::ledger::db::account(conn, card)
        .await?
        .is_some_and(|a| a.kind == AccountKind::Collective);
    if !is_card || !crate::ledger::db::is_collective_member(conn, card, v.account_id).await? {
        return Err(VolunteersError::NotCardMember.into());
    }
    Ok(())
}

/// The shift's leader (or staff) records the whole shift at once: every volunteer signed up,
/// for the shift's length or `minutes`; those recorded already are left as they are.
pub async fn record_shift(
    ctx: &CommunityCtx,
    shift: Uuid,
    minutes: Option<i32>,
) -> AppResult<Vec<Hours>> {
    ctx.require(Roles::ANYONE)?;
    let mut tx = ctx.tx().await?;
    let s = crate::posts::db::shift(&mut tx, shift)
        .await?
        .ok_or(VolunteersError::NotFound("shift"))?;
    if s.starts_at > chrono::Utc::now() {
        return Err(not_started());
    }
    let as_ = if ctx.is_staff() {
        RecordedAs::Staff
    } else {
        let me = crate::registry::db::by_account(&mut tx, ctx.access().account_id).await?;
        if me.is_none() || me.map(|m| m.id) != s.leader_id {
            return Err(AppError::forbidden());
        }
        RecordedAs::Leader
    };
    let length = (s.ends_at - s.starts_at).num_minutes() as i32;
    let minutes = minutes.unwrap_or(length);
    if !(1..=1440).contains(&minutes) {
        return Err(AppError::from(VolunteersError::BadMinutes));
    }
    let served_on = infra::local_time::date_of(s.starts_at);
    let mut out = Vec::new();
    for v in crate::posts::db::signed_up(&mut tx, s.id).await? {
        let row = NewHours {
            volunteer_id: v,
            post_id: s.post_id,
            shift_id: Some(s.id),
            served_on,
            minutes,
            recorded_as: as_,
            recorded_by: ctx.access().account_id,
            card_id: None,
        };
        if let Some(h) = db::insert(&mut tx, &row).await? {
            out.push(h);
        }
    }
    tx.commit().await?;
    Ok(out)
}

/// Staff enter an activity's sheet at once (a post, a day, each volunteer's minutes): all
/// the rows or none.
pub async fn record_batch(
    ctx: &CommunityCtx,
    post: Uuid,
    served_on: NaiveDate,
    entries: &[(Uuid, i32)],
) -> AppResult<Vec<Hours>> {
    ctx.require(Roles::STAFF)?;
    if entries.is_empty()
        || entries.len() > 500
        || entries.iter().any(|(_, m)| !(1..=1440).contains(m))
        || served_on > infra::local_time::date_of(chrono::Utc::now())
    {
        return Err(AppError::from(VolunteersError::BadBatchHours));
    }
    let mut tx = ctx.tx().await?;
    crate::posts::db::post(&mut tx, post)
        .await?
        .ok_or(VolunteersError::NotFound("post"))?;
    let mut out = Vec::with_capacity(entries.len());
    for (volunteer, minutes) in entries {
        let row = NewHours {
            volunteer_id: *volunteer,
            post_id: post,
            shift_id: None,
            served_on,
            minutes: *minutes,
            recorded_as: RecordedAs::Staff,
            recorded_by: ctx.access().account_id,
            card_id: None,
        };
        let inserted = db::insert(&mut tx, &row).await.on_violation(|v| {
            v.is_foreign_key()
                .then_some(VolunteersError::NotFound("volunteer"))
        })?;
        out.extend(inserted);
    }
    tx.commit().await?;
    Ok(out)
}

/// Dashboard figures: minutes of service verified and points they earned, per day.
pub const MINUTES_VERIFIED: &str = "volunteers.minutes_verified";
pub const POINTS_EARNED: &str = "volunteers.points_earned";

/// The figures recounted from the hours themselves (the dashboards' rebuild), with the two
/// kept by triggers (`migrations/community/volunteers/0033_figures.sql`): volunteers serving
/// (each once per month with verified hours) and volunteers registered.
pub async fn figures(conn: &mut sqlx::PgConnection) -> AppResult<Vec<(String, NaiveDate, i64)>> {
    Ok(sqlx::query_as(
        "SELECT f.figure, figure_day(h.decided_at) AS day,
                sum(CASE WHEN f.figure = $1 THEN h.minutes ELSE h.points END)::bigint
           FROM volunteer_hours h CROSS JOIN (VALUES ($1), ($2)) AS f (figure)
          WHERE h.status = 'verified' AND (f.figure = $1 OR h.points > 0)
          GROUP BY f.figure, day
         UNION ALL
         SELECT 'volunteers.serving', date_trunc('month', served_on)::date AS day,
                count(DISTINCT volunteer_id)
           FROM volunteer_hours WHERE status = 'verified' GROUP BY day
         UNION ALL
         SELECT 'volunteers.registered', figure_day(created_at) AS day, count(*)
           FROM volunteers GROUP BY day
         UNION ALL
         SELECT 'volunteers.party_members', figure_day(created_at) AS day, count(*)
           FROM volunteers WHERE party_member GROUP BY day
         UNION ALL
         SELECT 'volunteers.people_served', served_on, sum(people)::bigint
           FROM volunteer_people_served GROUP BY served_on
         UNION ALL
         SELECT star_figure(l.level), figure_day(c.changed_at) AS day,
                sum(l.delta)::bigint
           FROM volunteer_star_changes c,
                LATERAL (VALUES (c.from_level, -1), (c.to_level, 1)) AS l (level, delta)
          WHERE l.level > 0 GROUP BY 1, 2",
    )
    .bind(MINUTES_VERIFIED)
    .bind(POINTS_EARNED)
    .fetch_all(conn)
    .await?)
}

/// Points for `minutes` at `per_hour`, to the nearest point.
pub fn points_for(minutes: i32, per_hour: i32) -> i32 {
    ((i64::from(minutes) * i64::from(per_hour) + 30) / 60) as i32
}

/// Verify pending hours (staff): the points the post's rule gives are paid in this same
/// transaction — to the volunteer, or to the card named, attributed to the volunteer.
pub async fn verify(ctx: &CommunityCtx, hours: Uuid) -> AppResult<Hours> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let h = verify_in(&mut tx, ctx, hours).await?;
    tx.commit().await?;
    Ok(h)
}

/// Verify several in one transaction (a shift's hours): all or none.
pub async fn verify_all(ctx: &CommunityCtx, hours: &[Uuid]) -> AppResult<Vec<Hours>> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let mut out = Vec::with_capacity(hours.len());
    for h in hours {
        out.push(verify_in(&mut tx, ctx, *h).await?);
    }
    tx.commit().await?;
    Ok(out)
}

async fn verify_in(tx: &mut sqlx::PgConnection, ctx: &CommunityCtx, id: Uuid) -> AppResult<Hours> {
    let h = db::lock(tx, id)
        .await?
        .ok_or(VolunteersError::NotFound("hours"))?;
    if h.status != HoursStatus::Pending {
        return Err(VolunteersError::NotChangeable.into());
    }
    let v = crate::registry::db::get(tx, h.volunteer_id)
        .await?
        .ok_or(VolunteersError::NotFound("volunteer"))?;
    if v.status == VolunteerStatus::Applicant {
        return Err(VolunteersError::NotActive.into());
    }
    let post = crate::posts::db::post(tx, h.post_id)
        .await?
        .ok_or(VolunteersError::NotFound("post"))?;
    let points = points_for(h.minutes, post.points_per_hour);
    let transfer = if points > 0 {
        let (to, attributed_to) = match h.card_id {
            Some(card) => (card, Some(v.account_id)),
            None => (
                crate::ledger::db::ensure_person(tx, v.account_id, &v.name).await?,
                None,
            ),
        };
        let m = Movement {
            key: IdempotencyKey::derived("hours", h.id),
            kind: TransferKind::Earn,
            from: ISSUANCE,
            to,
            amount: i64::from(points),
            attributed_to,
            reverses: None,
            reference: Some(format!("hours:{}", h.id)),
            memo: None,
        };
        Some(
            crate::ledger::service::move_points(tx, ctx.access().account_id, &m)
                .await?
                .id,
        )
    } else {
        None
    };
    let h = db::verified(tx, h.id, points, transfer, ctx.access().account_id).await?;
    infra::figures::record_today(tx, MINUTES_VERIFIED, i64::from(h.minutes)).await?;
    if points > 0 {
        infra::figures::record_today(tx, POINTS_EARNED, i64::from(points)).await?;
    }
    Ok(h)
}

/// Decline pending hours with a reason (staff); the record stays, marked.
pub async fn decline(ctx: &CommunityCtx, hours: Uuid, reason: &str) -> AppResult<Hours> {
    ctx.require(Roles::STAFF)?;
    let reason = reason.trim();
    if !(1..=200).contains(&reason.chars().count()) {
        return Err(AppError::from(VolunteersError::ReasonNeeded));
    }
    let mut tx = ctx.tx().await?;
    let h = db::lock(&mut tx, hours)
        .await?
        .ok_or(VolunteersError::NotFound("hours"))?;
    if h.status != HoursStatus::Pending {
        return Err(VolunteersError::NotChangeable.into());
    }
    let h = db::declined(&mut tx, h.id, reason, ctx.access().account_id).await?;
    tx.commit().await?;
    Ok(h)
}

/// Hours waiting for verification, oldest first (staff).
pub async fn pending(ctx: &CommunityCtx) -> AppResult<Vec<Hours>> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let rows = db::by_status(&mut tx, HoursStatus::Pending, 500).await?;
    tx.commit().await?;
    Ok(rows)
}

/// A volunteer's statement of hours and points: one's own (`None`), or any (staff).
pub async fn statement(ctx: &CommunityCtx, volunteer: Option<Uuid>) -> AppResult<Statement> {
    ctx.require(Roles::ANYONE)?;
    let mut tx = ctx.tx().await?;
    let v = match volunteer {
        Some(id) => {
            let v = crate::registry::db::get(&mut tx, id)
                .await?
                .ok_or(VolunteersError::NotFound("volunteer"))?;
            if v.account_id != ctx.access().account_id {
                ctx.require(Roles::STAFF)?;
            }
            v
        }
        None => crate::registry::db::by_account(&mut tx, ctx.access().account_id)
            .await?
            .ok_or(VolunteersError::NotFound("volunteer"))?,
    };
    let s = statement_of(&mut tx, v).await?;
    tx.commit().await?;
    Ok(s)
}

/// The statement of a volunteer, in the caller's transaction (a nomination's snapshot).
pub async fn statement_of(conn: &mut sqlx::PgConnection, v: Volunteer) -> AppResult<Statement> {
    let hours = db::of_volunteer(conn, v.id).await?;
    let balance = crate::ledger::db::person_account(conn, v.account_id)
        .await?
        .map_or(0, |a| a.balance);
    let verified: Vec<&Hours> = hours
        .iter()
        .filter(|h| h.status == HoursStatus::Verified)
        .collect();
    Ok(Statement {
        verified_minutes: verified.iter().map(|h| i64::from(h.minutes)).sum(),
        points_earned: verified
            .iter()
            .map(|h| i64::from(h.points.unwrap_or(0)))
            .sum(),
        first_served: verified.iter().map(|h| h.served_on).min(),
        last_served: verified.iter().map(|h| h.served_on).max(),
        balance,
        volunteer: v,
        hours,
    })
}

/// What a partner team's volunteers have given: volunteers, verified minutes and points, in
/// all and month by month (a university reports its students' service).
#[derive(Debug, Clone)]
pub struct TeamService {
    pub volunteers: i64,
    pub verified_minutes: i64,
    pub points: i64,
    pub months: Vec<TeamMonth>,
}

/// The service of the volunteers registered with a partner team (the caller checked who may
/// see it); month by month only when `by_month` (a second read in the same transaction).
pub async fn team_service(
    ctx: &CommunityCtx,
    team: Uuid,
    by_month: bool,
) -> AppResult<TeamService> {
    ctx.require(Roles::ANYONE)?;
    let mut tx = ctx.tx().await?;
    let (volunteers, verified_minutes, points) = db::team_totals(&mut tx, team).await?;
    let months = if by_month {
        db::team_months(&mut tx, team).await?
    } else {
        Vec::new()
    };
    tx.commit().await?;
    Ok(TeamService {
        volunteers,
        verified_minutes,
        points,
        months,
    })
}
