//! The rules of bookings: each function opens its own tenant transaction.

use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, Timelike, Utc};
use infra::local_time::{china, midnight};
use infra::{AppError, AppResult, TenantTx};
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db::{self, NewBooking};
use crate::bookings::model::*;
use crate::error::SpacesError;
use crate::rooms::model::*;
use crate::slots::{self, SlotError};

/// Dashboard figures: bookings made (on the day they were made) and no-shows (on the day
/// the booking was for).
pub const BOOKINGS: &str = "spaces.bookings";
pub const NO_SHOWS: &str = "spaces.no_shows";

/// The figures recounted from the bookings themselves (the dashboards' rebuild), with the
/// two kept by triggers (`migrations/community/spaces/0032_figures.sql`): minutes of approved
/// bookings on the day booked for, and farm plots claimed; and the minutes open of the days
/// recorded (`usage::record_open_days`, 0035).
pub async fn figures(conn: &mut sqlx::PgConnection) -> AppResult<Vec<(String, NaiveDate, i64)>> {
    Ok(sqlx::query_as(
        "SELECT $1, figure_day(created_at) AS day, count(*)
           FROM bookings GROUP BY day
         UNION ALL
         SELECT $2, figure_day(starts_at) AS day, count(*)
           FROM bookings WHERE status = 'no_show' GROUP BY day
         UNION ALL
         SELECT 'spaces.minutes_booked', figure_day(starts_at) AS day,
                sum((extract(epoch FROM ends_at - starts_at) / 60)::bigint)::bigint
           FROM bookings WHERE status = 'approved' GROUP BY day
         UNION ALL
         SELECT 'spaces.plots_claimed', figure_day(claimed_at) AS day, count(*)
           FROM plot_claims GROUP BY day
         UNION ALL
         SELECT 'spaces.minutes_open', day, minutes FROM space_open_days WHERE minutes > 0",
    )
    .bind(BOOKINGS)
    .bind(NO_SHOWS)
    .fetch_all(conn)
    .await?)
}

/// "12月3日 19:00–21:00", how a worker names an occurrence.
pub fn occurrence(start: DateTime<Utc>, end: DateTime<Utc>) -> String {
    let (s, e) = (start.with_timezone(&china()), end.with_timezone(&china()));
    format!(
        "{}月{}日 {:02}:{:02}–{:02}:{:02}",
        s.month(),
        s.day(),
        s.hour(),
        s.minute(),
        e.hour(),
        e.minute()
    )
}

pub struct BookingRequest {
    pub space_id: Uuid,
    pub starts_at: DateTime<Utc>,
    pub minutes: i32,
    /// For a club (社团) or a partner team: staff book for any; their leaders through the
    /// group's owner (`book_as_group_leader`).
    pub group: Option<BookingGroup>,
    pub purpose: String,
    pub attendance: i32,
    /// 1 for one booking; n for the same time n weeks running (all or none).
    pub weeks: i32,
}

/// Inside the space's opening hours on its local date, and not on a closure day.
fn open_at(
    hours: &[OpeningSpan],
    closed: &[Closure],
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> bool {
    let (s, e) = (start.with_timezone(&china()), end.with_timezone(&china()));
    if s.date_naive() != e.date_naive() && e.time() != chrono::NaiveTime::MIN {
        return false;
    }
    if closed.iter().any(|c| c.on_date == s.date_naive()) {
        return false;
    }
    let weekday = s.weekday().number_from_monday() as i32;
    let end_time = if e.date_naive() != s.date_naive() {
        // Ending at midnight.
        chrono::NaiveTime::from_hms_opt(23, 59, 59).expect("time")
    } else {
        e.time()
    };
    hours
        .iter()
        .any(|h| h.weekday == weekday && h.opens <= s.time() && end_time <= h.closes)
}

fn is_taken(e: &SlotError) -> bool {
    matches!(e, SlotError::Taken)
}

/// The period of a quota containing `at`, in the community's dates: [start, end).
fn quota_period(period: QuotaPeriod, at: DateTime<Utc>) -> (DateTime<Utc>, DateTime<Utc>) {
    let d = at.with_timezone(&china()).date_naive();
    let (from, to): (NaiveDate, NaiveDate) = match period {
        QuotaPeriod::Week => {
            let monday = d - Duration::days(i64::from(d.weekday().num_days_from_monday()));
            (monday, monday + Duration::days(7))
        }
        QuotaPeriod::Month => {
            let first = d.with_day(1).expect("first");
            (
                first,
                first.checked_add_months(Months::new(1)).expect("month"),
            )
        }
    };
    (midnight(from), midnight(to))
}

/// `days` China days from `from`, as instants [start, end): at most 62 (a calendar's span).
fn day_span(from: NaiveDate, days: i32) -> AppResult<(DateTime<Utc>, DateTime<Utc>)> {
    if !(1..=62).contains(&days) {
        return Err(AppError::from(SpacesError::SpanOver62Days));
    }
    Ok((
        midnight(from),
        midnight(from + Duration::days(i64::from(days))),
    ))
}

/// Check every quota of the booker against its existing bookings plus the new ones; the
/// booker is locked first, so concurrent requests are counted one after the other.
async fn check_quotas(
    tx: &mut TenantTx,
    booker: Uuid,
    kind: BookerKind,
    new: &[(DateTime<Utc>, DateTime<Utc>)],
) -> AppResult<()> {
    db::lock_booker(tx, booker).await?;
    for q in db::quotas(tx, kind).await? {
        for (start, _) in new {
            let (from, to) = quota_period(q.period, *start);
            let mut all = db::active_of(tx, booker, kind, from, to).await?;
            all.extend(new.iter().filter(|(s, _)| *s >= from && *s < to).copied());
            let used: f64 = match q.unit {
                QuotaUnit::Bookings => all.len() as f64,
                QuotaUnit::Hours => all
                    .iter()
                    .map(|(s, e)| (*e - *s).num_minutes() as f64 / 60.0)
                    .sum(),
            };
            if used > f64::from(q.max_units) {
                let period = if q.period == QuotaPeriod::Week {
                    "每周"
                } else {
                    "每月"
                };
                let unit = if q.unit == QuotaUnit::Hours {
                    "小时"
                } else {
                    "次"
                };
                return Err(SpacesError::Quota {
                    what: format!("{period}最多 {} {unit}", q.max_units),
                }
                .into());
            }
        }
    }
    Ok(())
}

/// Book a space: one occurrence, or the same time `weeks` weeks running — all of them or,
/// when one is taken, closed or over a quota, none (the error names it). For a club, staff.
pub async fn book(ctx: &CommunityCtx, r: BookingRequest) -> AppResult<Vec<Booking>> {
    book_as(ctx, r, false).await
}

/// Book for a group the caller leads or belongs to — as checked by the group's owner: the
/// courses crate for a club (its 社长 or 班长), the partners crate for a partner team (its
/// leader or members, of an organisation approved here). Only those owners call this.
pub async fn book_as_group_leader(
    ctx: &CommunityCtx,
    r: BookingRequest,
) -> AppResult<Vec<Booking>> {
    if r.group.is_none() {
        return Err(SpacesError::NotBookable.into());
    }
    book_as(ctx, r, true).await
}

async fn book_as(
    ctx: &CommunityCtx,
    r: BookingRequest,
    group_leader: bool,
) -> AppResult<Vec<Booking>> {
    // A partner team's booking is checked by the partners crate; one's own is a resident's.
    ctx.require(if group_leader {
        Roles::ANYONE
    } else {
        Roles::MEMBERS
    })?;
    let purpose = r.purpose.trim();
    if purpose.is_empty() || purpose.chars().count() > 200 {
        return Err(AppError::from(SpacesError::BadPurpose));
    }
    if !(1..=52).contains(&r.weeks) || r.attendance < 1 {
        return Err(AppError::from(SpacesError::BadRepeatOrAttendance));
    }
    let mut tx = ctx.tx().await?;
    let space = crate::rooms::db::space(&mut tx, r.space_id)
        .await?
        .ok_or(SpacesError::NotFound("space"))?;
    let staff = ctx.is_staff();
    let for_group = r.group.is_some() && (staff || group_leader);
    let group_kind = r.group.as_ref().map(BookingGroup::kind);
    let allowed = match space.bookable_by {
        BookableBy::Residents => r.group.is_none() || for_group,
        BookableBy::Clubs => for_group && group_kind == Some(BookerKind::Club),
        BookableBy::Teams => for_group && group_kind == Some(BookerKind::Team),
        BookableBy::Staff => staff,
    };
    if !allowed {
        return Err(SpacesError::NotBookable.into());
    }
    if !(space.min_minutes..=space.max_minutes).contains(&r.minutes) {
        return Err(SpacesError::BadLength {
            min: space.min_minutes,
            max: space.max_minutes,
        }
        .into());
    }
    if r.attendance > space.capacity {
        return Err(SpacesError::OverCapacity {
            capacity: space.capacity,
        }
        .into());
    }
    let length = Duration::minutes(i64::from(r.minutes));
    let occurrences: Vec<(DateTime<Utc>, DateTime<Utc>)> = (0..r.weeks)
        .map(|w| {
            let s = r.starts_at + Duration::weeks(i64::from(w));
            (s, s + length)
        })
        .collect();
    let now = Utc::now();
    let horizon = now + Duration::days(i64::from(space.window_days));
    if occurrences.iter().any(|(s, _)| *s <= now || *s > horizon) {
        return Err(SpacesError::OutsideWindow {
            days: space.window_days,
        }
        .into());
    }
    let hours = crate::rooms::db::hours(&mut tx, space.id).await?;
    let first = occurrences[0].0.with_timezone(&china()).date_naive();
    let last = occurrences[occurrences.len() - 1]
        .0
        .with_timezone(&china())
        .date_naive();
    let closed = crate::rooms::db::closures(&mut tx, space.id, first, last).await?;
    if let Some((s, e)) = occurrences
        .iter()
        .find(|(s, e)| !open_at(&hours, &closed, *s, *e))
    {
        return Err(SpacesError::Closed {
            occurrence: occurrence(*s, *e),
        }
        .into());
    }
    if let Some(until) = db::suspended_until(&mut tx, ctx.access().account_id, now).await? {
        return Err(SpacesError::Suspended {
            until: until.with_timezone(&china()).format("%Y-%m-%d").to_string(),
        }
        .into());
    }
    let (booker, kind) = match &r.group {
        Some(g) => (g.id(), g.kind()),
        None => (ctx.access().account_id, BookerKind::Person),
    };
    check_quotas(&mut tx, booker, kind, &occurrences).await?;
    let status = if space.needs_approval && !staff {
        BookingStatus::Requested
    } else {
        BookingStatus::Approved
    };
    let series = (r.weeks > 1).then(Uuid::now_v7);
    // Rounded up to a whole point (both factors are non-negative).
    let price = ((i64::from(r.minutes) * i64::from(space.points_per_hour) + 59) / 60) as i32;
    let mut out = Vec::with_capacity(occurrences.len());
    for (s, e) in occurrences {
        let b = db::insert(
            &mut tx,
            &NewBooking {
                space_id: space.id,
                starts_at: s,
                ends_at: e,
                group: r.group.as_ref(),
                booked_by: ctx.access().account_id,
                purpose,
                attendance: r.attendance,
                status,
                series_id: series,
                points_price: price,
            },
        )
        .await?;
        match slots::service::hold_for_booking(&mut tx, space.id, b.id, s, e).await {
            Ok(()) => {
                infra::figures::record_today(&mut tx, BOOKINGS, 1).await?;
                // The price is paid from the booker's time-bank points in this transaction:
                // the booking and its payment commit together or not at all. Staff book for
                // the community and pay nothing.
                if price > 0 && !staff {
                    let a = ctx.access();
                    volunteers::api::ledger::pay_for_booking(
                        &mut tx,
                        a.account_id,
                        &a.display_name,
                        b.id,
                        i64::from(price),
                    )
                    .await?;
                }
                out.push(b)
            }
            // Dropping the transaction rolls back every occurrence written so far.
            Err(err) if is_taken(&err) => {
                return Err(SpacesError::Taken {
                    occurrence: occurrence(s, e),
                }
                .into());
            }
            Err(SlotError::Db(e)) => return Err(e.into()),
            Err(SlotError::NoSpace) => return Err(SpacesError::NotFound("space").into()),
            Err(SlotError::Taken) => unreachable!("handled above"),
        }
    }
    tx.commit().await?;
    Ok(out)
}

/// Approve or decline a requested booking (staff); a declined one frees its slot.
pub async fn decide(ctx: &CommunityCtx, booking: Uuid, approve: bool) -> AppResult<Booking> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let b = db::lock(&mut tx, booking)
        .await?
        .ok_or(SpacesError::NotFound("booking"))?;
    if b.status != BookingStatus::Requested {
        return Err(SpacesError::NotChangeable.into());
    }
    let status = if approve {
        BookingStatus::Approved
    } else {
        slots::service::release_booking(&mut tx, b.id).await?;
        volunteers::api::ledger::refund_booking(&mut tx, ctx.access().account_id, b.id).await?;
        BookingStatus::Declined
    };
    let b = db::set_status(&mut tx, b.id, status, Some(ctx.access().account_id)).await?;
    tx.commit().await?;
    Ok(b)
}

/// Cancel a booking that has not started: its booker, or staff. The slot is free at once.
pub async fn cancel(ctx: &CommunityCtx, booking: Uuid) -> AppResult<Booking> {
    ctx.require(Roles::ANYONE)?;
    let mut tx = ctx.tx().await?;
    let b = db::lock(&mut tx, booking)
        .await?
        .ok_or(SpacesError::NotFound("booking"))?;
    if b.booked_by != ctx.access().account_id && !ctx.is_staff() {
        return Err(SpacesError::NotFound("booking").into());
    }
    if !b.status.is_active() || b.starts_at <= Utc::now() {
        return Err(SpacesError::NotChangeable.into());
    }
    slots::service::release_booking(&mut tx, b.id).await?;
    volunteers::api::ledger::refund_booking(&mut tx, ctx.access().account_id, b.id).await?;
    let b = db::set_status(&mut tx, b.id, BookingStatus::Cancelled, None).await?;
    tx.commit().await?;
    Ok(b)
}

/// My bookings from today on.
pub async fn my_bookings(ctx: &CommunityCtx) -> AppResult<Vec<Booking>> {
    let mut tx = ctx.tx().await?;
    let rows = db::mine(
        &mut tx,
        ctx.access().account_id,
        Utc::now() - Duration::days(1),
    )
    .await?;
    tx.commit().await?;
    Ok(rows)
}

/// Booking requests waiting for a decision, soonest first (staff).
pub async fn requested(ctx: &CommunityCtx) -> AppResult<Vec<Booking>> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let rows = db::requested(&mut tx, Utc::now()).await?;
    tx.commit().await?;
    Ok(rows)
}

/// Every booking of the community over `days` days from `from`, with booker and purpose
/// (staff: their calendar and a club's bookings).
pub async fn between(
    ctx: &CommunityCtx,
    from: NaiveDate,
    days: i32,
    club: Option<Uuid>,
) -> AppResult<Vec<Booking>> {
    ctx.require(Roles::STAFF)?;
    let (start, end) = day_span(from, days)?;
    let mut tx = ctx.tx().await?;
    let rows = db::between(&mut tx, start, end, club).await?;
    tx.commit().await?;
    Ok(rows)
}

/// A space's busy spans over `days` days from `from` (free/busy: no names, no purposes).
pub async fn calendar(
    ctx: &CommunityCtx,
    space: Uuid,
    from: NaiveDate,
    days: i32,
) -> AppResult<Vec<BusySlot>> {
    let (start, end) = day_span(from, days)?;
    let mut tx = ctx.tx().await?;
    let rows = db::busy(&mut tx, space, start, end).await?;
    tx.commit().await?;
    Ok(rows)
}

/// Set a quota (staff): at most `max` hours or bookings per person or club per week or month.
pub async fn set_quota(
    ctx: &CommunityCtx,
    applies_to: BookerKind,
    period: QuotaPeriod,
    unit: QuotaUnit,
    max: i32,
) -> AppResult<Quota> {
    ctx.require(Roles::STAFF)?;
    if !(1..=1000).contains(&max) {
        return Err(SpacesError::BadRules.into());
    }
    let mut tx = ctx.tx().await?;
    let q = db::set_quota(&mut tx, applies_to, period, unit, max).await?;
    tx.commit().await?;
    Ok(q)
}

/// A booking's entry code: its booker's or staff's, once approved.
#[derive(Debug)]
pub struct EntryPass {
    pub token: String,
    pub svg: String,
    pub not_before: DateTime<Utc>,
    pub not_after: DateTime<Utc>,
}

pub async fn entry_code(ctx: &CommunityCtx, booking: Uuid) -> AppResult<EntryPass> {
    ctx.require(Roles::ANYONE)?;
    let mut tx = ctx.tx().await?;
    let b = db::lock(&mut tx, booking)
        .await?
        .ok_or(SpacesError::NotFound("booking"))?;
    tx.commit().await?;
    if b.booked_by != ctx.access().account_id && !ctx.is_staff() {
        return Err(SpacesError::NotFound("booking").into());
    }
    if b.status != BookingStatus::Approved {
        return Err(SpacesError::NotChangeable.into());
    }
    let code = crate::bookings::entry::EntryCode::for_booking(
        ctx.tenant().community_id,
        b.id,
        b.starts_at,
        b.ends_at,
    );
    let token = code.sign(ctx.secrets());
    let svg = infra::qr::svg(&token).ok_or_else(|| AppError::internal("QR code too long"))?;
    Ok(EntryPass {
        token,
        svg,
        not_before: code.not_before,
        not_after: code.not_after,
    })
}

/// Check a booking in at the door from its entry code (staff): the code must verify, be this
/// community's and inside its window; a second check-in is refused.
pub async fn check_in_booking(ctx: &CommunityCtx, token: &str) -> AppResult<Booking> {
    ctx.require(Roles::STAFF)?;
    let invalid = || AppError::from(SpacesError::BadEntryCode);
    let code =
        crate::bookings::entry::EntryCode::verify(token, ctx.secrets()).ok_or_else(invalid)?;
    if code.community_id != ctx.tenant().community_id {
        return Err(invalid());
    }
    let now = Utc::now();
    if !code.is_open_at(now) {
        return Err(AppError::from(SpacesError::EntryNotOpen));
    }
    let mut tx = ctx.tx().await?;
    let b = db::check_in(&mut tx, code.booking_id, now)
        .await?
        .ok_or_else(|| AppError::from(SpacesError::AlreadyCheckedIn))?;
    tx.commit().await?;
    Ok(b)
}

/// When `release_no_shows` next has work of its own accord: the first approved booking's start
/// plus the grace. A booking made, decided or checked in wakes the worker (`linli_due`).
pub async fn no_shows_next_due(ctx: &CommunityCtx) -> AppResult<Option<DateTime<Utc>>> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let at = db::first_no_show_at(&mut tx).await?;
    tx.commit().await?;
    Ok(at)
}

/// Release the bookings nobody checked in for (the worker, every few minutes): each becomes a
/// no-show, its slot is freed, and a booker with too many recent no-shows is suspended.
/// Idempotent, and safe with several gateways: a booking is released by one of them only.
pub async fn release_no_shows(ctx: &CommunityCtx, now: DateTime<Utc>) -> AppResult<usize> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let rules = db::no_show_rules(&mut tx).await?;
    let released = db::release_no_shows(&mut tx, now, rules.grace_minutes).await?;
    for (_, _, starts_at) in &released {
        infra::figures::record(&mut tx, NO_SHOWS, infra::local_time::date_of(*starts_at), 1)
            .await?;
    }
    if !released.is_empty() {
        let mut bookers: Vec<Uuid> = released.iter().map(|(_, b, _)| *b).collect();
        bookers.sort();
        bookers.dedup();
        db::suspend_repeat_no_shows(
            &mut tx,
            &bookers,
            now - Duration::days(i64::from(rules.no_show_days)),
            rules.no_show_limit,
            now + Duration::days(i64::from(rules.suspension_days)),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(released.len())
}

/// Set the no-show rules (staff).
pub async fn set_no_show_rules(ctx: &CommunityCtx, r: NoShowRules) -> AppResult<NoShowRules> {
    ctx.require(Roles::STAFF)?;
    let ok = (5..=120).contains(&r.grace_minutes)
        && (1..=20).contains(&r.no_show_limit)
        && (1..=365).contains(&r.no_show_days)
        && (1..=365).contains(&r.suspension_days);
    if !ok {
        return Err(SpacesError::BadRules.into());
    }
    let mut tx = ctx.tx().await?;
    let r = db::set_no_show_rules(&mut tx, &r).await?;
    tx.commit().await?;
    Ok(r)
}

/// The community's booking rules as set (staff): no-shows, and the quotas.
pub async fn booking_rules(ctx: &CommunityCtx) -> AppResult<(NoShowRules, Vec<Quota>)> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let no_show = db::no_show_rules(&mut tx).await?;
    let quotas = db::all_quotas(&mut tx).await?;
    tx.commit().await?;
    Ok((no_show, quotas))
}
