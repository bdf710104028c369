//! The rules of photos: staff attach receipts to a fund's movements, which every member sees
//! with the statement; staff and the grid's workers attach photos to a patrol's findings.

use std::time::Duration;

use infra::AppResult;
use infra::photos::process_bounded;
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db;
use super::model::*;
use crate::error::{GovernanceError as E, Missing};

/// How long a photo link works.
const URL_TTL: Duration = Duration::from_secs(15 * 60);

fn missing(s: Subject) -> E {
    match s {
        Subject::Receipt(_) => E::NotFound(Missing::Movement),
        Subject::Finding(_) => E::NotFound(Missing::Finding),
    }
}

/// Who may attach to or see a subject: a receipt — staff attach, members see; a finding —
/// staff and the grid's own workers.
async fn allowed(
    ctx: &CommunityCtx,
    conn: &mut sqlx::PgConnection,
    s: Subject,
    attaching: bool,
) -> AppResult<()> {
    match s {
        Subject::Receipt(_) if attaching => ctx.require(Roles::STAFF),
        Subject::Receipt(_) => ctx.require(Roles::MEMBERS),
        Subject::Finding(f) => {
            ctx.require(Roles::PROXY)?;
            let grid = db::grid_of_finding(conn, f).await?.ok_or(missing(s))?;
            if ctx.reach(conn).await?.covers(Some(grid)) {
                Ok(())
            } else {
                Err(E::OutsideMyGrids.into())
            }
        }
    }
}

/// Attach a photo (JPEG, PNG or WebP): the objects are written before the row, so a failure
/// leaves at most unreferenced objects, never a row pointing at nothing.
pub async fn attach(ctx: &CommunityCtx, s: Subject, bytes: Vec<u8>) -> AppResult<Photo> {
    ctx.require(Roles::PROXY)?;
    {
        let mut tx = ctx.tx().await?;
        allowed(ctx, &mut tx, s, true).await?;
        if !db::exists(&mut tx, s).await? {
            return Err(missing(s).into());
        }
        tx.commit().await?;
    }
    let p = process_bounded(bytes).await?;
    let id = Uuid::now_v7();
    let folder = match s {
        Subject::Receipt(m) => format!("receipts/{m}"),
        Subject::Finding(f) => format!("findings/{f}"),
    };
    let base = format!("c/{}/governance/{folder}/{id}", ctx.tenant().community_id);
    let (key, thumb) = (format!("{base}.jpg"), format!("{base}.thumb.jpg"));
    ctx.store().put(&key, p.full, "image/jpeg").await?;
    ctx.store().put(&thumb, p.thumb, "image/jpeg").await?;
    let mut tx = ctx.tx().await?;
    db::insert(&mut tx, id, s, &key, &thumb, ctx.access().account_id).await?;
    tx.commit().await?;
    links(ctx, id, &key, &thumb).await
}

async fn links(ctx: &CommunityCtx, id: Uuid, key: &str, thumb: &str) -> AppResult<Photo> {
    Ok(Photo {
        id,
        url: ctx.store().presign_get(key, URL_TTL).await?,
        thumb_url: ctx.store().presign_get(thumb, URL_TTL).await?,
    })
}

/// A subject's photos with short-lived links.
pub async fn photos(ctx: &CommunityCtx, s: Subject) -> AppResult<Vec<Photo>> {
    ctx.require(Roles::MEMBERS)?;
    let mut tx = ctx.tx().await?;
    allowed(ctx, &mut tx, s, false).await?;
    let rows = db::photos(&mut tx, s).await?;
    tx.commit().await?;
    let mut out = Vec::with_capacity(rows.len());
    for (id, key, thumb) in rows {
        out.push(links(ctx, id, &key, &thumb).await?);
    }
    Ok(out)
}
