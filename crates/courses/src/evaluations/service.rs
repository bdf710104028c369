//! The rules of evaluations: each function opens its own tenant transaction.

use infra::AppResult;
use tenancy::CommunityCtx;
use uuid::Uuid;

use super::db;
use super::model::Rating;
use crate::error::CoursesError;
use crate::learners::service::acting_for;
use crate::model::*;

pub async fn evaluate(
    ctx: &CommunityCtx,
    course_id: Uuid,
    learner: Option<Uuid>,
    rating: i32,
    comment: Option<String>,
) -> AppResult<()> {
    let rating = Rating::parse(rating)?;
    let comment = comment
        .filter(|c| !c.trim().is_empty())
        .map(|c| text(&c, 1, 500, "评价", "The comment").map(str::to_owned))
        .transpose()?;
    let mut tx = ctx.tx().await?;
    let learner = acting_for(&mut tx, ctx, learner).await?;
    if !crate::attendance::db::has_attended(&mut tx, course_id, learner.id).await? {
        return Err(CoursesError::DidNotAttend.into());
    }
    db::upsert_evaluation(
        &mut tx,
        course_id,
        learner.id,
        rating.stars(),
        comment.as_deref(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
