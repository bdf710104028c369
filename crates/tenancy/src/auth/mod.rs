//! Signing in and out (登录): passwords, tokens and their revocation, the login throttle, and
//! the in-memory cache of principals that keeps authentication off the database.

pub(crate) mod cache;
pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
