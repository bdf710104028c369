//! The ecological farm (生态农场): seasons, plots, claims (认领) with a waiting list, duties,
//! neglect warnings and release, renewal with priority.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
