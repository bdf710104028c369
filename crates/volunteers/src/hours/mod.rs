//! Service hours (服务时长): recorded, verified or declined, paid in points when verified;
//! a volunteer's statement.

pub mod certificate;
pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
