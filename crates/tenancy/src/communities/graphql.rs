//! The GraphQL face of communities: their profile, onboarding and lifecycle.

use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};

use super::model::{self, CommunityStatus, OnboardInput};
use crate::graphql::{community, principal, tenancy};

/// Community type (社区类型).
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(name = "CommunityKind", remote = "super::model::CommunityKind")]
pub enum CommunityKindGql {
    OldCourtyard,
    Resettlement,
    CommercialHousing,
    PublicRental,
    UniversityTown,
    WorkerDormitory,
    Mixed,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(name = "CommunityStatus", remote = "super::model::CommunityStatus")]
pub enum CommunityStatusGql {
    Active,
    Suspended,
    Archived,
    /// 迁移中: being moved to another cluster; reads only.
    Moving,
    /// 已迁出: served by another cluster now.
    Moved,
}

/// A community (社区): one tenant, one schema.
#[derive(SimpleObject)]
#[graphql(name = "Community")]
pub struct CommunityGql {
    id: ID,
    slug: String,
    name: String,
    kind: CommunityKindGql,
    households: Option<i32>,
    residents: Option<i32>,
    status: CommunityStatusGql,
    schema_version: i32,
    created_at: DateTime<Utc>,
}

impl From<model::Community> for CommunityGql {
    fn from(c: model::Community) -> Self {
        CommunityGql {
            id: ID(c.id.to_string()),
            status: c.status.into(),
            kind: c.kind.into(),
            slug: c.slug,
            name: c.name,
            households: c.households,
            residents: c.residents,
            schema_version: c.schema_version,
            created_at: c.created_at,
        }
    }
}

#[derive(SimpleObject)]
pub struct OnboardPayload {
    community: CommunityGql,
    /// False when a community with this slug already existed and was returned as it is.
    created: bool,
}

#[derive(InputObject)]
pub struct OnboardCommunityInput {
    district_code: String,
    /// Lower-case letters, digits and hyphens; used in the `X-Community` header.
    slug: String,
    name: String,
    kind: CommunityKindGql,
    households: Option<i32>,
    residents: Option<i32>,
}

/// What the gate knows of the caller's community: its profile and courtyards.
#[derive(Default)]
pub struct CommunitiesQuery;

#[Object]
impl CommunitiesQuery {
    /// The profile of the community named by `X-Community`.
    async fn community(&self, ctx: &Context<'_>) -> async_graphql::Result<CommunityGql> {
        Ok(tenancy(ctx)
            .community_profile(community(ctx)?)
            .await?
            .into())
    }
}

async fn lifecycle(
    ctx: &Context<'_>,
    slug: &str,
    to: CommunityStatus,
) -> async_graphql::Result<CommunityGql> {
    let p = principal(ctx)?;
    Ok(tenancy(ctx).set_status(p, slug, to).await?.into())
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
                    kind: input.kind.into(),
                    households: input.households,
                    residents: input.residents,
                },
            )
            .await?;
        Ok(OnboardPayload {
            community: c.into(),
            created,
        })
    }

    /// Suspend a community: its requests get COMMUNITY_SUSPENDED until it is reactivated.
    async fn suspend_community(
        &self,
        ctx: &Context<'_>,
        slug: String,
    ) -> async_graphql::Result<CommunityGql> {
        lifecycle(ctx, &slug, CommunityStatus::Suspended).await
    }

    async fn reactivate_community(
        &self,
        ctx: &Context<'_>,
        slug: String,
    ) -> async_graphql::Result<CommunityGql> {
        lifecycle(ctx, &slug, CommunityStatus::Active).await
    }

    /// Archive a community for good. Its schema and data are kept; it is never deleted.
    async fn archive_community(
        &self,
        ctx: &Context<'_>,
        slug: String,
    ) -> async_graphql::Result<CommunityGql> {
        lifecycle(ctx, &slug, CommunityStatus::Archived).await
    }
}
