#![recursion_limit = "256"]
//! Tenancy: the platform schema and the tenant lifecycle.
//!
//! Owns districts (区 / 街道), communities (社区, the tenants), accounts, memberships, login,
//! onboarding (one schema and one database role per community), lifecycle (suspend, archive),
//! `migrate` over every community schema with its drift check, and the audit log. It is the
//! only crate that builds a `Tenant`, so it decides who enters which community.

pub mod accounts;
pub mod auth;
pub mod communities;
pub mod districts;
pub mod erasure;
pub mod error;
pub mod gate;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod grids;
pub mod model;
pub mod privacy;
pub mod retention;
pub mod signup;
#[cfg(feature = "testing")]
pub mod testing;

pub use accounts::model::{GrantInput, NewAccountInput};
pub use communities::model::OnboardInput;
pub use gate::{
    Actor, CommunityAccess, CommunityCtx, CommunityScope, Principal, Role, Roles, Tenancy,
    TenancyConfig,
};
pub use grids::Reach;
