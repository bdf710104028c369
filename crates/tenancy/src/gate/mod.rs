//! The gate (门禁): who the caller is (`Principal`, read from a token or the cache) and which
//! community they may enter with which roles (`CommunityCtx`). Only this crate builds a
//! `CommunityScope`, so holding a context means the gate (or the operator) admitted the caller.

pub mod context;
pub(crate) mod db;
pub mod model;
pub mod service;

pub use context::CommunityCtx;
pub use model::{CommunityAccess, CommunityScope, Role, Roles};
pub(crate) use service::non_negative;
pub use service::{Actor, Principal, Tenancy, TenancyConfig};
