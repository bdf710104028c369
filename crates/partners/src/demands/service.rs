//! The rules of demands (诉求).

use infra::{AppError, AppResult};
use sqlx::PgConnection;
use tenancy::model::CourtyardKind;
use tenancy::{CommunityCtx, Roles, Tenancy};
use uuid::Uuid;

use super::db::{self, NewDemand};
use super::model::*;
use crate::error::{Missing, PartnersError};
use crate::text;

/// Dashboard figures: demands received and first resolved, per day.
pub const RECEIVED: &str = "partners.demands_received";
pub const RESOLVED: &str = "partners.demands_resolved";

/// The figures recounted from the demands themselves (the dashboards' rebuild).
pub async fn figures(
    conn: &mut sqlx::PgConnection,
) -> AppResult<Vec<(String, chrono::NaiveDate, i64)>> {
    Ok(sqlx::query_as(
        "SELECT $1, figure_day(submitted_at) AS day, count(*)
           FROM demands GROUP BY day
         UNION ALL
         SELECT $2, figure_day(resolved_at) AS day, count(*)
           FROM demands WHERE resolved_at IS NOT NULL GROUP BY day",
    )
    .bind(RECEIVED)
    .bind(RESOLVED)
    .fetch_all(conn)
    .await?)
}

/// The distribution of hours from submission to first resolution (for the median), which a
/// trigger keeps (`migrations/community/partners/0034_figures.sql`): (figure, day, hours, count).
pub async fn samples(
    conn: &mut sqlx::PgConnection,
) -> AppResult<Vec<(String, chrono::NaiveDate, i64, i64)>> {
    Ok(sqlx::query_as(
        "SELECT 'partners.resolution_hours', figure_day(resolved_at) AS day,
                ceil(extract(epoch FROM resolved_at - submitted_at) / 3600)::bigint AS hours,
                count(*)
           FROM demands WHERE resolved_at IS NOT NULL GROUP BY day, hours",
    )
    .fetch_all(conn)
    .await?)
}

fn not_found() -> AppError {
    PartnersError::NotFound(Missing::Demand).into()
}

/// A demand with its steps, as a write leaves it (read in the write's own transaction).
#[derive(Debug, Clone)]
pub struct DemandView {
    pub demand: Demand,
    /// Oldest first.
    pub steps: Vec<DemandStep>,
}

/// The demand and its steps, then commit.
async fn view(mut tx: infra::TenantTx, demand: Demand) -> AppResult<DemandView> {
    let steps = db::steps(&mut tx, &[demand.id]).await?;
    tx.commit().await?;
    Ok(DemandView { demand, steps })
}

fn outside_grids() -> AppError {
    PartnersError::OutsideGrids.into()
}

pub struct DemandInput {
    pub title: String,
    pub detail: String,
    pub category: String,
    /// A grid worker or staff taking it in for a resident (代办): their account and name.
    pub for_resident: Option<(Uuid, String)>,
    pub grid_id: Option<Uuid>,
}

/// A grid of the community, or a coded refusal.
async fn grid(t: &Tenancy, ctx: &CommunityCtx, id: Uuid) -> AppResult<Uuid> {
    let found = t
        .courtyards(ctx)
        .await?
        .into_iter()
        .any(|c| c.id == id && c.kind == CourtyardKind::Grid);
    if found {
        Ok(id)
    } else {
        Err(AppError::from(PartnersError::NoSuchGrid))
    }
}

/// A resident raises a demand, or a grid worker (or staff) takes it in for one.
pub async fn submit(t: &Tenancy, ctx: &CommunityCtx, d: DemandInput) -> AppResult<DemandView> {
    ctx.require(Roles::MEMBERS)?;
    let title = text(&d.title, 1, 100, "诉求标题", "The title")?;
    let category = text(&d.category, 1, 30, "类别", "The category")?;
    let detail = text(&d.detail, 0, 1000, "详细说明", "The detail")?;
    let (resident, name, acting) = match &d.for_resident {
        Some((id, name)) => {
            ctx.require(Roles::PROXY)?;
            (
                *id,
                text(name, 1, 50, "居民姓名", "The resident's name")?,
                true,
            )
        }
        None => (
            ctx.access().account_id,
            ctx.access().display_name.as_str(),
            false,
        ),
    };
    let grid_id = match d.grid_id {
        Some(g) => Some(grid(t, ctx, g).await?),
        None => None,
    };
    let mut tx = ctx.tx().await?;
    // A grid worker takes in demands of their own grids (and names which).
    if acting && !ctx.reach(&mut tx).await?.covers(grid_id) {
        return Err(outside_grids());
    }
    let row = write(
        &mut tx,
        &NewDemand {
            title,
            detail,
            category,
            resident_id: resident,
            resident_name: name,
            entered_by: ctx.access().account_id,
            grid_id,
        },
        acting,
    )
    .await?;
    view(tx, row).await
}

/// The demand, its first step and its figure, in the caller's transaction.
async fn write(conn: &mut PgConnection, d: &NewDemand<'_>, acting: bool) -> AppResult<Demand> {
    let row = db::insert(&mut *conn, d).await?;
    db::step(
        &mut *conn,
        row.id,
        DemandStatus::Submitted,
        d.entered_by,
        acting,
        None,
    )
    .await?;
    infra::figures::record_today(conn, RECEIVED, 1).await?;
    Ok(row)
}

/// A demand raised by staff or a grid worker from another crate's record (a patrol's finding),
/// or a suggestion raised at a meeting, in that crate's transaction, to `grid` (a grid the
/// caller's record already holds by its foreign key) or to nobody yet. The id of the demand.
pub async fn raise_in(
    conn: &mut PgConnection,
    ctx: &CommunityCtx,
    title: &str,
    detail: &str,
    category: &str,
    grid: Option<Uuid>,
) -> AppResult<Uuid> {
    ctx.require(Roles::PROXY)?;
    let row = write(
        conn,
        &NewDemand {
            title: text(title, 1, 100, "诉求标题", "The title")?,
            detail: text(detail, 0, 1000, "详细说明", "The detail")?,
            category: text(category, 1, 30, "类别", "The category")?,
            resident_id: ctx.access().account_id,
            resident_name: &ctx.access().display_name,
            entered_by: ctx.access().account_id,
            grid_id: grid,
        },
        false,
    )
    .await?;
    Ok(row.id)
}

/// Where a demand is sent.
pub enum Route {
    Grid(Uuid),
    Team(Uuid),
}

/// Staff send a demand to a grid or to a team of a partner approved in the community.
pub async fn route(t: &Tenancy, ctx: &CommunityCtx, id: Uuid, to: Route) -> AppResult<DemandView> {
    ctx.require(Roles::STAFF)?;
    let (grid_id, team) = match to {
        Route::Grid(g) => (Some(grid(t, ctx, g).await?), None),
        Route::Team(team) => {
            let found = crate::organisations::work::approved_team(t, ctx, team).await?;
            (None, Some((found.id, found.name)))
        }
    };
    let mut tx = ctx.tx().await?;
    let d = db::lock(&mut tx, id).await?.ok_or_else(not_found)?;
    if !matches!(
        d.status,
        DemandStatus::Submitted | DemandStatus::Routed | DemandStatus::Reopened
    ) {
        return Err(PartnersError::AlreadyDecided.into());
    }
    let d = db::route(
        &mut tx,
        d.id,
        grid_id,
        team.as_ref().map(|(i, n)| (*i, n.as_str())),
    )
    .await?;
    db::step(
        &mut tx,
        d.id,
        DemandStatus::Routed,
        ctx.access().account_id,
        false,
        None,
    )
    .await?;
    view(tx, d).await
}

/// Answer a demand: staff, a grid worker of its grid, or a member of the partner team it was
/// sent to.
pub async fn resolve(
    t: &Tenancy,
    ctx: &CommunityCtx,
    id: Uuid,
    resolution: &str,
) -> AppResult<DemandView> {
    ctx.require(Roles::ANYONE)?;
    let resolution = text(resolution, 1, 500, "办理结果", "The resolution")?;
    let my_teams = crate::organisations::work::my_teams(t, ctx).await?;
    let mut tx = ctx.tx().await?;
    let d = db::lock(&mut tx, id).await?.ok_or_else(not_found)?;
    let in_team = d.team_id.is_some_and(|team| my_teams.contains(&team));
    if !in_team && !ctx.reach(&mut tx).await?.covers(d.grid_id) {
        return Err(AppError::forbidden());
    }
    if matches!(d.status, DemandStatus::Resolved | DemandStatus::Confirmed) {
        return Err(PartnersError::AlreadyDecided.into());
    }
    let first = d.resolved_at.is_none();
    let d = db::resolve(&mut tx, d.id, resolution).await?;
    if first {
        infra::figures::record_today(&mut tx, RESOLVED, 1).await?;
    }
    db::step(
        &mut tx,
        d.id,
        DemandStatus::Resolved,
        ctx.access().account_id,
        false,
        Some(resolution),
    )
    .await?;
    view(tx, d).await
}

/// The resident (or a grid worker for them) confirms the answer, closing the demand, or
/// reopens it with a reason.
pub async fn answer(
    ctx: &CommunityCtx,
    id: Uuid,
    agree: bool,
    reason: Option<&str>,
) -> AppResult<DemandView> {
    ctx.require(Roles::MEMBERS)?;
    let reason = match (agree, reason) {
        (false, r) => Some(text(
            r.unwrap_or(""),
            1,
            500,
            "重新办理的原因",
            "The reason",
        )?),
        (true, _) => None,
    };
    let mut tx = ctx.tx().await?;
    let d = db::lock(&mut tx, id).await?.ok_or_else(not_found)?;
    let own = d.resident_id == ctx.access().account_id;
    if !own && !ctx.reach(&mut tx).await?.covers(d.grid_id) {
        return Err(not_found());
    }
    if d.status != DemandStatus::Resolved {
        return Err(PartnersError::AlreadyDecided.into());
    }
    let to = if agree {
        DemandStatus::Confirmed
    } else {
        DemandStatus::Reopened
    };
    let d = db::set_status(&mut tx, d.id, to).await?;
    db::step(&mut tx, d.id, to, ctx.access().account_id, !own, reason).await?;
    view(tx, d).await
}

/// A resident's own demands, or — for staff — all of them, for a grid worker those of their
/// grids (by status); with their steps when asked.
pub async fn demands(
    ctx: &CommunityCtx,
    everyone: bool,
    status: Option<DemandStatus>,
    with_steps: bool,
) -> AppResult<(Vec<Demand>, Vec<DemandStep>)> {
    ctx.require(Roles::MEMBERS)?;
    let resident = if everyone {
        ctx.require(Roles::PROXY)?;
        None
    } else {
        Some(ctx.access().account_id)
    };
    let mut tx = ctx.tx().await?;
    let grids = match resident {
        Some(_) => None,
        None => ctx.reach(&mut tx).await?.bound().map(<[Uuid]>::to_vec),
    };
    let rows = db::list(&mut tx, resident, status, grids.as_deref()).await?;
    let steps = if with_steps {
        let ids: Vec<Uuid> = rows.iter().map(|d| d.id).collect();
        db::steps(&mut tx, &ids).await?
    } else {
        Vec::new()
    };
    tx.commit().await?;
    Ok((rows, steps))
}

/// The community's resolution rate and time (staff and grid workers).
pub async fn stats(ctx: &CommunityCtx) -> AppResult<DemandStats> {
    ctx.require(Roles::PROXY)?;
    let mut tx = ctx.tx().await?;
    let s = db::stats(&mut tx).await?;
    tx.commit().await?;
    Ok(s)
}

/// How long a photo link works.
const PHOTO_TTL: std::time::Duration = std::time::Duration::from_secs(15 * 60);
/// Photos a demand holds at most.
const MAX_PHOTOS: i64 = 5;

/// A demand's photo: its links, valid for 15 minutes.
#[derive(Debug, Clone)]
pub struct DemandPhoto {
    pub id: Uuid,
    pub url: String,
    pub thumb_url: String,
}

/// The demand, when the caller may see and photograph it: the resident who raised it, staff,
/// and grid workers whose grids hold it. Anyone else is told it is not there.
async fn photographed(ctx: &CommunityCtx, conn: &mut PgConnection, id: Uuid) -> AppResult<Demand> {
    let d = db::demand(conn, id).await?.ok_or_else(not_found)?;
    let own = d.resident_id == ctx.access().account_id;
    if own || (ctx.require(Roles::PROXY).is_ok() && ctx.reach(conn).await?.covers(d.grid_id)) {
        Ok(d)
    } else {
        Err(not_found())
    }
}

/// Attach a photo (JPEG, PNG or WebP) to a demand, five at most: the objects are written
/// before the row, so a failure leaves at most unreferenced objects, never a row pointing at
/// nothing.
pub async fn attach_photo(ctx: &CommunityCtx, id: Uuid, bytes: Vec<u8>) -> AppResult<DemandPhoto> {
    ctx.require(Roles::MEMBERS)?;
    {
        let mut tx = ctx.tx().await?;
        photographed(ctx, &mut tx, id).await?;
        if db::photo_count(&mut tx, id).await? >= MAX_PHOTOS {
            return Err(PartnersError::TooManyPhotos.into());
        }
        tx.commit().await?;
    }
    let p = infra::photos::process_bounded(bytes).await?;
    let photo = Uuid::now_v7();
    let base = format!("c/{}/demands/{id}/{photo}", ctx.tenant().community_id);
    let (key, thumb) = (format!("{base}.jpg"), format!("{base}.thumb.jpg"));
    ctx.store().put(&key, p.full, "image/jpeg").await?;
    ctx.store().put(&thumb, p.thumb, "image/jpeg").await?;
    let mut tx = ctx.tx().await?;
    // Counted again under the demand's lock: two uploads racing past the first count make six.
    db::lock(&mut tx, id).await?.ok_or_else(not_found)?;
    if db::photo_count(&mut tx, id).await? >= MAX_PHOTOS {
        return Err(PartnersError::TooManyPhotos.into());
    }
    db::insert_photo(
        &mut tx,
        (photo, id),
        (&key, &thumb),
        ctx.access().account_id,
    )
    .await?;
    tx.commit().await?;
    photo_links(ctx, photo, &key, &thumb).await
}

async fn photo_links(
    ctx: &CommunityCtx,
    id: Uuid,
    key: &str,
    thumb: &str,
) -> AppResult<DemandPhoto> {
    Ok(DemandPhoto {
        id,
        url: ctx.store().presign_get(key, PHOTO_TTL).await?,
        thumb_url: ctx.store().presign_get(thumb, PHOTO_TTL).await?,
    })
}

/// A demand's photos with short-lived links, for whoever may see the demand.
pub async fn demand_photos(ctx: &CommunityCtx, id: Uuid) -> AppResult<Vec<DemandPhoto>> {
    ctx.require(Roles::MEMBERS)?;
    let mut tx = ctx.tx().await?;
    photographed(ctx, &mut tx, id).await?;
    let rows = db::photos(&mut tx, id).await?;
    tx.commit().await?;
    let mut out = Vec::with_capacity(rows.len());
    for (photo, key, thumb) in rows {
        out.push(photo_links(ctx, photo, &key, &thumb).await?);
    }
    Ok(out)
}
