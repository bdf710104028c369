//! Residents' rights over their data (PIPL arts. 44–47): what Linli holds about a person,
//! found by the personal-data marks of every schema (`infra::personal`), handed over as one
//! archive. Export only so far; correction, erasure and retention follow (issue 36).

pub mod archive;
mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
