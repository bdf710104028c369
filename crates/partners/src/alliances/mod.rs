//! 共同体 (淄博's 1+3×N): a community groups the partners approved in it — 群团, social
//! organisations, enterprises, schools … — into named co-building alliances, each member with
//! its part. Staff form them; every member and partner of the community reads them.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
