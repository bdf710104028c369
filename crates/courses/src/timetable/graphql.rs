//! The GraphQL face of the timetable: schedules, cancelled and moved sessions, my timetable.

use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, NaiveTime, Utc};
use infra::graphql::Date;
use infra::{AppError, AppResult};

use super::schedule::{Frequency, ScheduleRequest, Weekday};
use super::service as svc;
use crate::catalogue::graphql::SessionGql;
use crate::error::CoursesError;
use crate::graphql::*;

#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(name = "ScheduleFrequency")]
pub enum FrequencyGql {
    Daily,
    Weekly,
    /// On one day of the month (`monthDay`, e.g. the 15th for a 达人服务日).
    Monthly,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(name = "Weekday")]
pub enum WeekdayGql {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl From<WeekdayGql> for Weekday {
    fn from(d: WeekdayGql) -> Self {
        match d {
            WeekdayGql::Mon => Weekday::Mon,
            WeekdayGql::Tue => Weekday::Tue,
            WeekdayGql::Wed => Weekday::Wed,
            WeekdayGql::Thu => Weekday::Thu,
            WeekdayGql::Fri => Weekday::Fri,
            WeekdayGql::Sat => Weekday::Sat,
            WeekdayGql::Sun => Weekday::Sun,
        }
    }
}

/// A schedule (排课规则) in the community's time, after iCalendar's RRULE: every `interval`
/// days, weeks (on `weekdays`) or months (on `monthDay`) from `startsOn`, for `count` dates
/// or until `until`, leaving out `except` (holidays). `count` counts the left-out dates too.
#[derive(InputObject)]
pub struct RepeatRuleInput {
    frequency: FrequencyGql,
    #[graphql(default = 1)]
    interval: i32,
    /// Weekly: the days (default: the weekday of `startsOn`).
    #[graphql(default)]
    weekdays: Vec<WeekdayGql>,
    /// Monthly: the day of the month (default: the day of `startsOn`).
    month_day: Option<i32>,
    starts_on: Date,
    /// Wall-clock start, "19:00".
    start_time: String,
    duration_minutes: i32,
    count: Option<i32>,
    until: Option<Date>,
    #[graphql(default)]
    except: Vec<Date>,
}

impl RepeatRuleInput {
    pub(crate) fn request(self) -> AppResult<ScheduleRequest> {
        Ok(ScheduleRequest {
            frequency: match self.frequency {
                FrequencyGql::Daily => Frequency::Daily,
                FrequencyGql::Weekly => Frequency::Weekly,
                FrequencyGql::Monthly => Frequency::Monthly,
            },
            interval: self.interval,
            weekdays: self.weekdays.into_iter().map(Into::into).collect(),
            month_day: self.month_day,
            starts_on: self.starts_on.0,
            start_time: start_time(&self.start_time)?,
            duration_minutes: self.duration_minutes,
            count: self.count,
            until: self.until.map(|d| d.0),
            except: self.except.into_iter().map(|d| d.0).collect(),
        })
    }
}

/// A course's sessions by a schedule (the rule's fields, with where they are held).
#[derive(InputObject)]
pub struct ScheduleSessionsInput {
    course_id: ID,
    #[graphql(flatten)]
    rule: RepeatRuleInput,
    place: String,
    /// A community space to hold for every session (a booking there refuses the schedule).
    space_id: Option<ID>,
}

fn start_time(s: &str) -> AppResult<NaiveTime> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M")
        .map_err(|_| AppError::from(CoursesError::BadStartTime))
}

#[derive(InputObject)]
pub struct MoveSessionInput {
    session_id: ID,
    starts_at: DateTime<Utc>,
    /// Default: as long as before.
    duration_minutes: Option<i32>,
    /// Default: where it was.
    place: Option<String>,
}

/// One session on my timetable, and who of mine it is for.
#[derive(SimpleObject)]
#[graphql(name = "TimetableEntry")]
pub struct TimetableEntryGql {
    session: SessionGql,
    course_title: String,
    learner_id: ID,
    learner_name: String,
}

#[derive(Default)]
pub struct TimetableQuery;

#[Object]
impl TimetableQuery {
    /// My timetable (我的课表): sessions of the courses where I or a child in my care hold a
    /// seat, `days` days from `from` (cancelled ones included, marked).
    async fn my_timetable(
        &self,
        ctx: &Context<'_>,
        from: Date,
        #[graphql(default = 7)] days: i32,
    ) -> Res<Vec<TimetableEntryGql>> {
        let rows = svc::my_timetable(community(ctx)?, from.0, days).await?;
        Ok(rows
            .into_iter()
            .map(|r| TimetableEntryGql {
                session: r.session.into(),
                course_title: r.course_title,
                learner_id: id(r.learner_id),
                learner_name: r.learner_name,
            })
            .collect())
    }
}

#[derive(Default)]
pub struct TimetableMutation;

#[Object]
impl TimetableMutation {
    /// Add the sessions of a schedule to a course (staff).
    async fn schedule_sessions(
        &self,
        ctx: &Context<'_>,
        input: ScheduleSessionsInput,
    ) -> Res<Vec<SessionGql>> {
        let rule = input.rule.request()?;
        let rows = svc::schedule_sessions(
            community(ctx)?,
            uuid(&input.course_id)?,
            rule,
            &input.place,
            opt_uuid(&input.space_id)?,
        )
        .await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// Cancel a session that has not started (staff); every learner enrolled is told.
    async fn cancel_session(
        &self,
        ctx: &Context<'_>,
        session_id: ID,
        reason: Option<String>,
    ) -> Res<SessionGql> {
        let s = svc::cancel_session(community(ctx)?, uuid(&session_id)?, reason.as_deref()).await?;
        Ok(s.into())
    }

    /// Move a session that has not started (调课, staff); every learner enrolled is told.
    async fn move_session(&self, ctx: &Context<'_>, input: MoveSessionInput) -> Res<SessionGql> {
        let s = svc::move_session(
            community(ctx)?,
            uuid(&input.session_id)?,
            input.starts_at,
            input.duration_minutes,
            input.place.as_deref(),
        )
        .await?;
        Ok(s.into())
    }
}
