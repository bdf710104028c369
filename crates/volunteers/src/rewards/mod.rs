//! The reward catalogue (goods with stock, services) and redemptions: paid into the community
//! fund through the ledger in the same transaction as the stock taken; a cancellation is a
//! reversal and gives the stock back.

pub mod code;
pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
