//! The GraphQL face of teachers: types and resolvers, nothing else.

use crate::teachers::model::TeacherKind;
use async_graphql::connection::Connection;
use async_graphql::{Context, ID, InputObject, Object, SimpleObject};

use crate::graphql::*;
use crate::model;
use crate::service::{self as svc, TeacherInput};

/// A teacher of the pool (师资库). The phone number is masked except for staff.
#[derive(SimpleObject)]
#[graphql(name = "Teacher")]
pub struct TeacherGql {
    id: ID,
    name: String,
    kind: TeacherKind,
    skills: Vec<String>,
    phone: Option<String>,
    candidate: bool,
    teaches_in: Vec<String>,
    average_rating: Option<f64>,
    /// The partner team they teach for.
    team_id: Option<ID>,
    team_name: Option<String>,
}

pub(crate) fn teacher(v: svc::TeacherView) -> TeacherGql {
    let t = v.teacher;
    TeacherGql {
        id: id(t.id),
        kind: t.kind,
        candidate: t.status == model::TeacherStatus::Candidate,
        name: t.name,
        skills: t.skills,
        phone: v.phone,
        teaches_in: t.teaches_in,
        average_rating: v.average_rating,
        team_id: t.team_id.map(id),
        team_name: t.team_name,
    }
}

#[derive(InputObject)]
pub struct CreateTeacherInput {
    name: String,
    kind: TeacherKind,
    #[graphql(default)]
    skills: Vec<String>,
    phone: Option<String>,
    #[graphql(default)]
    teaches_in: Vec<String>,
    learner_id: Option<ID>,
    /// The teacher's account: teachers act on the courses they teach.
    account_id: Option<ID>,
}

#[derive(Default)]
pub struct TeachersQuery;

#[Object]
impl TeachersQuery {
    /// The teacher pool.
    async fn teachers(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Res<Connection<String, TeacherGql>> {
        let s = community(ctx)?;
        let limit = svc::page_limit(first)?;
        let a = self::after(&after)?;
        let with_ratings = node_selected(ctx, &["averageRating"]);
        let rows = svc::teachers(s, a, limit, with_ratings).await?;
        Ok(page(rows, limit, a.is_some(), |v| v.teacher.id, teacher))
    }
}

#[derive(Default)]
pub struct TeachersMutation;

#[Object]
impl TeachersMutation {
    /// Confirm a 达人 found by a survey (a candidate) into the pool as a teacher of `kind`
    /// (staff); one already in the pool is CONFLICT.
    async fn confirm_teacher(
        &self,
        ctx: &Context<'_>,
        teacher_id: ID,
        kind: TeacherKind,
        #[graphql(default)] teaches_in: Vec<String>,
    ) -> Res<TeacherGql> {
        let t =
            svc::confirm_teacher(community(ctx)?, uuid(&teacher_id)?, kind, &teaches_in).await?;
        Ok(teacher(t))
    }

    /// Add a teacher to the pool; with `learnerId`, a learner becomes a teacher (staff).
    async fn create_teacher(
        &self,
        ctx: &Context<'_>,
        input: CreateTeacherInput,
    ) -> Res<TeacherGql> {
        let s = community(ctx)?;
        let t = svc::create_teacher(
            s,
            TeacherInput {
                name: input.name,
                kind: input.kind,
                skills: input.skills,
                phone: input.phone,
                teaches_in: input.teaches_in,
                learner_id: opt_uuid(&input.learner_id)?,
                account_id: opt_uuid(&input.account_id)?,
            },
        )
        .await?;
        Ok(teacher(t))
    }
}
