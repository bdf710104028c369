//! The GraphQL face of accounts and roles.

use crate::gate::model::Role;
use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use infra::AppResult;
use infra::graphql::parse_id;

use super::model::{self, GrantInput, NewAccountInput};
use crate::gate::Tenancy;
use crate::graphql::{principal, tenancy};

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
    role: Role,
    /// Set for district roles.
    district_code: Option<String>,
    /// Set for community roles.
    community_slug: Option<String>,
}

impl From<&model::Membership> for MembershipGql {
    fn from(m: &model::Membership) -> Self {
        MembershipGql {
            role: m.role,
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
    role: Role,
    /// For district roles.
    district_code: Option<String>,
    /// For community roles.
    community_slug: Option<String>,
}

impl RoleGrantInput {
    fn into_grant(self) -> AppResult<GrantInput> {
        Ok(GrantInput {
            account_id: parse_id(&self.account_id)?,
            role: self.role,
            district_code: self.district_code,
            community_slug: self.community_slug,
        })
    }
}

/// A role an account holds in the scope asked about (担任的角色).
#[derive(SimpleObject)]
pub struct RoleHolder {
    account: AccountGql,
    role: Role,
}

#[derive(Default)]
pub struct AccountsQuery;

#[Object]
impl AccountsQuery {
    /// The signed-in account and its roles.
    async fn me(&self, ctx: &Context<'_>) -> async_graphql::Result<Me> {
        let p = principal(ctx)?;
        Ok(Me {
            account: AccountGql::new(tenancy(ctx), &p.account),
            memberships: p.memberships.iter().map(MembershipGql::from).collect(),
        })
    }

    /// Who holds roles at one scope — a district (`districtCode`: its officers and viewers) or
    /// a community (`communitySlug`: its admins, staff, grid workers, group leaders and
    /// teachers) — for whoever may grant roles there. One row per account and role.
    async fn role_holders(
        &self,
        ctx: &Context<'_>,
        district_code: Option<String>,
        community_slug: Option<String>,
    ) -> async_graphql::Result<Vec<RoleHolder>> {
        let t = tenancy(ctx);
        let rows = t
            .role_holders(
                principal(ctx)?,
                district_code.as_deref(),
                community_slug.as_deref(),
            )
            .await?;
        Ok(rows
            .iter()
            .map(|(a, role)| RoleHolder {
                account: AccountGql::new(t, a),
                role: *role,
            })
            .collect())
    }

    /// The account with this login name (for those who create accounts: to grant a role to
    /// someone who has one already); null when there is none.
    async fn find_account(
        &self,
        ctx: &Context<'_>,
        login_name: String,
    ) -> async_graphql::Result<Option<AccountGql>> {
        let t = tenancy(ctx);
        let a = t.find_account(principal(ctx)?, &login_name).await?;
        Ok(a.as_ref().map(|a| AccountGql::new(t, a)))
    }
}

#[derive(Default)]
pub struct AccountsMutation;

#[Object]
impl AccountsMutation {
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

    /// 修改我的资料: correct the name shown for the caller (1–50 characters).
    async fn update_my_profile(
        &self,
        ctx: &Context<'_>,
        display_name: String,
    ) -> async_graphql::Result<AccountGql> {
        let t = tenancy(ctx);
        let a = t.update_my_profile(principal(ctx)?, &display_name).await?;
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
