//! QR check-in (签到) with rotating signed codes, marking from the roster, attendance rates.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod qr;
pub mod service;
