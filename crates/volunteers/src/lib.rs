//! Volunteers: the time bank (时间银行).
//!
//! In this first cut it owns the typed volunteer posts of a community (文明巡查岗, 社区服务岗,
//! 环境卫生岗); the registry, shifts, hours and the points ledger arrive with their own issue.

pub(crate) mod db;
pub mod graphql;
pub mod model;
pub mod service;
