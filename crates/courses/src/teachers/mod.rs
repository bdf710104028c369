//! The teacher pool (师资库): experts, local talents (达人), university people, social organisations.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
