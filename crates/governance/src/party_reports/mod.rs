//! 双报到 as it is: an employed party member (在职党员) reports in to the community they live in
//! — workplace and its party organisation, skills, the services they choose — once at a time;
//! their verified volunteer hours are counted for their workplace, and the community writes to
//! everyone reported in. (Volunteers' `partyMember` flag says only that someone is a member.)

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
