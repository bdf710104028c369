//! The partners crate's part of the schema.

use async_graphql::MergedObject;

#[derive(MergedObject, Default)]
pub struct PartnersQuery(
    crate::lists::graphql::ListsQuery,
    crate::organisations::graphql::OrganisationsQuery,
    crate::demands::graphql::DemandsQuery,
    crate::agreements::graphql::AgreementsQuery,
    crate::ventures::graphql::VenturesQuery,
    crate::access::graphql::AccessQuery,
    crate::alliances::graphql::AlliancesQuery,
);

#[derive(MergedObject, Default)]
pub struct PartnersMutation(
    crate::lists::graphql::ListsMutation,
    crate::organisations::graphql::OrganisationsMutation,
    crate::demands::graphql::DemandsMutation,
    crate::agreements::graphql::AgreementsMutation,
    crate::ventures::graphql::VenturesMutation,
    crate::access::graphql::AccessMutation,
    crate::alliances::graphql::AlliancesMutation,
);
