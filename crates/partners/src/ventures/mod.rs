//! Micro-venture calls (微创投): a governance problem with a budget and deadline, proposals by
//! approved partner teams, reviews with scores and comments, the award, and the project's
//! milestones (with photos) to its closing report.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
