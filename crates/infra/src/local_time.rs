//! The communities' wall clock: China Standard Time (UTC+8, no daylight saving). Dates a
//! worker reads — a schedule's days, a month's ledger, a quota's week — are these dates.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Utc};

pub fn china() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("UTC+8")
}

/// The instant a community date and wall-clock time fall on.
pub fn at(date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    date.and_time(time)
        .and_local_timezone(china())
        .single()
        .expect("a fixed offset has no gaps")
        .with_timezone(&Utc)
}

/// The instant a community date begins.
pub fn midnight(date: NaiveDate) -> DateTime<Utc> {
    at(date, NaiveTime::MIN)
}

/// The community date of an instant.
pub fn date_of(t: DateTime<Utc>) -> NaiveDate {
    t.with_timezone(&china()).date_naive()
}

/// Today in the communities (a resident's "today": ages, opening days, a season's days).
pub fn today() -> NaiveDate {
    date_of(Utc::now())
}
