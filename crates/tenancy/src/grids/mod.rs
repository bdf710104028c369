//! Courtyards and grids (院落 / 网格) of a community, and grid workers' grids (网格员 ↔ 网格):
//! which residents a caller may act for (代办), find in
//! the registry and take demands of. Staff (and admins above) reach the whole community; a
//! grid worker the courtyards and grids staff assigned them; anyone else only themselves.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;

pub use model::Reach;
