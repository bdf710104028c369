//! Exhibitions (画展、摄影展、手工艺展) of learners' works, their photos in object storage, guardians'
//! consent.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
pub mod sharing;
#[cfg(feature = "graphql")]
pub mod sharing_graphql;
