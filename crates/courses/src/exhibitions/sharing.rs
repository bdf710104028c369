//! Public links to a published exhibition (分享到公众号): staff make and revoke them; anyone
//! with a live link sees the exhibition's title and its works — a minor's only with a
//! guardian's consent — with authors named as the community chose, and nothing else.

use infra::AppResult;
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db;
use super::service::{PhotoView, presigned};
use crate::error::{CoursesError, not_found};
use crate::model::*;

fn token_hash(ctx: &CommunityCtx, token: &str) -> String {
    ctx.secrets()
        .lookup_hash(&format!("exhibition-share:{token}"))
}

/// A new link: the token is shown once, only its keyed hash is kept.
pub struct NewShare {
    pub token: String,
    pub share: ExhibitionShare,
}

/// Never prints the token (it is the permission).
impl std::fmt::Debug for NewShare {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewShare")
            .field("share", &self.share)
            .finish_non_exhaustive()
    }
}

pub async fn share_exhibition(
    ctx: &CommunityCtx,
    exhibition_id: Uuid,
    names: ShareNames,
) -> AppResult<NewShare> {
    ctx.require(Roles::STAFF)?;
    // 244 random bits from two v4 UUIDs.
    let token = format!("{}{}", Uuid::new_v4().simple(), Uuid::new_v4().simple());
    let mut tx = ctx.tx().await?;
    let e = db::exhibition(&mut tx, exhibition_id)
        .await?
        .ok_or_else(|| not_found("exhibition"))?;
    if !e.published {
        return Err(CoursesError::NotPublished.into());
    }
    let share = db::insert_share(
        &mut tx,
        &token_hash(ctx, &token),
        e.id,
        names,
        ctx.access().account_id,
    )
    .await?;
    tx.commit().await?;
    Ok(NewShare { token, share })
}

/// Stop sharing: every live link of the exhibition stops working at once.
pub async fn revoke_exhibition_shares(ctx: &CommunityCtx, exhibition_id: Uuid) -> AppResult<u64> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let n = db::revoke_shares(&mut tx, exhibition_id).await?;
    tx.commit().await?;
    Ok(n)
}

pub async fn exhibition_shares(
    ctx: &CommunityCtx,
    exhibition_id: Uuid,
) -> AppResult<Vec<ExhibitionShare>> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let rows = db::shares_of(&mut tx, exhibition_id).await?;
    tx.commit().await?;
    Ok(rows)
}

/// What the public page shows.
#[derive(Debug, Clone)]
pub struct SharedExhibition {
    pub community: String,
    pub exhibition: Exhibition,
    /// (work title, author as the link names them, photos)
    pub works: Vec<(String, Option<String>, Vec<PhotoView>)>,
}

/// The exhibition behind a live link, for anyone (no account: the context holds no role).
/// A dead, unknown or revoked link, or an exhibition no longer published, is NOT_FOUND.
pub async fn shared_exhibition(ctx: &CommunityCtx, token: &str) -> AppResult<SharedExhibition> {
    let gone = || not_found("exhibition");
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(gone());
    }
    let mut tx = ctx.tx().await?;
    let share = db::live_share(&mut tx, &token_hash(ctx, token))
        .await?
        .ok_or_else(gone)?;
    let exhibition = db::exhibition(&mut tx, share.exhibition_id)
        .await?
        .filter(|e| e.published)
        .ok_or_else(gone)?;
    let works: Vec<Work> = db::works_of(&mut tx, &[exhibition.id])
        .await?
        .into_iter()
        .filter(|w| !w.minor || w.guardian_consent_at.is_some())
        .collect();
    let ids: Vec<Uuid> = works.iter().map(|w| w.id).collect();
    let photos = db::photos_of(&mut tx, &ids).await?;
    tx.commit().await?;
    let mut out = Vec::with_capacity(works.len());
    for w in works {
        let mut mine = Vec::new();
        for p in photos.iter().filter(|p| p.work_id == w.id) {
            mine.push(presigned(ctx, p.clone()).await?);
        }
        out.push((w.title, share.names.show(&w.author), mine));
    }
    Ok(SharedExhibition {
        community: ctx.tenant().name.clone(),
        exhibition,
        works: out,
    })
}
