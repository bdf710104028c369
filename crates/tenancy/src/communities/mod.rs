//! Communities (社区), the tenants: onboarding (one schema and one database role each), the
//! lifecycle (suspend, reactivate, archive; moving belongs to the gateway's backup), and
//! `migrate` over every community schema with its drift check, and schemas built ahead.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod migrate;
pub mod model;
pub mod service;
pub mod spares;
