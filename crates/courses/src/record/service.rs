//! The rules of record: each function opens its own tenant transaction.

use chrono::{DateTime, Utc};
use infra::{AppError, AppResult, TenantTx};
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db;
use crate::error::not_found;
use crate::learners::service::acting_for;
use crate::model::*;

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

pub(crate) async fn record(tx: &mut TenantTx, l: &Learner) -> AppResult<LearnerRecord> {
    let surveys = match l.account_id {
        Some(a) => crate::surveys::db::surveys_answered(tx, a).await?,
        None => Vec::new(),
    };
    Ok(LearnerRecord {
        learner_id: l.id,
        name: l.name.clone(),
        surveys,
        courses: db::learner_courses(tx, l.id).await?,
        works: crate::exhibitions::db::works_by_learner(tx, l.id)
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
pub async fn learner_record(ctx: &CommunityCtx, learner: Option<Uuid>) -> AppResult<LearnerRecord> {
    let mut tx = ctx.tx().await?;
    let l = acting_for(&mut tx, ctx, learner).await?;
    let r = record(&mut tx, &l).await?;
    tx.commit().await?;
    Ok(r)
}

/// Staff nominate; a pool's name and a reason, checked.
fn nomination_text(ctx: &CommunityCtx, pool: &str, reason: &str) -> AppResult<(String, String)> {
    ctx.require(Roles::STAFF)?;
    Ok((
        text(pool, 1, 50, "榜单名称", "The pool's name")?.to_owned(),
        text(reason, 1, 500, "推荐理由", "The reason")?.to_owned(),
    ))
}

/// Nominate an outstanding volunteer of the time bank to a role-model pool (staff): the same
/// pools as learners', with the volunteer's service as its snapshot.
pub async fn nominate_volunteer(
    ctx: &CommunityCtx,
    volunteer: Uuid,
    pool: &str,
    reason: &str,
) -> AppResult<Nomination> {
    let (pool, reason) = nomination_text(ctx, pool, reason)?;
    let mut tx = ctx.tx().await?;
    let v = volunteers::api::registry::volunteer(&mut tx, volunteer)
        .await?
        .ok_or_else(|| not_found("volunteer"))?;
    let l = crate::learners::db::learner_for_account(&mut tx, v.account_id, &v.name).await?;
    let s = volunteers::api::hours::statement_of(&mut tx, v).await?;
    let snapshot = serde_json::json!({
        "volunteer": {
            "name": s.volunteer.name,
            "partyMember": s.volunteer.party_member,
            "verifiedHours": s.verified_minutes as f64 / 60.0,
            "pointsEarned": s.points_earned,
            "firstServed": s.first_served,
            "lastServed": s.last_served,
        }
    });
    let n = db::insert_nomination(
        &mut tx,
        l.id,
        &pool,
        &reason,
        &snapshot,
        ctx.access().account_id,
    )
    .await?;
    tx.commit().await?;
    Ok(n)
}

/// Nominate an outstanding learner to a role-model pool, with a snapshot of their loop.
pub async fn nominate(
    ctx: &CommunityCtx,
    learner: Uuid,
    pool: &str,
    reason: &str,
) -> AppResult<Nomination> {
    let (pool, reason) = nomination_text(ctx, pool, reason)?;
    let mut tx = ctx.tx().await?;
    let l = crate::learners::db::learner(&mut tx, learner)
        .await?
        .ok_or_else(|| not_found("learner"))?;
    let snapshot = serde_json::to_value(record(&mut tx, &l).await?).map_err(AppError::internal)?;
    let n = db::insert_nomination(
        &mut tx,
        l.id,
        &pool,
        &reason,
        &snapshot,
        ctx.access().account_id,
    )
    .await?;
    tx.commit().await?;
    Ok(n)
}
