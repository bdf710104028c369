//! The volunteers crate's part of the schema.

use async_graphql::MergedObject;

#[derive(MergedObject, Default)]
pub struct VolunteersQuery(
    crate::posts::graphql::PostsQuery,
    crate::ledger::graphql::LedgerQuery,
    crate::rewards::graphql::RewardsQuery,
);

#[derive(MergedObject, Default)]
pub struct VolunteersMutation(
    crate::ledger::graphql::LedgerMutation,
    crate::rewards::graphql::RewardsMutation,
);
