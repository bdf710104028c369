//! The rules of a record's erasure: a guardian erases their child's record; staff erase a
//! record that has no account of its own (a person with an account erases themselves, so
//! nobody else takes their account away); a record is erased once.

use std::collections::BTreeMap;

use infra::AppResult;
use tenancy::erasure::service::{Erasure, erase_in_community, still_belongs};
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db;
use super::model::RecordHolders;
use crate::error::{CoursesError, not_found};

/// 注销孩子的档案: the guardian erases a child's record (the child has no account).
pub async fn erase_child_record(ctx: &CommunityCtx, learner_id: Uuid) -> AppResult<Erasure> {
    ctx.require(Roles::MEMBERS)?;
    let me = ctx.access().account_id;
    let record = holders(ctx, learner_id).await?;
    // Another's child is "not found": a guardian learns nothing of other records.
    if record.guardian_account_id != Some(me) || record.account_id.is_some() {
        return Err(not_found("resident"));
    }
    erase(ctx, learner_id, &record).await
}

/// 注销居民档案: staff erase a record at the person's (or their family's) request at the
/// counter: a record without an account, or one whose account has left the community (its
/// rows here go with it). A person who still belongs erases their own account.
pub async fn erase_registry_record(ctx: &CommunityCtx, learner_id: Uuid) -> AppResult<Erasure> {
    ctx.require(Roles::STAFF)?;
    let record = holders(ctx, learner_id).await?;
    if let Some(account) = record.account_id
        && still_belongs(ctx, account).await?
    {
        return Err(CoursesError::RecordHasAccount.into());
    }
    erase(ctx, learner_id, &record).await
}

async fn holders(ctx: &CommunityCtx, learner_id: Uuid) -> AppResult<RecordHolders> {
    let mut tx = ctx.tx().await?;
    let record = db::holders(&mut tx, learner_id).await?;
    tx.commit().await?;
    record.ok_or_else(|| not_found("resident"))
}

async fn erase(ctx: &CommunityCtx, learner_id: Uuid, record: &RecordHolders) -> AppResult<Erasure> {
    if record.erased_at.is_some() {
        return Err(CoursesError::RecordErased.into());
    }
    let seeds = BTreeMap::from([("learners".to_string(), vec![learner_id])]);
    erase_in_community(ctx, seeds, record.account_id).await
}
