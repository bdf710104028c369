//! 评优: rounds of honours (最美志愿者, 优秀学员, 文明家庭 …) — nominations while open, scores by
//! staff in review, awards among scored nominations, then published for every member to read.
//! Each step is the database's: a round only moves forward, and a published one never changes.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
