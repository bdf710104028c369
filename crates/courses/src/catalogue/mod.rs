//! The catalogue: course categories (课程类别), courses and their sessions on the timetable.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
