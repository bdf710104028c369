//! iCalendar feeds (`.ics`) a calendar app subscribes to: a space's busy times (no names, no
//! purposes) and a person's own bookings. A feed's link belongs to the account that asked for
//! it: `/ical/<community>/<account>/<space id | mine>/<token>.ics`, the token signing those and
//! the link's generation with the master secret. The gateway serves a link only with its
//! account's own rights in the community, so it stops working when the account is deactivated
//! or loses its role there, and renewing it (`renew`) ends the old one. Events carry opaque
//! UIDs, never a row's id (a booking's id would let a reader act on it).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use chrono::{Duration, Utc};
use icalendar::{Calendar, Component, Event, EventLike};
use infra::{AppError, AppResult};
use sqlx::PgConnection;
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use crate::error::SpacesError;

const PURPOSE: &str = "ical-feed";
const UID_PURPOSE: &str = "ical-uid";

/// Which feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feed {
    /// A space's busy times.
    Space(Uuid),
    /// The link owner's own bookings.
    Mine,
}

impl Feed {
    fn target(self) -> Uuid {
        match self {
            Feed::Space(s) => s,
            Feed::Mine => Uuid::nil(),
        }
    }

    /// The feed named by a link's path segment (`mine` or a space's id).
    pub fn parse(segment: &str) -> Option<Feed> {
        match segment {
            "mine" => Some(Feed::Mine),
            id => Uuid::parse_str(id).ok().map(Feed::Space),
        }
    }

    fn segment(self) -> String {
        match self {
            Feed::Space(s) => s.to_string(),
            Feed::Mine => "mine".into(),
        }
    }
}

/// What a link's token signs: the community, the link's account, the feed, the generation.
fn payload(ctx: &CommunityCtx, feed: Feed, generation: i32) -> String {
    format!(
        "{}|{}|{}|{generation}",
        ctx.tenant().community_id,
        ctx.access().account_id,
        feed.target()
    )
}

fn path(ctx: &CommunityCtx, feed: Feed, generation: i32) -> String {
    format!(
        "/ical/{}/{}/{}/{}.ics",
        ctx.tenant().slug,
        ctx.access().account_id,
        feed.segment(),
        B64.encode(
            ctx.secrets()
                .sign(PURPOSE, payload(ctx, feed, generation).as_bytes())
        )
    )
}

async fn generation(conn: &mut PgConnection, account: Uuid, feed: Feed) -> sqlx::Result<i32> {
    let g: Option<i32> = sqlx::query_scalar(
        "SELECT generation FROM calendar_feeds WHERE account_id = $1 AND target = $2",
    )
    .bind(account)
    .bind(feed.target())
    .fetch_optional(conn)
    .await?;
    Ok(g.unwrap_or(0))
}

/// A space's feed is for a space that exists; one's own is always there.
async fn exists(conn: &mut PgConnection, feed: Feed) -> AppResult<()> {
    if let Feed::Space(space) = feed {
        crate::rooms::db::space(conn, space)
            .await?
            .ok_or(SpacesError::NotFound("space"))?;
    }
    Ok(())
}

/// The caller's link to a feed (any member). A query: it writes nothing.
pub async fn feed_path(ctx: &CommunityCtx, feed: Feed) -> AppResult<String> {
    ctx.require(Roles::ANYONE)?;
    let mut tx = ctx.tx().await?;
    exists(&mut tx, feed).await?;
    let g = generation(&mut tx, ctx.access().account_id, feed).await?;
    tx.commit().await?;
    Ok(path(ctx, feed, g))
}

/// A new link to the feed for the caller; the one before stops working.
pub async fn renew(ctx: &CommunityCtx, feed: Feed) -> AppResult<String> {
    ctx.require(Roles::ANYONE)?;
    let mut tx = ctx.tx().await?;
    exists(&mut tx, feed).await?;
    let g: i32 = sqlx::query_scalar(
        "INSERT INTO calendar_feeds AS f (account_id, target, generation) VALUES ($1, $2, 1)
         ON CONFLICT (account_id, target)
         DO UPDATE SET generation = f.generation + 1, renewed_at = now()
         RETURNING generation",
    )
    .bind(ctx.access().account_id)
    .bind(feed.target())
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(path(ctx, feed, g))
}

/// An event's UID: stable for the row, telling nothing of it.
fn uid(ctx: &CommunityCtx, id: Uuid) -> String {
    let tag = ctx.secrets().sign(
        UID_PURPOSE,
        format!("{}|{id}", ctx.tenant().community_id).as_bytes(),
    );
    let hex: String = tag[..16].iter().map(|b| format!("{b:02x}")).collect();
    format!("{hex}@linli")
}

/// A feed's calendar, in the context of the link's account as the gateway admitted it (so
/// with that account's rights today). A wrong or renewed token is NOT_FOUND, like a feed that
/// does not exist.
pub async fn feed(ctx: &CommunityCtx, feed: Feed, given: &str) -> AppResult<String> {
    let gone = || AppError::from(SpacesError::NoSuchCalendar);
    ctx.require(Roles::ANYONE).map_err(|_| gone())?;
    let tag = B64.decode(given.trim()).map_err(|_| gone())?;
    let now = Utc::now();
    let mut tx = ctx.tx().await?;
    let g = generation(&mut tx, ctx.access().account_id, feed).await?;
    if !ctx
        .secrets()
        .verify(PURPOSE, payload(ctx, feed, g).as_bytes(), &tag)
    {
        return Err(gone());
    }
    let mut cal = Calendar::new();
    match feed {
        Feed::Space(space) => {
            let s = crate::rooms::db::space(&mut tx, space)
                .await?
                .ok_or_else(gone)?;
            cal.name(&format!("{} · {}", ctx.tenant().name, s.name));
            let busy = crate::bookings::db::busy(
                &mut tx,
                space,
                now - Duration::days(7),
                now + Duration::days(120),
            )
            .await?;
            for b in busy {
                let (what, id) = match (b.booking_id, b.session_id) {
                    (Some(id), _) => ("已预约", id),
                    (_, Some(id)) => ("课程", id),
                    _ => continue,
                };
                cal.push(
                    Event::new()
                        .uid(&uid(ctx, id))
                        .summary(what)
                        .location(&s.name)
                        .starts(b.starts_at)
                        .ends(b.ends_at)
                        .done(),
                );
            }
        }
        Feed::Mine => {
            cal.name(&format!("{} · 我的预约", ctx.tenant().name));
            let mine = crate::bookings::db::mine(
                &mut tx,
                ctx.access().account_id,
                now - Duration::days(7),
            )
            .await?;
            let spaces = crate::rooms::db::spaces(&mut tx).await?;
            for b in mine.into_iter().filter(|b| b.status.is_active()) {
                let place = spaces
                    .iter()
                    .find(|s| s.id == b.space_id)
                    .map(|s| s.name.as_str())
                    .unwrap_or("");
                cal.push(
                    Event::new()
                        .uid(&uid(ctx, b.id))
                        .summary(&b.purpose)
                        .location(place)
                        .starts(b.starts_at)
                        .ends(b.ends_at)
                        .done(),
                );
            }
        }
    }
    tx.commit().await?;
    Ok(cal.done().to_string())
}
