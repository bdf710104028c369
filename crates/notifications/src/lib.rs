//! Notifications (通知): an outbox written in the transaction of the event it tells of, read as
//! each account's in-app inbox and delivered to other channels by the gateway's worker. See
//! the crate README for the invariants.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
pub mod worker;

pub use model::{Notice, NoticeKind};
pub use service::enqueue;
pub use worker::{Delivered, Webhook};
