//! The rules of family help (家人代办): each function opens its own tenant transaction.
//!
//! A family member asks with the resident's name and phone number as the registry holds them;
//! the resident answers in the app, or agrees in person before staff or a grid worker whose
//! grids hold them, who record it. While granted, `learners::service::acting_for` lets the
//! family member act for the resident — every act audited as theirs, naming the resident.

use infra::{AppResult, OnViolation, TenantTx};
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db;
use super::model::{FamilyHelp, FamilyHelpStatus};
use crate::error::{CoursesError, not_found};
use crate::model::text;

/// Tries an hour at naming a resident: guessing names and numbers stays slow.
pub const FAMILY_ASK_ATTEMPTS: i32 = 5;

/// A family member asks to act for a resident, named by name and phone number.
pub async fn ask_family_help(
    t: &tenancy::Tenancy,
    ctx: &CommunityCtx,
    name: &str,
    phone: &str,
    relation: &str,
) -> AppResult<FamilyHelp> {
    ctx.require(Roles::MEMBERS)?;
    let me = ctx.access();
    t.reserve_attempt(
        &format!("family:{}:{}", ctx.tenant().community_id, me.account_id),
        FAMILY_ASK_ATTEMPTS,
    )
    .await?;
    let name = text(name, 1, 50, "姓名", "The name")?;
    let relation = text(relation, 1, 20, "关系", "The relation")?;
    let p = tenancy::model::Phone::parse(phone).map_err(|_| CoursesError::InvalidPhone)?;
    let lookup = ctx.secrets().lookup_hash(p.as_str());
    let mut tx = ctx.tx().await?;
    let record = crate::registry::db::by_phone(&mut tx, &lookup)
        .await?
        .filter(|r| r.name == name)
        .ok_or(CoursesError::FamilyNoRecord)?;
    if record.account_id == Some(me.account_id) {
        return Err(CoursesError::FamilyOfSelf.into());
    }
    if record.guardian_account_id.is_some() {
        return Err(CoursesError::FamilyOfChild.into());
    }
    let id = db::insert(
        &mut tx,
        record.id,
        (me.account_id, &me.display_name),
        relation,
    )
    .await
    .on_constraint("family_helpers_open", || CoursesError::FamilyAsked)?;
    // A resident with the app is asked there; one without agrees before staff.
    if let Some(account) = record.account_id {
        let ask = notifications::Notice {
            account_id: account,
            kind: notifications::NoticeKind::ConsentRequested,
            about: format!("family:{id}"),
            title: "家人代办征求同意".into(),
            body: format!(
                "{}（{}）想帮您在社区办理报名、签到等事项，请在“我的 · 家人代办”中确认是否同意。",
                me.display_name, relation
            ),
        };
        notifications::enqueue(&mut tx, &[ask]).await?;
    }
    committed(tx, id).await
}

/// The request locked (an answer or an end sees the status it changes), and as it reads.
async fn locked(tx: &mut TenantTx, id: Uuid) -> AppResult<(FamilyHelpStatus, FamilyHelp)> {
    let status = db::lock(tx, id).await?.ok_or_else(|| not_found("family"))?;
    let view = db::get(tx, id).await?.ok_or_else(|| not_found("family"))?;
    Ok((status, view))
}

/// The request as the write left it, then commit.
async fn committed(mut tx: TenantTx, id: Uuid) -> AppResult<FamilyHelp> {
    let view = db::get(&mut tx, id)
        .await?
        .ok_or_else(|| not_found("family"))?;
    tx.commit().await?;
    Ok(view)
}

/// The resident answers in the app: agree, or say no.
pub async fn answer_family_help(
    ctx: &CommunityCtx,
    id: Uuid,
    agree: bool,
) -> AppResult<FamilyHelp> {
    ctx.require(Roles::MEMBERS)?;
    let me = ctx.access().account_id;
    let mut tx = ctx.tx().await?;
    let (status, f) = locked(&mut tx, id).await?;
    if f.learner_account_id != Some(me) {
        return Err(CoursesError::FamilyNotYours.into());
    }
    if status != FamilyHelpStatus::Requested {
        return Err(CoursesError::FamilyAnswered.into());
    }
    let to = if agree {
        FamilyHelpStatus::Granted
    } else {
        FamilyHelpStatus::Declined
    };
    db::answer(&mut tx, id, to, me, false).await?;
    committed(tx, id).await
}

/// Staff, or a grid worker whose grids hold the resident, record the consent the resident gave
/// before them (a resident without the app, or who asked for help with it).
pub async fn record_family_consent(ctx: &CommunityCtx, id: Uuid) -> AppResult<FamilyHelp> {
    ctx.require(Roles::MEMBERS)?;
    let mut tx = ctx.tx().await?;
    let (status, f) = locked(&mut tx, id).await?;
    let record = crate::learners::db::learner(&mut tx, f.learner_id)
        .await?
        .ok_or_else(|| not_found("learner"))?;
    if !ctx.reach(&mut tx).await?.covers(record.courtyard_id) {
        return Err(CoursesError::FamilyNotYours.into());
    }
    if status != FamilyHelpStatus::Requested {
        return Err(CoursesError::FamilyAnswered.into());
    }
    db::answer(
        &mut tx,
        id,
        FamilyHelpStatus::Granted,
        ctx.access().account_id,
        true,
    )
    .await?;
    committed(tx, id).await
}

/// End family help (or withdraw a request): the resident, the family member, or staff. From
/// then on the family member acts for the resident no more.
pub async fn end_family_help(ctx: &CommunityCtx, id: Uuid) -> AppResult<FamilyHelp> {
    ctx.require(Roles::MEMBERS)?;
    let me = ctx.access().account_id;
    let mut tx = ctx.tx().await?;
    let (status, f) = locked(&mut tx, id).await?;
    let party = f.helper_account_id == me || f.learner_account_id == Some(me);
    if !party && !ctx.is_staff() {
        return Err(CoursesError::FamilyNotYours.into());
    }
    if !matches!(
        status,
        FamilyHelpStatus::Requested | FamilyHelpStatus::Granted
    ) {
        return Err(CoursesError::FamilyAnswered.into());
    }
    db::end(&mut tx, id, me).await?;
    committed(tx, id).await
}

/// My family help, both ways: whom I may act for, who may act for me, and requests waiting.
pub async fn my_family_help(ctx: &CommunityCtx) -> AppResult<Vec<FamilyHelp>> {
    ctx.require(Roles::MEMBERS)?;
    let mut tx = ctx.tx().await?;
    let rows = db::of_account(&mut tx, ctx.access().account_id).await?;
    tx.commit().await?;
    Ok(rows)
}

/// Requests waiting for the resident's answer (staff), to record consent given in person.
pub async fn family_help_waiting(ctx: &CommunityCtx) -> AppResult<Vec<FamilyHelp>> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let rows = db::waiting(&mut tx).await?;
    tx.commit().await?;
    Ok(rows)
}
