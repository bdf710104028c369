//! District targets as types.

#[cfg(feature = "graphql")]
use infra::graphql::{ID, id};
use uuid::Uuid;

/// The period a target counts over, in each community.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "TargetPeriod")
)]
pub enum TargetPeriod {
    Month,
    Quarter,
    Year,
}

impl TargetPeriod {
    /// `date_trunc`'s unit.
    pub(crate) fn unit(self) -> &'static str {
        match self {
            TargetPeriod::Month => "month",
            TargetPeriod::Quarter => "quarter",
            TargetPeriod::Year => "year",
        }
    }
}

/// A district's rule for its communities.
#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "DistrictTarget")
)]
pub struct DistrictTarget {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    /// The district that set it (this one, or one above).
    pub district_code: String,
    pub name: String,
    /// The catalogue's figure counted ("courses.public_sessions").
    pub figure: String,
    pub period: TargetPeriod,
    /// The least total per period and community.
    pub min_value: i64,
}

/// How a target fared over a dashboard's period.
#[derive(Debug, Clone)]
pub struct TargetResult {
    pub target: DistrictTarget,
    /// Community-periods that met it.
    pub met: i64,
    /// Community-periods there were (communities × periods the dashboard's months touch).
    pub periods: i64,
}
