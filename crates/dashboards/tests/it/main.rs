//! Dashboards against a real PostgreSQL: events folded once, whatever the workers; the
//! rebuild from the communities' own tables equals the incremental rollups.

mod cadence;
mod families;
mod rollups;
mod rows;
