//! Dashboards: the district's view over all of its communities.
//!
//! Owns the platform rollups (`platform.figure_daily`) and the record of folded events. Domain
//! writes append figure events to their community's outbox in their own transaction
//! (`infra::figures`); `fold` applies each once to the rollups; `rebuild` recomputes a
//! community's rollups from its own tables (through the domains' `figures` functions);
//! `district` answers district queries from the rollups alone, never fanning out over
//! community schemas.

pub mod district;
pub mod fold;
pub mod graphql;
pub mod rebuild;
