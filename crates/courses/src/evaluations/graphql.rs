//! The GraphQL face of evaluations: types and resolvers, nothing else.

use async_graphql::{Context, ID, Object};

use crate::graphql::*;
use crate::service as svc;

#[derive(Default)]
pub struct EvaluationsMutation;

#[Object]
impl EvaluationsMutation {
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
            community(ctx)?,
            uuid(&course_id)?,
            opt_uuid(&learner_id)?,
            rating,
            comment,
        )
        .await?;
        Ok(true)
    }
}
