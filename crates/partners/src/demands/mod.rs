//! Resident demands (诉求) through the grid: intake by the resident or by a grid worker for
//! them, routing to a grid or an approved partner team, resolution, and the resident's
//! confirmation or reopening; the resolution rate and time per community.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
