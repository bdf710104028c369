//! The GraphQL face of catalogue: types and resolvers, nothing else.

use crate::catalogue::model::Audience;
use crate::catalogue::model::CourseStatus;
use crate::catalogue::model::Format;
use crate::timetable::model::SessionStatus;
use async_graphql::connection::Connection;
use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use infra::AppResult;

use crate::graphql::*;
use crate::model;
use crate::service::{self as svc, CourseInput, SessionsInput};
use crate::teachers::graphql::{TeacherGql, teacher};

#[derive(SimpleObject)]
#[graphql(name = "CourseSession")]
pub struct SessionGql {
    id: ID,
    course_id: ID,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    place: String,
    status: SessionStatus,
    cancel_reason: Option<String>,
    /// When it was first planned to start, once moved (调课).
    moved_from: Option<DateTime<Utc>>,
    /// The community space it takes place in.
    space_id: Option<ID>,
}

impl From<model::Session> for SessionGql {
    fn from(s: model::Session) -> Self {
        SessionGql {
            id: id(s.id),
            course_id: id(s.course_id),
            starts_at: s.starts_at,
            ends_at: s.ends_at,
            place: s.place,
            status: s.status,
            cancel_reason: s.cancel_reason,
            moved_from: s.moved_from,
            space_id: s.space_id.map(id),
        }
    }
}

#[derive(SimpleObject)]
#[graphql(name = "Course")]
pub struct CourseGql {
    id: ID,
    title: String,
    category: String,
    audience: Audience,
    min_age: Option<i32>,
    max_age: Option<i32>,
    format: Format,
    /// 公益 (free) or 市场 (paid).
    public_benefit: bool,
    fee_cents: i32,
    club_id: Option<ID>,
    capacity: i32,
    enrolled_count: i32,
    waitlist_count: i64,
    materials: Option<String>,
    /// proposed (from a survey), open or closed.
    status: CourseStatus,
    teachers: Vec<TeacherGql>,
    sessions: Vec<SessionGql>,
    average_rating: Option<f64>,
    rating_count: i64,
}

pub(crate) fn course(v: svc::CourseView) -> CourseGql {
    let c = v.course;
    CourseGql {
        id: id(c.id),
        audience: c.audience,
        format: c.format,
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
        teachers: v.teachers.into_iter().map(teacher).collect(),
        sessions: v.sessions.into_iter().map(Into::into).collect(),
        average_rating: v.average_rating,
        rating_count: v.ratings,
    }
}

#[derive(InputObject)]
pub struct CreateCourseInput {
    title: String,
    category: String,
    audience: Audience,
    min_age: Option<i32>,
    max_age: Option<i32>,
    format: Format,
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
    pub(crate) fn into_input(self) -> AppResult<CourseInput> {
        Ok(CourseInput {
            title: self.title,
            category: self.category,
            audience: self.audience,
            min_age: self.min_age,
            max_age: self.max_age,
            format: self.format,
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

/// What to change of a course; fields left out stay as they are.
#[derive(InputObject)]
pub struct UpdateCourseInput {
    course_id: ID,
    title: Option<String>,
    /// Never below the seats taken; raising it promotes the waiting list.
    capacity: Option<i32>,
    audience: Option<Audience>,
    /// Give both age bounds to change them (null clears a bound).
    #[graphql(default)]
    set_ages: bool,
    min_age: Option<i32>,
    max_age: Option<i32>,
    /// Give `setMaterials: true` with `materials` (or null to clear).
    #[graphql(default)]
    set_materials: bool,
    materials: Option<String>,
    /// A code of `courseCategories`.
    category: Option<String>,
    format: Option<Format>,
    /// A public-benefit (公益) course is free: set `feeCents` to 0 with it.
    public_benefit: Option<bool>,
    /// Fee in fen, never negative.
    fee_cents: Option<i32>,
    /// The course's teachers, all of them.
    teacher_ids: Option<Vec<ID>>,
}

impl UpdateCourseInput {
    fn into_edit(self) -> AppResult<(uuid::Uuid, model::CourseEdit)> {
        Ok((
            uuid(&self.course_id)?,
            model::CourseEdit {
                title: self.title,
                capacity: self.capacity,
                audience: self.audience,
                ages: self.set_ages.then_some((self.min_age, self.max_age)),
                materials: self.set_materials.then_some(self.materials),
                category: self.category,
                format: self.format,
                public_benefit: self.public_benefit,
                fee_cents: self.fee_cents,
                teacher_ids: self
                    .teacher_ids
                    .map(|ids| ids.iter().map(uuid).collect::<AppResult<_>>())
                    .transpose()?,
            },
        ))
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

/// The relations of a course the query selected (`selected` answers for a field of `Course`).
pub(crate) fn parts_selected(selected: impl Fn(&str) -> bool) -> svc::CourseParts {
    svc::CourseParts {
        teachers: selected("teachers"),
        sessions: selected("sessions"),
        stats: ["waitlistCount", "averageRating", "ratingCount"]
            .into_iter()
            .any(selected),
    }
}

#[derive(Default)]
pub struct CatalogueQuery;

#[Object]
impl CatalogueQuery {
    /// The community's course categories (课程类别), in display order.
    async fn course_categories(&self, ctx: &Context<'_>) -> Res<Vec<model::CourseCategory>> {
        Ok(svc::categories(community(ctx)?)
            .await?
            .into_iter()
            .collect())
    }

    /// Courses with teachers, sessions and counts (a constant number of SQL queries per page).
    async fn courses(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        category: Option<String>,
        #[graphql(
            default,
            desc = "Only the courses I teach (a teacher's own list)."
        )]
        taught_by_me: bool,
    ) -> Res<Connection<String, CourseGql>> {
        let s = community(ctx)?;
        let limit = svc::page_limit(first)?;
        let a = self::after(&after)?;
        let la = ctx.look_ahead();
        let parts = parts_selected(|f| {
            la.field("edges").field("node").field(f).exists() || la.field("nodes").field(f).exists()
        });
        let rows = svc::courses(s, a, limit, category.as_deref(), taught_by_me, parts).await?;
        Ok(page(rows, limit, a.is_some(), |v| v.course.id, course))
    }

    async fn course(&self, ctx: &Context<'_>, id: ID) -> Res<CourseGql> {
        let s = community(ctx)?;
        let la = ctx.look_ahead();
        let parts = parts_selected(|f| la.field(f).exists());
        Ok(course(svc::course(s, uuid(&id)?, parts).await?))
    }
}

#[derive(Default)]
pub struct CatalogueMutation;

#[Object]
impl CatalogueMutation {
    /// Add a course category to the community's list (staff).
    async fn add_course_category(
        &self,
        ctx: &Context<'_>,
        code: String,
        name: String,
    ) -> Res<model::CourseCategory> {
        Ok(svc::add_category(community(ctx)?, &code, &name).await?)
    }

    async fn create_course(&self, ctx: &Context<'_>, input: CreateCourseInput) -> Res<CourseGql> {
        let s = community(ctx)?;
        let parts = parts_selected(|f| ctx.look_ahead().field(f).exists());
        let v = svc::create_course(s, input.into_input()?, parts).await?;
        Ok(course(v))
    }

    /// Open a course (e.g. one proposed from a survey) for enrolment, or close it (staff).
    async fn set_course_open(
        &self,
        ctx: &Context<'_>,
        course_id: ID,
        open: bool,
    ) -> Res<CourseGql> {
        let s = community(ctx)?;
        let parts = parts_selected(|f| ctx.look_ahead().field(f).exists());
        let v = svc::set_course_open(s, uuid(&course_id)?, open, parts).await?;
        Ok(course(v))
    }

    /// Edit a course (staff): title, capacity (never below the seats taken; more seats go to
    /// the waiting list, each promoted learner told), category, format, audience and ages, public
    /// benefit and fee, materials, teachers.
    async fn update_course(&self, ctx: &Context<'_>, input: UpdateCourseInput) -> Res<CourseGql> {
        let s = community(ctx)?;
        let parts = parts_selected(|f| ctx.look_ahead().field(f).exists());
        let (course_id, edit) = input.into_edit()?;
        Ok(course(svc::update_course(s, course_id, edit, parts).await?))
    }

    /// Add one session, or `weeks` weekly sessions, to a course's timetable.
    async fn add_sessions(
        &self,
        ctx: &Context<'_>,
        input: AddSessionsInput,
    ) -> Res<Vec<SessionGql>> {
        let rows = svc::add_sessions(
            community(ctx)?,
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
}
