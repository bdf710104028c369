//! Cadence targets (每周有课程、月月有活动) and whether each period met them.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
