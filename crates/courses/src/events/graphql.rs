//! The GraphQL face of events and walk-ins.

use crate::events::model::EventKind;
use crate::timetable::model::SessionStatus;
use async_graphql::{ComplexObject, Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use infra::graphql::Date;
use infra::{AppError, AppResult};

use super::service::{self as svc, EventInput, Occasion};
use crate::error::CoursesError;
use crate::graphql::*;
use crate::model;

#[derive(SimpleObject)]
#[graphql(name = "Event", complex)]
pub struct EventGql {
    id: ID,
    title: String,
    kind: EventKind,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    place: String,
    /// Null: no registration, anyone walks in.
    capacity: Option<i32>,
    registered: i32,
    status: SessionStatus,
    /// 人次 counted so far (null where not asked for).
    attendance: Option<i64>,
    /// The series of a repeating event.
    series_id: Option<ID>,
    /// 人次 the event aims for, checked by `eventTargetsReport`.
    attendance_target: Option<i32>,
}

/// The console's page where a resident counts themselves in (人次) at an event, from the
/// server's root: what the event's QR code, shown at the door, holds.
fn walk_in_path(slug: &str, event: &ID) -> String {
    format!("/console/#/r/{slug}/walk-in/{}", event.as_str())
}

#[ComplexObject]
impl EventGql {
    /// The page a resident opens to count themselves in, from the server's root.
    async fn walk_in_path(&self, ctx: &Context<'_>) -> Res<String> {
        Ok(walk_in_path(&community(ctx)?.tenant().slug, &self.id))
    }

    /// That page as an SVG QR code to show at the door: `origin` is the address people reach
    /// this server at.
    async fn walk_in_qr_svg(&self, ctx: &Context<'_>, origin: String) -> Res<String> {
        let path = walk_in_path(&community(ctx)?.tenant().slug, &self.id);
        Ok(infra::qr::link_svg(&origin, &path)?)
    }
}

pub(crate) fn event(e: model::Event, attendance: Option<i64>) -> EventGql {
    EventGql {
        id: id(e.id),
        title: e.title,
        kind: e.kind,
        starts_at: e.starts_at,
        ends_at: e.ends_at,
        place: e.place,
        capacity: e.capacity,
        registered: e.registered,
        status: e.status,
        attendance,
        series_id: e.series_id.map(id),
        attendance_target: e.attendance_target,
    }
}

#[derive(InputObject)]
pub struct CreateEventInput {
    title: String,
    kind: EventKind,
    starts_at: DateTime<Utc>,
    duration_minutes: i32,
    place: String,
    /// Give a capacity to take registrations.
    capacity: Option<i32>,
    /// 人次 the event aims for (新华's 200余人次).
    attendance_target: Option<i32>,
}

/// A repeating event: 达人服务日 on the 15th of each month is `{frequency: MONTHLY, monthDay:
/// 15, …}`.
#[derive(InputObject)]
pub struct ScheduleEventsInput {
    title: String,
    kind: EventKind,
    place: String,
    capacity: Option<i32>,
    attendance_target: Option<i32>,
    repeat: crate::timetable::graphql::RepeatRuleInput,
}

/// Where a walk-in is counted: exactly one of an event or a session (of an open lecture).
#[derive(InputObject)]
pub struct OccasionInput {
    event_id: Option<ID>,
    session_id: Option<ID>,
}

impl OccasionInput {
    fn parse(&self) -> AppResult<Occasion> {
        match (&self.event_id, &self.session_id) {
            (Some(e), None) => Ok(Occasion::Event(uuid(e)?)),
            (None, Some(s)) => Ok(Occasion::Session(uuid(s)?)),
            _ => Err(AppError::from(CoursesError::EventOrSession)),
        }
    }
}

#[derive(Default)]
pub struct EventsQuery;

#[Object]
impl EventsQuery {
    /// Events starting on `days` days from `from`, with their 人次.
    async fn events(
        &self,
        ctx: &Context<'_>,
        from: Date,
        #[graphql(default = 31)] days: i32,
    ) -> Res<Vec<EventGql>> {
        let rows = svc::events(community(ctx)?, from.0, days).await?;
        Ok(rows.into_iter().map(|(e, n)| event(e, Some(n))).collect())
    }
}

#[derive(Default)]
pub struct EventsMutation;

#[Object]
impl EventsMutation {
    /// Put an event on the calendar (staff).
    async fn create_event(&self, ctx: &Context<'_>, input: CreateEventInput) -> Res<EventGql> {
        let e = svc::create_event(
            community(ctx)?,
            EventInput {
                title: input.title,
                kind: input.kind,
                starts_at: input.starts_at,
                duration_minutes: input.duration_minutes,
                place: input.place,
                capacity: input.capacity,
                attendance_target: input.attendance_target,
            },
        )
        .await?;
        Ok(event(e, None))
    }

    /// Put a repeating event on the calendar (staff): one event per date of the rule.
    async fn schedule_events(
        &self,
        ctx: &Context<'_>,
        input: ScheduleEventsInput,
    ) -> Res<Vec<EventGql>> {
        let rows = svc::schedule_events(
            community(ctx)?,
            svc::EventSeriesInput {
                title: input.title,
                kind: input.kind,
                place: input.place,
                capacity: input.capacity,
                attendance_target: input.attendance_target,
                rule: input.repeat.request()?,
            },
        )
        .await?;
        Ok(rows.into_iter().map(|e| event(e, None)).collect())
    }

    /// Register yourself, a child in your care, or (staff) anyone for an event.
    async fn register_for_event(
        &self,
        ctx: &Context<'_>,
        event_id: ID,
        learner_id: Option<ID>,
    ) -> Res<EventGql> {
        let e = svc::register_for_event(community(ctx)?, uuid(&event_id)?, opt_uuid(&learner_id)?)
            .await?;
        Ok(event(e, None))
    }

    /// Count a person in (人次) at an event or an open lecture: yourself on the spot, a child,
    /// or (staff, 代办) anyone. Once per person. Returns the 人次 now.
    async fn walk_in(
        &self,
        ctx: &Context<'_>,
        at: OccasionInput,
        learner_id: Option<ID>,
    ) -> Res<i64> {
        Ok(svc::walk_in(community(ctx)?, at.parse()?, opt_uuid(&learner_id)?).await?)
    }

    /// Add a head count of people not recorded one by one (staff). Returns the 人次 now.
    async fn tally_walk_ins(&self, ctx: &Context<'_>, at: OccasionInput, count: i32) -> Res<i64> {
        Ok(svc::tally_walk_ins(community(ctx)?, at.parse()?, count).await?)
    }
}
