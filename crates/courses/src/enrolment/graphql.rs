//! The GraphQL face of enrolment: types and resolvers, nothing else.

use crate::enrolment::model::EnrolmentStatus;
use async_graphql::{Context, ID, Object, SimpleObject};

use crate::graphql::*;
use crate::model;
use crate::service as svc;

#[derive(SimpleObject)]
#[graphql(name = "Enrolment")]
pub struct EnrolmentGql {
    id: ID,
    course_id: ID,
    learner_id: ID,
    status: EnrolmentStatus,
    learner_name: Option<String>,
    waitlist_position: Option<i64>,
}

pub(crate) fn enrolment(
    e: model::Enrolment,
    name: Option<String>,
    position: Option<i64>,
) -> EnrolmentGql {
    EnrolmentGql {
        id: id(e.id),
        course_id: id(e.course_id),
        learner_id: id(e.learner_id),
        status: e.status,
        learner_name: name,
        waitlist_position: position,
    }
}

/// One of my enrolments, or a child's in my care.
#[derive(SimpleObject)]
#[graphql(name = "MyEnrolment")]
pub struct MyEnrolmentGql {
    /// The id `cancelEnrolment` takes.
    id: ID,
    course_id: ID,
    course_title: String,
    learner_id: ID,
    learner_name: String,
    status: EnrolmentStatus,
    waitlist_position: Option<i64>,
}

#[derive(Default)]
pub struct EnrolmentQuery;

#[Object]
impl EnrolmentQuery {
    /// My enrolments and my children's (我的报名), not cancelled, newest first, with the
    /// place on the waiting list.
    async fn my_enrolments(&self, ctx: &Context<'_>) -> Res<Vec<MyEnrolmentGql>> {
        let rows = svc::my_enrolments(community(ctx)?).await?;
        Ok(rows
            .into_iter()
            .map(|e| MyEnrolmentGql {
                id: id(e.id),
                course_id: id(e.course_id),
                course_title: e.course_title,
                learner_id: id(e.learner_id),
                learner_name: e.learner_name,
                status: e.status,
                waitlist_position: e.waitlist_position,
            })
            .collect())
    }

    /// Enrolled learners then the waiting list in order (staff and teachers).
    async fn course_roster(&self, ctx: &Context<'_>, course_id: ID) -> Res<Vec<EnrolmentGql>> {
        let rows = svc::roster(community(ctx)?, uuid(&course_id)?).await?;
        let mut waiting = 0;
        Ok(rows
            .into_iter()
            .map(|(e, n)| {
                let pos = (e.status == model::EnrolmentStatus::Waitlisted).then(|| {
                    waiting += 1;
                    waiting
                });
                enrolment(e, Some(n), pos)
            })
            .collect())
    }
}

#[derive(Default)]
pub struct EnrolmentMutation;

#[Object]
impl EnrolmentMutation {
    /// Enrol yourself, a child in your care, or (staff) any learner. Full courses waitlist.
    async fn enrol(
        &self,
        ctx: &Context<'_>,
        course_id: ID,
        learner_id: Option<ID>,
    ) -> Res<EnrolmentGql> {
        let v = svc::enrol(community(ctx)?, uuid(&course_id)?, opt_uuid(&learner_id)?).await?;
        Ok(enrolment(v.enrolment, None, v.position))
    }

    /// Cancel an enrolment; a freed seat goes to the first of the waiting list. Returns the
    /// id of the promoted enrolment, if any.
    async fn cancel_enrolment(&self, ctx: &Context<'_>, enrolment_id: ID) -> Res<Option<ID>> {
        Ok(svc::cancel(community(ctx)?, uuid(&enrolment_id)?)
            .await?
            .map(id))
    }
}
