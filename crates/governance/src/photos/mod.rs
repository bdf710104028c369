//! Photos of co-governance: a fund movement's receipts (shown with the public statement) and
//! a patrol finding's photos. Processed by the shared pipeline (`infra::photos`: bounded
//! decoding, re-encoded, metadata stripped), stored under `c/<community id>/governance/…`
//! before their rows, shown through short-lived links.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
