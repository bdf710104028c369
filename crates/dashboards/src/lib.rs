//! Dashboards: the district's view over all of its communities.
//!
//! Owns the platform rollups and the record of folded events. Domain writes append figure
//! events to their community's outbox in their own transaction (`infra::figures`, or a
//! trigger of the domain's table); `rollups` folds each once into the rollups and recomputes a
//! community's from its own tables (through the domains' `figures` functions); `dashboard`
//! answers from the rollups alone, never fanning out over community schemas; `pilots` keeps
//! the district's pilot groups; `exports` writes the reports officers send up the chain.
//! Other crates use it through `api`.

pub mod api;
pub mod catalogue;
pub mod dashboard;
pub mod exports;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod period;
pub mod pilots;
pub mod rollups;
pub mod targets;
