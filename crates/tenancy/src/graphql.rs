//! The GraphQL face of tenancy. The only module of this crate that knows async-graphql.

use async_graphql::{Context, Enum, ID, InputObject, MergedObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use infra::{AppError, AppResult};

use crate::access::CommunityCtx;
use crate::model::{self, CommunityStatus};
use crate::service::{GrantInput, NewAccountInput, OnboardInput, Principal, Tenancy};

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

use infra::graphql::parse_id;

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

/// An account as others see it: the phone number is always masked.
#[derive(SimpleObject)]
#[graphql(name = "Account")]
pub struct AccountGql {
    id: ID,
    login_name: String,
    display_name: String,
    phone_masked: Option<String>,
    active: bool,
    created_at: DateTime<Utc>,
}

impl AccountGql {
    pub fn new(t: &Tenancy, a: &model::Account) -> Self {
        AccountGql {
            id: ID(a.id.to_string()),
            login_name: a.login_name.clone(),
            display_name: a.display_name.clone(),
            phone_masked: t.phone_masked(a),
            active: a.active,
            created_at: a.created_at,
        }
    }
}

#[derive(SimpleObject)]
#[graphql(name = "Membership")]
pub struct MembershipGql {
    role: RoleGql,
    /// Set for district roles.
    district_code: Option<String>,
    /// Set for community roles.
    community_slug: Option<String>,
}

impl From<&model::Membership> for MembershipGql {
    fn from(m: &model::Membership) -> Self {
        MembershipGql {
            role: m.role.into(),
            district_code: m.district_code.clone(),
            community_slug: m.community_slug.clone(),
        }
    }
}

/// The signed-in account with every role it holds.
#[derive(SimpleObject)]
pub struct Me {
    account: AccountGql,
    memberships: Vec<MembershipGql>,
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

#[derive(InputObject)]
pub struct CreateAccountInput {
    login_name: String,
    display_name: String,
    password: String,
    phone: Option<String>,
}

impl From<CreateAccountInput> for NewAccountInput {
    fn from(i: CreateAccountInput) -> Self {
        NewAccountInput {
            login_name: i.login_name,
            display_name: i.display_name,
            password: i.password,
            phone: i.phone,
        }
    }
}

#[derive(InputObject)]
pub struct RoleGrantInput {
    account_id: ID,
    role: RoleGql,
    /// For district roles.
    district_code: Option<String>,
    /// For community roles.
    community_slug: Option<String>,
}

impl RoleGrantInput {
    fn into_grant(self) -> AppResult<GrantInput> {
        Ok(GrantInput {
            account_id: parse_id(&self.account_id)?,
            role: self.role.into(),
            district_code: self.district_code,
            community_slug: self.community_slug,
        })
    }
}

#[derive(Default)]
pub struct PlatformQuery;

#[Object]
impl PlatformQuery {
    /// The signed-in account and its roles.
    async fn me(&self, ctx: &Context<'_>) -> async_graphql::Result<Me> {
        let p = principal(ctx)?;
        Ok(Me {
            account: AccountGql::new(tenancy(ctx), &p.account),
            memberships: p.memberships.iter().map(MembershipGql::from).collect(),
        })
    }
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

    async fn create_account(
        &self,
        ctx: &Context<'_>,
        input: CreateAccountInput,
    ) -> async_graphql::Result<AccountGql> {
        let p = principal(ctx)?;
        let t = tenancy(ctx);
        let a = t.create_account(p, input.into()).await?;
        Ok(AccountGql::new(t, &a))
    }

    /// Grant a role in a scope the caller administers. Granting a held role changes nothing.
    async fn grant_role(
        &self,
        ctx: &Context<'_>,
        input: RoleGrantInput,
    ) -> async_graphql::Result<bool> {
        let p = principal(ctx)?;
        tenancy(ctx).grant_role(p, input.into_grant()?).await?;
        Ok(true)
    }

    /// Revoke a role; false when the account did not hold it there.
    async fn revoke_role(
        &self,
        ctx: &Context<'_>,
        input: RoleGrantInput,
    ) -> async_graphql::Result<bool> {
        let p = principal(ctx)?;
        Ok(tenancy(ctx).revoke_role(p, input.into_grant()?).await?)
    }
}

/// The tenancy crate's part of the schema: the platform (districts, communities, accounts,
/// roles, courtyards) and grid workers' grids.
#[derive(MergedObject, Default)]
pub struct TenancyQuery(
    PlatformQuery,
    crate::districts::graphql::DistrictsQuery,
    CommunityQuery,
    crate::grids::graphql::GridsQuery,
);

#[derive(MergedObject, Default)]
pub struct TenancyMutation(
    crate::auth::graphql::AuthMutation,
    crate::districts::graphql::DistrictsMutation,
    CommunitiesMutation,
    crate::grids::graphql::GridsMutation,
);
