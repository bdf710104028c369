//! The GraphQL face of exhibition sharing.

use crate::exhibitions::model::ShareNames;
use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};

use super::sharing as svc;
use crate::graphql::*;
use crate::model;

#[derive(SimpleObject)]
#[graphql(name = "ExhibitionShare")]
pub struct ShareGql {
    id: ID,
    exhibition_id: ID,
    names: ShareNames,
    created_at: DateTime<Utc>,
    revoked: bool,
}

impl From<model::ExhibitionShare> for ShareGql {
    fn from(s: model::ExhibitionShare) -> Self {
        ShareGql {
            id: id(s.id),
            exhibition_id: id(s.exhibition_id),
            names: s.names,
            created_at: s.created_at,
            revoked: s.revoked_at.is_some(),
        }
    }
}

/// A new public link, shown once.
#[derive(SimpleObject)]
#[graphql(name = "ExhibitionShareLink")]
pub struct ShareLinkGql {
    share: ShareGql,
    /// The public page, relative to the gateway: `/share/<community>/<token>`.
    path: String,
}

#[derive(Default)]
pub struct SharingQuery;

#[Object]
impl SharingQuery {
    /// The public links of an exhibition, live and revoked (staff).
    async fn exhibition_shares(&self, ctx: &Context<'_>, exhibition_id: ID) -> Res<Vec<ShareGql>> {
        let rows = svc::exhibition_shares(community(ctx)?, uuid(&exhibition_id)?).await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }
}

#[derive(Default)]
pub struct SharingMutation;

#[Object]
impl SharingMutation {
    /// A public link to a published exhibition, for the community's 公众号 (staff): its works
    /// (a minor's only with consent) and authors named as chosen, nothing else.
    async fn share_exhibition(
        &self,
        ctx: &Context<'_>,
        exhibition_id: ID,
        #[graphql(default_with = "ShareNames::Surname")] names: ShareNames,
    ) -> Res<ShareLinkGql> {
        let s = community(ctx)?;
        let new = svc::share_exhibition(s, uuid(&exhibition_id)?, names).await?;
        Ok(ShareLinkGql {
            path: format!("/share/{}/{}", s.tenant().slug, new.token),
            share: new.share.into(),
        })
    }

    /// Stop sharing an exhibition: every live link stops working (staff). Returns how many.
    async fn revoke_exhibition_shares(&self, ctx: &Context<'_>, exhibition_id: ID) -> Res<i32> {
        let n = svc::revoke_exhibition_shares(community(ctx)?, uuid(&exhibition_id)?).await?;
        Ok(n as i32)
    }
}
