//! Courses: the community college (社区学院) and its closed loop 兴趣→培训→活动→展示→评价.
//!
//! Cut by feature: each folder holds its `db` (SQL taking a tenant transaction), `service` (the
//! rules) and `graphql` (types and resolvers). `model` holds the validated types and rows the
//! features share, `graphql` the shared GraphQL helpers and the merged roots, and `service` the
//! crate's public API (every feature's service, re-exported).

pub mod api;
pub mod attendance;
pub mod cadence;
pub mod catalogue;
pub mod clubs;
pub mod corrections;
pub mod enrolment;
pub mod erasure;
pub mod error;
pub mod evaluations;
pub mod events;
pub mod exhibitions;
pub mod exports;
pub mod family;
pub mod figures;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod learners;
pub mod model;
pub mod paging;
pub mod record;
pub mod registry;
pub mod surveys;
pub mod teachers;
pub mod timetable;

pub use attendance::qr;
pub use infra::photos;

/// Every feature's service functions and inputs: the crate's API for the gateway, the demo and
/// the tests.
pub mod service {
    pub use crate::attendance::service::*;
    pub use crate::cadence::service::*;
    pub use crate::catalogue::service::*;
    pub use crate::clubs::service::*;
    pub use crate::enrolment::service::*;
    pub use crate::evaluations::service::*;
    pub use crate::events::service::*;
    pub use crate::exhibitions::service::*;
    pub use crate::exhibitions::sharing::*;
    pub use crate::exports::service::*;
    pub use crate::family::service::*;
    pub use crate::learners::service::*;
    pub use crate::model::CourseInput;
    pub use crate::paging::page_limit;
    pub use crate::record::service::*;
    pub use crate::registry::service::*;
    pub use crate::surveys::service::*;
    pub use crate::teachers::service::*;
    pub use crate::timetable::schedule::{Frequency, ScheduleRequest};
    pub use crate::timetable::service::*;
}
