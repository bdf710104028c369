//! Districts and streets (区 / 街道): the scopes above communities that officers administer
//! or view.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
