//! The GraphQL face of tenancy. The only module of this crate that knows async-graphql.

use async_graphql::{Context, MergedObject};
use infra::{AppError, AppResult};

use crate::error::TenancyError;
use crate::gate::CommunityCtx;
use crate::gate::{Principal, Tenancy};

pub use crate::accounts::graphql::{AccountGql, CreateAccountInput};

/// The signed-in caller, put into each request by the gateway.
pub struct Caller(pub Option<Principal>);

/// The client's address as the gateway sees it (the peer, or a trusted proxy's
/// `X-Forwarded-For`), for login throttling.
pub struct ClientAddr(pub std::net::IpAddr);

/// The client's address (sign-ins, registrations and lookups are counted against it); the
/// unspecified address when the gateway put none in.
pub fn client_addr(ctx: &Context<'_>) -> std::net::IpAddr {
    ctx.data_opt::<ClientAddr>()
        .map_or(std::net::IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED), |a| {
            a.0
        })
}

/// The signed-in caller, or `UNAUTHENTICATED`.
pub fn principal<'a>(ctx: &Context<'a>) -> AppResult<&'a Principal> {
    ctx.data_opt::<Caller>()
        .and_then(|c| c.0.as_ref())
        .ok_or_else(AppError::unauthenticated)
}

/// The community context the gate admitted this request to, or a clear error when the request
/// named no community (every domain crate's resolvers use it).
pub fn community<'a>(ctx: &Context<'a>) -> AppResult<&'a CommunityCtx> {
    ctx.data_opt::<CommunityCtx>()
        .ok_or_else(|| AppError::from(TenancyError::CommunityNeeded))
}

pub fn tenancy<'a>(ctx: &Context<'a>) -> &'a Tenancy {
    ctx.data_unchecked::<Tenancy>()
}

/// The tenancy crate's part of the schema: the platform (districts, communities, accounts,
/// roles, courtyards) and grid workers' grids.
#[derive(MergedObject, Default)]
pub struct TenancyQuery(
    crate::accounts::graphql::AccountsQuery,
    crate::districts::graphql::DistrictsQuery,
    crate::communities::graphql::CommunitiesQuery,
    crate::grids::graphql::GridsQuery,
    crate::signup::graphql::SignUpQuery,
    crate::retention::graphql::RetentionQuery,
    crate::erasure::graphql::ErasureQuery,
);

#[derive(MergedObject, Default)]
pub struct TenancyMutation(
    crate::auth::graphql::AuthMutation,
    crate::districts::graphql::DistrictsMutation,
    crate::communities::graphql::CommunitiesMutation,
    crate::accounts::graphql::AccountsMutation,
    crate::grids::graphql::GridsMutation,
    crate::signup::graphql::SignUpMutation,
    crate::privacy::graphql::PrivacyMutation,
    crate::retention::graphql::RetentionMutation,
    crate::erasure::graphql::ErasureMutation,
);
