//! Residents join by themselves (自助注册): a community's invitation (its slug and a code it
//! prints as a link or QR code), a phone number proven by a one-time code sent through a
//! pluggable channel, and — where the community chooses — staff confirming each newcomer.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod phone_codes;
pub mod service;

pub use model::*;
pub use phone_codes::{CodeSender, LogSender, Sending};
