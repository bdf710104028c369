//! The GraphQL face of bookings.

use crate::bookings::model::BookerKind;
use crate::bookings::model::QuotaPeriod;
use crate::bookings::model::QuotaUnit;
use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use infra::graphql::Date;
use tenancy::graphql::community;

use super::service::{self as svc, BookingRequest};
use crate::bookings::feeds::Feed;
use crate::bookings::model;
use crate::graphql::{Res, uuid};

/// A booking's entry code (入场码), shown on the booker's phone and scanned at the door.
#[derive(SimpleObject)]
#[graphql(name = "BookingEntryCode")]
pub struct EntryCodeGql {
    token: String,
    svg: String,
    not_before: DateTime<Utc>,
    not_after: DateTime<Utc>,
}

#[derive(SimpleObject, InputObject)]
#[graphql(name = "NoShowRules", input_name = "NoShowRulesInput")]
pub struct NoShowRulesGql {
    /// Minutes after the start a booking not checked in is released.
    grace_minutes: i32,
    /// This many no-shows within `noShowDays` days suspend booking for `suspensionDays`.
    no_show_limit: i32,
    no_show_days: i32,
    suspension_days: i32,
}

/// At most `max` hours or bookings per booker of a kind per week or month.
#[derive(SimpleObject)]
#[graphql(name = "BookingQuota")]
pub struct QuotaGql {
    applies_to: BookerKind,
    period: QuotaPeriod,
    unit: QuotaUnit,
    max: i32,
}

/// The community's booking rules as set.
#[derive(SimpleObject)]
#[graphql(name = "BookingRules")]
pub struct BookingRulesGql {
    no_show: NoShowRulesGql,
    quotas: Vec<QuotaGql>,
}

fn no_show(r: model::NoShowRules) -> NoShowRulesGql {
    NoShowRulesGql {
        grace_minutes: r.grace_minutes,
        no_show_limit: r.no_show_limit,
        no_show_days: r.no_show_days,
        suspension_days: r.suspension_days,
    }
}

/// A busy span of a space: free/busy only.
#[derive(SimpleObject)]
#[graphql(name = "BusySlot")]
pub struct BusySlotGql {
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    /// A course session rather than a booking.
    course_session: bool,
}

#[derive(InputObject)]
pub struct BookSpaceInput {
    space_id: ID,
    starts_at: DateTime<Utc>,
    minutes: i32,
    /// For a club (staff).
    club_id: Option<ID>,
    purpose: String,
    attendance: i32,
    /// The same time this many weeks running, all or none.
    #[graphql(default = 1)]
    weeks: i32,
}

#[derive(Default)]
pub struct BookingsQuery;

#[Object]
impl BookingsQuery {
    /// A space's busy spans, `days` days from `from` (free/busy only).
    async fn space_calendar(
        &self,
        ctx: &Context<'_>,
        space_id: ID,
        from: Date,
        #[graphql(default = 7)] days: i32,
    ) -> Res<Vec<BusySlotGql>> {
        let rows = svc::calendar(community(ctx)?, uuid(&space_id)?, from.0, days).await?;
        Ok(rows
            .into_iter()
            .map(|b| BusySlotGql {
                starts_at: b.starts_at,
                ends_at: b.ends_at,
                course_session: b.session_id.is_some(),
            })
            .collect())
    }

    /// My link to a space's iCalendar feed (busy times, no names), to subscribe to. It works
    /// while I hold a role here, until I renew it.
    async fn space_calendar_feed(&self, ctx: &Context<'_>, space_id: ID) -> Res<String> {
        let feed = Feed::Space(uuid(&space_id)?);
        Ok(crate::bookings::feeds::feed_path(community(ctx)?, feed).await?)
    }

    /// My link to my bookings' iCalendar feed.
    async fn my_calendar_feed(&self, ctx: &Context<'_>) -> Res<String> {
        Ok(crate::bookings::feeds::feed_path(community(ctx)?, Feed::Mine).await?)
    }

    /// My bookings from yesterday on.
    async fn my_bookings(&self, ctx: &Context<'_>) -> Res<Vec<model::Booking>> {
        let rows = svc::my_bookings(community(ctx)?).await?;
        Ok(rows.into_iter().collect())
    }

    /// Every booking over `days` days from `from` (China time), a club's only where `clubId`
    /// is given (staff: the community's calendar).
    async fn bookings(
        &self,
        ctx: &Context<'_>,
        from: Date,
        #[graphql(default = 7)] days: i32,
        club_id: Option<ID>,
    ) -> Res<Vec<model::Booking>> {
        let club = club_id.as_ref().map(uuid).transpose()?;
        Ok(svc::between(community(ctx)?, from.0, days, club).await?)
    }

    /// The no-show rules and the quotas as set (staff).
    async fn booking_rules(&self, ctx: &Context<'_>) -> Res<BookingRulesGql> {
        let (rules, quotas) = svc::booking_rules(community(ctx)?).await?;
        Ok(BookingRulesGql {
            no_show: no_show(rules),
            quotas: quotas
                .into_iter()
                .map(|q| QuotaGql {
                    applies_to: q.applies_to,
                    period: q.period,
                    unit: q.unit,
                    max: q.max_units,
                })
                .collect(),
        })
    }

    /// Booking requests waiting for approval, soonest first (staff).
    async fn booking_requests(&self, ctx: &Context<'_>) -> Res<Vec<model::Booking>> {
        let rows = svc::requested(community(ctx)?).await?;
        Ok(rows.into_iter().collect())
    }
}

#[derive(Default)]
pub struct BookingsMutation;

#[Object]
impl BookingsMutation {
    /// Book a space: once, or weekly for `weeks` weeks (all or none; a taken occurrence is
    /// named in the CONFLICT).
    async fn book_space(
        &self,
        ctx: &Context<'_>,
        input: BookSpaceInput,
    ) -> Res<Vec<model::Booking>> {
        let rows = svc::book(
            community(ctx)?,
            BookingRequest {
                space_id: uuid(&input.space_id)?,
                starts_at: input.starts_at,
                minutes: input.minutes,
                group: input
                    .club_id
                    .as_ref()
                    .map(uuid)
                    .transpose()?
                    .map(model::BookingGroup::Club),
                purpose: input.purpose,
                attendance: input.attendance,
                weeks: input.weeks,
            },
        )
        .await?;
        Ok(rows.into_iter().collect())
    }

    /// Approve or decline a requested booking (staff).
    async fn decide_booking(
        &self,
        ctx: &Context<'_>,
        booking_id: ID,
        approve: bool,
    ) -> Res<model::Booking> {
        Ok(svc::decide(community(ctx)?, uuid(&booking_id)?, approve).await?)
    }

    /// A new link to a calendar feed of mine (a space's busy times, or my bookings without
    /// `spaceId`); the link before stops working.
    async fn renew_calendar_feed(&self, ctx: &Context<'_>, space_id: Option<ID>) -> Res<String> {
        let feed = match space_id {
            Some(s) => Feed::Space(uuid(&s)?),
            None => Feed::Mine,
        };
        Ok(crate::bookings::feeds::renew(community(ctx)?, feed).await?)
    }

    /// Cancel a booking that has not started (its booker or staff).
    async fn cancel_booking(&self, ctx: &Context<'_>, booking_id: ID) -> Res<model::Booking> {
        Ok(svc::cancel(community(ctx)?, uuid(&booking_id)?).await?)
    }

    /// A booking's entry code (its booker, or staff), once approved.
    async fn booking_entry_code(&self, ctx: &Context<'_>, booking_id: ID) -> Res<EntryCodeGql> {
        let p = svc::entry_code(community(ctx)?, uuid(&booking_id)?).await?;
        Ok(EntryCodeGql {
            token: p.token,
            svg: p.svg,
            not_before: p.not_before,
            not_after: p.not_after,
        })
    }

    /// Check a booking in at the door from its entry code (staff).
    async fn check_in_booking(&self, ctx: &Context<'_>, token: String) -> Res<model::Booking> {
        Ok(svc::check_in_booking(community(ctx)?, &token).await?)
    }

    /// The community's no-show rules (staff).
    async fn set_no_show_rules(
        &self,
        ctx: &Context<'_>,
        input: NoShowRulesGql,
    ) -> Res<NoShowRulesGql> {
        let r = svc::set_no_show_rules(
            community(ctx)?,
            model::NoShowRules {
                grace_minutes: input.grace_minutes,
                no_show_limit: input.no_show_limit,
                no_show_days: input.no_show_days,
                suspension_days: input.suspension_days,
            },
        )
        .await?;
        Ok(no_show(r))
    }

    /// At most `max` hours or bookings per person (or club) per week or month (staff).
    async fn set_booking_quota(
        &self,
        ctx: &Context<'_>,
        applies_to: BookerKind,
        period: QuotaPeriod,
        unit: QuotaUnit,
        max: i32,
    ) -> Res<bool> {
        svc::set_quota(community(ctx)?, applies_to, period, unit, max).await?;
        Ok(true)
    }
}
