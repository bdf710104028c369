//! The kinds of the community's "three lists" (三张清单: 需求 / 资源 / 项目), configurable per
//! community; the entries and their matching come with the rest of the partners issue.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
pub mod service;
