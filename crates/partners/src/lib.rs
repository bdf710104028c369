//! Partners: 校社联动 and the 共建 network.
//!
//! In this first cut it owns the configurable kinds of the "three lists" (需求 / 资源 / 项目);
//! partner organisations, agreements, micro-venture calls and resident demands arrive with
//! their own issue.

pub(crate) mod db;
pub mod graphql;
pub mod model;
pub mod service;
