//! Retention (保存期限): how long each kind of record is kept, set by the platform's
//! administrators, and the worker's purge of what is past it — the audit log (at least six
//! months), login throttling, one-time codes, idempotency keys and people's copies of their
//! data in object storage.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
