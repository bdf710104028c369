//! Courses: the community college (社区学院) and its closed loop 兴趣→培训→活动→展示→评价.
//!
//! Owns demand surveys, the teacher pool, courses and their sessions, enrolment with waiting
//! lists, QR check-in and attendance, clubs and federations, cadence targets, evaluations,
//! exhibitions of learners' works with their photos, and role-model nominations.

pub mod db;
pub mod error;
pub mod graphql;
pub mod model;
pub mod photos;
pub mod qr;
pub mod service;
