//! Schedules (排课规则): the dates a series of sessions falls on, modelled on iCalendar's RRULE
//! (RFC 5545): `FREQ` daily / weekly / monthly, `INTERVAL`, `BYDAY` for weekly rules,
//! `BYMONTHDAY` for monthly ones, `COUNT` or `UNTIL`, and `EXDATE` exceptions (holidays).
//!
//! As in RFC 5545, `COUNT` counts the dates the rule yields *before* exceptions are taken out,
//! weeks start on Monday, and a month without the asked day (the 31st in April) is skipped,
//! never moved. Times are the community's wall clock: China Standard Time (UTC+8, no daylight
//! saving), so 19:00 is 19:00 on every date of the series.

use std::collections::BTreeSet;

pub use chrono::Weekday;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};

use crate::error::CoursesError;

/// At most this many sessions come from one schedule (a year of daily classes).
pub const MAX_SESSIONS: usize = 366;
/// A series runs at most this many days from its first date (two years).
pub const SPAN_DAYS: i64 = 731;

/// A session's start and end.
pub type Slot = (DateTime<Utc>, DateTime<Utc>);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frequency {
    Daily,
    Weekly,
    Monthly,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScheduleEnd {
    /// This many dates from the rule (exceptions included, as in RFC 5545).
    Count(u32),
    /// The last date that may be part of the series.
    Until(NaiveDate),
}

/// What a caller asks for, before it is checked.
#[derive(Debug, Clone)]
pub struct ScheduleRequest {
    pub frequency: Frequency,
    pub interval: i32,
    pub weekdays: Vec<Weekday>,
    pub month_day: Option<i32>,
    pub starts_on: NaiveDate,
    pub start_time: NaiveTime,
    pub duration_minutes: i32,
    pub count: Option<i32>,
    pub until: Option<NaiveDate>,
    pub except: Vec<NaiveDate>,
}

/// A checked schedule: only [`Schedule::parse`] builds one.
#[derive(Debug, Clone)]
pub struct Schedule {
    frequency: Frequency,
    interval: u32,
    /// Weekly: the days of the week (never empty).
    weekdays: BTreeSet<u32>,
    /// Monthly: the day of the month.
    month_day: u32,
    starts_on: NaiveDate,
    start_time: NaiveTime,
    duration: Duration,
    end: ScheduleEnd,
    except: BTreeSet<NaiveDate>,
}

impl Schedule {
    pub fn parse(r: ScheduleRequest) -> Result<Schedule, CoursesError> {
        let bad = || CoursesError::BadSchedule;
        if !(2000..=2100).contains(&r.starts_on.year())
            || !(1..=12).contains(&r.interval)
            || !(1..=600).contains(&r.duration_minutes)
            || r.except.len() > MAX_SESSIONS
        {
            return Err(bad());
        }
        let end = match (r.count, r.until) {
            (Some(n), None) if (1..=MAX_SESSIONS as i32).contains(&n) => {
                ScheduleEnd::Count(n as u32)
            }
            (None, Some(u)) if u >= r.starts_on && u <= r.starts_on + Duration::days(SPAN_DAYS) => {
                ScheduleEnd::Until(u)
            }
            _ => return Err(bad()),
        };
        let weekdays: BTreeSet<u32> = match r.frequency {
            Frequency::Weekly if r.weekdays.is_empty() => {
                [r.starts_on.weekday().num_days_from_monday()].into()
            }
            Frequency::Weekly => r
                .weekdays
                .iter()
                .map(|d| d.num_days_from_monday())
                .collect(),
            _ if r.weekdays.is_empty() => BTreeSet::new(),
            _ => return Err(bad()),
        };
        let month_day = match (r.frequency, r.month_day) {
            (Frequency::Monthly, None) => r.starts_on.day(),
            (Frequency::Monthly, Some(d)) if (1..=31).contains(&d) => d as u32,
            (_, None) => 0,
            _ => return Err(bad()),
        };
        Ok(Schedule {
            frequency: r.frequency,
            interval: r.interval as u32,
            weekdays,
            month_day,
            starts_on: r.starts_on,
            start_time: r.start_time,
            duration: Duration::minutes(i64::from(r.duration_minutes)),
            end,
            except: r.except.into_iter().collect(),
        })
    }

    /// The dates of the series, in order, exceptions taken out. A series runs at most two
    /// years ([`SPAN_DAYS`]): a count the rule cannot reach by then is refused.
    pub fn dates(&self) -> Result<Vec<NaiveDate>, CoursesError> {
        let horizon = self.starts_on + Duration::days(SPAN_DAYS);
        let mut out = Vec::new();
        let mut produced = 0u32;
        for period in 0.. {
            let (first, dates) = self.period(period);
            if first > horizon {
                break;
            }
            for date in dates {
                if date < self.starts_on {
                    continue;
                }
                match self.end {
                    ScheduleEnd::Until(u) if date > u => return Ok(out),
                    ScheduleEnd::Count(n) if produced == n => return Ok(out),
                    _ if date > horizon => return Err(CoursesError::BadSchedule),
                    _ => {}
                }
                produced += 1;
                if !self.except.contains(&date) {
                    out.push(date);
                }
            }
        }
        match self.end {
            ScheduleEnd::Count(n) if produced < n => Err(CoursesError::BadSchedule),
            _ => Ok(out),
        }
    }

    /// The first day of one period of the rule (a day, a week or a month, times the
    /// interval) and the rule's dates in it, in order.
    fn period(&self, period: u32) -> (NaiveDate, Vec<NaiveDate>) {
        let step = period * self.interval;
        match self.frequency {
            Frequency::Daily => {
                let day = self.starts_on + Duration::days(i64::from(step));
                (day, vec![day])
            }
            Frequency::Weekly => {
                let monday = self.starts_on
                    - Duration::days(i64::from(self.starts_on.weekday().num_days_from_monday()));
                let week = monday + Duration::weeks(i64::from(step));
                let days = self.weekdays.iter();
                (
                    week,
                    days.map(|d| week + Duration::days(i64::from(*d))).collect(),
                )
            }
            Frequency::Monthly => {
                let months =
                    self.starts_on.year() * 12 + self.starts_on.month0() as i32 + step as i32;
                let (y, m) = (months / 12, (months % 12) as u32 + 1);
                let first = NaiveDate::from_ymd_opt(y, m, 1).expect("a month's first day");
                (
                    first,
                    NaiveDate::from_ymd_opt(y, m, self.month_day)
                        .into_iter()
                        .collect(),
                )
            }
        }
    }

    /// Each date's session as (start, end) instants.
    pub fn slots(&self) -> Result<Vec<Slot>, CoursesError> {
        Ok(self
            .dates()?
            .into_iter()
            .map(|d| {
                let start = infra::local_time::at(d, self.start_time);
                (start, start + self.duration)
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn request(frequency: Frequency, starts_on: NaiveDate) -> ScheduleRequest {
        ScheduleRequest {
            frequency,
            interval: 1,
            weekdays: vec![],
            month_day: None,
            starts_on,
            start_time: NaiveTime::from_hms_opt(19, 0, 0).unwrap(),
            duration_minutes: 90,
            count: None,
            until: None,
            except: vec![],
        }
    }

    #[test]
    fn the_seeds_schedules() {
        // 為期14天的暑期班: every day from 1 to 14 July.
        let summer = Schedule::parse(ScheduleRequest {
            until: Some(d(2026, 7, 14)),
            ..request(Frequency::Daily, d(2026, 7, 1))
        })
        .unwrap();
        assert_eq!(summer.dates().unwrap().len(), 14);
        // 达人服务日 on the 15th of every month, six times.
        let service_day = Schedule::parse(ScheduleRequest {
            month_day: Some(15),
            count: Some(6),
            ..request(Frequency::Monthly, d(2026, 9, 1))
        })
        .unwrap();
        assert_eq!(
            service_day.dates().unwrap(),
            (9..=12)
                .map(|m| d(2026, m, 15))
                .chain((1..=2).map(|m| d(2027, m, 15)))
                .collect::<Vec<_>>()
        );
        // Tuesdays and Thursdays in October, skipping the National Day week.
        let autumn = Schedule::parse(ScheduleRequest {
            weekdays: vec![Weekday::Tue, Weekday::Thu],
            until: Some(d(2026, 10, 31)),
            except: vec![d(2026, 10, 1)],
            ..request(Frequency::Weekly, d(2026, 10, 1))
        })
        .unwrap();
        let dates = autumn.dates().unwrap();
        assert_eq!(dates.first(), Some(&d(2026, 10, 6)));
        assert_eq!(dates.len(), 8);
        // 19:00 in Chengdu is 11:00 UTC.
        let (start, end) = autumn.slots().unwrap()[0];
        assert_eq!(start.to_rfc3339(), "2026-10-06T11:00:00+00:00");
        assert_eq!(end - start, Duration::minutes(90));
        // The 31st is skipped in months without one, never moved.
        let last = Schedule::parse(ScheduleRequest {
            count: Some(4),
            ..request(Frequency::Monthly, d(2027, 1, 31))
        })
        .unwrap();
        assert_eq!(
            last.dates().unwrap(),
            vec![
                d(2027, 1, 31),
                d(2027, 3, 31),
                d(2027, 5, 31),
                d(2027, 7, 31)
            ]
        );
    }

    #[test]
    fn nonsense_is_refused() {
        let base = request(Frequency::Weekly, d(2026, 10, 1));
        for r in [
            ScheduleRequest { ..base.clone() }, // no end
            ScheduleRequest {
                count: Some(0),
                ..base.clone()
            },
            ScheduleRequest {
                count: Some(367),
                ..base.clone()
            },
            ScheduleRequest {
                count: Some(3),
                until: Some(d(2026, 11, 1)),
                ..base.clone()
            },
            ScheduleRequest {
                until: Some(d(2026, 9, 1)),
                ..base.clone()
            },
            ScheduleRequest {
                count: Some(3),
                interval: 0,
                ..base.clone()
            },
            ScheduleRequest {
                count: Some(3),
                duration_minutes: 0,
                ..base.clone()
            },
            ScheduleRequest {
                count: Some(3),
                month_day: Some(15),
                ..base.clone()
            },
            ScheduleRequest {
                count: Some(3),
                weekdays: vec![Weekday::Mon],
                ..request(Frequency::Daily, d(2026, 10, 1))
            },
        ] {
            assert!(Schedule::parse(r.clone()).is_err(), "{r:?}");
        }
    }

    /// A second, independent reading of the rule: walk every day of the two years and ask
    /// whether it belongs. `None`: the count cannot be reached in two years.
    fn oracle(r: &ScheduleRequest) -> Option<Vec<NaiveDate>> {
        let start = r.starts_on;
        let interval = r.interval as i64;
        let monday = |x: NaiveDate| x - Duration::days(x.weekday().num_days_from_monday() as i64);
        let matches = |x: NaiveDate| match r.frequency {
            Frequency::Daily => (x - start).num_days() % interval == 0,
            Frequency::Weekly => {
                let days: Vec<Weekday> = if r.weekdays.is_empty() {
                    vec![start.weekday()]
                } else {
                    r.weekdays.clone()
                };
                ((monday(x) - monday(start)).num_days() / 7) % interval == 0
                    && days.contains(&x.weekday())
            }
            Frequency::Monthly => {
                let months = (x.year() - start.year()) as i64 * 12 + x.month0() as i64
                    - start.month0() as i64;
                months % interval == 0
                    && x.day() as i32 == r.month_day.unwrap_or(start.day() as i32)
            }
        };
        let last = r.until.unwrap_or(start + Duration::days(SPAN_DAYS));
        let mut yielded: Vec<NaiveDate> = start
            .iter_days()
            .take_while(|x| *x <= last)
            .filter(|x| matches(*x))
            .collect();
        if let Some(n) = r.count {
            if yielded.len() < n as usize {
                return None;
            }
            yielded.truncate(n as usize);
        }
        yielded.retain(|x| !r.except.contains(x));
        Some(yielded)
    }

    fn any_request() -> impl Strategy<Value = ScheduleRequest> {
        let weekday = (0u8..7).prop_map(|n| Weekday::try_from(n).unwrap());
        (
            prop_oneof![
                Just(Frequency::Daily),
                Just(Frequency::Weekly),
                Just(Frequency::Monthly)
            ],
            1i32..=4,
            proptest::collection::vec(weekday, 0..4),
            proptest::option::of(1i32..=31),
            0i64..1500,
            prop_oneof![(1i32..=60).prop_map(Some), Just(None)],
            0i64..=731,
            proptest::collection::vec(0i64..400, 0..6),
        )
            .prop_map(
                |(frequency, interval, weekdays, month_day, start, count, span, except)| {
                    let starts_on = d(2025, 1, 1) + Duration::days(start);
                    ScheduleRequest {
                        frequency,
                        interval,
                        weekdays: if frequency == Frequency::Weekly {
                            weekdays
                        } else {
                            vec![]
                        },
                        month_day: if frequency == Frequency::Monthly {
                            month_day
                        } else {
                            None
                        },
                        count,
                        until: count.is_none().then(|| starts_on + Duration::days(span)),
                        except: except
                            .into_iter()
                            .map(|e| starts_on + Duration::days(e))
                            .collect(),
                        ..request(frequency, starts_on)
                    }
                },
            )
    }

    proptest! {
        #[test]
        fn a_schedule_yields_exactly_the_dates_its_rule_describes(r in any_request()) {
            let Some(expected) = oracle(&r) else {
                prop_assert!(Schedule::parse(r.clone()).unwrap().dates().is_err());
                return Ok(());
            };
            let dates = Schedule::parse(r.clone()).unwrap().dates().unwrap();
            prop_assert_eq!(&dates, &expected);
            prop_assert!(dates.windows(2).all(|w| w[0] < w[1]));
            prop_assert!(dates.iter().all(|x| *x >= r.starts_on && !r.except.contains(x)));
        }
    }
}
