//! The GraphQL face of communities: their profile, onboarding and lifecycle.

use super::model;
use crate::communities::model::CommunityKind;
use async_graphql::{Context, InputObject, Object, SimpleObject};

use super::model::{CommunityStatus, OnboardInput};
use crate::graphql::{community, principal, tenancy};

#[derive(SimpleObject)]
pub struct OnboardPayload {
    community: model::Community,
    /// False when a community with this slug already existed and was returned as it is.
    created: bool,
}

#[derive(InputObject)]
pub struct OnboardCommunityInput {
    district_code: String,
    /// Lower-case letters, digits and hyphens; used in the `X-Community` header.
    slug: String,
    name: String,
    kind: CommunityKind,
    households: Option<i32>,
    residents: Option<i32>,
}

/// What the gate knows of the caller's community: its profile and courtyards.
#[derive(Default)]
pub struct CommunitiesQuery;

#[Object]
impl CommunitiesQuery {
    /// The profile of the community named by `X-Community`.
    async fn community(&self, ctx: &Context<'_>) -> async_graphql::Result<model::Community> {
        Ok(tenancy(ctx).community_profile(community(ctx)?).await?)
    }
}

async fn lifecycle(
    ctx: &Context<'_>,
    slug: &str,
    to: CommunityStatus,
) -> async_graphql::Result<model::Community> {
    let p = principal(ctx)?;
    Ok(tenancy(ctx).set_status(p, slug, to).await?)
}

#[derive(Default)]
pub struct CommunitiesMutation;

#[Object]
impl CommunitiesMutation {
    /// Onboard a community: creates its schema, its database role and its tables.
    async fn onboard_community(
        &self,
        ctx: &Context<'_>,
        input: OnboardCommunityInput,
    ) -> async_graphql::Result<OnboardPayload> {
        let p = principal(ctx)?;
        let (c, created) = tenancy(ctx)
            .onboard(
                p,
                OnboardInput {
                    district_code: input.district_code,
                    slug: input.slug,
                    name: input.name,
                    kind: input.kind,
                    households: input.households,
                    residents: input.residents,
                },
            )
            .await?;
        Ok(OnboardPayload {
            community: c,
            created,
        })
    }

    /// Suspend a community: its requests get COMMUNITY_SUSPENDED until it is reactivated.
    async fn suspend_community(
        &self,
        ctx: &Context<'_>,
        slug: String,
    ) -> async_graphql::Result<model::Community> {
        lifecycle(ctx, &slug, CommunityStatus::Suspended).await
    }

    async fn reactivate_community(
        &self,
        ctx: &Context<'_>,
        slug: String,
    ) -> async_graphql::Result<model::Community> {
        lifecycle(ctx, &slug, CommunityStatus::Active).await
    }

    /// Archive a community for good. Its schema and data are kept; it is never deleted.
    async fn archive_community(
        &self,
        ctx: &Context<'_>,
        slug: String,
    ) -> async_graphql::Result<model::Community> {
        lifecycle(ctx, &slug, CommunityStatus::Archived).await
    }
}
