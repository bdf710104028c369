//! The points ledger (积分账本): accounts for people, collective cards and the community fund;
//! every movement one immutable transfer with a client's idempotency key; balances kept by
//! PostgreSQL (never below zero) and recountable from the transfers.

pub(crate) mod db;
mod db_limits;
pub mod expiry;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
