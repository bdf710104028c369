//! Enrolment with capacity and a waiting list, cancellation with promotion, rosters.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
