//! The GraphQL face of record: types and resolvers, nothing else.

use super::model;
use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};

use crate::graphql::*;
use crate::service as svc;

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

pub(crate) fn rate(held: i64, attended: i64) -> Option<f64> {
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

#[derive(Default)]
pub struct RecordQuery;

#[Object]
impl RecordQuery {
    /// A learner's whole loop (the caller's own when no learner is named).
    async fn learner_record(
        &self,
        ctx: &Context<'_>,
        learner_id: Option<ID>,
    ) -> Res<LearnerRecord> {
        Ok(svc::learner_record(community(ctx)?, opt_uuid(&learner_id)?)
            .await?
            .into())
    }
}

#[derive(Default)]
pub struct RecordMutation;

#[Object]
impl RecordMutation {
    /// Nominate an outstanding learner to a role-model pool (千人故事, 两江榜样).
    async fn nominate_learner(
        &self,
        ctx: &Context<'_>,
        learner_id: ID,
        pool: String,
        reason: String,
    ) -> Res<model::Nomination> {
        Ok(svc::nominate(community(ctx)?, uuid(&learner_id)?, &pool, &reason).await?)
    }

    /// Nominate an outstanding volunteer of the time bank to the same role-model pools.
    async fn nominate_volunteer(
        &self,
        ctx: &Context<'_>,
        volunteer_id: ID,
        pool: String,
        reason: String,
    ) -> Res<model::Nomination> {
        Ok(svc::nominate_volunteer(community(ctx)?, uuid(&volunteer_id)?, &pool, &reason).await?)
    }
}
