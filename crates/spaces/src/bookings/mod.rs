//! Bookings (预约): requested for a person or a club, approved or declined where the space
//! asks, cancelled; single or weekly, all occurrences or none; inside opening hours, the
//! booking window and the quotas; never overlapping (slots, see `crate::slots`).

pub(crate) mod db;
pub mod entry;
pub mod feeds;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
