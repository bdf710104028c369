//! 家人代办: a family member acting for an elderly resident once the resident agrees — in the
//! app, or in person before staff or their grid worker — until either side or staff ends it.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
