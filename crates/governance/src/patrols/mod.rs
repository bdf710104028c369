//! Patrols (巡查; 博园's 每周一夜查): scheduled for a grid or one of its micro-grids, logged once
//! as held with how many went, notes and findings; a finding is raised as a demand (诉求) to
//! the grid — once, in the same transaction as the mark on the finding. Grid workers patrol
//! their own grids; staff any.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
