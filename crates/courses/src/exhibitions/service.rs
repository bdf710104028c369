//! The rules of exhibitions: each function opens its own tenant transaction.

use std::collections::HashMap;

use chrono::NaiveDate;
use infra::{AppError, AppResult};
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db;
use crate::error::{CoursesError, not_found};
use crate::model::*;
use crate::teachers::service::require_teaching;
use infra::photos;

pub async fn create_exhibition(
    ctx: &CommunityCtx,
    title: &str,
    kind: ExhibitionKind,
    starts: NaiveDate,
    ends: NaiveDate,
) -> AppResult<Exhibition> {
    ctx.require(Roles::STAFF)?;
    let title = text(title, 1, 100, "展览名称", "The exhibition's title")?;
    if ends < starts {
        return Err(CoursesError::BadPeriod.into());
    }
    let mut tx = ctx.tx().await?;
    let e = db::insert_exhibition(&mut tx, title, kind, starts, ends).await?;
    tx.commit().await?;
    Ok(e)
}

pub async fn publish_exhibition(ctx: &CommunityCtx, id: Uuid) -> AppResult<Exhibition> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let e = db::publish_exhibition(&mut tx, id)
        .await?
        .ok_or_else(|| not_found("exhibition"))?;
    tx.commit().await?;
    Ok(e)
}

pub async fn add_work(
    ctx: &CommunityCtx,
    exhibition: Uuid,
    learner: Uuid,
    course: Option<Uuid>,
    title: &str,
) -> AppResult<Work> {
    let title = text(title, 1, 100, "作品名称", "The work's title")?;
    let mut tx = ctx.tx().await?;
    // A teacher adds works of the learners of a course they teach; staff add any.
    if !ctx.is_staff() {
        let course = course.ok_or(CoursesError::NotYourCourse)?;
        require_teaching(&mut tx, ctx, course).await?;
        if crate::enrolment::db::active_enrolment(&mut tx, course, learner)
            .await?
            .is_none()
        {
            return Err(CoursesError::NotEnrolled.into());
        }
    }
    db::exhibition(&mut tx, exhibition)
        .await?
        .ok_or_else(|| not_found("exhibition"))?;
    let l = crate::learners::db::learner(&mut tx, learner)
        .await?
        .ok_or_else(|| not_found("learner"))?;
    let w = db::insert_work(&mut tx, exhibition, &l, course, title).await?;
    // A child's work waits for a guardian's consent: the guardian is asked, once per work.
    if let (true, Some(guardian)) = (w.minor, l.guardian_account_id) {
        let ask = notifications::Notice {
            account_id: guardian,
            kind: notifications::NoticeKind::ConsentRequested,
            about: format!("work:{}", w.id),
            title: "作品展出征求同意".into(),
            body: format!(
                "{}的作品「{}」将在社区展览中展出，请在“我的学员”中确认是否同意。",
                l.name, w.title
            ),
        };
        notifications::enqueue(&mut tx, &[ask]).await?;
    }
    tx.commit().await?;
    Ok(w)
}

/// Record a guardian's consent to show a minor's work: the guardian, or staff holding a
/// signed paper form.
pub async fn record_consent(ctx: &CommunityCtx, work_id: Uuid) -> AppResult<Work> {
    set_consent(ctx, work_id, true).await
}

/// Withdraw it (撤回同意, PIPL art. 15): the work's photos leave every page and share link at
/// once — what they list is read per request; a photo link already handed out ends with its
/// 15 minutes. The guardian, or staff for a guardian at the counter.
pub async fn withdraw_consent(ctx: &CommunityCtx, work_id: Uuid) -> AppResult<Work> {
    set_consent(ctx, work_id, false).await
}

async fn set_consent(ctx: &CommunityCtx, work_id: Uuid, given: bool) -> AppResult<Work> {
    ctx.require(Roles::MEMBERS)?;
    let mut tx = ctx.tx().await?;
    let w = db::work(&mut tx, work_id)
        .await?
        .ok_or_else(|| not_found("work"))?;
    let l = crate::learners::db::learner(&mut tx, w.learner_id)
        .await?
        .ok_or_else(|| not_found("learner"))?;
    if l.guardian_account_id != Some(ctx.access().account_id) && !ctx.is_staff() {
        return Err(AppError::forbidden());
    }
    if given {
        db::record_consent(&mut tx, w.id).await?;
    } else {
        db::withdraw_consent(&mut tx, w.id).await?;
    }
    let w = db::work(&mut tx, work_id)
        .await?
        .ok_or_else(|| not_found("work"))?;
    tx.commit().await?;
    Ok(w)
}

/// Check, strip and store one photo of a work, with its thumbnail, under the community's
/// prefix. Objects are written before the row: a failure leaves at most unreferenced objects,
/// never a row pointing at nothing.
pub async fn upload_photo(
    ctx: &CommunityCtx,
    work_id: Uuid,
    bytes: Vec<u8>,
) -> AppResult<PhotoView> {
    {
        let mut tx = ctx.tx().await?;
        let w = db::work(&mut tx, work_id)
            .await?
            .ok_or_else(|| not_found("work"))?;
        if !ctx.is_staff() {
            let course = w.course_id.ok_or(CoursesError::NotYourCourse)?;
            require_teaching(&mut tx, ctx, course).await?;
        }
        tx.commit().await?;
    }
    let p = photos::process_bounded(bytes).await?;
    let id = Uuid::now_v7();
    let base = format!("c/{}/works/{}/{}", ctx.tenant().community_id, work_id, id);
    let (key, thumb) = (format!("{base}.jpg"), format!("{base}.thumb.jpg"));
    ctx.store().put(&key, p.full, "image/jpeg").await?;
    ctx.store().put(&thumb, p.thumb, "image/jpeg").await?;
    let mut tx = ctx.tx().await?;
    let photo = db::insert_photo(
        &mut tx,
        id,
        work_id,
        &key,
        &thumb,
        p.width as i32,
        p.height as i32,
    )
    .await?;
    tx.commit().await?;
    presigned(ctx, photo).await
}

/// A photo with short-lived URLs for it and its thumbnail.
pub(crate) async fn presigned(ctx: &CommunityCtx, photo: WorkPhoto) -> AppResult<PhotoView> {
    let url = ctx.store().presign_get(&photo.object_key, URL_TTL).await?;
    let thumb_url = ctx.store().presign_get(&photo.thumb_key, URL_TTL).await?;
    Ok(PhotoView {
        photo,
        url,
        thumb_url,
    })
}

/// Delete a work, its photo rows, then its objects.
pub async fn delete_work(ctx: &CommunityCtx, work_id: Uuid) -> AppResult<()> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    db::work(&mut tx, work_id)
        .await?
        .ok_or_else(|| not_found("work"))?;
    let keys = db::delete_work(&mut tx, work_id).await?;
    tx.commit().await?;
    for k in keys {
        if let Err(e) = ctx.store().delete(&k).await {
            tracing::warn!(key = %k, error = ?e, "object of a deleted work left behind");
        }
    }
    Ok(())
}

#[derive(Debug, Clone)]
pub struct PhotoView {
    pub photo: WorkPhoto,
    pub url: String,
    pub thumb_url: String,
}

#[derive(Debug, Clone)]
pub struct ExhibitionView {
    pub exhibition: Exhibition,
    /// Works the caller may see, with short-lived photo URLs.
    pub works: Vec<(Work, Vec<PhotoView>)>,
}

pub const URL_TTL: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Residents see published exhibitions only; nobody but staff and the child's guardian sees a
/// minor's work before a guardian consented.
/// What a page of exhibitions loads: its works, and their photos (presigned), when asked for.
#[derive(Debug, Clone, Copy)]
pub struct ExhibitionParts {
    pub works: bool,
    pub photos: bool,
}

impl ExhibitionParts {
    pub const ALL: ExhibitionParts = ExhibitionParts {
        works: true,
        photos: true,
    };
}

pub async fn exhibitions(
    ctx: &CommunityCtx,
    after: Option<Uuid>,
    limit: i64,
    parts: ExhibitionParts,
) -> AppResult<Vec<ExhibitionView>> {
    // Unpublished exhibitions are the staff's drafts: not for residents, nor district viewers.
    let staff = ctx.is_staff();
    let mut tx = ctx.tx().await?;
    let rows = db::exhibitions_page(&mut tx, after, limit + 1, !staff).await?;
    let ids: Vec<Uuid> = rows.iter().map(|e| e.id).collect();
    let works: Vec<Work> = if parts.works {
        let all = db::works_of(&mut tx, &ids).await?;
        let hidden = |w: &Work| w.minor && w.guardian_consent_at.is_none() && !staff;
        // A guardian sees their own children's works: to consent, and to withdraw it. Asked
        // only when a work waits for consent.
        let me = ctx.access().account_id;
        let in_care: Vec<Uuid> = if all.iter().any(hidden) {
            crate::learners::db::learners_of(&mut tx, me)
                .await?
                .into_iter()
                .filter(|l| l.guardian_account_id == Some(me))
                .map(|l| l.id)
                .collect()
        } else {
            Vec::new()
        };
        all.into_iter()
            .filter(|w| !hidden(w) || in_care.contains(&w.learner_id))
            .collect()
    } else {
        Vec::new()
    };
    let work_ids: Vec<Uuid> = works.iter().map(|w| w.id).collect();
    let photos = if parts.works && parts.photos {
        db::photos_of(&mut tx, &work_ids).await?
    } else {
        Vec::new()
    };
    tx.commit().await?;
    let mut by_work: HashMap<Uuid, Vec<PhotoView>> = HashMap::new();
    for p in photos {
        by_work
            .entry(p.work_id)
            .or_default()
            .push(presigned(ctx, p).await?);
    }
    let mut by_exhibition: HashMap<Uuid, Vec<(Work, Vec<PhotoView>)>> = HashMap::new();
    for w in works {
        let photos = by_work.remove(&w.id).unwrap_or_default();
        by_exhibition
            .entry(w.exhibition_id)
            .or_default()
            .push((w, photos));
    }
    Ok(rows
        .into_iter()
        .map(|e| ExhibitionView {
            works: by_exhibition.remove(&e.id).unwrap_or_default(),
            exhibition: e,
        })
        .collect())
}
