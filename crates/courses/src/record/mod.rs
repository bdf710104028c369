//! The learner's record of the loop 兴趣→培训→活动→展示→评价, and nominations to role-model pools.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
