//! Demand surveys (订单式): questions, answers, tallies, talent offers, proposing a course from
//! demand.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
