#![recursion_limit = "256"]
//! Volunteers: the time bank (时间银行).
//!
//! One folder per feature: `registry` (volunteers, their lifecycle and trainings), `posts`
//! (post types, posts with their points rule, shifts and sign-up), `hours` (recorded,
//! verified — paid in points in the same transaction — or declined; statements), `ledger`
//! (accounts for people, collective cards and the fund; immutable, idempotent transfers;
//! balances kept by PostgreSQL, never negative), `rewards` (the catalogue and redemptions).

pub mod api;
pub mod error;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod hours;
pub mod ledger;
pub mod posts;
pub mod registry;
pub mod rewards;
