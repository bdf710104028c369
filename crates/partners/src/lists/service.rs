//! The rules of the three lists (三张清单): entries by staff, partners and residents; needs
//! matched to offers — suggested by category and skills, confirmed by staff — and the
//! match's outcome.

use infra::OnViolation;
use infra::{AppError, AppResult};
use tenancy::{CommunityCtx, Roles, Tenancy};
use uuid::Uuid;

use super::db::{self, NewEntry};
use super::model::*;
use crate::error::{Missing, PartnersError};
use crate::text;

fn not_found() -> AppError {
    PartnersError::NotFound(Missing::ListEntry).into()
}

/// Any member of the community may read them.
pub async fn list_kinds(ctx: &CommunityCtx) -> AppResult<Vec<ListKind>> {
    ctx.require(Roles::ANYONE)?;
    let mut tx = ctx.tx().await?;
    let rows = db::list_kinds(&mut tx).await?;
    tx.commit().await?;
    Ok(rows)
}

/// Add or rename a kind of list (staff): 需求/资源/项目, or 资源/服务/项目 …
pub async fn set_list_kind(ctx: &CommunityCtx, k: ListKind) -> AppResult<ListKind> {
    ctx.require(Roles::STAFF)?;
    let ok_code = (2..=32).contains(&k.code.len())
        && k.code.chars().all(|c| c.is_ascii_lowercase() || c == '_');
    let name = text(&k.name, 1, 30, "清单名称", "The name")?.to_owned();
    if !ok_code || !(1..=100).contains(&k.position) {
        return Err(AppError::from(PartnersError::BadListKind));
    }
    let mut tx = ctx.tx().await?;
    let k = db::upsert_kind(&mut tx, &ListKind { name, ..k }).await?;
    tx.commit().await?;
    Ok(k)
}

pub struct EntryInput {
    pub kind_code: String,
    pub title: String,
    pub detail: String,
    pub category: String,
    pub skills: Vec<String>,
    /// A partner's entry: the organisation it speaks for (its people only).
    pub organisation_id: Option<Uuid>,
}

/// Put an entry on a list: staff, a partner's people for their organisation, or a resident.
pub async fn add_entry(t: &Tenancy, ctx: &CommunityCtx, e: EntryInput) -> AppResult<ListEntry> {
    ctx.require(Roles::ANYONE)?;
    let title = text(&e.title, 1, 100, "条目标题", "The title")?;
    let detail = text(&e.detail, 0, 1000, "说明", "The detail")?;
    let category = text(&e.category, 1, 30, "类别", "The category")?;
    if e.skills.len() > 20 {
        return Err(AppError::from(PartnersError::TooManySkills));
    }
    let skills = e
        .skills
        .iter()
        .map(|s| text(s, 1, 30, "专长", "A skill").map(str::to_owned))
        .collect::<AppResult<Vec<_>>>()?;
    let entered_as = match e.organisation_id {
        Some(org) => {
            let mut conn = t.db().pool().acquire().await?;
            crate::organisations::db::role_in(&mut conn, org, ctx.access().account_id)
                .await?
                .ok_or_else(AppError::forbidden)?;
            EnteredAs::Partner
        }
        None if ctx.is_staff() => EnteredAs::Staff,
        None => EnteredAs::Resident,
    };
    let mut tx = ctx.tx().await?;
    let row = db::insert_entry(
        &mut tx,
        &NewEntry {
            kind_code: e.kind_code.trim(),
            title,
            detail,
            category,
            skills: &skills,
            entered_as,
            organisation_id: e.organisation_id,
            author: ctx.access().account_id,
        },
    )
    .await
    .on_violation(|v| {
        v.is_foreign_key()
            .then(|| AppError::from(PartnersError::NoSuchList))
    })?;
    tx.commit().await?;
    Ok(row)
}

/// Entries of a list (any member), with the matches of needs.
pub async fn entries(
    ctx: &CommunityCtx,
    kind: Option<&str>,
    status: Option<EntryStatus>,
) -> AppResult<(Vec<ListEntry>, Vec<ListMatch>)> {
    ctx.require(Roles::ANYONE)?;
    let mut tx = ctx.tx().await?;
    let rows = db::entries(&mut tx, kind, status).await?;
    let ids: Vec<Uuid> = rows.iter().map(|e| e.id).collect();
    let matches = db::matches_of(&mut tx, &ids).await?;
    tx.commit().await?;
    Ok((rows, matches))
}

/// Offers that may meet a need: the same category or a shared skill (staff). A query: it
/// writes nothing.
pub async fn suggest(ctx: &CommunityCtx, need: Uuid) -> AppResult<Vec<ListEntry>> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let (n, role) = db::lock_entry(&mut tx, need).await?.ok_or_else(not_found)?;
    if role != ListRole::Need {
        return Err(AppError::from(PartnersError::OnlyNeedsMatch));
    }
    let rows = db::suggestions(&mut tx, &n).await?;
    tx.commit().await?;
    Ok(rows)
}

/// Staff confirm a need matched to an offer.
pub async fn confirm_match(ctx: &CommunityCtx, need: Uuid, offer: Uuid) -> AppResult<ListMatch> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let (n, need_role) = db::lock_entry(&mut tx, need).await?.ok_or_else(not_found)?;
    let (o, offer_role) = db::lock_entry(&mut tx, offer)
        .await?
        .ok_or_else(not_found)?;
    if need_role != ListRole::Need || offer_role != ListRole::Offer {
        return Err(AppError::from(PartnersError::NeedToOffer));
    }
    if n.status == EntryStatus::Closed || o.status == EntryStatus::Closed {
        return Err(AppError::from(PartnersError::EntryClosed));
    }
    let m = db::insert_match(&mut tx, n.id, o.id, ctx.access().account_id)
        .await?
        .ok_or_else(|| AppError::from(PartnersError::AlreadyMatched))?;
    db::set_entry_status(&mut tx, n.id, EntryStatus::Matched).await?;
    tx.commit().await?;
    Ok(m)
}

/// Record how a match turned out (staff): met, and the need closes; or not, and it is open
/// again for another match.
pub async fn close_match(
    ctx: &CommunityCtx,
    id: Uuid,
    met: bool,
    outcome: &str,
) -> AppResult<ListMatch> {
    ctx.require(Roles::STAFF)?;
    let outcome = text(outcome, 1, 500, "匹配结果", "The outcome")?;
    let mut tx = ctx.tx().await?;
    let m = db::lock_match(&mut tx, id)
        .await?
        .ok_or(PartnersError::NotFound(Missing::Match))?;
    if m.status != MatchStatus::Confirmed {
        return Err(AppError::from(PartnersError::MatchDecided));
    }
    let (status, need) = if met {
        (MatchStatus::Done, EntryStatus::Closed)
    } else {
        (MatchStatus::Failed, EntryStatus::Open)
    };
    let m = db::close_match(&mut tx, m.id, status, outcome).await?;
    db::set_entry_status(&mut tx, m.need_id, need).await?;
    tx.commit().await?;
    Ok(m)
}
