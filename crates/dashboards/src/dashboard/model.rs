//! A dashboard's scope and what it reads: whose figures (a whole district, read from the
//! district rollups, or a set of communities picked by kind, street or pilot group, read from
//! theirs) and the shapes of the figures.

use tenancy::model::CommunityKind;
use uuid::Uuid;

/// Which communities of a district to look at.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only these kinds of community (empty: all).
    pub kinds: Vec<CommunityKind>,
    /// Only those within this sub-district (街道), by code.
    pub street: Option<String>,
    /// Only the members of this pilot group of the district (试点).
    pub pilot_group: Option<String>,
    /// The district's communities outside the pilot group (the comparison's other side).
    pub outside_pilot_group: bool,
}

impl Filter {
    pub(crate) fn is_empty(&self) -> bool {
        self.kinds.is_empty() && self.street.is_none() && self.pilot_group.is_none()
    }
}

#[derive(Debug, Clone)]
pub enum Scope {
    /// Every community of the district and its sub-districts.
    District(Uuid),
    /// These communities.
    Communities(Vec<Uuid>),
}

impl Scope {
    /// One community's own dashboard.
    pub fn community(id: Uuid) -> Scope {
        Scope::Communities(vec![id])
    }
}

/// A figure's total over a period ("partners.demands_received" …).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct FigureTotal {
    pub figure: String,
    pub value: i64,
}

/// By day or by month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "Granularity")
)]
pub enum Granularity {
    Day,
    Month,
}

/// A community with its street (the district it sits in) and its value of a figure.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct CommunityValue {
    pub community_id: Uuid,
    pub slug: String,
    pub name: String,
    pub kind: CommunityKind,
    pub street_code: String,
    pub street_name: String,
    pub value: i64,
    pub rank: i64,
}

/// Communities of the scope: all (not archived), active, and onboarded within the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, sqlx::FromRow)]
pub struct CommunityCounts {
    pub total: i64,
    pub active: i64,
    pub onboarded: i64,
}
