//! Paper and exports (台账): the monthly ledger of a community as XLSX (courses, sessions,
//! 人次, the public-benefit share, events) and a session's printable sign-in sheet and roster
//! as PDF. Files go to object storage and are fetched through a short-lived link.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod pdf;
pub mod service;
pub mod xlsx;
