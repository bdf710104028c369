//! Pilot groups (试点): communities a district tries something in first, to compare with the
//! rest of the district before rolling it out (全区推广). Its admins keep them.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
