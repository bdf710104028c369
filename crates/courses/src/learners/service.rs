//! The rules of learners: each function opens its own tenant transaction.

use chrono::NaiveDate;
use infra::OnViolation;
use infra::{AppError, AppResult, TenantTx};
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db;
use crate::error::{CoursesError, not_found};
use crate::model::*;

/// The learner a request acts for: the caller (default), a child in the caller's care, a
/// family member who agreed to the caller's help (家人代办, `family`), or —
/// acting on a resident's behalf (代办) — anyone of the community for staff, and a resident of
/// their grids for a grid worker (`CommunityCtx::reach`).
/// The audit row of the mutation names both: the caller's account and the `learnerId`.
pub(crate) async fn acting_for(
    tx: &mut TenantTx,
    ctx: &CommunityCtx,
    learner: Option<Uuid>,
) -> AppResult<Learner> {
    acting_within(tx, ctx, learner, Reaching::Proxy).await
}

/// Which reach an act for someone else is checked against.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Reaching {
    /// 代办 (enrolments, registrations): staff and grid workers.
    Proxy,
    /// 入户登记 (survey answers, walk-ins): a 居民小组长's courtyards too.
    Entry,
}

/// `acting_for`, a 居民小组长 reaching their courtyards too: for entering survey answers and
/// walk-ins, which is all they do for others.
pub(crate) async fn entering_for(
    tx: &mut TenantTx,
    ctx: &CommunityCtx,
    learner: Option<Uuid>,
) -> AppResult<Learner> {
    acting_within(tx, ctx, learner, Reaching::Entry).await
}

async fn acting_within(
    tx: &mut TenantTx,
    ctx: &CommunityCtx,
    learner: Option<Uuid>,
    reaching: Reaching,
) -> AppResult<Learner> {
    // A district viewer reads; acting as or for a learner is a write.
    ctx.require(Roles::MEMBERS)?;
    match learner {
        None => {
            Ok(
                db::learner_for_account(tx, ctx.access().account_id, &ctx.access().display_name)
                    .await?,
            )
        }
        Some(id) => {
            let l = db::learner(tx, id)
                .await?
                .ok_or_else(|| not_found("learner"))?;
            let me = ctx.access().account_id;
            if l.account_id == Some(me) || l.guardian_account_id == Some(me) {
                return Ok(l);
            }
            let reach = match reaching {
                Reaching::Proxy => ctx.reach(tx).await?,
                Reaching::Entry => ctx.entry_reach(tx).await?,
            };
            // A family member's consent is read only when nothing else admits the caller.
            if reach.covers(l.courtyard_id) || crate::family::db::helps(tx, l.id, me).await? {
                Ok(l)
            } else {
                Err(CoursesError::NotYourLearner.into())
            }
        }
    }
}

/// The caller's own learner record (once they have acted as a learner), their children and
/// the family members who agreed to their help.
/// A query: it never writes, so the caller's record appears with their first enrolment.
pub async fn my_learners(ctx: &CommunityCtx) -> AppResult<Vec<Learner>> {
    let mut tx = ctx.tx().await?;
    let rows = db::learners_of(&mut tx, ctx.access().account_id).await?;
    tx.commit().await?;
    Ok(rows)
}

pub(crate) fn not_in_future(birth: NaiveDate) -> AppResult<()> {
    if birth > infra::local_time::today() {
        return Err(AppError::from(CoursesError::BirthDateInFuture));
    }
    Ok(())
}

/// A guardian registers a child (小朋友) to enrol them: under 18 on the day, and at most six
/// per guardian (the cap is a trigger of the `learners` table).
pub async fn register_child(
    ctx: &CommunityCtx,
    name: &str,
    birth: NaiveDate,
) -> AppResult<Learner> {
    ctx.require(Roles::MEMBERS)?;
    let name = text(name, 1, 50, "姓名", "The name")?;
    not_in_future(birth)?;
    if crate::model::age_on(birth, infra::local_time::today()) >= 18 {
        return Err(CoursesError::NotAChild.into());
    }
    let mut tx = ctx.tx().await?;
    let l = db::insert_child(&mut tx, ctx.access().account_id, name, birth)
        .await
        .on_constraint("learners_children_cap", || CoursesError::TooManyChildren)?;
    tx.commit().await?;
    Ok(l)
}

/// Record a birth date. A resident records their own (or their child's) once; changing one
/// that is set is for staff, who check a document — otherwise an account could make itself or
/// a "child" fit any course's audience.
pub async fn set_birth_date(
    ctx: &CommunityCtx,
    learner: Option<Uuid>,
    birth: NaiveDate,
) -> AppResult<Learner> {
    not_in_future(birth)?;
    let mut tx = ctx.tx().await?;
    let l = acting_for(&mut tx, ctx, learner).await?;
    if l.birth_date.is_some() && !ctx.is_staff() {
        return Err(CoursesError::BirthDateSet.into());
    }
    let l = db::set_birth_date(&mut tx, l.id, birth).await?;
    tx.commit().await?;
    Ok(l)
}
