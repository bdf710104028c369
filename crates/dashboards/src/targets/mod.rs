//! A district's targets (区级目标): its rules for every community within it — a figure's least
//! total per month, quarter or year (每月两堂公益课, 季季有交流, 年年有展演) — and how many of
//! its community-periods met them. A community's own targets are its cadence targets.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
