//! The GraphQL face of tenancy. The only module of this crate that knows async-graphql.

use async_graphql::{Context, Enum, ID, InputObject, MergedObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use infra::{AppError, AppResult};

use crate::access::CommunityCtx;
use crate::model::{self, CommunityStatus};
use crate::service::{OnboardInput, Principal, Tenancy};

pub use crate::accounts::graphql::{AccountGql, CreateAccountInput};

/// The signed-in caller, put into each request by the gateway.
pub struct Caller(pub Option<Principal>);

/// The client's address as the gateway sees it (the peer, or a trusted proxy's
/// `X-Forwarded-For`), for login throttling.
pub struct ClientAddr(pub std::net::IpAddr);

/// The signed-in caller, or `UNAUTHENTICATED`.
pub fn principal<'a>(ctx: &Context<'a>) -> AppResult<&'a Principal> {
    ctx.data_opt::<Caller>()
        .and_then(|c| c.0.as_ref())
        .ok_or_else(AppError::unauthenticated)
}

/// The community context the gate admitted this request to, or a clear error when the request
/// named no community (every domain crate's resolvers use it).
pub fn community<'a>(ctx: &Context<'a>) -> AppResult<&'a CommunityCtx> {
    ctx.data_opt::<CommunityCtx>().ok_or_else(|| {
        AppError::bad_input(
            "此操作需要指定社区（X-Community 请求头）",
            "This operation needs a community (the X-Community header)",
        )
    })
}

pub fn tenancy<'a>(ctx: &Context<'a>) -> &'a Tenancy {
    ctx.data_unchecked::<Tenancy>()
}

#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(name = "Role", remote = "crate::access::Role")]
pub enum RoleGql {
    PlatformAdmin,
    DistrictAdmin,
    DistrictViewer,
    CommunityAdmin,
    Staff,
    /// 网格员: acts for residents (代办) — registry, enrolments, walk-ins.
    GridWorker,
    Teacher,
    Volunteer,
    Resident,
    PartnerMember,
}

/// Community type (社区类型).
#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(name = "CommunityKind", remote = "crate::model::CommunityKind")]
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
#[graphql(name = "CommunityStatus", remote = "crate::model::CommunityStatus")]
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
pub struct CommunityQuery;

#[Object]
impl CommunityQuery {
    /// The profile of the community named by `X-Community`.
    async fn community(&self, ctx: &Context<'_>) -> async_graphql::Result<CommunityGql> {
        let scope = community(ctx)?;
        let t = tenancy(ctx);
        let mut conn = t.db().pool().acquire().await.map_err(AppError::from)?;
        let c = crate::db::community_by_slug(&mut conn, &scope.tenant().slug)
            .await
            .map_err(AppError::from)?
            .ok_or_else(|| AppError::not_found("找不到该社区", "Community not found"))?;
        Ok(c.into())
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

/// The tenancy crate's part of the schema: the platform (districts, communities, accounts,
/// roles, courtyards) and grid workers' grids.
#[derive(MergedObject, Default)]
pub struct TenancyQuery(
    crate::accounts::graphql::AccountsQuery,
    crate::districts::graphql::DistrictsQuery,
    CommunityQuery,
    crate::grids::graphql::GridsQuery,
);

#[derive(MergedObject, Default)]
pub struct TenancyMutation(
    crate::auth::graphql::AuthMutation,
    crate::districts::graphql::DistrictsMutation,
    CommunitiesMutation,
    crate::accounts::graphql::AccountsMutation,
    crate::grids::graphql::GridsMutation,
);
