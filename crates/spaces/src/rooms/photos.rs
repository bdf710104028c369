//! Photos of spaces (staff) and of farm duties (the tender): the shared pipeline
//! (`infra::photos`), stored under `c/<community id>/spaces/…`, shown through short-lived links.

use std::time::Duration;

use infra::AppResult;
use infra::photos::process_bounded;
use sqlx::PgConnection;
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use crate::error::SpacesError;

/// How long a photo link works.
pub const URL_TTL: Duration = Duration::from_secs(15 * 60);

#[derive(Debug, Clone)]
pub struct PhotoLinks {
    pub id: Uuid,
    pub url: String,
    pub thumb_url: String,
}

/// Process and store one photo; returns (id, key, thumbnail key, width, height).
async fn store(
    ctx: &CommunityCtx,
    folder: &str,
    bytes: Vec<u8>,
) -> AppResult<(Uuid, String, String, i32, i32)> {
    let p = process_bounded(bytes).await?;
    let id = Uuid::now_v7();
    let base = format!("c/{}/spaces/{folder}/{id}", ctx.tenant().community_id);
    let (key, thumb) = (format!("{base}.jpg"), format!("{base}.thumb.jpg"));
    ctx.store().put(&key, p.full, "image/jpeg").await?;
    ctx.store().put(&thumb, p.thumb, "image/jpeg").await?;
    Ok((id, key, thumb, p.width as i32, p.height as i32))
}

async fn links(ctx: &CommunityCtx, id: Uuid, key: &str, thumb: &str) -> AppResult<PhotoLinks> {
    Ok(PhotoLinks {
        id,
        url: ctx.store().presign_get(key, URL_TTL).await?,
        thumb_url: ctx.store().presign_get(thumb, URL_TTL).await?,
    })
}

/// Add a photo of a space (staff). Objects are written before the row: a failure leaves at
/// most unreferenced objects, never a row pointing at nothing.
pub async fn upload_space_photo(
    ctx: &CommunityCtx,
    space: Uuid,
    bytes: Vec<u8>,
) -> AppResult<PhotoLinks> {
    ctx.require(Roles::STAFF)?;
    {
        let mut tx = ctx.tx().await?;
        super::db::space(&mut tx, space)
            .await?
            .ok_or(SpacesError::NotFound("space"))?;
        tx.commit().await?;
    }
    let (id, key, thumb, w, h) = store(ctx, &space.to_string(), bytes).await?;
    let mut tx = ctx.tx().await?;
    insert_space_photo(&mut tx, id, space, &key, &thumb, w, h).await?;
    tx.commit().await?;
    links(ctx, id, &key, &thumb).await
}

#[allow(clippy::too_many_arguments)]
async fn insert_space_photo(
    conn: &mut PgConnection,
    id: Uuid,
    space: Uuid,
    key: &str,
    thumb: &str,
    w: i32,
    h: i32,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO space_photos (id, space_id, object_key, thumb_key, width, height)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(space)
    .bind(key)
    .bind(thumb)
    .bind(w)
    .bind(h)
    .execute(conn)
    .await?;
    Ok(())
}

/// A space's photos (any member).
pub async fn space_photos(ctx: &CommunityCtx, space: Uuid) -> AppResult<Vec<PhotoLinks>> {
    let mut tx = ctx.tx().await?;
    let rows: Vec<(Uuid, String, String)> = sqlx::query_as(
        "SELECT id, object_key, thumb_key FROM space_photos WHERE space_id = $1 ORDER BY created_at",
    )
    .bind(space)
    .fetch_all(&mut *tx)
    .await?;
    tx.commit().await?;
    let mut out = Vec::with_capacity(rows.len());
    for (id, key, thumb) in rows {
        out.push(links(ctx, id, &key, &thumb).await?);
    }
    Ok(out)
}

/// Store the photo of a farm duty; returns (key, thumbnail key) for the duty's row.
pub(crate) async fn store_duty_photo(
    ctx: &CommunityCtx,
    claim: Uuid,
    bytes: Vec<u8>,
) -> AppResult<(String, String)> {
    let (_, key, thumb, _, _) = store(ctx, &format!("farm/{claim}"), bytes).await?;
    Ok((key, thumb))
}

/// Links to a farm duty's photo and its thumbnail: (url, thumbnail url).
pub(crate) async fn duty_photo_links(
    ctx: &CommunityCtx,
    key: &str,
    thumb: &str,
) -> AppResult<(String, String)> {
    Ok((
        ctx.store().presign_get(key, URL_TTL).await?,
        ctx.store().presign_get(thumb, URL_TTL).await?,
    ))
}
