//! The rules of enrolment: each function opens its own tenant transaction.

use infra::{AppError, violates};
use infra::{AppResult, TenantTx};
use notifications::{Notice, NoticeKind};
use tenancy::CommunityCtx;
use uuid::Uuid;

use super::db;
use crate::error::{CoursesError, not_found};
use crate::learners::service::acting_for;
use crate::model::*;
use crate::teachers::service::require_teaching;

#[derive(Debug, Clone)]
pub struct EnrolmentView {
    pub enrolment: Enrolment,
    /// Place on the waiting list, for a waitlisted enrolment.
    pub position: Option<i64>,
}

/// Enrol a learner. A seat if one is free, else the waiting list, in arrival order. The seat
/// count is the database's: the trigger on `enrolments` moves `courses.enrolled` and the CHECK
/// `courses_capacity` refuses the seat past capacity, so concurrent requests can never overfill
/// a course; the one refused falls back to the waiting list inside a savepoint.
pub async fn enrol(
    ctx: &CommunityCtx,
    course_id: Uuid,
    learner: Option<Uuid>,
) -> AppResult<EnrolmentView> {
    let mut tx = ctx.tx().await?;
    let learner = acting_for(&mut tx, ctx, learner).await?;
    let course = crate::catalogue::db::course(&mut tx, course_id)
        .await?
        .ok_or_else(|| not_found("course"))?;
    if course.status != CourseStatus::Open {
        return Err(CoursesError::CourseNotOpen.into());
    }
    check_audience(&course, &learner)?;
    if db::active_enrolment(&mut tx, course.id, learner.id)
        .await?
        .is_some()
    {
        return Err(CoursesError::AlreadyEnrolled.into());
    }
    let by = ctx.access().account_id;
    let seat = {
        let mut sp = sqlx::Connection::begin(&mut *tx).await?;
        match db::insert_enrolment(
            &mut sp,
            course.id,
            learner.id,
            EnrolmentStatus::Enrolled,
            by,
        )
        .await
        {
            Ok(e) => {
                sp.commit().await?;
                Some(e)
            }
            Err(e) if violates(&e, "courses_capacity") => {
                sp.rollback().await?;
                None
            }
            Err(e) => {
                return Err(AppError::from_violation(e, |v| {
                    v.is_unique().then_some(CoursesError::AlreadyEnrolled)
                }));
            }
        }
    };
    let view = match seat {
        Some(e) => EnrolmentView {
            enrolment: e,
            position: None,
        },
        None => {
            let e = db::insert_enrolment(
                &mut tx,
                course.id,
                learner.id,
                EnrolmentStatus::Waitlisted,
                by,
            )
            .await?;
            let position = Some(db::waitlist_position(&mut tx, &e).await?);
            EnrolmentView {
                enrolment: e,
                position,
            }
        }
    };
    tx.commit().await?;
    Ok(view)
}

pub(crate) fn check_audience(course: &Course, learner: &Learner) -> AppResult<()> {
    let audience = course.audience;
    let age = learner.age();
    let ranged = course.min_age.is_some() || course.max_age.is_some();
    if age.is_none() && (ranged || audience != Audience::All) {
        return Err(CoursesError::BirthDateNeeded.into());
    }
    let in_range = age.is_none_or(|a| {
        course.min_age.is_none_or(|m| a >= m) && course.max_age.is_none_or(|m| a <= m)
    });
    if audience.admits(age) == Some(false) || !in_range {
        return Err(CoursesError::Audience.into());
    }
    Ok(())
}

/// Cancel; a freed seat goes to the first of the waiting list in the same transaction.
pub async fn cancel(ctx: &CommunityCtx, enrolment_id: Uuid) -> AppResult<Option<Uuid>> {
    let mut tx = ctx.tx().await?;
    let e = db::lock_enrolment(&mut tx, enrolment_id)
        .await?
        .ok_or_else(|| not_found("enrolment"))?;
    acting_for(&mut tx, ctx, Some(e.learner_id)).await?;
    if e.status == EnrolmentStatus::Cancelled {
        return Err(CoursesError::AlreadyCancelled.into());
    }
    db::set_enrolment_status(&mut tx, e.id, EnrolmentStatus::Cancelled).await?;
    let promoted = if e.status == EnrolmentStatus::Enrolled {
        promote_waiting(ctx, &mut tx, e.course_id, 1).await?.pop()
    } else {
        None
    };
    tx.commit().await?;
    Ok(promoted)
}

/// Give up to `seats` free seats to the waiting list in arrival order, in the caller's
/// transaction, and tell each promoted learner (a child's guardian) in the same transaction.
pub(crate) async fn promote_waiting(
    _ctx: &CommunityCtx,
    tx: &mut TenantTx,
    course_id: Uuid,
    seats: i32,
) -> AppResult<Vec<Uuid>> {
    let mut promoted = Vec::new();
    for _ in 0..seats {
        match db::promote_first_waiting(tx, course_id).await? {
            Some(id) => promoted.push(id),
            None => break,
        }
    }
    let notices: Vec<Notice> = db::accounts_of_enrolments(tx, &promoted)
        .await?
        .into_iter()
        .map(|(enrolment, account_id, title)| Notice {
            account_id,
            kind: NoticeKind::WaitlistPromoted,
            about: format!("enrolment:{enrolment}"),
            title: "候补转正通知".into(),
            body: format!("「{title}」有了空位，您已从候补转为正式报名，请按时上课。"),
        })
        .collect();
    notifications::enqueue(tx, &notices).await?;
    Ok(promoted)
}

/// One of my enrolments (mine or a child's in my care), with my place if waiting.
pub use super::db::MyEnrolment;

/// My enrolments and my children's, not cancelled, newest first.
pub async fn my_enrolments(ctx: &CommunityCtx) -> AppResult<Vec<MyEnrolment>> {
    let mut tx = ctx.tx().await?;
    let rows = db::enrolments_of_account(&mut tx, ctx.access().account_id).await?;
    tx.commit().await?;
    Ok(rows)
}

pub async fn roster(ctx: &CommunityCtx, course_id: Uuid) -> AppResult<Vec<(Enrolment, String)>> {
    let mut tx = ctx.tx().await?;
    require_teaching(&mut tx, ctx, course_id).await?;
    let r = db::roster(&mut tx, course_id).await?;
    tx.commit().await?;
    Ok(r)
}
