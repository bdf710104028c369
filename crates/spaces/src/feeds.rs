//! iCalendar feeds (`.ics`) a calendar app subscribes to: a space's busy times (no names, no
//! purposes) and a person's own bookings. A feed's URL carries a token made from the master
//! secret for that feed alone, so it can be given to a calendar app without a login, and
//! guessing one feed's token from another's is hopeless.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use chrono::{Duration, Utc};
use icalendar::{Calendar, Component, Event, EventLike};
use infra::{AppError, AppResult};
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use crate::error::SpacesError;

const PURPOSE: &str = "ical-feed";

/// Whose feed.
#[derive(Debug, Clone, Copy)]
pub enum Feed {
    Space(Uuid),
    Person(Uuid),
}

impl Feed {
    fn payload(self, community: Uuid) -> String {
        match self {
            Feed::Space(s) => format!("{community}|space|{s}"),
            Feed::Person(a) => format!("{community}|person|{a}"),
        }
    }

    fn path_part(self) -> (&'static str, Uuid) {
        match self {
            Feed::Space(s) => ("space", s),
            Feed::Person(a) => ("person", a),
        }
    }
}

fn token(ctx: &CommunityCtx, feed: Feed) -> String {
    let tag = ctx
        .secrets()
        .sign(PURPOSE, feed.payload(ctx.tenant().community_id).as_bytes());
    B64.encode(tag)
}

fn path(ctx: &CommunityCtx, feed: Feed) -> String {
    let (kind, id) = feed.path_part();
    format!(
        "/ical/{}/{kind}/{id}/{}.ics",
        ctx.tenant().slug,
        token(ctx, feed)
    )
}

/// The subscription path of a space's busy times (any member).
pub async fn space_feed_path(ctx: &CommunityCtx, space: Uuid) -> AppResult<String> {
    ctx.require(Roles::MEMBERS)?;
    let mut tx = ctx.tx().await?;
    crate::db::space(&mut tx, space)
        .await?
        .ok_or(SpacesError::NotFound("space"))?;
    tx.commit().await?;
    Ok(path(ctx, Feed::Space(space)))
}

/// The subscription path of my own bookings.
pub fn my_feed_path(ctx: &CommunityCtx) -> AppResult<String> {
    ctx.require(Roles::MEMBERS)?;
    Ok(path(ctx, Feed::Person(ctx.access().account_id)))
}

/// A feed's calendar, for whoever holds its token (the context has no role: the token is the
/// permission). A wrong token is NOT_FOUND, like a feed that does not exist.
pub async fn feed(ctx: &CommunityCtx, feed: Feed, given: &str) -> AppResult<String> {
    let gone = || AppError::not_found("找不到这个日历", "No such calendar");
    let tag = B64.decode(given.trim()).map_err(|_| gone())?;
    if !ctx.secrets().verify(
        PURPOSE,
        feed.payload(ctx.tenant().community_id).as_bytes(),
        &tag,
    ) {
        return Err(gone());
    }
    let now = Utc::now();
    let mut tx = ctx.tx().await?;
    let mut cal = Calendar::new();
    match feed {
        Feed::Space(space) => {
            let s = crate::db::space(&mut tx, space).await?.ok_or_else(gone)?;
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
                        .uid(&format!("{id}@linli"))
                        .summary(what)
                        .location(&s.name)
                        .starts(b.starts_at)
                        .ends(b.ends_at)
                        .done(),
                );
            }
        }
        Feed::Person(account) => {
            cal.name(&format!("{} · 我的预约", ctx.tenant().name));
            let mine = crate::bookings::db::mine(&mut tx, account, now - Duration::days(7)).await?;
            let spaces = crate::db::spaces(&mut tx).await?;
            for b in mine.into_iter().filter(|b| b.status.is_active()) {
                let place = spaces
                    .iter()
                    .find(|s| s.id == b.space_id)
                    .map(|s| s.name.as_str())
                    .unwrap_or("");
                cal.push(
                    Event::new()
                        .uid(&format!("{}@linli", b.id))
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
