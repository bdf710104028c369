//! Clubs (社团) in federations (社团联盟), members and class roles (班长).

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
