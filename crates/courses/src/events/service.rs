//! The rules of events and walk-ins.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use infra::OnViolation;
use infra::{AppError, AppResult};
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db;
pub use super::db::Occasion;
use crate::error::{CoursesError, not_found};
use crate::learners::service::{acting_for, entering_for};
use crate::model::*;
use crate::timetable::schedule::{Schedule, ScheduleRequest};

pub struct EventInput {
    pub title: String,
    pub kind: EventKind,
    pub starts_at: DateTime<Utc>,
    pub duration_minutes: i32,
    pub place: String,
    /// `None`: no registration.
    pub capacity: Option<i32>,
    /// 人次 the event aims for.
    pub attendance_target: Option<i32>,
}

/// A repeating event (达人服务日 on the 15th of each month): what each holds, and the rule.
pub struct EventSeriesInput {
    pub title: String,
    pub kind: EventKind,
    pub place: String,
    pub capacity: Option<i32>,
    pub attendance_target: Option<i32>,
    pub rule: ScheduleRequest,
}

/// The checked text and numbers every event of a series shares.
fn checked<'a>(
    title: &'a str,
    place: &'a str,
    kind: EventKind,
    capacity: Option<i32>,
    attendance_target: Option<i32>,
) -> AppResult<db::NewEvent<'a>> {
    let title = text(title, 1, 100, "活动名称", "The event's title")?;
    let place = text(place, 1, 100, "活动地点", "The place")?;
    let out_of = |v: Option<i32>| v.is_some_and(|c| !(1..=100_000).contains(&c));
    if out_of(capacity) || out_of(attendance_target) {
        return Err(AppError::from(CoursesError::BadEventTimes));
    }
    Ok(db::NewEvent {
        title,
        kind,
        place,
        capacity,
        series_id: None,
        attendance_target,
    })
}

/// Staff put an event on the calendar.
pub async fn create_event(ctx: &CommunityCtx, input: EventInput) -> AppResult<Event> {
    ctx.require(Roles::STAFF)?;
    let new = checked(
        &input.title,
        &input.place,
        input.kind,
        input.capacity,
        input.attendance_target,
    )?;
    if !(2000..=2100).contains(&chrono::Datelike::year(&input.starts_at))
        || !(1..=24 * 60).contains(&input.duration_minutes)
    {
        return Err(AppError::from(CoursesError::BadEventTimes));
    }
    let ends_at = input.starts_at + Duration::minutes(i64::from(input.duration_minutes));
    let mut tx = ctx.tx().await?;
    let mut rows = db::insert_events(&mut tx, &new, &[(input.starts_at, ends_at)]).await?;
    tx.commit().await?;
    rows.pop()
        .ok_or_else(|| AppError::internal("an insert returned no row"))
}

/// Staff put a repeating event on the calendar: one event per date of the rule (as sessions
/// are scheduled), all of one series, in one transaction.
pub async fn schedule_events(ctx: &CommunityCtx, input: EventSeriesInput) -> AppResult<Vec<Event>> {
    ctx.require(Roles::STAFF)?;
    let mut new = checked(
        &input.title,
        &input.place,
        input.kind,
        input.capacity,
        input.attendance_target,
    )?;
    let slots = Schedule::parse(input.rule)?.slots()?;
    if slots.is_empty() {
        return Err(CoursesError::BadSchedule.into());
    }
    new.series_id = Some(Uuid::now_v7());
    let mut tx = ctx.tx().await?;
    let rows = db::insert_events(&mut tx, &new, &slots).await?;
    tx.commit().await?;
    Ok(rows)
}

/// Events starting on `days` days from `from` (the community's dates), each with its 人次.
pub async fn events(
    ctx: &CommunityCtx,
    from: NaiveDate,
    days: i32,
) -> AppResult<Vec<(Event, i64)>> {
    if !(1..=366).contains(&days) {
        return Err(AppError::from(CoursesError::SpanOver366Days));
    }
    let at = infra::local_time::midnight;
    let mut tx = ctx.tx().await?;
    let rows = db::events_between(
        &mut tx,
        at(from),
        at(from + Duration::days(i64::from(days))),
    )
    .await?;
    tx.commit().await?;
    Ok(rows)
}

/// Register yourself, a child, or (staff, 代办) anyone for an event that takes registrations.
pub async fn register_for_event(
    ctx: &CommunityCtx,
    event_id: Uuid,
    learner: Option<Uuid>,
) -> AppResult<Event> {
    let mut tx = ctx.tx().await?;
    let learner = acting_for(&mut tx, ctx, learner).await?;
    let e = db::event(&mut tx, event_id)
        .await?
        .ok_or_else(|| not_found("event"))?;
    if e.capacity.is_none() || e.status == SessionStatus::Cancelled || e.starts_at <= Utc::now() {
        return Err(CoursesError::CourseNotOpen.into());
    }
    db::register(&mut tx, e.id, learner.id, ctx.access().account_id)
        .await
        .on_violation(|v| match v {
            v if v.is("events_capacity") => Some(CoursesError::EventFull),
            v if v.is_unique() => Some(CoursesError::AlreadyEnrolled),
            _ => None,
        })?;
    let e = db::event(&mut tx, event_id)
        .await?
        .ok_or_else(|| not_found("event"))?;
    tx.commit().await?;
    Ok(e)
}

/// When a resident may count themselves in: from half an hour before until the end.
fn open_at(starts_at: DateTime<Utc>, ends_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now >= starts_at - Duration::minutes(30) && now <= ends_at
}

/// Count a person in (人次) at an event or an open lecture / forum session: the resident on
/// the spot, a child in their care, or staff for anyone (代办) at any time. Once per person and
/// occasion. Returns the occasion's 人次 now.
pub async fn walk_in(ctx: &CommunityCtx, at: Occasion, learner: Option<Uuid>) -> AppResult<i64> {
    let mut tx = ctx.tx().await?;
    let person = entering_for(&mut tx, ctx, learner).await?;
    let (starts_at, ends_at, cancelled) = match at {
        Occasion::Event(id) => {
            let e = db::event(&mut tx, id)
                .await?
                .ok_or_else(|| not_found("event"))?;
            (e.starts_at, e.ends_at, e.status == SessionStatus::Cancelled)
        }
        Occasion::Session(id) => {
            let s = crate::catalogue::db::session(&mut tx, id)
                .await?
                .ok_or_else(|| not_found("session"))?;
            let c = crate::catalogue::db::course(&mut tx, s.course_id)
                .await?
                .ok_or_else(|| not_found("course"))?;
            // Enrolled learners check in; walk-ins are for lectures and forums open to all.
            if !matches!(c.format, Format::Lecture | Format::Forum) {
                return Err(CoursesError::NotEnrolled.into());
            }
            (s.starts_at, s.ends_at, s.status == SessionStatus::Cancelled)
        }
    };
    if cancelled {
        return Err(CoursesError::SessionCancelled.into());
    }
    if !ctx.is_proxy() && !open_at(starts_at, ends_at, Utc::now()) {
        return Err(CoursesError::OutsideWindow.into());
    }
    if !db::insert_person(&mut tx, at, person.id, ctx.access().account_id).await? {
        return Err(CoursesError::AlreadyCheckedIn.into());
    }
    let n = db::attendance(&mut tx, at).await?;
    tx.commit().await?;
    Ok(n)
}

/// Staff add a head count of people not recorded one by one. Returns the 人次 now.
pub async fn tally_walk_ins(ctx: &CommunityCtx, at: Occasion, count: i32) -> AppResult<i64> {
    ctx.require(Roles::STAFF)?;
    if !(1..=10_000).contains(&count) {
        return Err(AppError::from(CoursesError::CountOver10000));
    }
    let mut tx = ctx.tx().await?;
    let exists = match at {
        Occasion::Event(id) => db::event(&mut tx, id).await?.is_some(),
        Occasion::Session(id) => crate::catalogue::db::session(&mut tx, id).await?.is_some(),
    };
    if !exists {
        return Err(not_found("occasion"));
    }
    db::insert_head_count(&mut tx, at, count, ctx.access().account_id).await?;
    let n = db::attendance(&mut tx, at).await?;
    tx.commit().await?;
    Ok(n)
}
