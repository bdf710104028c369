//! The teacher pool (师资库): experts, local talents (达人), university people, social organisations.

pub(crate) mod db;
pub mod graphql;
pub mod model;
pub mod service;
