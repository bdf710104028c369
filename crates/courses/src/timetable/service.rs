//! The rules of the timetable: staff schedule, cancel and move sessions; the enrolled are
//! told in the same transaction (the notifications outbox); residents read their own week.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Timelike, Utc};
use infra::OnViolation;
use infra::local_time::{china, date_of, midnight};
use infra::{AppError, AppResult};
use notifications::{Notice, NoticeKind};
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db;
use super::schedule::{Schedule, ScheduleRequest};
use crate::catalogue::db as catalogue;
use crate::error::{CoursesError, not_found};
use crate::model::*;

pub use super::db::TimetableRow;

/// "12月3日 19:00", the way a notice reads, in the community's time.
fn local(t: DateTime<Utc>) -> String {
    let t = t.with_timezone(&china());
    format!(
        "{}月{}日 {:02}:{:02}",
        t.month(),
        t.day(),
        t.hour(),
        t.minute()
    )
}

/// "19:00" in the community's time.
fn clock(t: DateTime<Utc>) -> String {
    let t = t.with_timezone(&china());
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// Add the sessions of a schedule (daily / weekly / monthly rule with exception dates) to a
/// course (staff). A date the course already has a session at refuses the whole series.
pub async fn schedule_sessions(
    ctx: &CommunityCtx,
    course_id: Uuid,
    rule: ScheduleRequest,
    place: &str,
    space: Option<Uuid>,
) -> AppResult<Vec<Session>> {
    ctx.require(Roles::STAFF)?;
    let slots = Schedule::parse(rule)?.slots()?;
    if slots.is_empty() {
        return Err(CoursesError::BadSchedule.into());
    }
    let place = text(place, 1, 100, "上课地点", "The place")?;
    let mut tx = ctx.tx().await?;
    catalogue::course(&mut tx, course_id)
        .await?
        .ok_or_else(|| not_found("course"))?;
    let series = Some(Uuid::now_v7());
    let rows = catalogue::insert_sessions(&mut tx, course_id, &slots, place, series, space)
        .await
        .on_violation(|v| match v {
            v if v.is(catalogue::SESSION_CLASH) => Some(CoursesError::SessionClash.into()),
            v if v.is_foreign_key() => Some(not_found("space")),
            _ => None::<AppError>,
        })?;
    if let Some(space) = space {
        for s in &rows {
            hold(&mut tx, space, s).await?;
        }
    }
    tx.commit().await?;
    Ok(rows)
}

/// Hold the space's time for a session; a booking (or another session) there refuses it,
/// naming the occurrence.
async fn hold(tx: &mut infra::TenantTx, space: Uuid, s: &Session) -> AppResult<()> {
    match spaces::api::slots::hold_for_session(tx, space, s.id, s.starts_at, s.ends_at).await {
        Ok(()) => Ok(()),
        Err(spaces::api::slots::SlotError::Taken) => Err(CoursesError::SpaceTaken {
            occurrence: spaces::api::bookings::occurrence(s.starts_at, s.ends_at),
        }
        .into()),
        Err(spaces::api::slots::SlotError::NoSpace) => Err(not_found("space")),
        Err(spaces::api::slots::SlotError::Db(e)) => Err(e.into()),
    }
}

/// The session, locked, if it may still change: not cancelled, not started.
async fn changeable(tx: &mut infra::TenantTx, session_id: Uuid) -> AppResult<Session> {
    let s = catalogue::lock_session(tx, session_id)
        .await?
        .ok_or_else(|| not_found("session"))?;
    if s.status == SessionStatus::Cancelled {
        return Err(CoursesError::SessionCancelled.into());
    }
    if s.starts_at <= Utc::now() {
        return Err(CoursesError::SessionPast.into());
    }
    Ok(s)
}

/// Tell every account with a seat on the course (a child's guardian for a child).
async fn tell_enrolled(
    tx: &mut infra::TenantTx,
    course_id: Uuid,
    kind: NoticeKind,
    about: String,
    title: &str,
    body: String,
) -> AppResult<u64> {
    let notices: Vec<Notice> = catalogue::enrolled_accounts(tx, course_id)
        .await?
        .into_iter()
        .map(|account_id| Notice {
            account_id,
            kind,
            about: about.clone(),
            title: title.into(),
            body: body.clone(),
        })
        .collect();
    notifications::enqueue(tx, &notices).await
}

/// Cancel a session that has not started (staff); everyone enrolled is told, once.
pub async fn cancel_session(
    ctx: &CommunityCtx,
    session_id: Uuid,
    reason: Option<&str>,
) -> AppResult<Session> {
    ctx.require(Roles::STAFF)?;
    let reason = reason
        .map(|r| text(r, 1, 200, "取消原因", "The reason"))
        .transpose()?;
    let mut tx = ctx.tx().await?;
    let s = changeable(&mut tx, session_id).await?;
    let course = catalogue::course(&mut tx, s.course_id)
        .await?
        .ok_or_else(|| not_found("course"))?;
    let cancelled = catalogue::cancel_session(&mut tx, s.id, reason).await?;
    spaces::api::slots::release_session(&mut tx, s.id).await?;
    let why = reason.map(|r| format!("原因：{r}。")).unwrap_or_default();
    tell_enrolled(
        &mut tx,
        s.course_id,
        NoticeKind::SessionCancelled,
        format!("session:{}", s.id),
        "课程取消通知",
        format!(
            "「{}」{} 的课取消了。{why}",
            course.title,
            local(s.starts_at)
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(cancelled)
}

/// Move a session that has not started to a new time (and place) (staff); everyone enrolled
/// is told of each move once.
pub async fn move_session(
    ctx: &CommunityCtx,
    session_id: Uuid,
    starts_at: DateTime<Utc>,
    duration_minutes: Option<i32>,
    place: Option<&str>,
) -> AppResult<Session> {
    ctx.require(Roles::STAFF)?;
    if starts_at <= Utc::now()
        || starts_at.year() > 2100
        || duration_minutes.is_some_and(|d| !(1..=600).contains(&d))
    {
        return Err(CoursesError::BadSessions.into());
    }
    let place = place
        .map(|p| text(p, 1, 100, "上课地点", "The place"))
        .transpose()?;
    let mut tx = ctx.tx().await?;
    let s = changeable(&mut tx, session_id).await?;
    let course = catalogue::course(&mut tx, s.course_id)
        .await?
        .ok_or_else(|| not_found("course"))?;
    let duration = duration_minutes
        .map(|d| Duration::minutes(i64::from(d)))
        .unwrap_or(s.ends_at - s.starts_at);
    let place = place.unwrap_or(&s.place).to_owned();
    let moved = catalogue::move_session(&mut tx, s.id, starts_at, starts_at + duration, &place)
        .await
        .on_constraint(catalogue::SESSION_CLASH, || CoursesError::SessionClash)?;
    // A session in a space takes the space's new time with it, or does not move.
    if let Some(space) = spaces::api::slots::release_session(&mut tx, s.id).await? {
        hold(&mut tx, space, &moved).await?;
    }
    tell_enrolled(
        &mut tx,
        s.course_id,
        NoticeKind::SessionMoved,
        format!("session:{}@{}", s.id, starts_at.timestamp()),
        "上课时间调整通知",
        format!(
            "「{}」原定 {} 的课改到 {}，地点：{}。",
            course.title,
            local(s.starts_at),
            local(starts_at),
            place
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(moved)
}

/// Write tomorrow's reminders (the community's tomorrow): one per session and account, so
/// running it again, or on two gateways, tells nobody twice. Returns how many were new.
pub async fn remind_tomorrow(ctx: &CommunityCtx, now: DateTime<Utc>) -> AppResult<u64> {
    ctx.require(Roles::STAFF)?;
    let tomorrow = date_of(now) + Duration::days(1);
    let mut tx = ctx.tx().await?;
    let due = db::reminders_due(
        &mut tx,
        midnight(tomorrow),
        midnight(tomorrow + Duration::days(1)),
    )
    .await?;
    let notices: Vec<Notice> = due
        .into_iter()
        .map(|(session, at, place, title, account_id)| Notice {
            account_id,
            kind: NoticeKind::SessionReminder,
            about: format!("session:{session}"),
            title: "明天上课提醒".into(),
            body: format!("明天 {} 在{place}上「{title}」，别忘了来哦。", clock(at)),
        })
        .collect();
    let n = notifications::enqueue(&mut tx, &notices).await?;
    tx.commit().await?;
    Ok(n)
}

/// When `remind_tomorrow`, just run at `now`, next has work of its own accord: the eve (local
/// midnight) of the first day after tomorrow with a scheduled session. What changes it sooner
/// — a session scheduled or moved, an enrolment — wakes the worker itself (`linli_due`).
pub async fn reminders_next_due(
    ctx: &CommunityCtx,
    now: DateTime<Utc>,
) -> AppResult<Option<DateTime<Utc>>> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let first = db::first_session_from(&mut tx, midnight(date_of(now) + Duration::days(2))).await?;
    tx.commit().await?;
    Ok(first.map(|at| midnight(date_of(at) - Duration::days(1))))
}

/// My timetable: the sessions of the courses where I, or a child in my care, hold a seat,
/// for `days` days from `from` (the community's dates), cancelled ones included and marked.
pub async fn my_timetable(
    ctx: &CommunityCtx,
    from: NaiveDate,
    days: i32,
) -> AppResult<Vec<TimetableRow>> {
    if !(1..=92).contains(&days) || !(2000..=2100).contains(&from.year()) {
        return Err(AppError::from(CoursesError::TimetableSpanOutOfRange));
    }
    let mut tx = ctx.tx().await?;
    let rows = db::timetable_of_account(
        &mut tx,
        ctx.access().account_id,
        midnight(from),
        midnight(from + Duration::days(i64::from(days))),
    )
    .await?;
    tx.commit().await?;
    Ok(rows)
}
