//! Dashboards: the district's view over all of its communities.
//!
//! Owns the platform rollups and the record of folded events. Domain writes append figure
//! events to their community's outbox in their own transaction (`infra::figures`, or a
//! trigger of the domain's table); `fold` applies each once to the rollups (`apply`);
//! `rebuild` recomputes a community's rollups from its own tables (through the domains'
//! `figures` functions); `district` answers from the rollups alone, never fanning out over
//! community schemas; `export` writes the reports officers send up the chain.

pub mod apply;
pub mod catalogue;
pub mod district;
pub mod export;
pub mod fold;
pub mod graphql;
pub mod period;
pub mod pilots;
pub mod rebuild;
pub mod report;
pub mod scope;
pub mod service;
pub mod transfer;
