//! Events (活动, 交流, 展演, 服务集市, 达人服务日) with optional registration, and walk-in
//! attendance counted as 人次 for events and open lectures: a person once per occasion, or a
//! head count taken by staff.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
