//! What other crates (the gateway's worker, its operator commands, backup and moving) use of
//! the dashboards.

pub use crate::dashboard::model::{FigureTotal, Filter, Granularity, Scope};
pub use crate::dashboard::service::{community_scope, district_scope, district_totals};
pub use crate::exports::model::FileFormat;
pub use crate::exports::service::{community_file, district_file};
pub use crate::period::Period;
pub use crate::pilots::service::set_group;
pub use crate::rollups::service::{fold, rebuild};

/// A community leaving or joining this cluster's rollups (`linli communities move` and
/// `restore`), in the caller's transaction.
pub mod transfer {
    pub use crate::rollups::model::Totals;
    pub use crate::rollups::service::{admit, totals, withdraw};
}

/// Reads of the rollups for a scope the caller has already been allowed (the operator's
/// tools, and this crate's tests), on a platform connection.
pub mod figures {
    pub use crate::dashboard::db::{cadence, household_coverage, median, ranking, series, totals};
}
