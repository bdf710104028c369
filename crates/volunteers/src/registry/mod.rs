//! The volunteer registry: registration (one's own, or 代办 by staff and grid workers),
//! the lifecycle applicant → active → inactive (never deleted), skills, 双报到, trainings.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
