//! Courses: the community college (社区学院) and its closed loop 兴趣→培训→活动→展示→评价.
//!
//! In this first cut it owns the configurable course category list of each community; surveys,
//! courses, enrolment, attendance, clubs and exhibitions arrive with their own issue.

pub mod db;
pub mod error;
pub mod graphql;
pub mod model;
pub mod service;
