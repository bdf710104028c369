//! The college's types, each kept by its feature (`<feature>/model.rs`) and named here too,
//! so that features and other crates reach them in one place.

/// The one length rule of typed text (`infra::input::text`).
pub use infra::input::text;

pub use crate::attendance::model::*;
pub use crate::cadence::model::*;
pub use crate::catalogue::model::*;
pub use crate::clubs::model::*;
pub use crate::enrolment::model::*;
pub use crate::events::model::*;
pub use crate::exhibitions::model::*;
pub use crate::family::model::*;
pub use crate::learners::model::*;
pub use crate::record::model::*;
pub use crate::surveys::model::*;
pub use crate::teachers::model::*;
pub use crate::timetable::model::*;
