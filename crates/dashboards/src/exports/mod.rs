//! Exports of a dashboard, the way officers send figures up the chain: a workbook (汇总, then
//! one sheet per family of figures) or one CSV table. For a district the rows are its
//! communities; for one community, the months of the period. Stored for a 15-minute link, or
//! written by the operator's `linli export`.

pub(crate) mod db;
#[cfg(feature = "graphql")]
pub mod graphql;
pub mod model;
mod render;
pub mod service;
