//! The GraphQL face of signing up: a community's invitation (staff), the newcomer's page
//! (anyone), one-time codes, and staff's list of newcomers. Signing up itself, which also
//! links the newcomer's registry record, is the courses crate's `signUp`.

use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};
use infra::graphql::Res;

use super::model::{self, SignUpStatus};
use crate::graphql::{client_addr, community, tenancy};

/// A community's invitation (邀请码) as staff print it.
pub struct InvitationGql {
    slug: String,
    inner: model::Invitation,
}

#[Object(name = "Invitation")]
impl InvitationGql {
    async fn code(&self) -> &str {
        &self.inner.code
    }
    /// Newcomers wait for staff to confirm them (待审核).
    async fn confirm_by_staff(&self) -> bool {
        self.inner.confirm_by_staff
    }
    async fn rotated_at(&self) -> DateTime<Utc> {
        self.inner.rotated_at
    }
    /// The console's sign-up page for this invitation, from the server's root.
    async fn path(&self) -> String {
        join_path(&self.slug, &self.inner.code)
    }
    /// The invitation as an SVG QR code, of `origin` (the address people reach this server
    /// at, such as `https://linli.example.gov.cn`) followed by `path`.
    async fn qr_svg(&self, origin: String) -> Res<String> {
        Ok(infra::qr::link_svg(
            &origin,
            &join_path(&self.slug, &self.inner.code),
        )?)
    }
}

fn join_path(slug: &str, code: &str) -> String {
    format!("/console/#/join/{slug}/{code}")
}

/// The community an invitation leads to, shown before signing up.
#[derive(SimpleObject)]
#[graphql(name = "InvitedCommunity")]
pub struct InvitedCommunityGql {
    slug: String,
    name: String,
    district_name: String,
    /// Newcomers wait for staff to confirm them.
    confirm_by_staff: bool,
}

/// A newcomer's sign-up as staff see it: the phone number masked.
#[derive(SimpleObject)]
#[graphql(name = "SignUpRequest")]
pub struct SignUpRequestGql {
    account_id: ID,
    display_name: String,
    phone_masked: Option<String>,
    status: SignUpStatus,
    created_at: DateTime<Utc>,
    decided_at: Option<DateTime<Utc>>,
}

impl SignUpRequestGql {
    pub fn new(t: &crate::gate::Tenancy, r: model::SignUpRequest) -> Self {
        SignUpRequestGql {
            account_id: infra::graphql::id(r.account_id),
            phone_masked: r
                .phone_encrypted
                .as_deref()
                .and_then(|e| t.secrets().decrypt(e))
                .map(|p| infra::crypto::mask_phone(&p)),
            display_name: r.display_name,
            status: r.status,
            created_at: r.created_at,
            decided_at: r.decided_at,
        }
    }
}

#[derive(Default)]
pub struct SignUpQuery;

#[Object]
impl SignUpQuery {
    /// The community's invitation (staff); null until staff first make it.
    async fn invitation(&self, ctx: &Context<'_>) -> Res<Option<InvitationGql>> {
        let c = community(ctx)?;
        Ok(tenancy(ctx)
            .invitation(c)
            .await?
            .map(|inner| InvitationGql {
                slug: c.tenant().slug.clone(),
                inner,
            }))
    }

    /// Where an invitation leads (no sign-in needed; counted per address).
    async fn invited_community(
        &self,
        ctx: &Context<'_>,
        community: String,
        code: String,
    ) -> Res<InvitedCommunityGql> {
        let c = tenancy(ctx)
            .invited_community(client_addr(ctx), &community, &code)
            .await?;
        Ok(InvitedCommunityGql {
            slug: c.slug,
            name: c.name,
            district_name: c.district_name,
            confirm_by_staff: c.confirm_by_staff,
        })
    }

    /// Newcomers who signed up here, by status (staff), oldest first.
    async fn sign_up_requests(
        &self,
        ctx: &Context<'_>,
        #[graphql(default_with = "SignUpStatus::Pending")] status: SignUpStatus,
    ) -> Res<Vec<SignUpRequestGql>> {
        let t = tenancy(ctx);
        Ok(t.sign_up_requests(community(ctx)?, status)
            .await?
            .into_iter()
            .map(|r| SignUpRequestGql::new(t, r))
            .collect())
    }
}

#[derive(Default)]
pub struct SignUpMutation;

#[Object]
impl SignUpMutation {
    /// Send a one-time code to a phone number (for signing up). The same answer whether or
    /// not the number has an account; counted per address and per number.
    async fn request_phone_code(&self, ctx: &Context<'_>, phone: String) -> Res<bool> {
        tenancy(ctx)
            .request_phone_code(client_addr(ctx), &phone)
            .await?;
        Ok(true)
    }

    /// Make the community's invitation, or give it a new code (the old one stops working).
    async fn rotate_invitation(&self, ctx: &Context<'_>) -> Res<InvitationGql> {
        let c = community(ctx)?;
        let inner = tenancy(ctx).rotate_invitation(c).await?;
        Ok(InvitationGql {
            slug: c.tenant().slug.clone(),
            inner,
        })
    }

    /// Do newcomers wait for staff to confirm them? The community chooses.
    async fn set_sign_up_confirmation(
        &self,
        ctx: &Context<'_>,
        confirm_by_staff: bool,
    ) -> Res<InvitationGql> {
        let c = community(ctx)?;
        let inner = tenancy(ctx)
            .set_sign_up_confirmation(c, confirm_by_staff)
            .await?;
        Ok(InvitationGql {
            slug: c.tenant().slug.clone(),
            inner,
        })
    }
}
