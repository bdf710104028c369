//! The rules of the community college. Every function opens its own tenant transaction.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use infra::crypto::Secrets;
use infra::storage::ObjectStore;
use infra::{AppError, AppResult, CommunityScope, Db, TenantTx};
use serde_json::json;
use uuid::Uuid;

use crate::db;
use crate::error::CoursesError;
pub use crate::model::CourseInput;
use crate::model::*;
use crate::photos;
use crate::qr::CheckInCode;

fn not_found(what: &'static str) -> AppError {
    CoursesError::NotFound(what).into()
}

// --- categories ---

pub async fn categories(database: &Db, scope: &CommunityScope) -> AppResult<Vec<CourseCategory>> {
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let rows = db::categories(&mut tx).await?;
    tx.commit().await?;
    Ok(rows)
}

/// Staff extend their community's category list.
pub async fn add_category(
    database: &Db,
    scope: &CommunityScope,
    code: &str,
    name: &str,
) -> AppResult<CourseCategory> {
    scope.access.require_staff()?;
    let code = CategoryCode::parse(code)?;
    let name = text(name, 50, "类别名称").map_err(|_| CoursesError::InvalidCategoryName)?;
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let row = db::insert_category(&mut tx, code.as_str(), &name)
        .await?
        .ok_or(CoursesError::CategoryExists)?;
    tx.commit().await?;
    Ok(row)
}

// --- learners ---

/// The learner a request acts for: the caller (default), a child in the caller's care, or —
/// for staff acting on a resident's behalf (代办) — anyone of the community.
async fn acting_for(
    tx: &mut TenantTx,
    scope: &CommunityScope,
    learner: Option<Uuid>,
) -> AppResult<Learner> {
    // A district viewer reads; acting as or for a learner is a write.
    scope.access.require_member()?;
    match learner {
        None => {
            Ok(
                db::learner_for_account(tx, scope.access.account_id, &scope.access.display_name)
                    .await?,
            )
        }
        Some(id) => {
            let l = db::learner(tx, id)
                .await?
                .ok_or_else(|| not_found("learner"))?;
            let mine = l.account_id == Some(scope.access.account_id)
                || l.guardian_account_id == Some(scope.access.account_id);
            if mine || scope.access.is_staff() {
                Ok(l)
            } else {
                Err(CoursesError::NotYourLearner.into())
            }
        }
    }
}

/// The caller's own learner record (once they have acted as a learner) and their children.
/// A query: it never writes, so the caller's record appears with their first enrolment.
pub async fn my_learners(database: &Db, scope: &CommunityScope) -> AppResult<Vec<Learner>> {
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let rows = db::learners_of(&mut tx, scope.access.account_id).await?;
    tx.commit().await?;
    Ok(rows)
}

fn not_in_future(birth: NaiveDate) -> AppResult<()> {
    if birth > Utc::now().date_naive() {
        return Err(AppError::bad_input(
            "出生日期不能晚于今天",
            "A birth date cannot be in the future",
        ));
    }
    Ok(())
}

/// A guardian registers a child (小朋友) to enrol them: under 18 on the day, and at most six
/// per guardian (the cap is a trigger of the `learners` table).
pub async fn register_child(
    database: &Db,
    scope: &CommunityScope,
    name: &str,
    birth: NaiveDate,
) -> AppResult<Learner> {
    scope.access.require_member()?;
    let name = text(name, 50, "姓名")?;
    not_in_future(birth)?;
    if crate::model::age_on(birth, Utc::now().date_naive()) >= 18 {
        return Err(CoursesError::NotAChild.into());
    }
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let l = match db::insert_child(&mut tx, scope.access.account_id, &name, birth).await {
        Err(sqlx::Error::Database(d)) if d.constraint() == Some("learners_children_cap") => {
            return Err(CoursesError::TooManyChildren.into());
        }
        other => other?,
    };
    tx.commit().await?;
    Ok(l)
}

/// Record a birth date. A resident records their own (or their child's) once; changing one
/// that is set is for staff, who check a document — otherwise an account could make itself or
/// a "child" fit any course's audience.
pub async fn set_birth_date(
    database: &Db,
    scope: &CommunityScope,
    learner: Option<Uuid>,
    birth: NaiveDate,
) -> AppResult<Learner> {
    not_in_future(birth)?;
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let l = acting_for(&mut tx, scope, learner).await?;
    if l.birth_date.is_some() && !scope.access.is_staff() {
        return Err(CoursesError::BirthDateSet.into());
    }
    let l = db::set_birth_date(&mut tx, l.id, birth).await?;
    tx.commit().await?;
    Ok(l)
}

/// Teachers act on the courses they teach; staff (and admins above) on all.
async fn require_teaching(
    tx: &mut TenantTx,
    scope: &CommunityScope,
    course_id: Uuid,
) -> AppResult<()> {
    if scope.access.is_staff() {
        return Ok(());
    }
    scope.access.require_any(&[infra::Role::Teacher])?;
    if db::teaches(tx, course_id, scope.access.account_id).await? {
        Ok(())
    } else {
        Err(CoursesError::NotYourCourse.into())
    }
}

// --- teachers ---

pub struct TeacherInput {
    pub name: String,
    pub kind: TeacherKind,
    pub skills: Vec<String>,
    pub phone: Option<String>,
    pub teaches_in: Vec<String>,
    /// A learner of this community who becomes a teacher.
    pub learner_id: Option<Uuid>,
    /// The teacher's own account, so that they can act on the courses they teach (a learner
    /// who becomes a teacher brings theirs).
    pub account_id: Option<Uuid>,
}

pub async fn create_teacher(
    database: &Db,
    secrets: &Secrets,
    scope: &CommunityScope,
    input: TeacherInput,
) -> AppResult<Teacher> {
    scope.access.require_staff()?;
    let name = text(&input.name, 50, "姓名")?;
    let skills: Vec<String> = input
        .skills
        .iter()
        .map(|s| text(s, 30, "技能"))
        .collect::<Result<_, _>>()?;
    let phone = match input
        .phone
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        Some(p) if p.len() == 11 && p.starts_with('1') && p.chars().all(|c| c.is_ascii_digit()) => {
            Some(secrets.encrypt(p))
        }
        Some(_) => {
            return Err(AppError::bad_input(
                "手机号码格式不正确",
                "The phone number is not valid",
            ));
        }
        None => None,
    };
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let account_id = match input.learner_id {
        Some(id) => db::learner(&mut tx, id)
            .await?
            .ok_or_else(|| not_found("learner"))?
            .account_id
            .or(input.account_id),
        None => input.account_id,
    };
    let t = db::insert_teacher(
        &mut tx,
        &db::NewTeacher {
            name: &name,
            kind: input.kind,
            skills: &skills,
            phone_encrypted: phone,
            account_id,
            learner_id: input.learner_id,
            status: "active",
            teaches_in: &input.teaches_in,
        },
    )
    .await
    .map_err(|e| match &e {
        sqlx::Error::Database(d) if d.is_unique_violation() => AppError::conflict(
            "该居民已在师资库中",
            "This resident is already in the teacher pool",
        ),
        _ => e.into(),
    })?;
    tx.commit().await?;
    Ok(t)
}

/// Keyset page over uuid v7 ids (time-ordered): `limit + 1` rows tell whether more follow.
pub fn page_limit(first: Option<i32>) -> AppResult<i64> {
    match first.unwrap_or(20) {
        n @ 1..=100 => Ok(i64::from(n)),
        _ => Err(AppError::bad_input(
            "每页数量为 1 到 100",
            "`first` must be between 1 and 100",
        )),
    }
}

pub async fn teachers(
    database: &Db,
    scope: &CommunityScope,
    after: Option<Uuid>,
    limit: i64,
) -> AppResult<Vec<(Teacher, Option<f64>)>> {
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let rows = db::teachers_page(&mut tx, after, limit + 1).await?;
    let ids: Vec<Uuid> = rows.iter().map(|t| t.id).collect();
    let ratings: HashMap<Uuid, f64> = db::teacher_ratings(&mut tx, &ids)
        .await?
        .into_iter()
        .map(|(id, r, _)| (id, r))
        .collect();
    tx.commit().await?;
    Ok(rows
        .into_iter()
        .map(|t| {
            let r = ratings.get(&t.id).copied();
            (t, r)
        })
        .collect())
}

// --- courses ---

async fn insert_course(
    tx: &mut TenantTx,
    input: &CourseInput,
    status: &str,
    demand: Option<&str>,
) -> AppResult<Course> {
    let title = text(&input.title, 100, "课程名称")?;
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
        return Err(AppError::bad_input(
            "名额为 1 到 10000",
            "Capacity must be 1 to 10,000",
        ));
    }
    if input.fee_cents < 0 || (input.public_benefit && input.fee_cents > 0) {
        return Err(AppError::bad_input(
            "公益课程不收费，收费不能为负数",
            "Public-benefit courses are free; fees cannot be negative",
        ));
    }
    let course = db::insert_course(tx, input, &title, status, demand).await?;
    let added = db::add_course_teachers(tx, course.id, &input.teacher_ids).await?;
    if added as usize != input.teacher_ids.len() {
        return Err(not_found("teacher"));
    }
    Ok(course)
}

pub async fn create_course(
    database: &Db,
    scope: &CommunityScope,
    input: CourseInput,
) -> AppResult<Course> {
    scope.access.require_staff()?;
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let c = insert_course(&mut tx, &input, "open", None).await?;
    tx.commit().await?;
    Ok(c)
}

/// Open a proposed course for enrolment, or close a course (staff). Enrolments stay as they
/// are when a course closes; no new ones are taken.
pub async fn set_course_open(
    database: &Db,
    scope: &CommunityScope,
    course_id: Uuid,
    open: bool,
) -> AppResult<Course> {
    scope.access.require_staff()?;
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let status = if open { "open" } else { "closed" };
    let c = db::set_course_status(&mut tx, course_id, status)
        .await?
        .ok_or_else(|| not_found("course"))?;
    tx.commit().await?;
    Ok(c)
}

/// A course with what a listing shows of it.
#[derive(Debug, Clone)]
pub struct CourseView {
    pub course: Course,
    pub teachers: Vec<Teacher>,
    pub sessions: Vec<Session>,
    pub waitlisted: i64,
    pub average_rating: Option<f64>,
    pub ratings: i64,
}

/// Courses with their teachers, sessions and counts: four queries whatever the page size.
async fn views(tx: &mut TenantTx, courses: Vec<Course>) -> AppResult<Vec<CourseView>> {
    let ids: Vec<Uuid> = courses.iter().map(|c| c.id).collect();
    let mut teachers: HashMap<Uuid, Vec<Teacher>> = HashMap::new();
    for (cid, t) in db::teachers_of_courses(tx, &ids).await? {
        teachers.entry(cid).or_default().push(t);
    }
    let mut sessions: HashMap<Uuid, Vec<Session>> = HashMap::new();
    for s in db::sessions_of_courses(tx, &ids).await? {
        sessions.entry(s.course_id).or_default().push(s);
    }
    let stats: HashMap<Uuid, (i64, Option<f64>, i64)> = db::course_stats(tx, &ids)
        .await?
        .into_iter()
        .map(|(id, w, a, n)| (id, (w, a, n)))
        .collect();
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

pub async fn courses(
    database: &Db,
    scope: &CommunityScope,
    after: Option<Uuid>,
    limit: i64,
    category: Option<&str>,
) -> AppResult<Vec<CourseView>> {
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let rows = db::courses_page(&mut tx, after, limit + 1, category).await?;
    let v = views(&mut tx, rows).await?;
    tx.commit().await?;
    Ok(v)
}

pub async fn course(database: &Db, scope: &CommunityScope, id: Uuid) -> AppResult<CourseView> {
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let c = db::course(&mut tx, id)
        .await?
        .ok_or_else(|| not_found("course"))?;
    let v = views(&mut tx, vec![c])
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

pub async fn add_sessions(
    database: &Db,
    scope: &CommunityScope,
    input: SessionsInput,
) -> AppResult<Vec<Session>> {
    scope.access.require_staff()?;
    let plausible = (2000..=2100).contains(&input.first_starts_at.year());
    if !plausible
        || !(1..=600).contains(&input.duration_minutes)
        || !(1..=52).contains(&input.weeks)
    {
        return Err(CoursesError::BadSessions.into());
    }
    let place = text(&input.place, 100, "上课地点")?;
    let slots: Vec<(DateTime<Utc>, DateTime<Utc>)> = (0..input.weeks)
        .map(|w| {
            let s = input.first_starts_at + Duration::weeks(i64::from(w));
            (s, s + Duration::minutes(i64::from(input.duration_minutes)))
        })
        .collect();
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    db::course(&mut tx, input.course_id)
        .await?
        .ok_or_else(|| not_found("course"))?;
    let rows = db::insert_sessions(&mut tx, input.course_id, &slots, &place).await?;
    tx.commit().await?;
    Ok(rows)
}

// --- enrolment ---

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
    database: &Db,
    scope: &CommunityScope,
    course_id: Uuid,
    learner: Option<Uuid>,
) -> AppResult<EnrolmentView> {
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let learner = acting_for(&mut tx, scope, learner).await?;
    let course = db::course(&mut tx, course_id)
        .await?
        .ok_or_else(|| not_found("course"))?;
    if course.status != "open" {
        return Err(CoursesError::CourseNotOpen.into());
    }
    check_audience(&course, &learner)?;
    if db::active_enrolment(&mut tx, course.id, learner.id)
        .await?
        .is_some()
    {
        return Err(CoursesError::AlreadyEnrolled.into());
    }
    let by = scope.access.account_id;
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
            Err(sqlx::Error::Database(d)) if d.constraint() == Some("courses_capacity") => {
                sp.rollback().await?;
                None
            }
            Err(sqlx::Error::Database(d)) if d.is_unique_violation() => {
                return Err(CoursesError::AlreadyEnrolled.into());
            }
            Err(e) => return Err(e.into()),
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

fn check_audience(course: &Course, learner: &Learner) -> AppResult<()> {
    let audience = Audience::parse(&course.audience).unwrap_or(Audience::All);
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
pub async fn cancel(
    database: &Db,
    scope: &CommunityScope,
    enrolment_id: Uuid,
) -> AppResult<Option<Uuid>> {
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let e = db::lock_enrolment(&mut tx, enrolment_id)
        .await?
        .ok_or_else(|| not_found("enrolment"))?;
    acting_for(&mut tx, scope, Some(e.learner_id)).await?;
    if e.status == "cancelled" {
        return Err(CoursesError::AlreadyCancelled.into());
    }
    db::set_enrolment_status(&mut tx, e.id, EnrolmentStatus::Cancelled).await?;
    let promoted = if e.status == "enrolled" {
        db::promote_first_waiting(&mut tx, e.course_id).await?
    } else {
        None
    };
    tx.commit().await?;
    Ok(promoted)
}

pub async fn roster(
    database: &Db,
    scope: &CommunityScope,
    course_id: Uuid,
) -> AppResult<Vec<(Enrolment, String)>> {
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    require_teaching(&mut tx, scope, course_id).await?;
    let r = db::roster(&mut tx, course_id).await?;
    tx.commit().await?;
    Ok(r)
}

// --- attendance ---

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

/// The QR code a teacher shows at a session.
pub async fn check_in_code(
    database: &Db,
    secrets: &Secrets,
    scope: &CommunityScope,
    session_id: Uuid,
) -> AppResult<IssuedCode> {
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let s = db::session(&mut tx, session_id)
        .await?
        .ok_or_else(|| not_found("session"))?;
    require_teaching(&mut tx, scope, s.course_id).await?;
    tx.commit().await?;
    let code = CheckInCode::for_session(
        scope.tenant.community_id,
        s.id,
        s.starts_at,
        s.ends_at,
        Utc::now(),
    );
    let token = code.sign(secrets);
    let t = token.clone();
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
/// inside its window; the learner must be enrolled; a second scan is refused.
pub async fn check_in(
    database: &Db,
    secrets: &Secrets,
    scope: &CommunityScope,
    token: &str,
    learner: Option<Uuid>,
) -> AppResult<Session> {
    let code = CheckInCode::verify(token, secrets)?;
    if code.community_id != scope.tenant.community_id {
        return Err(CoursesError::OtherCommunity.into());
    }
    let now = Utc::now();
    if !code.is_open_at(now) {
        return Err(CoursesError::OutsideWindow.into());
    }
    if !code.is_fresh_at(now) {
        return Err(CoursesError::CodeExpired.into());
    }
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let learner = acting_for(&mut tx, scope, learner).await?;
    let s = db::session(&mut tx, code.session_id)
        .await?
        .ok_or(CoursesError::InvalidCode)?;
    match db::active_enrolment(&mut tx, s.course_id, learner.id).await? {
        Some(e) if e.status == "enrolled" => {}
        _ => return Err(CoursesError::NotEnrolled.into()),
    }
    if !db::insert_attendance(
        &mut tx,
        s.id,
        learner.id,
        "qr",
        true,
        scope.access.account_id,
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
    database: &Db,
    scope: &CommunityScope,
    session_id: Uuid,
    learner_id: Uuid,
    present: bool,
) -> AppResult<()> {
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let s = db::session(&mut tx, session_id)
        .await?
        .ok_or_else(|| not_found("session"))?;
    require_teaching(&mut tx, scope, s.course_id).await?;
    match db::active_enrolment(&mut tx, s.course_id, learner_id).await? {
        Some(e) if e.status == "enrolled" => {}
        _ => return Err(CoursesError::NotEnrolled.into()),
    }
    db::upsert_attendance(&mut tx, s.id, learner_id, present, scope.access.account_id).await?;
    tx.commit().await?;
    Ok(())
}

/// (learner id, name, sessions held, attended) per enrolled learner. Staff and teachers only:
/// residents do not see each other's attendance.
pub async fn attendance(
    database: &Db,
    scope: &CommunityScope,
    course_id: Uuid,
) -> AppResult<Vec<(Uuid, String, i64, i64)>> {
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    require_teaching(&mut tx, scope, course_id).await?;
    let rows = db::attendance_by_learner(&mut tx, course_id).await?;
    tx.commit().await?;
    Ok(rows)
}

// --- surveys ---

pub struct QuestionInput {
    pub kind: QuestionKind,
    pub prompt: String,
    pub options: Vec<String>,
}

pub async fn create_survey(
    database: &Db,
    scope: &CommunityScope,
    title: &str,
    threshold: i32,
    closes_at: Option<DateTime<Utc>>,
    questions: Vec<QuestionInput>,
) -> AppResult<Survey> {
    scope.access.require_staff()?;
    let title = text(title, 100, "问卷标题")?;
    if threshold < 1 {
        return Err(AppError::bad_input(
            "开课门槛至少 1 人",
            "The threshold is at least 1",
        ));
    }
    if questions.is_empty() || questions.len() > 50 {
        return Err(AppError::bad_input(
            "问卷需要 1 到 50 个问题",
            "A survey has 1 to 50 questions",
        ));
    }
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let survey = db::insert_survey(
        &mut tx,
        &title,
        threshold,
        closes_at,
        scope.access.account_id,
    )
    .await?;
    for (i, q) in questions.iter().enumerate() {
        let prompt = text(&q.prompt, 200, "问题")?;
        let choice = matches!(q.kind, QuestionKind::Single | QuestionKind::Multiple);
        if choice == q.options.is_empty() || q.options.len() > 30 {
            return Err(AppError::bad_input(
                "选择题需要 1 到 30 个选项，其他题型没有选项",
                "Choice questions have 1–30 options, others none",
            ));
        }
        let options: Vec<String> = q
            .options
            .iter()
            .map(|o| text(o, 50, "选项"))
            .collect::<Result<_, _>>()?;
        db::insert_question(&mut tx, survey.id, i as i32 + 1, q.kind, &prompt, &options).await?;
    }
    tx.commit().await?;
    Ok(survey)
}

pub struct AnswerInput {
    pub question_id: Uuid,
    pub choices: Vec<i32>,
    pub text: Option<String>,
}

/// Answer once per survey; answering again replaces the answer until the survey closes.
/// Talent offers ("I can teach this") make the resident a teacher candidate.
pub async fn answer_survey(
    database: &Db,
    scope: &CommunityScope,
    survey_id: Uuid,
    answers: Vec<AnswerInput>,
) -> AppResult<()> {
    scope.access.require_member()?;
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let survey = db::survey(&mut tx, survey_id)
        .await?
        .ok_or_else(|| not_found("survey"))?;
    if !survey.is_open() {
        return Err(CoursesError::SurveyClosed.into());
    }
    let questions: HashMap<Uuid, Question> = db::questions(&mut tx, &[survey.id])
        .await?
        .into_iter()
        .map(|q| (q.id, q))
        .collect();
    let mut doc = serde_json::Map::new();
    let mut talents = Vec::new();
    for a in answers {
        let q = questions
            .get(&a.question_id)
            .ok_or(CoursesError::BadAnswer)?;
        let kind = QuestionKind::parse(&q.kind).unwrap_or(QuestionKind::Text);
        let value = match kind {
            QuestionKind::Single | QuestionKind::Multiple => {
                let mut c = a.choices.clone();
                c.sort_unstable();
                c.dedup();
                let in_range = c.iter().all(|i| (0..q.options.len() as i32).contains(i));
                if c.is_empty()
                    || !in_range
                    || (kind == QuestionKind::Single && c.len() != 1)
                    || a.text.is_some()
                {
                    return Err(CoursesError::BadAnswer.into());
                }
                json!({ "choices": c })
            }
            QuestionKind::Text | QuestionKind::Talent => {
                let t = text(a.text.as_deref().unwrap_or(""), 500, "回答")?;
                if kind == QuestionKind::Talent {
                    talents.push(t.chars().take(30).collect::<String>());
                }
                json!({ "text": t })
            }
        };
        doc.insert(q.id.to_string(), value);
    }
    db::upsert_response(
        &mut tx,
        survey.id,
        scope.access.account_id,
        &serde_json::Value::Object(doc),
    )
    .await?;
    for skill in talents {
        db::upsert_candidate(
            &mut tx,
            scope.access.account_id,
            &scope.access.display_name,
            &skill,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

pub async fn close_survey(
    database: &Db,
    scope: &CommunityScope,
    survey_id: Uuid,
) -> AppResult<Survey> {
    scope.access.require_staff()?;
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let s = db::close_survey(&mut tx, survey_id)
        .await?
        .ok_or_else(|| not_found("survey"))?;
    tx.commit().await?;
    Ok(s)
}

#[derive(Debug, Clone)]
pub struct SurveyView {
    pub survey: Survey,
    pub questions: Vec<(Question, Vec<i64>)>,
    pub responses: i64,
    pub my_answers: Option<serde_json::Value>,
}

pub async fn surveys(
    database: &Db,
    scope: &CommunityScope,
    after: Option<Uuid>,
    limit: i64,
) -> AppResult<Vec<SurveyView>> {
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let rows = db::surveys_page(&mut tx, after, limit + 1).await?;
    let ids: Vec<Uuid> = rows.iter().map(|s| s.id).collect();
    let mut questions: HashMap<Uuid, Vec<Question>> = HashMap::new();
    for q in db::questions(&mut tx, &ids).await? {
        questions.entry(q.survey_id).or_default().push(q);
    }
    let mut tally: HashMap<(Uuid, i32), i64> = HashMap::new();
    for (q, i, n) in db::tallies(&mut tx, &ids).await? {
        tally.insert((q, i), n);
    }
    let counts: HashMap<Uuid, i64> = db::response_counts(&mut tx, &ids)
        .await?
        .into_iter()
        .collect();
    let mut mine: HashMap<Uuid, serde_json::Value> =
        db::responses_of(&mut tx, &ids, scope.access.account_id)
            .await?
            .into_iter()
            .collect();
    let mut out = Vec::new();
    for s in rows {
        let my_answers = mine.remove(&s.id);
        let qs = questions
            .remove(&s.id)
            .unwrap_or_default()
            .into_iter()
            .map(|q| {
                let t = (0..q.options.len() as i32)
                    .map(|i| tally.get(&(q.id, i)).copied().unwrap_or(0))
                    .collect();
                (q, t)
            })
            .collect();
        out.push(SurveyView {
            responses: counts.get(&s.id).copied().unwrap_or(0),
            survey: s,
            questions: qs,
            my_answers,
        });
    }
    tx.commit().await?;
    Ok(out)
}

/// Turn a survey option that reached the threshold into a proposed course, in one step.
pub async fn propose_course(
    database: &Db,
    scope: &CommunityScope,
    survey_id: Uuid,
    question_id: Uuid,
    option: i32,
    mut input: CourseInput,
) -> AppResult<Course> {
    scope.access.require_staff()?;
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let survey = db::survey(&mut tx, survey_id)
        .await?
        .ok_or_else(|| not_found("survey"))?;
    let q = db::questions(&mut tx, &[survey.id])
        .await?
        .into_iter()
        .find(|q| q.id == question_id)
        .ok_or_else(|| not_found("question"))?;
    let label = q
        .options
        .get(option as usize)
        .filter(|_| option >= 0)
        .ok_or(CoursesError::BadAnswer)?
        .clone();
    let count = db::tallies(&mut tx, &[survey.id])
        .await?
        .into_iter()
        .find(|(qid, i, _)| *qid == q.id && *i == option)
        .map(|t| t.2)
        .unwrap_or(0);
    if count < i64::from(survey.threshold) {
        return Err(CoursesError::ThresholdNotReached {
            count,
            threshold: survey.threshold,
        }
        .into());
    }
    if input.title.trim().is_empty() {
        input.title = label;
    }
    let demand = format!("{}:{}:{}", survey.id, q.id, option);
    let c = insert_course(&mut tx, &input, "proposed", Some(&demand)).await?;
    tx.commit().await?;
    Ok(c)
}

// --- clubs ---

pub async fn create_federation(
    database: &Db,
    scope: &CommunityScope,
    name: &str,
    leader: Option<Uuid>,
) -> AppResult<Federation> {
    scope.access.require_staff()?;
    let name = text(name, 50, "联盟名称")?;
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let f = db::insert_federation(&mut tx, &name, leader)
        .await?
        .ok_or_else(|| {
            AppError::conflict("同名的社团联盟已存在", "A federation with this name exists")
        })?;
    tx.commit().await?;
    Ok(f)
}

pub async fn create_club(
    database: &Db,
    scope: &CommunityScope,
    name: &str,
    federation: Option<Uuid>,
) -> AppResult<Club> {
    scope.access.require_staff()?;
    let name = text(name, 50, "社团名称")?;
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let c = db::insert_club(&mut tx, &name, federation)
        .await?
        .ok_or_else(|| AppError::conflict("同名的社团已存在", "A club with this name exists"))?;
    tx.commit().await?;
    Ok(c)
}

pub async fn set_club_member(
    database: &Db,
    scope: &CommunityScope,
    club: Uuid,
    learner: Uuid,
    role: ClubRole,
) -> AppResult<()> {
    scope.access.require_staff()?;
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    db::upsert_club_member(&mut tx, club, learner, role).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn clubs(
    database: &Db,
    scope: &CommunityScope,
    after: Option<Uuid>,
    limit: i64,
) -> AppResult<(Vec<Club>, Vec<ClubMember>, Vec<Federation>)> {
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let clubs = db::clubs_page(&mut tx, after, limit + 1).await?;
    let ids: Vec<Uuid> = clubs.iter().map(|c| c.id).collect();
    let members = db::club_members(&mut tx, &ids).await?;
    let feds = db::federations(&mut tx).await?;
    tx.commit().await?;
    Ok((clubs, members, feds))
}

pub async fn federations(database: &Db, scope: &CommunityScope) -> AppResult<Vec<Federation>> {
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let f = db::federations(&mut tx).await?;
    tx.commit().await?;
    Ok(f)
}

// --- cadence ---

pub async fn create_cadence_target(
    database: &Db,
    scope: &CommunityScope,
    name: &str,
    period: CadencePeriod,
    min: i32,
    public_only: bool,
) -> AppResult<CadenceTarget> {
    scope.access.require_staff()?;
    let name = text(name, 100, "目标名称")?;
    if !(1..=1000).contains(&min) {
        return Err(AppError::bad_input(
            "次数为 1 到 1000",
            "The count must be 1 to 1,000",
        ));
    }
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let t = db::insert_cadence_target(&mut tx, &name, period, min, public_only).await?;
    tx.commit().await?;
    Ok(t)
}

#[derive(Debug, Clone)]
pub struct CadenceResult {
    pub target: CadenceTarget,
    /// (period start, sessions, met) for each month, or each week starting in the month.
    pub periods: Vec<(NaiveDate, i64, bool)>,
    pub met: bool,
}

/// Parse "2026-11" into the month's first day.
/// Years outside 2000–2100 are refused: nothing is held then, and date arithmetic near
/// chrono's limits would overflow.
pub fn parse_month(s: &str) -> AppResult<NaiveDate> {
    NaiveDate::parse_from_str(&format!("{}-01", s.trim()), "%Y-%m-%d")
        .ok()
        .filter(|d| (2000..=2100).contains(&d.year()))
        .ok_or_else(|| CoursesError::BadMonth.into())
}

/// Was each cadence target met in `month`? Sessions count in China Standard Time.
pub async fn cadence_report(
    database: &Db,
    scope: &CommunityScope,
    month: NaiveDate,
) -> AppResult<Vec<CadenceResult>> {
    let cst = chrono::FixedOffset::east_opt(8 * 3600).expect("valid offset");
    let next = if month.month() == 12 {
        NaiveDate::from_ymd_opt(month.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(month.year(), month.month() + 1, 1)
    }
    .expect("valid month");
    // Weeks (Monday start) that begin in this month.
    let mut mondays = Vec::new();
    let mut d = month;
    while d < next {
        if d.weekday() == chrono::Weekday::Mon {
            mondays.push(d);
        }
        d = d.succ_opt().expect("date");
    }
    let to_utc = |d: NaiveDate| {
        cst.from_local_datetime(&d.and_hms_opt(0, 0, 0).expect("midnight"))
            .single()
            .expect("fixed offset")
            .with_timezone(&Utc)
    };
    let window_end = mondays
        .last()
        .map(|m| (*m + Duration::days(7)).max(next))
        .unwrap_or(next);
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let targets = db::cadence_targets(&mut tx).await?;
    let starts = db::session_starts(&mut tx, to_utc(month), to_utc(window_end)).await?;
    tx.commit().await?;
    let count = |from: NaiveDate, to: NaiveDate, public_only: bool| {
        starts
            .iter()
            .filter(|(s, p)| *s >= to_utc(from) && *s < to_utc(to) && (*p || !public_only))
            .count() as i64
    };
    Ok(targets
        .into_iter()
        .map(|t| {
            let periods: Vec<(NaiveDate, i64, bool)> = if t.period == "week" {
                mondays
                    .iter()
                    .map(|m| {
                        let n = count(*m, *m + Duration::days(7), t.public_benefit_only);
                        (*m, n, n >= i64::from(t.min_sessions))
                    })
                    .collect()
            } else {
                let n = count(month, next, t.public_benefit_only);
                vec![(month, n, n >= i64::from(t.min_sessions))]
            };
            let met = periods.iter().all(|p| p.2);
            CadenceResult {
                target: t,
                periods,
                met,
            }
        })
        .collect())
}

// --- evaluations ---

pub async fn evaluate(
    database: &Db,
    scope: &CommunityScope,
    course_id: Uuid,
    learner: Option<Uuid>,
    rating: i32,
    comment: Option<String>,
) -> AppResult<()> {
    if !(1..=5).contains(&rating) {
        return Err(CoursesError::Rating.into());
    }
    let comment = comment
        .filter(|c| !c.trim().is_empty())
        .map(|c| text(&c, 500, "评价"))
        .transpose()?;
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let learner = acting_for(&mut tx, scope, learner).await?;
    if !db::has_attended(&mut tx, course_id, learner.id).await? {
        return Err(CoursesError::DidNotAttend.into());
    }
    db::upsert_evaluation(&mut tx, course_id, learner.id, rating, comment.as_deref()).await?;
    tx.commit().await?;
    Ok(())
}

// --- exhibitions ---

pub async fn create_exhibition(
    database: &Db,
    scope: &CommunityScope,
    title: &str,
    kind: ExhibitionKind,
    starts: NaiveDate,
    ends: NaiveDate,
) -> AppResult<Exhibition> {
    scope.access.require_staff()?;
    let title = text(title, 100, "展览名称")?;
    if ends < starts {
        return Err(CoursesError::BadPeriod.into());
    }
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let e = db::insert_exhibition(&mut tx, &title, kind, starts, ends).await?;
    tx.commit().await?;
    Ok(e)
}

pub async fn publish_exhibition(
    database: &Db,
    scope: &CommunityScope,
    id: Uuid,
) -> AppResult<Exhibition> {
    scope.access.require_staff()?;
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let e = db::publish_exhibition(&mut tx, id)
        .await?
        .ok_or_else(|| not_found("exhibition"))?;
    tx.commit().await?;
    Ok(e)
}

pub async fn add_work(
    database: &Db,
    scope: &CommunityScope,
    exhibition: Uuid,
    learner: Uuid,
    course: Option<Uuid>,
    title: &str,
) -> AppResult<Work> {
    let title = text(title, 100, "作品名称")?;
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    // A teacher adds works of the learners of a course they teach; staff add any.
    if !scope.access.is_staff() {
        let course = course.ok_or(CoursesError::NotYourCourse)?;
        require_teaching(&mut tx, scope, course).await?;
        if db::active_enrolment(&mut tx, course, learner)
            .await?
            .is_none()
        {
            return Err(CoursesError::NotEnrolled.into());
        }
    }
    db::exhibition(&mut tx, exhibition)
        .await?
        .ok_or_else(|| not_found("exhibition"))?;
    let l = db::learner(&mut tx, learner)
        .await?
        .ok_or_else(|| not_found("learner"))?;
    let w = db::insert_work(&mut tx, exhibition, &l, course, &title).await?;
    tx.commit().await?;
    Ok(w)
}

/// Record a guardian's consent to show a minor's work: the guardian, or staff holding a
/// signed paper form.
pub async fn record_consent(
    database: &Db,
    scope: &CommunityScope,
    work_id: Uuid,
) -> AppResult<Work> {
    scope.access.require_member()?;
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let w = db::work(&mut tx, work_id)
        .await?
        .ok_or_else(|| not_found("work"))?;
    let l = db::learner(&mut tx, w.learner_id)
        .await?
        .ok_or_else(|| not_found("learner"))?;
    if l.guardian_account_id != Some(scope.access.account_id) && !scope.access.is_staff() {
        return Err(AppError::forbidden());
    }
    db::record_consent(&mut tx, w.id).await?;
    let w = db::work(&mut tx, work_id)
        .await?
        .ok_or_else(|| not_found("work"))?;
    tx.commit().await?;
    Ok(w)
}

/// Check, strip and store one photo of a work, with its thumbnail, under the community's
/// prefix. Objects are written before the row: a failure leaves at most unreferenced objects,
/// never a row pointing at nothing.
pub async fn upload_photo(
    database: &Db,
    store: &ObjectStore,
    scope: &CommunityScope,
    work_id: Uuid,
    bytes: Vec<u8>,
) -> AppResult<WorkPhoto> {
    {
        let mut tx = database.tenant_tx(&scope.tenant).await?;
        let w = db::work(&mut tx, work_id)
            .await?
            .ok_or_else(|| not_found("work"))?;
        if !scope.access.is_staff() {
            let course = w.course_id.ok_or(CoursesError::NotYourCourse)?;
            require_teaching(&mut tx, scope, course).await?;
        }
        tx.commit().await?;
    }
    let p = photos::process_bounded(bytes).await?;
    let id = Uuid::now_v7();
    let base = format!("c/{}/works/{}/{}", scope.tenant.community_id, work_id, id);
    let (key, thumb) = (format!("{base}.jpg"), format!("{base}.thumb.jpg"));
    store.put(&key, p.full, "image/jpeg").await?;
    store.put(&thumb, p.thumb, "image/jpeg").await?;
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let photo = db::insert_photo(
        &mut tx,
        id,
        work_id,
        &key,
        &thumb,
        p.width as i32,
        p.height as i32,
    )
    .await?;
    tx.commit().await?;
    Ok(photo)
}

/// Delete a work, its photo rows, then its objects.
pub async fn delete_work(
    database: &Db,
    store: &ObjectStore,
    scope: &CommunityScope,
    work_id: Uuid,
) -> AppResult<()> {
    scope.access.require_staff()?;
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    db::work(&mut tx, work_id)
        .await?
        .ok_or_else(|| not_found("work"))?;
    let keys = db::delete_work(&mut tx, work_id).await?;
    tx.commit().await?;
    for k in keys {
        if let Err(e) = store.delete(&k).await {
            tracing::warn!(key = %k, error = ?e, "object of a deleted work left behind");
        }
    }
    Ok(())
}

#[derive(Debug, Clone)]
pub struct PhotoView {
    pub photo: WorkPhoto,
    pub url: String,
    pub thumb_url: String,
}

#[derive(Debug, Clone)]
pub struct ExhibitionView {
    pub exhibition: Exhibition,
    /// Works the caller may see, with short-lived photo URLs.
    pub works: Vec<(Work, Vec<PhotoView>)>,
}

pub const URL_TTL: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Residents see published exhibitions only; nobody but staff sees a minor's work before a
/// guardian consented.
pub async fn exhibitions(
    database: &Db,
    store: &ObjectStore,
    scope: &CommunityScope,
    after: Option<Uuid>,
    limit: i64,
) -> AppResult<Vec<ExhibitionView>> {
    // Unpublished exhibitions are the staff's drafts: not for residents, nor district viewers.
    let staff = scope.access.is_staff();
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let rows = db::exhibitions_page(&mut tx, after, limit + 1, !staff).await?;
    let ids: Vec<Uuid> = rows.iter().map(|e| e.id).collect();
    let works: Vec<Work> = db::works_of(&mut tx, &ids)
        .await?
        .into_iter()
        .filter(|w| !w.minor || w.guardian_consent_at.is_some() || staff)
        .collect();
    let work_ids: Vec<Uuid> = works.iter().map(|w| w.id).collect();
    let photos = db::photos_of(&mut tx, &work_ids).await?;
    tx.commit().await?;
    let mut by_work: HashMap<Uuid, Vec<PhotoView>> = HashMap::new();
    for p in photos {
        let url = store.presign_get(&p.object_key, URL_TTL).await?;
        let thumb_url = store.presign_get(&p.thumb_key, URL_TTL).await?;
        by_work.entry(p.work_id).or_default().push(PhotoView {
            photo: p,
            url,
            thumb_url,
        });
    }
    let mut by_exhibition: HashMap<Uuid, Vec<(Work, Vec<PhotoView>)>> = HashMap::new();
    for w in works {
        let photos = by_work.remove(&w.id).unwrap_or_default();
        by_exhibition
            .entry(w.exhibition_id)
            .or_default()
            .push((w, photos));
    }
    Ok(rows
        .into_iter()
        .map(|e| ExhibitionView {
            works: by_exhibition.remove(&e.id).unwrap_or_default(),
            exhibition: e,
        })
        .collect())
}

// --- the learner's loop ---

#[derive(Debug, Clone, serde::Serialize)]
pub struct LearnerRecord {
    pub learner_id: Uuid,
    pub name: String,
    pub surveys: Vec<(Uuid, String, DateTime<Utc>)>,
    /// (course id, title, status, sessions held, attended)
    pub courses: Vec<(Uuid, String, String, i64, i64)>,
    /// (work id, title, exhibition id)
    pub works: Vec<(Uuid, String, Uuid)>,
    /// (course id, title, rating, comment)
    pub evaluations: Vec<(Uuid, String, i32, Option<String>)>,
    /// (pool, reason, when)
    pub nominations: Vec<(String, String, DateTime<Utc>)>,
}

async fn record(tx: &mut TenantTx, l: &Learner) -> AppResult<LearnerRecord> {
    let surveys = match l.account_id {
        Some(a) => db::surveys_answered(tx, a).await?,
        None => Vec::new(),
    };
    Ok(LearnerRecord {
        learner_id: l.id,
        name: l.name.clone(),
        surveys,
        courses: db::learner_courses(tx, l.id).await?,
        works: db::works_by_learner(tx, l.id)
            .await?
            .into_iter()
            .map(|w| (w.id, w.title, w.exhibition_id))
            .collect(),
        evaluations: db::evaluations_by(tx, l.id).await?,
        nominations: db::nominations_of(tx, l.id)
            .await?
            .into_iter()
            .map(|n| (n.pool, n.reason, n.created_at))
            .collect(),
    })
}

/// The whole loop of one learner in this community: 兴趣 → 培训 → 活动 → 展示 → 评价.
pub async fn learner_record(
    database: &Db,
    scope: &CommunityScope,
    learner: Option<Uuid>,
) -> AppResult<LearnerRecord> {
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let l = acting_for(&mut tx, scope, learner).await?;
    let r = record(&mut tx, &l).await?;
    tx.commit().await?;
    Ok(r)
}

/// Nominate an outstanding learner to a role-model pool, with a snapshot of their loop.
pub async fn nominate(
    database: &Db,
    scope: &CommunityScope,
    learner: Uuid,
    pool: &str,
    reason: &str,
) -> AppResult<Nomination> {
    scope.access.require_staff()?;
    let pool = text(pool, 50, "榜单名称")?;
    let reason = text(reason, 500, "推荐理由")?;
    let mut tx = database.tenant_tx(&scope.tenant).await?;
    let l = db::learner(&mut tx, learner)
        .await?
        .ok_or_else(|| not_found("learner"))?;
    let snapshot = serde_json::to_value(record(&mut tx, &l).await?).map_err(AppError::internal)?;
    let n = db::insert_nomination(
        &mut tx,
        l.id,
        &pool,
        &reason,
        &snapshot,
        scope.access.account_id,
    )
    .await?;
    tx.commit().await?;
    Ok(n)
}
