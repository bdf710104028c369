//! The volunteers crate's part of the schema.

use async_graphql::MergedObject;

#[derive(MergedObject, Default)]
pub struct VolunteersQuery(
    crate::registry::graphql::VolunteerRegistryQuery,
    crate::posts::graphql::VolunteerPostsQuery,
    crate::hours::graphql::VolunteerHoursQuery,
    crate::ledger::graphql::PointsLedgerQuery,
    crate::rewards::graphql::RewardsQuery,
);

#[derive(MergedObject, Default)]
pub struct VolunteersMutation(
    crate::registry::graphql::VolunteerRegistryMutation,
    crate::posts::graphql::VolunteerPostsMutation,
    crate::hours::graphql::VolunteerHoursMutation,
    crate::ledger::graphql::PointsLedgerMutation,
    crate::rewards::graphql::RewardsMutation,
);
