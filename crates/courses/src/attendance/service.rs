//! The rules of attendance: each function opens its own tenant transaction.

use chrono::{DateTime, Utc};
use infra::{AppError, AppResult};
use tenancy::CommunityCtx;
use uuid::Uuid;

use super::db;
use crate::attendance::qr::CheckInCode;
use crate::error::{CoursesError, not_found};
use crate::learners::service::acting_for;
use crate::model::*;
use crate::teachers::service::require_teaching;

#[derive(Debug)]
pub struct IssuedCode {
    pub token: String,
    pub not_before: DateTime<Utc>,
    pub not_after: DateTime<Utc>,
    /// Show the next code from then (the code rotates every 30 s).
    pub refresh_at: DateTime<Utc>,
    /// This code is refused from then.
    pub expires_at: DateTime<Utc>,
    pub svg: String,
    pub png: Vec<u8>,
}

/// The console's page where a learner checks in with a code, from the server's root: what
/// the session's QR code holds when the caller gives the address people reach the server at.
pub fn check_in_path(slug: &str, token: &str) -> String {
    format!("/console/#/r/{slug}/check-in/{token}")
}

/// The QR code a teacher shows at a session: the check-in page's link at `origin` (a phone's
/// camera opens it), or the bare token without one.
pub async fn check_in_code(
    ctx: &CommunityCtx,
    session_id: Uuid,
    origin: Option<&str>,
) -> AppResult<IssuedCode> {
    let mut tx = ctx.tx().await?;
    let s = crate::catalogue::db::session(&mut tx, session_id)
        .await?
        .ok_or_else(|| not_found("session"))?;
    require_teaching(&mut tx, ctx, s.course_id).await?;
    tx.commit().await?;
    let code = CheckInCode::for_session(
        ctx.tenant().community_id,
        s.id,
        s.starts_at,
        s.ends_at,
        Utc::now(),
    );
    let token = code.sign(ctx.secrets());
    let t = match origin {
        Some(o) => infra::qr::link(o, &check_in_path(&ctx.tenant().slug, &token))?,
        None => token.clone(),
    };
    let (svg, png) = tokio::task::spawn_blocking(move || crate::qr::render(&t))
        .await
        .map_err(AppError::internal)??;
    Ok(IssuedCode {
        token,
        not_before: code.not_before,
        not_after: code.not_after,
        refresh_at: code.refresh_at(),
        expires_at: code.expires_at(),
        svg,
        png,
    })
}

/// A learner scans the session's code. The code must verify, belong to this community and be
/// inside its window; the learner must be enrolled — or, at a lecture or forum, is counted as a
/// walk-in (人次); a second scan is refused.
pub async fn check_in(
    ctx: &CommunityCtx,
    token: &str,
    learner: Option<Uuid>,
) -> AppResult<Session> {
    let code = CheckInCode::verify(token, ctx.secrets())?;
    if code.community_id != ctx.tenant().community_id {
        return Err(CoursesError::OtherCommunity.into());
    }
    let now = Utc::now();
    if !code.is_open_at(now) {
        return Err(CoursesError::OutsideWindow.into());
    }
    if !code.is_fresh_at(now) {
        return Err(CoursesError::CodeExpired.into());
    }
    let mut tx = ctx.tx().await?;
    let learner = acting_for(&mut tx, ctx, learner).await?;
    let s = crate::catalogue::db::session(&mut tx, code.session_id)
        .await?
        .ok_or(CoursesError::InvalidCode)?;
    if s.status == SessionStatus::Cancelled {
        return Err(CoursesError::SessionCancelled.into());
    }
    match crate::enrolment::db::active_enrolment(&mut tx, s.course_id, learner.id).await? {
        Some(e) if e.status == EnrolmentStatus::Enrolled => {}
        _ => {
            // Lectures and forums are open to all: without a seat, the scan counts a walk-in
            // (人次), once per person.
            let course = crate::catalogue::db::course(&mut tx, s.course_id)
                .await?
                .ok_or(CoursesError::InvalidCode)?;
            if !matches!(course.format, Format::Lecture | Format::Forum) {
                return Err(CoursesError::NotEnrolled.into());
            }
            let at = crate::events::db::Occasion::Session(s.id);
            let by = ctx.access().account_id;
            if !crate::events::db::insert_person(&mut tx, at, learner.id, by).await? {
                return Err(CoursesError::AlreadyCheckedIn.into());
            }
            tx.commit().await?;
            return Ok(s);
        }
    }
    if !db::insert_attendance(
        &mut tx,
        s.id,
        learner.id,
        AttendanceMethod::Qr,
        true,
        ctx.access().account_id,
    )
    .await?
    {
        return Err(CoursesError::AlreadyCheckedIn.into());
    }
    tx.commit().await?;
    Ok(s)
}

/// The teacher marks attendance from the roster (for learners without a phone).
pub async fn mark_attendance(
    ctx: &CommunityCtx,
    session_id: Uuid,
    learner_id: Uuid,
    present: bool,
) -> AppResult<()> {
    let mut tx = ctx.tx().await?;
    let s = crate::catalogue::db::session(&mut tx, session_id)
        .await?
        .ok_or_else(|| not_found("session"))?;
    require_teaching(&mut tx, ctx, s.course_id).await?;
    if s.status == SessionStatus::Cancelled {
        return Err(CoursesError::SessionCancelled.into());
    }
    match crate::enrolment::db::active_enrolment(&mut tx, s.course_id, learner_id).await? {
        Some(e) if e.status == EnrolmentStatus::Enrolled => {}
        _ => return Err(CoursesError::NotEnrolled.into()),
    }
    db::upsert_attendance(&mut tx, s.id, learner_id, present, ctx.access().account_id).await?;
    tx.commit().await?;
    Ok(())
}

/// (learner id, name, sessions held, attended) per enrolled learner. Staff and teachers only:
/// residents do not see each other's attendance.
pub async fn attendance(
    ctx: &CommunityCtx,
    course_id: Uuid,
) -> AppResult<Vec<(Uuid, String, i64, i64)>> {
    let mut tx = ctx.tx().await?;
    require_teaching(&mut tx, ctx, course_id).await?;
    let rows = db::attendance_by_learner(&mut tx, course_id).await?;
    tx.commit().await?;
    Ok(rows)
}

/// Who was present at one session (the roster's marks). Staff and the course's teachers only.
pub async fn present_at(ctx: &CommunityCtx, session_id: Uuid) -> AppResult<Vec<Uuid>> {
    let mut tx = ctx.tx().await?;
    let s = crate::catalogue::db::session(&mut tx, session_id)
        .await?
        .ok_or_else(|| not_found("session"))?;
    require_teaching(&mut tx, ctx, s.course_id).await?;
    let rows = db::present_at(&mut tx, s.id).await?;
    tx.commit().await?;
    Ok(rows)
}
