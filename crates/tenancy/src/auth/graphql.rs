//! The GraphQL face of signing in and out.

use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};
use infra::graphql::parse_id;

use super::model::IssuedToken;
use crate::gate::Tenancy;
use crate::graphql::{AccountGql, client_addr, principal, tenancy};

#[derive(SimpleObject)]
pub struct LoginPayload {
    /// Send as `Authorization: Bearer <token>`.
    token: String,
    expires_at: DateTime<Utc>,
    account: AccountGql,
}

impl LoginPayload {
    pub fn new(t: &Tenancy, issued: IssuedToken) -> Self {
        LoginPayload {
            token: issued.token,
            expires_at: issued.expires_at,
            account: AccountGql::new(t, &issued.account),
        }
    }
}

#[derive(Default)]
pub struct AuthMutation;

#[Object]
impl AuthMutation {
    /// Sign in. Repeated failures from one address (for one login name, or for any) make
    /// each further try wait longer.
    async fn login(
        &self,
        ctx: &Context<'_>,
        login_name: String,
        password: String,
    ) -> async_graphql::Result<LoginPayload> {
        let t = tenancy(ctx);
        let issued = t.login(&login_name, &password, client_addr(ctx)).await?;
        Ok(LoginPayload::new(t, issued))
    }

    /// A fresh token for the signed-in caller (a console left open renews before its token
    /// ends); signing out still ends every token.
    async fn renew_token(&self, ctx: &Context<'_>) -> async_graphql::Result<LoginPayload> {
        let t = tenancy(ctx);
        let issued = t.renew_token(principal(ctx)?)?;
        Ok(LoginPayload::new(t, issued))
    }

    /// Sign out everywhere: every token of the caller's account stops working at once.
    async fn logout(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        tenancy(ctx).logout(principal(ctx)?).await?;
        Ok(true)
    }

    /// Change one's own password; other sessions end. Returns a new token for this one.
    async fn change_password(
        &self,
        ctx: &Context<'_>,
        old_password: String,
        new_password: String,
    ) -> async_graphql::Result<LoginPayload> {
        let t = tenancy(ctx);
        let issued = t
            .change_password(principal(ctx)?, &old_password, &new_password)
            .await?;
        Ok(LoginPayload::new(t, issued))
    }

    /// Deactivate (or reactivate) an account: its tokens stop working at once, nothing is
    /// deleted. For admins of every scope the account holds a role in.
    async fn set_account_active(
        &self,
        ctx: &Context<'_>,
        account_id: ID,
        active: bool,
    ) -> async_graphql::Result<AccountGql> {
        let t = tenancy(ctx);
        let a = t
            .set_account_active(principal(ctx)?, parse_id(&account_id)?, active)
            .await?;
        Ok(AccountGql::new(t, &a))
    }
}
