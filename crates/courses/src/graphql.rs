//! The GraphQL face of the community college; the only module here that knows async-graphql.

use std::io::Read;

use async_graphql::connection::{Connection, Edge};
use async_graphql::{Context, Enum, ID, InputObject, Object, OutputType, SimpleObject, Upload};
use base64::Engine;
use chrono::{DateTime, Utc};
use infra::crypto::Secrets;
use infra::graphql::Date;
use infra::storage::ObjectStore;
use infra::{AppError, AppResult, CommunityScope, Db};
use uuid::Uuid;

use crate::model::{
    self, Audience, CadencePeriod, ClubRole, ExhibitionKind, Format, QuestionKind, TeacherKind,
};
use crate::service::{
    self as svc, AnswerInput, CourseInput, QuestionInput, SessionsInput, TeacherInput,
};

type Res<T> = async_graphql::Result<T>;

fn scope<'a>(ctx: &Context<'a>) -> AppResult<&'a CommunityScope> {
    infra::graphql::community(ctx)
}
fn db<'a>(ctx: &Context<'a>) -> &'a Db {
    ctx.data_unchecked::<Db>()
}
fn secrets<'a>(ctx: &Context<'a>) -> &'a Secrets {
    ctx.data_unchecked::<Secrets>()
}
fn store<'a>(ctx: &Context<'a>) -> &'a ObjectStore {
    ctx.data_unchecked::<ObjectStore>()
}
fn uuid(id: &ID) -> AppResult<Uuid> {
    Uuid::parse_str(id.as_str())
        .map_err(|_| AppError::bad_input("编号格式不正确", "The id is not valid"))
}
fn opt_uuid(id: &Option<ID>) -> AppResult<Option<Uuid>> {
    id.as_ref().map(uuid).transpose()
}
fn id(u: Uuid) -> ID {
    ID(u.to_string())
}

/// A Relay page from `limit + 1` rows ordered by id.
fn page<T, N: OutputType>(
    mut rows: Vec<T>,
    limit: i64,
    after: bool,
    key: impl Fn(&T) -> Uuid,
    node: impl Fn(T) -> N,
) -> Connection<String, N> {
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let mut c = Connection::new(after, more);
    c.edges.extend(
        rows.into_iter()
            .map(|r| Edge::new(key(&r).to_string(), node(r))),
    );
    c
}

fn after(after: &Option<String>) -> AppResult<Option<Uuid>> {
    after
        .as_deref()
        .map(|a| {
            Uuid::parse_str(a)
                .map_err(|_| AppError::bad_input("分页游标无效", "The `after` cursor is not valid"))
        })
        .transpose()
}

// --- enums ---

/// 小朋友 / 大朋友 / 老朋友 / everyone.
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(remote = "crate::model::Audience")]
pub enum AudienceGql {
    Children,
    Adults,
    Elderly,
    All,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(name = "CourseFormat", remote = "crate::model::Format")]
pub enum FormatGql {
    Lecture,
    Workshop,
    Salon,
    Performance,
    Forum,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(name = "TeacherKind", remote = "crate::model::TeacherKind")]
pub enum TeacherKindGql {
    Expert,
    LocalTalent,
    UniversityTeacher,
    UniversityStudent,
    SocialOrganisation,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(name = "QuestionKind", remote = "crate::model::QuestionKind")]
pub enum QuestionKindGql {
    Single,
    Multiple,
    Text,
    Talent,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(name = "ExhibitionKind", remote = "crate::model::ExhibitionKind")]
pub enum ExhibitionKindGql {
    Painting,
    Photography,
    Handicraft,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(name = "EnrolmentStatus", remote = "crate::model::EnrolmentStatus")]
pub enum EnrolmentStatusGql {
    Enrolled,
    Waitlisted,
    Cancelled,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(name = "ClubRole", remote = "crate::model::ClubRole")]
pub enum ClubRoleGql {
    Member,
    Leader,
    Monitor,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(name = "CadencePeriod", remote = "crate::model::CadencePeriod")]
pub enum CadencePeriodGql {
    Week,
    Month,
}

fn audience(s: &str) -> AudienceGql {
    Audience::parse(s).unwrap_or(Audience::All).into()
}
fn format(s: &str) -> FormatGql {
    Format::parse(s).unwrap_or(Format::Lecture).into()
}
fn teacher_kind(s: &str) -> TeacherKindGql {
    TeacherKind::parse(s)
        .unwrap_or(TeacherKind::LocalTalent)
        .into()
}

// --- output types ---

#[derive(SimpleObject)]
#[graphql(name = "CourseCategory")]
pub struct CourseCategoryGql {
    code: String,
    name: String,
    position: i32,
}

impl From<model::CourseCategory> for CourseCategoryGql {
    fn from(c: model::CourseCategory) -> Self {
        CourseCategoryGql {
            code: c.code,
            name: c.name,
            position: c.position,
        }
    }
}

/// A learner (学员): a resident, or a child registered by a guardian.
#[derive(SimpleObject)]
#[graphql(name = "Learner")]
pub struct LearnerGql {
    id: ID,
    name: String,
    birth_date: Option<Date>,
    is_minor: bool,
}

impl From<model::Learner> for LearnerGql {
    fn from(l: model::Learner) -> Self {
        LearnerGql {
            id: id(l.id),
            is_minor: l.is_minor(),
            name: l.name,
            birth_date: l.birth_date.map(Date),
        }
    }
}

/// A teacher of the pool (师资库). The phone number is masked except for staff.
#[derive(SimpleObject)]
#[graphql(name = "Teacher")]
pub struct TeacherGql {
    id: ID,
    name: String,
    kind: TeacherKindGql,
    skills: Vec<String>,
    phone: Option<String>,
    candidate: bool,
    teaches_in: Vec<String>,
    average_rating: Option<f64>,
}

fn teacher(
    t: model::Teacher,
    rating: Option<f64>,
    scope: &CommunityScope,
    secrets: &Secrets,
) -> TeacherGql {
    let phone = t
        .phone_encrypted
        .as_deref()
        .and_then(|p| secrets.decrypt(p))
        .map(|p| {
            if scope.access.is_staff() {
                p
            } else {
                infra::crypto::mask_phone(&p)
            }
        });
    TeacherGql {
        id: id(t.id),
        kind: teacher_kind(&t.kind),
        candidate: t.status == "candidate",
        name: t.name,
        skills: t.skills,
        phone,
        teaches_in: t.teaches_in,
        average_rating: rating,
    }
}

#[derive(SimpleObject)]
#[graphql(name = "CourseSession")]
pub struct SessionGql {
    id: ID,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    place: String,
}

impl From<model::Session> for SessionGql {
    fn from(s: model::Session) -> Self {
        SessionGql {
            id: id(s.id),
            starts_at: s.starts_at,
            ends_at: s.ends_at,
            place: s.place,
        }
    }
}

#[derive(SimpleObject)]
#[graphql(name = "Course")]
pub struct CourseGql {
    id: ID,
    title: String,
    category: String,
    audience: AudienceGql,
    min_age: Option<i32>,
    max_age: Option<i32>,
    format: FormatGql,
    /// 公益 (free) or 市场 (paid).
    public_benefit: bool,
    fee_cents: i32,
    club_id: Option<ID>,
    capacity: i32,
    enrolled_count: i32,
    waitlist_count: i64,
    materials: Option<String>,
    /// proposed (from a survey), open or closed.
    status: String,
    teachers: Vec<TeacherGql>,
    sessions: Vec<SessionGql>,
    average_rating: Option<f64>,
    rating_count: i64,
}

fn course(v: svc::CourseView, scope: &CommunityScope, secrets: &Secrets) -> CourseGql {
    let c = v.course;
    CourseGql {
        id: id(c.id),
        audience: audience(&c.audience),
        format: format(&c.format),
        club_id: c.club_id.map(id),
        title: c.title,
        category: c.category,
        min_age: c.min_age,
        max_age: c.max_age,
        public_benefit: c.public_benefit,
        fee_cents: c.fee_cents,
        capacity: c.capacity,
        enrolled_count: c.enrolled,
        waitlist_count: v.waitlisted,
        materials: c.materials,
        status: c.status,
        teachers: v
            .teachers
            .into_iter()
            .map(|t| teacher(t, None, scope, secrets))
            .collect(),
        sessions: v.sessions.into_iter().map(Into::into).collect(),
        average_rating: v.average_rating,
        rating_count: v.ratings,
    }
}

#[derive(SimpleObject)]
#[graphql(name = "Enrolment")]
pub struct EnrolmentGql {
    id: ID,
    course_id: ID,
    learner_id: ID,
    status: EnrolmentStatusGql,
    learner_name: Option<String>,
    waitlist_position: Option<i64>,
}

fn enrolment(e: model::Enrolment, name: Option<String>, position: Option<i64>) -> EnrolmentGql {
    EnrolmentGql {
        id: id(e.id),
        course_id: id(e.course_id),
        learner_id: id(e.learner_id),
        status: model::EnrolmentStatus::parse(&e.status)
            .unwrap_or(model::EnrolmentStatus::Cancelled)
            .into(),
        learner_name: name,
        waitlist_position: position,
    }
}

/// A session's QR check-in code. Check-in is open from 30 minutes before the session to its
/// end; the code itself rotates every 30 seconds and is refused a minute after it was shown.
#[derive(SimpleObject)]
pub struct CheckInCode {
    token: String,
    not_before: DateTime<Utc>,
    not_after: DateTime<Utc>,
    /// Fetch and show the next code from then.
    refresh_at: DateTime<Utc>,
    /// This code is refused from then.
    expires_at: DateTime<Utc>,
    svg: String,
    png_base64: String,
}

#[derive(SimpleObject)]
pub struct LearnerAttendance {
    learner_id: ID,
    name: String,
    sessions_held: i64,
    attended: i64,
    rate: Option<f64>,
}

#[derive(SimpleObject)]
pub struct CourseAttendance {
    course_id: ID,
    learners: Vec<LearnerAttendance>,
    rate: Option<f64>,
}

#[derive(SimpleObject)]
#[graphql(name = "SurveyQuestion")]
pub struct QuestionGql {
    id: ID,
    position: i32,
    kind: QuestionKindGql,
    prompt: String,
    options: Vec<String>,
    tallies: Vec<i64>,
    threshold_reached: Vec<bool>,
}

#[derive(SimpleObject)]
#[graphql(name = "Survey")]
pub struct SurveyGql {
    id: ID,
    title: String,
    threshold: i32,
    closes_at: Option<DateTime<Utc>>,
    open: bool,
    response_count: i64,
    questions: Vec<QuestionGql>,
    my_answers: Option<async_graphql::Json<serde_json::Value>>,
}

fn survey(v: svc::SurveyView) -> SurveyGql {
    let threshold = i64::from(v.survey.threshold);
    SurveyGql {
        id: id(v.survey.id),
        open: v.survey.is_open(),
        title: v.survey.title,
        threshold: v.survey.threshold,
        closes_at: v.survey.closes_at,
        response_count: v.responses,
        questions: v
            .questions
            .into_iter()
            .map(|(q, t)| QuestionGql {
                id: id(q.id),
                position: q.position,
                kind: QuestionKind::parse(&q.kind)
                    .unwrap_or(QuestionKind::Text)
                    .into(),
                prompt: q.prompt,
                options: q.options,
                threshold_reached: t.iter().map(|n| *n >= threshold).collect(),
                tallies: t,
            })
            .collect(),
        my_answers: v.my_answers.map(async_graphql::Json),
    }
}

#[derive(SimpleObject)]
#[graphql(name = "Federation")]
pub struct FederationGql {
    id: ID,
    name: String,
    leader_learner_id: Option<ID>,
}

impl From<model::Federation> for FederationGql {
    fn from(f: model::Federation) -> Self {
        FederationGql {
            id: id(f.id),
            name: f.name,
            leader_learner_id: f.leader.map(id),
        }
    }
}

#[derive(SimpleObject)]
pub struct ClubMemberGql {
    learner_id: ID,
    name: String,
    role: ClubRoleGql,
}

#[derive(SimpleObject)]
#[graphql(name = "Club")]
pub struct ClubGql {
    id: ID,
    name: String,
    federation: Option<FederationGql>,
    members: Vec<ClubMemberGql>,
}

#[derive(SimpleObject)]
#[graphql(name = "CadenceTarget")]
pub struct CadenceTargetGql {
    id: ID,
    name: String,
    period: CadencePeriodGql,
    min_sessions: i32,
    public_benefit_only: bool,
}

impl From<model::CadenceTarget> for CadenceTargetGql {
    fn from(t: model::CadenceTarget) -> Self {
        CadenceTargetGql {
            id: id(t.id),
            period: CadencePeriod::parse(&t.period)
                .unwrap_or(CadencePeriod::Month)
                .into(),
            name: t.name,
            min_sessions: t.min_sessions,
            public_benefit_only: t.public_benefit_only,
        }
    }
}

#[derive(SimpleObject)]
pub struct CadencePeriodResult {
    starts_on: Date,
    sessions: i64,
    met: bool,
}

#[derive(SimpleObject)]
pub struct CadenceResult {
    target: CadenceTargetGql,
    periods: Vec<CadencePeriodResult>,
    met: bool,
}

#[derive(SimpleObject)]
pub struct PhotoGql {
    id: ID,
    width: i32,
    height: i32,
    url: String,
    thumb_url: String,
}

#[derive(SimpleObject)]
#[graphql(name = "Work")]
pub struct WorkGql {
    id: ID,
    title: String,
    author: String,
    learner_id: ID,
    course_id: Option<ID>,
    minor: bool,
    consent_recorded: bool,
    photos: Vec<PhotoGql>,
}

fn work(w: model::Work, photos: Vec<svc::PhotoView>) -> WorkGql {
    WorkGql {
        id: id(w.id),
        learner_id: id(w.learner_id),
        course_id: w.course_id.map(id),
        consent_recorded: w.guardian_consent_at.is_some(),
        title: w.title,
        author: w.author,
        minor: w.minor,
        photos: photos
            .into_iter()
            .map(|p| PhotoGql {
                id: id(p.photo.id),
                width: p.photo.width,
                height: p.photo.height,
                url: p.url,
                thumb_url: p.thumb_url,
            })
            .collect(),
    }
}

#[derive(SimpleObject)]
#[graphql(name = "Exhibition")]
pub struct ExhibitionGql {
    id: ID,
    title: String,
    kind: ExhibitionKindGql,
    starts_on: Date,
    ends_on: Date,
    published: bool,
    works: Vec<WorkGql>,
}

fn exhibition(e: model::Exhibition, works: Vec<WorkGql>) -> ExhibitionGql {
    ExhibitionGql {
        id: id(e.id),
        kind: ExhibitionKind::parse(&e.kind)
            .unwrap_or(ExhibitionKind::Painting)
            .into(),
        title: e.title,
        starts_on: Date(e.starts_on),
        ends_on: Date(e.ends_on),
        published: e.published,
        works,
    }
}

#[derive(SimpleObject)]
#[graphql(name = "Nomination")]
pub struct NominationGql {
    id: ID,
    learner_id: ID,
    pool: String,
    reason: String,
    created_at: DateTime<Utc>,
}

impl From<model::Nomination> for NominationGql {
    fn from(n: model::Nomination) -> Self {
        NominationGql {
            id: id(n.id),
            learner_id: id(n.learner_id),
            pool: n.pool,
            reason: n.reason,
            created_at: n.created_at,
        }
    }
}

#[derive(SimpleObject)]
pub struct RecordSurvey {
    survey_id: ID,
    title: String,
    answered_at: DateTime<Utc>,
}
#[derive(SimpleObject)]
pub struct RecordCourse {
    course_id: ID,
    title: String,
    status: String,
    sessions_held: i64,
    attended: i64,
    attendance_rate: Option<f64>,
}
#[derive(SimpleObject)]
pub struct RecordWork {
    work_id: ID,
    title: String,
    exhibition_id: ID,
}
#[derive(SimpleObject)]
pub struct RecordEvaluation {
    course_id: ID,
    title: String,
    rating: i32,
    comment: Option<String>,
}
#[derive(SimpleObject)]
pub struct RecordNomination {
    pool: String,
    reason: String,
    at: DateTime<Utc>,
}

/// A learner's whole loop in the community: 兴趣 (surveys) → 培训 (courses, attendance) →
/// 展示 (works) → 评价 (evaluations), and nominations.
#[derive(SimpleObject)]
pub struct LearnerRecord {
    learner_id: ID,
    name: String,
    surveys: Vec<RecordSurvey>,
    courses: Vec<RecordCourse>,
    works: Vec<RecordWork>,
    evaluations: Vec<RecordEvaluation>,
    nominations: Vec<RecordNomination>,
}

fn rate(held: i64, attended: i64) -> Option<f64> {
    (held > 0).then(|| attended as f64 / held as f64)
}

impl From<svc::LearnerRecord> for LearnerRecord {
    fn from(r: svc::LearnerRecord) -> Self {
        LearnerRecord {
            learner_id: id(r.learner_id),
            name: r.name,
            surveys: r
                .surveys
                .into_iter()
                .map(|(s, t, a)| RecordSurvey {
                    survey_id: id(s),
                    title: t,
                    answered_at: a,
                })
                .collect(),
            courses: r
                .courses
                .into_iter()
                .map(|(c, t, s, h, a)| RecordCourse {
                    course_id: id(c),
                    title: t,
                    status: s,
                    sessions_held: h,
                    attended: a,
                    attendance_rate: rate(h, a),
                })
                .collect(),
            works: r
                .works
                .into_iter()
                .map(|(w, t, e)| RecordWork {
                    work_id: id(w),
                    title: t,
                    exhibition_id: id(e),
                })
                .collect(),
            evaluations: r
                .evaluations
                .into_iter()
                .map(|(c, t, r, m)| RecordEvaluation {
                    course_id: id(c),
                    title: t,
                    rating: r,
                    comment: m,
                })
                .collect(),
            nominations: r
                .nominations
                .into_iter()
                .map(|(p, r, a)| RecordNomination {
                    pool: p,
                    reason: r,
                    at: a,
                })
                .collect(),
        }
    }
}

// --- inputs ---

#[derive(InputObject)]
pub struct CreateTeacherInput {
    name: String,
    kind: TeacherKindGql,
    #[graphql(default)]
    skills: Vec<String>,
    phone: Option<String>,
    #[graphql(default)]
    teaches_in: Vec<String>,
    learner_id: Option<ID>,
    /// The teacher's account: teachers act on the courses they teach.
    account_id: Option<ID>,
}

#[derive(InputObject)]
pub struct CreateCourseInput {
    title: String,
    category: String,
    audience: AudienceGql,
    min_age: Option<i32>,
    max_age: Option<i32>,
    format: FormatGql,
    #[graphql(default = true)]
    public_benefit: bool,
    #[graphql(default)]
    fee_cents: i32,
    club_id: Option<ID>,
    capacity: i32,
    materials: Option<String>,
    #[graphql(default)]
    teacher_ids: Vec<ID>,
}

impl CreateCourseInput {
    fn into_input(self) -> AppResult<CourseInput> {
        Ok(CourseInput {
            title: self.title,
            category: self.category,
            audience: self.audience.into(),
            min_age: self.min_age,
            max_age: self.max_age,
            format: self.format.into(),
            public_benefit: self.public_benefit,
            fee_cents: self.fee_cents,
            club_id: opt_uuid(&self.club_id)?,
            capacity: self.capacity,
            materials: self.materials,
            teacher_ids: self
                .teacher_ids
                .iter()
                .map(uuid)
                .collect::<AppResult<_>>()?,
        })
    }
}

#[derive(InputObject)]
pub struct AddSessionsInput {
    course_id: ID,
    first_starts_at: DateTime<Utc>,
    duration_minutes: i32,
    #[graphql(default = 1)]
    weeks: i32,
    place: String,
}

#[derive(InputObject)]
pub struct QuestionInputGql {
    kind: QuestionKindGql,
    prompt: String,
    #[graphql(default)]
    options: Vec<String>,
}

#[derive(InputObject)]
pub struct CreateSurveyInput {
    title: String,
    threshold: i32,
    closes_at: Option<DateTime<Utc>>,
    questions: Vec<QuestionInputGql>,
}

#[derive(InputObject)]
pub struct AnswerInputGql {
    question_id: ID,
    #[graphql(default)]
    choices: Vec<i32>,
    text: Option<String>,
}

// --- query ---

#[derive(Default)]
pub struct CoursesQuery;

#[Object]
impl CoursesQuery {
    /// The community's course categories (课程类别), in display order.
    async fn course_categories(&self, ctx: &Context<'_>) -> Res<Vec<CourseCategoryGql>> {
        Ok(svc::categories(db(ctx), scope(ctx)?)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// Courses with teachers, sessions and counts (a constant number of SQL queries per page).
    async fn courses(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        category: Option<String>,
    ) -> Res<Connection<String, CourseGql>> {
        let s = scope(ctx)?;
        let limit = svc::page_limit(first)?;
        let a = self::after(&after)?;
        let rows = svc::courses(db(ctx), s, a, limit, category.as_deref()).await?;
        Ok(page(
            rows,
            limit,
            a.is_some(),
            |v| v.course.id,
            |v| course(v, s, secrets(ctx)),
        ))
    }

    async fn course(&self, ctx: &Context<'_>, id: ID) -> Res<CourseGql> {
        course_by_id(ctx, scope(ctx)?, uuid(&id)?).await
    }

    /// Enrolled learners then the waiting list in order (staff and teachers).
    async fn course_roster(&self, ctx: &Context<'_>, course_id: ID) -> Res<Vec<EnrolmentGql>> {
        let rows = svc::roster(db(ctx), scope(ctx)?, uuid(&course_id)?).await?;
        let mut waiting = 0;
        Ok(rows
            .into_iter()
            .map(|(e, n)| {
                let pos = (e.status == "waitlisted").then(|| {
                    waiting += 1;
                    waiting
                });
                enrolment(e, Some(n), pos)
            })
            .collect())
    }

    /// Attendance rate per learner and for the course.
    async fn course_attendance(&self, ctx: &Context<'_>, course_id: ID) -> Res<CourseAttendance> {
        let cid = uuid(&course_id)?;
        let rows = svc::attendance(db(ctx), scope(ctx)?, cid).await?;
        let (held, attended): (i64, i64) = rows.iter().fold((0, 0), |(h, a), r| (h + r.2, a + r.3));
        Ok(CourseAttendance {
            course_id: id(cid),
            rate: rate(held, attended),
            learners: rows
                .into_iter()
                .map(|(l, n, h, a)| LearnerAttendance {
                    learner_id: id(l),
                    name: n,
                    sessions_held: h,
                    attended: a,
                    rate: rate(h, a),
                })
                .collect(),
        })
    }

    /// The teacher pool.
    async fn teachers(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Res<Connection<String, TeacherGql>> {
        let s = scope(ctx)?;
        let limit = svc::page_limit(first)?;
        let a = self::after(&after)?;
        let rows = svc::teachers(db(ctx), s, a, limit).await?;
        Ok(page(
            rows,
            limit,
            a.is_some(),
            |(t, _)| t.id,
            |(t, r)| teacher(t, r, s, secrets(ctx)),
        ))
    }

    /// The caller's own learner record and the children in their care.
    async fn my_learners(&self, ctx: &Context<'_>) -> Res<Vec<LearnerGql>> {
        Ok(svc::my_learners(db(ctx), scope(ctx)?)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// Demand surveys (订单式) with live tallies.
    async fn surveys(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Res<Connection<String, SurveyGql>> {
        let s = scope(ctx)?;
        let limit = svc::page_limit(first)?;
        let a = self::after(&after)?;
        let rows = svc::surveys(db(ctx), s, a, limit).await?;
        Ok(page(rows, limit, a.is_some(), |v| v.survey.id, survey))
    }

    /// Clubs (社团) with their federation and members.
    async fn clubs(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Res<Connection<String, ClubGql>> {
        let limit = svc::page_limit(first)?;
        let a = self::after(&after)?;
        let (clubs, members, feds) = svc::clubs(db(ctx), scope(ctx)?, a, limit).await?;
        Ok(page(
            clubs,
            limit,
            a.is_some(),
            |c| c.id,
            |c| ClubGql {
                id: id(c.id),
                federation: c
                    .federation_id
                    .and_then(|f| feds.iter().find(|x| x.id == f))
                    .cloned()
                    .map(Into::into),
                members: members
                    .iter()
                    .filter(|m| m.club_id == c.id)
                    .map(|m| ClubMemberGql {
                        learner_id: id(m.learner_id),
                        name: m.name.clone(),
                        role: ClubRole::parse(&m.role).unwrap_or(ClubRole::Member).into(),
                    })
                    .collect(),
                name: c.name,
            },
        ))
    }

    /// Club federations (社团联盟).
    async fn federations(&self, ctx: &Context<'_>) -> Res<Vec<FederationGql>> {
        Ok(svc::federations(db(ctx), scope(ctx)?)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }

    /// Whether each cadence target was met in `month` (YYYY-MM).
    async fn cadence_report(&self, ctx: &Context<'_>, month: String) -> Res<Vec<CadenceResult>> {
        let m = svc::parse_month(&month)?;
        Ok(svc::cadence_report(db(ctx), scope(ctx)?, m)
            .await?
            .into_iter()
            .map(|r| CadenceResult {
                target: r.target.into(),
                met: r.met,
                periods: r
                    .periods
                    .into_iter()
                    .map(|(d, n, met)| CadencePeriodResult {
                        starts_on: Date(d),
                        sessions: n,
                        met,
                    })
                    .collect(),
            })
            .collect())
    }

    /// Exhibitions: residents see published ones, and a minor's work only after consent.
    async fn exhibitions(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Res<Connection<String, ExhibitionGql>> {
        let limit = svc::page_limit(first)?;
        let a = self::after(&after)?;
        let rows = svc::exhibitions(db(ctx), store(ctx), scope(ctx)?, a, limit).await?;
        Ok(page(
            rows,
            limit,
            a.is_some(),
            |v| v.exhibition.id,
            |v| {
                exhibition(
                    v.exhibition,
                    v.works.into_iter().map(|(w, p)| work(w, p)).collect(),
                )
            },
        ))
    }

    /// A learner's whole loop (the caller's own when no learner is named).
    async fn learner_record(
        &self,
        ctx: &Context<'_>,
        learner_id: Option<ID>,
    ) -> Res<LearnerRecord> {
        Ok(
            svc::learner_record(db(ctx), scope(ctx)?, opt_uuid(&learner_id)?)
                .await?
                .into(),
        )
    }
}

/// One course with its teachers and sessions (the `course` query, and what mutations return).
async fn course_by_id(ctx: &Context<'_>, s: &CommunityScope, id: Uuid) -> Res<CourseGql> {
    Ok(course(svc::course(db(ctx), s, id).await?, s, secrets(ctx)))
}

// --- mutation ---

#[derive(Default)]
pub struct CoursesMutation;

#[Object]
impl CoursesMutation {
    /// Add a course category to the community's list (staff).
    async fn add_course_category(
        &self,
        ctx: &Context<'_>,
        code: String,
        name: String,
    ) -> Res<CourseCategoryGql> {
        Ok(svc::add_category(db(ctx), scope(ctx)?, &code, &name)
            .await?
            .into())
    }

    /// A guardian registers a child to enrol them.
    async fn register_child(
        &self,
        ctx: &Context<'_>,
        name: String,
        birth_date: Date,
    ) -> Res<LearnerGql> {
        Ok(
            svc::register_child(db(ctx), scope(ctx)?, &name, birth_date.0)
                .await?
                .into(),
        )
    }

    /// Record a learner's birth date (needed by courses with age rules).
    async fn set_learner_birth_date(
        &self,
        ctx: &Context<'_>,
        learner_id: Option<ID>,
        birth_date: Date,
    ) -> Res<LearnerGql> {
        Ok(
            svc::set_birth_date(db(ctx), scope(ctx)?, opt_uuid(&learner_id)?, birth_date.0)
                .await?
                .into(),
        )
    }

    /// Add a teacher to the pool; with `learnerId`, a learner becomes a teacher (staff).
    async fn create_teacher(
        &self,
        ctx: &Context<'_>,
        input: CreateTeacherInput,
    ) -> Res<TeacherGql> {
        let s = scope(ctx)?;
        let t = svc::create_teacher(
            db(ctx),
            secrets(ctx),
            s,
            TeacherInput {
                name: input.name,
                kind: input.kind.into(),
                skills: input.skills,
                phone: input.phone,
                teaches_in: input.teaches_in,
                learner_id: opt_uuid(&input.learner_id)?,
                account_id: opt_uuid(&input.account_id)?,
            },
        )
        .await?;
        Ok(teacher(t, None, s, secrets(ctx)))
    }

    async fn create_course(&self, ctx: &Context<'_>, input: CreateCourseInput) -> Res<CourseGql> {
        let s = scope(ctx)?;
        let c = svc::create_course(db(ctx), s, input.into_input()?).await?;
        course_by_id(ctx, s, c.id).await
    }

    /// Open a course (e.g. one proposed from a survey) for enrolment, or close it (staff).
    async fn set_course_open(
        &self,
        ctx: &Context<'_>,
        course_id: ID,
        open: bool,
    ) -> Res<CourseGql> {
        let s = scope(ctx)?;
        let c = svc::set_course_open(db(ctx), s, uuid(&course_id)?, open).await?;
        course_by_id(ctx, s, c.id).await
    }

    /// Add one session, or `weeks` weekly sessions, to a course's timetable.
    async fn add_sessions(
        &self,
        ctx: &Context<'_>,
        input: AddSessionsInput,
    ) -> Res<Vec<SessionGql>> {
        let rows = svc::add_sessions(
            db(ctx),
            scope(ctx)?,
            SessionsInput {
                course_id: uuid(&input.course_id)?,
                first_starts_at: input.first_starts_at,
                duration_minutes: input.duration_minutes,
                weeks: input.weeks,
                place: input.place,
            },
        )
        .await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// Enrol yourself, a child in your care, or (staff) any learner. Full courses waitlist.
    async fn enrol(
        &self,
        ctx: &Context<'_>,
        course_id: ID,
        learner_id: Option<ID>,
    ) -> Res<EnrolmentGql> {
        let v = svc::enrol(
            db(ctx),
            scope(ctx)?,
            uuid(&course_id)?,
            opt_uuid(&learner_id)?,
        )
        .await?;
        Ok(enrolment(v.enrolment, None, v.position))
    }

    /// Cancel an enrolment; a freed seat goes to the first of the waiting list. Returns the
    /// id of the promoted enrolment, if any.
    async fn cancel_enrolment(&self, ctx: &Context<'_>, enrolment_id: ID) -> Res<Option<ID>> {
        Ok(svc::cancel(db(ctx), scope(ctx)?, uuid(&enrolment_id)?)
            .await?
            .map(id))
    }

    /// The QR check-in code of a session, as a token, SVG and PNG (teachers and staff).
    async fn session_check_in_code(&self, ctx: &Context<'_>, session_id: ID) -> Res<CheckInCode> {
        let c = svc::check_in_code(db(ctx), secrets(ctx), scope(ctx)?, uuid(&session_id)?).await?;
        Ok(CheckInCode {
            token: c.token,
            not_before: c.not_before,
            not_after: c.not_after,
            refresh_at: c.refresh_at,
            expires_at: c.expires_at,
            svg: c.svg,
            png_base64: base64::engine::general_purpose::STANDARD.encode(c.png),
        })
    }

    /// Check in by scanning the session's QR code.
    async fn check_in(
        &self,
        ctx: &Context<'_>,
        token: String,
        learner_id: Option<ID>,
    ) -> Res<SessionGql> {
        Ok(svc::check_in(
            db(ctx),
            secrets(ctx),
            scope(ctx)?,
            &token,
            opt_uuid(&learner_id)?,
        )
        .await?
        .into())
    }

    /// Mark attendance from the roster (teachers and staff).
    async fn mark_attendance(
        &self,
        ctx: &Context<'_>,
        session_id: ID,
        learner_id: ID,
        present: bool,
    ) -> Res<bool> {
        svc::mark_attendance(
            db(ctx),
            scope(ctx)?,
            uuid(&session_id)?,
            uuid(&learner_id)?,
            present,
        )
        .await?;
        Ok(true)
    }

    async fn create_survey(&self, ctx: &Context<'_>, input: CreateSurveyInput) -> Res<ID> {
        let qs = input
            .questions
            .into_iter()
            .map(|q| QuestionInput {
                kind: q.kind.into(),
                prompt: q.prompt,
                options: q.options,
            })
            .collect();
        Ok(id(svc::create_survey(
            db(ctx),
            scope(ctx)?,
            &input.title,
            input.threshold,
            input.closes_at,
            qs,
        )
        .await?
        .id))
    }

    /// Answer a survey; answering again replaces the earlier answer while the survey is open.
    async fn answer_survey(
        &self,
        ctx: &Context<'_>,
        survey_id: ID,
        answers: Vec<AnswerInputGql>,
    ) -> Res<bool> {
        let answers = answers
            .into_iter()
            .map(|a| {
                Ok(AnswerInput {
                    question_id: uuid(&a.question_id)?,
                    choices: a.choices,
                    text: a.text,
                })
            })
            .collect::<AppResult<_>>()?;
        svc::answer_survey(db(ctx), scope(ctx)?, uuid(&survey_id)?, answers).await?;
        Ok(true)
    }

    async fn close_survey(&self, ctx: &Context<'_>, survey_id: ID) -> Res<bool> {
        svc::close_survey(db(ctx), scope(ctx)?, uuid(&survey_id)?).await?;
        Ok(true)
    }

    /// Turn an option that reached the survey's threshold into a proposed course.
    async fn propose_course_from_survey(
        &self,
        ctx: &Context<'_>,
        survey_id: ID,
        question_id: ID,
        option: i32,
        input: CreateCourseInput,
    ) -> Res<CourseGql> {
        let s = scope(ctx)?;
        let c = svc::propose_course(
            db(ctx),
            s,
            uuid(&survey_id)?,
            uuid(&question_id)?,
            option,
            input.into_input()?,
        )
        .await?;
        course_by_id(ctx, s, c.id).await
    }

    async fn create_federation(
        &self,
        ctx: &Context<'_>,
        name: String,
        leader_learner_id: Option<ID>,
    ) -> Res<FederationGql> {
        Ok(
            svc::create_federation(db(ctx), scope(ctx)?, &name, opt_uuid(&leader_learner_id)?)
                .await?
                .into(),
        )
    }

    async fn create_club(
        &self,
        ctx: &Context<'_>,
        name: String,
        federation_id: Option<ID>,
    ) -> Res<ID> {
        Ok(id(svc::create_club(
            db(ctx),
            scope(ctx)?,
            &name,
            opt_uuid(&federation_id)?,
        )
        .await?
        .id))
    }

    /// Add a learner to a club, as member, leader (社长) or class monitor (班长).
    async fn set_club_member(
        &self,
        ctx: &Context<'_>,
        club_id: ID,
        learner_id: ID,
        role: ClubRoleGql,
    ) -> Res<bool> {
        svc::set_club_member(
            db(ctx),
            scope(ctx)?,
            uuid(&club_id)?,
            uuid(&learner_id)?,
            role.into(),
        )
        .await?;
        Ok(true)
    }

    /// A cadence target such as 每月不少于两堂公益课 (month, 2, public-benefit only).
    async fn create_cadence_target(
        &self,
        ctx: &Context<'_>,
        name: String,
        period: CadencePeriodGql,
        min_sessions: i32,
        #[graphql(default)] public_benefit_only: bool,
    ) -> Res<CadenceTargetGql> {
        Ok(svc::create_cadence_target(
            db(ctx),
            scope(ctx)?,
            &name,
            period.into(),
            min_sessions,
            public_benefit_only,
        )
        .await?
        .into())
    }

    /// Rate a course you attended, 1–5, with an optional comment.
    async fn evaluate_course(
        &self,
        ctx: &Context<'_>,
        course_id: ID,
        rating: i32,
        comment: Option<String>,
        learner_id: Option<ID>,
    ) -> Res<bool> {
        svc::evaluate(
            db(ctx),
            scope(ctx)?,
            uuid(&course_id)?,
            opt_uuid(&learner_id)?,
            rating,
            comment,
        )
        .await?;
        Ok(true)
    }

    async fn create_exhibition(
        &self,
        ctx: &Context<'_>,
        title: String,
        kind: ExhibitionKindGql,
        starts_on: Date,
        ends_on: Date,
    ) -> Res<ExhibitionGql> {
        let e = svc::create_exhibition(
            db(ctx),
            scope(ctx)?,
            &title,
            kind.into(),
            starts_on.0,
            ends_on.0,
        )
        .await?;
        Ok(exhibition(e, Vec::new()))
    }

    /// Residents see an exhibition once staff publish it.
    async fn publish_exhibition(&self, ctx: &Context<'_>, exhibition_id: ID) -> Res<bool> {
        svc::publish_exhibition(db(ctx), scope(ctx)?, uuid(&exhibition_id)?).await?;
        Ok(true)
    }

    async fn add_work(
        &self,
        ctx: &Context<'_>,
        exhibition_id: ID,
        learner_id: ID,
        course_id: Option<ID>,
        title: String,
    ) -> Res<WorkGql> {
        let w = svc::add_work(
            db(ctx),
            scope(ctx)?,
            uuid(&exhibition_id)?,
            uuid(&learner_id)?,
            opt_uuid(&course_id)?,
            &title,
        )
        .await?;
        Ok(work(w, Vec::new()))
    }

    /// Upload a photo of a work (GraphQL multipart request). JPEG, PNG or WebP; metadata is
    /// stripped and a thumbnail made.
    async fn upload_work_photo(
        &self,
        ctx: &Context<'_>,
        work_id: ID,
        file: Upload,
    ) -> Res<PhotoGql> {
        let s = scope(ctx)?;
        let mut bytes = Vec::new();
        let upload = file
            .value(ctx)
            .map_err(|_| AppError::bad_input("没有收到上传的文件", "The upload is missing"))?;
        upload
            .into_read()
            .take(crate::photos::MAX_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(AppError::from)?;
        let p = svc::upload_photo(db(ctx), store(ctx), s, uuid(&work_id)?, bytes).await?;
        let url = store(ctx).presign_get(&p.object_key, svc::URL_TTL).await?;
        let thumb_url = store(ctx).presign_get(&p.thumb_key, svc::URL_TTL).await?;
        Ok(PhotoGql {
            id: id(p.id),
            width: p.width,
            height: p.height,
            url,
            thumb_url,
        })
    }

    /// Record the guardian's consent to show a minor's work.
    async fn record_guardian_consent(&self, ctx: &Context<'_>, work_id: ID) -> Res<bool> {
        svc::record_consent(db(ctx), scope(ctx)?, uuid(&work_id)?).await?;
        Ok(true)
    }

    /// Delete a work and its photos, from the database and from object storage.
    async fn delete_work(&self, ctx: &Context<'_>, work_id: ID) -> Res<bool> {
        svc::delete_work(db(ctx), store(ctx), scope(ctx)?, uuid(&work_id)?).await?;
        Ok(true)
    }

    /// Nominate an outstanding learner to a role-model pool (千人故事, 两江榜样).
    async fn nominate_learner(
        &self,
        ctx: &Context<'_>,
        learner_id: ID,
        pool: String,
        reason: String,
    ) -> Res<NominationGql> {
        Ok(
            svc::nominate(db(ctx), scope(ctx)?, uuid(&learner_id)?, &pool, &reason)
                .await?
                .into(),
        )
    }
}
