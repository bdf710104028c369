//! The rules of catalogue: each function opens its own tenant transaction.

use infra::OnViolation;
use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, Utc};
use infra::{AppError, AppResult, TenantTx};
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db;
use crate::error::{CoursesError, not_found};
use crate::model::*;
use crate::teachers::service::TeacherView;

pub async fn categories(ctx: &CommunityCtx) -> AppResult<Vec<CourseCategory>> {
    let mut tx = ctx.tx().await?;
    let rows = db::categories(&mut tx).await?;
    tx.commit().await?;
    Ok(rows)
}

/// Staff extend their community's category list.
pub async fn add_category(ctx: &CommunityCtx, code: &str, name: &str) -> AppResult<CourseCategory> {
    ctx.require(Roles::STAFF)?;
    let code = CategoryCode::parse(code)?;
    let name = text(name, 1, 50, "类别名称", "The category's name")
        .map_err(|_| CoursesError::InvalidCategoryName)?;
    let mut tx = ctx.tx().await?;
    let row = db::insert_category(&mut tx, code.as_str(), name)
        .await?
        .ok_or(CoursesError::CategoryExists)?;
    tx.commit().await?;
    Ok(row)
}

pub(crate) async fn insert_course(
    tx: &mut TenantTx,
    input: &CourseInput,
    status: CourseStatus,
    demand: Option<&str>,
) -> AppResult<Course> {
    let title = text(&input.title, 1, 100, "课程名称", "The course's title")?;
    if !db::category_exists(tx, &input.category).await? {
        return Err(CoursesError::UnknownCategory.into());
    }
    let bad_age = |a: Option<i32>| a.is_some_and(|a| !(0..=120).contains(&a));
    if bad_age(input.min_age)
        || bad_age(input.max_age)
        || matches!((input.min_age, input.max_age), (Some(a), Some(b)) if a > b)
    {
        return Err(CoursesError::BadAgeRange.into());
    }
    if input.capacity < 1 || input.capacity > 10_000 {
        return Err(AppError::from(CoursesError::CapacityOutOfRange));
    }
    if input.fee_cents < 0 || (input.public_benefit && input.fee_cents > 0) {
        return Err(AppError::from(CoursesError::NegativeFee));
    }
    let course = db::insert_course(tx, input, title, status, demand).await?;
    let added = db::add_course_teachers(tx, course.id, &input.teacher_ids).await?;
    if added as usize != input.teacher_ids.len() {
        return Err(not_found("teacher"));
    }
    Ok(course)
}

/// Create a course; returns its view (with `parts`), read in the transaction that wrote it.
pub async fn create_course(
    ctx: &CommunityCtx,
    input: CourseInput,
    parts: CourseParts,
) -> AppResult<CourseView> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let c = insert_course(&mut tx, &input, CourseStatus::Open, None).await?;
    let view = view_of(ctx, &mut tx, c, parts).await?;
    tx.commit().await?;
    Ok(view)
}

/// Open a proposed course for enrolment, or close a course (staff). Enrolments stay as they
/// are when a course closes; no new ones are taken.
pub async fn set_course_open(
    ctx: &CommunityCtx,
    course_id: Uuid,
    open: bool,
    parts: CourseParts,
) -> AppResult<CourseView> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let status = if open {
        CourseStatus::Open
    } else {
        CourseStatus::Closed
    };
    let c = db::set_course_status(&mut tx, course_id, status)
        .await?
        .ok_or_else(|| not_found("course"))?;
    let view = view_of(ctx, &mut tx, c, parts).await?;
    tx.commit().await?;
    Ok(view)
}

/// Edit a course (staff): title, category, format, capacity, audience and ages, public benefit
/// and fee, materials, teachers. Capacity
/// never goes below the seats taken (the database's CHECK); raising it gives the new seats to
/// the waiting list in order, each promoted learner told.
pub async fn update_course(
    ctx: &CommunityCtx,
    course_id: Uuid,
    mut edit: CourseEdit,
    parts: CourseParts,
) -> AppResult<CourseView> {
    ctx.require(Roles::STAFF)?;
    if let Some(t) = &mut edit.teacher_ids {
        t.sort();
        t.dedup();
    }
    edit.title = edit
        .title
        .map(|t| text(&t, 1, 100, "课程名称", "The course's title").map(str::to_owned))
        .transpose()?;
    edit.materials = edit
        .materials
        .map(|m| {
            m.map(|m| text(&m, 1, 1000, "材料说明", "The materials").map(str::to_owned))
                .transpose()
        })
        .transpose()?;
    let bad_age = |a: Option<i32>| a.is_some_and(|a| !(0..=120).contains(&a));
    if let Some((min, max)) = edit.ages
        && (bad_age(min) || bad_age(max) || matches!((min, max), (Some(a), Some(b)) if a > b))
    {
        return Err(CoursesError::BadAgeRange.into());
    }
    if edit.capacity.is_some_and(|c| !(1..=10_000).contains(&c)) {
        return Err(AppError::from(CoursesError::CapacityOutOfRange));
    }
    let mut tx = ctx.tx().await?;
    // Locked first: a concurrent enrolment waits, so the seats counted below stay true.
    let before = db::lock_course(&mut tx, course_id)
        .await?
        .ok_or_else(|| not_found("course"))?;
    if let Some(category) = &edit.category
        && !db::category_exists(&mut tx, category).await?
    {
        return Err(CoursesError::UnknownCategory.into());
    }
    let fee = edit.fee_cents.unwrap_or(before.fee_cents);
    if fee < 0 || (edit.public_benefit.unwrap_or(before.public_benefit) && fee > 0) {
        return Err(CoursesError::NegativeFee.into());
    }
    let c = db::update_course(&mut tx, course_id, &edit)
        .await
        .on_constraint("courses_capacity", || CoursesError::CapacityBelowSeats {
            taken: before.enrolled,
        })?
        .ok_or_else(|| not_found("course"))?;
    if let Some(teachers) = &edit.teacher_ids {
        if !db::all_teachers_exist(&mut tx, teachers).await? {
            return Err(not_found("teacher"));
        }
        db::set_course_teachers(&mut tx, course_id, teachers).await?;
        db::add_course_teachers(&mut tx, course_id, teachers).await?;
    }
    let freed = c.capacity - c.enrolled;
    if freed > 0 {
        crate::enrolment::service::promote_waiting(ctx, &mut tx, course_id, freed).await?;
    }
    let c = db::course(&mut tx, course_id)
        .await?
        .ok_or_else(|| not_found("course"))?;
    let view = view_of(ctx, &mut tx, c, parts).await?;
    tx.commit().await?;
    Ok(view)
}

/// A course with what a listing shows of it.
#[derive(Debug, Clone)]
pub struct CourseView {
    pub course: Course,
    pub teachers: Vec<TeacherView>,
    pub sessions: Vec<Session>,
    pub waitlisted: i64,
    pub average_rating: Option<f64>,
    pub ratings: i64,
}

/// Which relations of a course to load: a read loads what its query selected, no more (one
/// statement per relation, whatever the page size).
#[derive(Debug, Clone, Copy)]
pub struct CourseParts {
    pub teachers: bool,
    pub sessions: bool,
    /// Waiting-list length and ratings.
    pub stats: bool,
}

impl CourseParts {
    pub const ALL: CourseParts = CourseParts {
        teachers: true,
        sessions: true,
        stats: true,
    };
}

/// One course's view, in the caller's transaction (a write returns what it wrote).
pub(crate) async fn view_of(
    ctx: &CommunityCtx,
    tx: &mut TenantTx,
    course: Course,
    parts: CourseParts,
) -> AppResult<CourseView> {
    Ok(views(ctx, tx, vec![course], parts)
        .await?
        .pop()
        .expect("one view per course"))
}

/// Courses with the relations `parts` asks for: one statement per relation.
pub(crate) async fn views(
    ctx: &CommunityCtx,
    tx: &mut TenantTx,
    courses: Vec<Course>,
    parts: CourseParts,
) -> AppResult<Vec<CourseView>> {
    let ids: Vec<Uuid> = courses.iter().map(|c| c.id).collect();
    let mut teachers: HashMap<Uuid, Vec<TeacherView>> = HashMap::new();
    if parts.teachers {
        for (cid, t) in crate::teachers::db::teachers_of_courses(tx, &ids).await? {
            teachers
                .entry(cid)
                .or_default()
                .push(crate::teachers::service::view(ctx, t, None));
        }
    }
    let mut sessions: HashMap<Uuid, Vec<Session>> = HashMap::new();
    if parts.sessions {
        for s in db::sessions_of_courses(tx, &ids).await? {
            sessions.entry(s.course_id).or_default().push(s);
        }
    }
    let stats: HashMap<Uuid, (i64, Option<f64>, i64)> = if parts.stats {
        db::course_stats(tx, &ids)
            .await?
            .into_iter()
            .map(|(id, w, a, n)| (id, (w, a, n)))
            .collect()
    } else {
        HashMap::new()
    };
    Ok(courses
        .into_iter()
        .map(|c| {
            let (waitlisted, average_rating, ratings) =
                stats.get(&c.id).copied().unwrap_or((0, None, 0));
            CourseView {
                teachers: teachers.remove(&c.id).unwrap_or_default(),
                sessions: sessions.remove(&c.id).unwrap_or_default(),
                waitlisted,
                average_rating,
                ratings,
                course: c,
            }
        })
        .collect())
}

/// A page of the community's courses; of one category, and only those the caller teaches
/// (`taught_by_me`: a teacher's own list), where asked.
pub async fn courses(
    ctx: &CommunityCtx,
    after: Option<Uuid>,
    limit: i64,
    category: Option<&str>,
    taught_by_me: bool,
    parts: CourseParts,
) -> AppResult<Vec<CourseView>> {
    let mut tx = ctx.tx().await?;
    let teacher = taught_by_me.then_some(ctx.access().account_id);
    let rows = db::courses_page(&mut tx, after, limit + 1, category, teacher).await?;
    let v = views(ctx, &mut tx, rows, parts).await?;
    tx.commit().await?;
    Ok(v)
}

pub async fn course(ctx: &CommunityCtx, id: Uuid, parts: CourseParts) -> AppResult<CourseView> {
    let mut tx = ctx.tx().await?;
    let c = db::course(&mut tx, id)
        .await?
        .ok_or_else(|| not_found("course"))?;
    let v = views(ctx, &mut tx, vec![c], parts)
        .await?
        .pop()
        .expect("one view per course");
    tx.commit().await?;
    Ok(v)
}

pub struct SessionsInput {
    pub course_id: Uuid,
    pub first_starts_at: DateTime<Utc>,
    pub duration_minutes: i32,
    /// 1 for a single session; n for n weekly sessions.
    pub weeks: i32,
    pub place: String,
}

pub async fn add_sessions(ctx: &CommunityCtx, input: SessionsInput) -> AppResult<Vec<Session>> {
    ctx.require(Roles::STAFF)?;
    let plausible = (2000..=2100).contains(&input.first_starts_at.year());
    if !plausible
        || !(1..=600).contains(&input.duration_minutes)
        || !(1..=52).contains(&input.weeks)
    {
        return Err(CoursesError::BadSessions.into());
    }
    let place = text(&input.place, 1, 100, "上课地点", "The place")?;
    let slots: Vec<(DateTime<Utc>, DateTime<Utc>)> = (0..input.weeks)
        .map(|w| {
            let s = input.first_starts_at + Duration::weeks(i64::from(w));
            (s, s + Duration::minutes(i64::from(input.duration_minutes)))
        })
        .collect();
    let mut tx = ctx.tx().await?;
    db::course(&mut tx, input.course_id)
        .await?
        .ok_or_else(|| not_found("course"))?;
    let rows = db::insert_sessions(&mut tx, input.course_id, &slots, place, None, None)
        .await
        .on_constraint(db::SESSION_CLASH, || CoursesError::SessionClash)?;
    tx.commit().await?;
    Ok(rows)
}
