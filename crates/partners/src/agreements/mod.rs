//! Co-building agreements (联建协议): a partner organisation (or team) and the community, a
//! period, commitments per month / quarter / year, the activities held, and commitments
//! against delivery period by period.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
