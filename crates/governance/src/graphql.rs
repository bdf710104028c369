//! The governance crate's part of the schema.

use async_graphql::MergedObject;

#[derive(MergedObject, Default)]
pub struct GovernanceQuery(
    crate::funds::graphql::FundsQuery,
    crate::posts::graphql::PostsQuery,
    crate::meetings::graphql::MeetingsQuery,
    crate::patrols::graphql::PatrolsQuery,
    crate::party_reports::graphql::PartyReportsQuery,
    crate::honours::graphql::HonoursQuery,
    crate::photos::graphql::PhotosQuery,
);

#[derive(MergedObject, Default)]
pub struct GovernanceMutation(
    crate::funds::graphql::FundsMutation,
    crate::posts::graphql::PostsMutation,
    crate::meetings::graphql::MeetingsMutation,
    crate::patrols::graphql::PatrolsMutation,
    crate::party_reports::graphql::PartyReportsMutation,
    crate::honours::graphql::HonoursMutation,
    crate::photos::graphql::PhotosMutation,
);
