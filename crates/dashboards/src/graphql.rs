//! The dashboards' GraphQL roots, one of each for the gateway: a district's dashboards, its
//! pilot groups, a community's own dashboard, and the exports.

use async_graphql::MergedObject;

use crate::dashboard::graphql::{CommunityDashboardQuery, DistrictDashboardQuery};
use crate::exports::graphql::FigureExportsMutation;
use crate::pilots::graphql::{PilotsMutation, PilotsQuery};
use crate::rollups::graphql::PlacementMutation;
use crate::targets::graphql::{TargetsMutation, TargetsQuery};

#[derive(MergedObject, Default)]
pub struct DashboardsQuery(
    DistrictDashboardQuery,
    PilotsQuery,
    TargetsQuery,
    CommunityDashboardQuery,
);

#[derive(MergedObject, Default)]
pub struct DashboardsMutation(
    PilotsMutation,
    TargetsMutation,
    FigureExportsMutation,
    PlacementMutation,
);
