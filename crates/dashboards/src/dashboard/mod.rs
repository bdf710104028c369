//! A dashboard (看板): a district's figures (or those of some of its communities, or of one
//! community) over a period, from the rollups alone — never a community schema.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
