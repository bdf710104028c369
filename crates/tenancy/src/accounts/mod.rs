//! Accounts (账号) and the roles they hold per scope: made by an administrator, or registered
//! by a partner organisation; who may grant what where.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod registration;
pub mod service;

pub use service::{PreparedAccount, insert_prepared};
