//! Partners: 校社联动 and the 共建 network.
//!
//! Owns partner organisations and their teams (platform records: one university partners with
//! many communities), the partnerships districts and communities approve, and teams' bookings
//! of spaces (through `spaces`); the configurable kinds of the "three lists" (需求 / 资源 /
//! 项目). Agreements, micro-venture calls, list entries and resident demands come with the rest
//! of the partners issue.

pub mod access;
pub mod agreements;
pub mod alliances;
pub mod api;
pub mod demands;
pub mod error;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod lists;
pub mod organisations;
pub mod ventures;

/// The one length rule of typed text.
pub(crate) use infra::input::text;
