//! Corrections of a registry record (档案更正, PIPL art. 46): staff correct what a resident
//! says is wrong, and the correction keeps which fields changed, why and who — never the old
//! values, which a correction exists to remove.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
