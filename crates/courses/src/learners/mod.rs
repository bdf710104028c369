//! Learners (学员): a resident's own record, children registered by a guardian, birth dates; who may
//! act for whom (代办).

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
