//! The time of a space, held by slots: every active booking and every course session placed in
//! a space holds one, and PostgreSQL refuses two overlapping slots of one space
//! (`space_slots_no_overlap`). The courses crate holds its sessions' slots through this module
//! in its own transaction, so a session and a booking can never collide.

pub(crate) mod db;
pub mod model;
pub mod service;

pub use model::SlotError;
pub use service::{hold_for_session, release_session};
