//! The timetable (课表): schedules by rule, cancelled and moved sessions (with the learners
//! told), reminders the day before, and each resident's own timetable.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod schedule;
pub mod service;
