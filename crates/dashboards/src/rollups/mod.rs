//! The rollups' write side (汇总): figure events folded into the platform rollups each once
//! (`fold`), a community's rollups recomputed from its own tables (`rebuild`), and a community
//! taken out of or put into this cluster's rollups (`withdraw`, `admit`), or placed in another
//! street with its figures (`place`) — all through one
//! write path (`db::add`), so months, quarters, years and cadence follow alike.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
