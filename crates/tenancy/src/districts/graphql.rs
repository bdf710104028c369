//! The GraphQL face of districts.

use super::model;
use crate::communities::model::Community;
use async_graphql::{ComplexObject, Context, InputObject, Object};

use crate::graphql::{principal, tenancy};

#[ComplexObject]
impl model::District {
    /// The district above (街道 → 区), if any and if the caller may see it (null otherwise:
    /// an officer of a street does not see the district's other streets through it).
    async fn parent(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<model::District>> {
        let Some(pid) = self.parent_id else {
            return Ok(None);
        };
        Ok(tenancy(ctx).district_by_id(principal(ctx)?, pid).await?)
    }

    /// The districts directly within this one (a 区's 街道), by code.
    async fn children(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<model::District>> {
        Ok(tenancy(ctx)
            .district_children(principal(ctx)?, self)
            .await?)
    }

    /// Communities of this district and of the districts within it, with their status.
    async fn communities(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Community>> {
        let t = tenancy(ctx);
        Ok(t.communities_of(principal(ctx)?, &self.path)
            .await?
            .into_iter()
            .collect())
    }
}

#[derive(InputObject)]
pub struct CreateDistrictInput {
    code: String,
    name: String,
    /// The district this one belongs to (a 街道 under its 区).
    parent_code: Option<String>,
}

#[derive(Default)]
pub struct DistrictsQuery;

#[Object]
impl DistrictsQuery {
    /// Districts the caller administers or views (all of them for a platform admin).
    async fn districts(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<model::District>> {
        let p = principal(ctx)?;
        Ok(tenancy(ctx).districts(p).await?.into_iter().collect())
    }

    async fn district(
        &self,
        ctx: &Context<'_>,
        code: String,
    ) -> async_graphql::Result<model::District> {
        let p = principal(ctx)?;
        Ok(tenancy(ctx).district(p, &code).await?)
    }
}

#[derive(Default)]
pub struct DistrictsMutation;

#[Object]
impl DistrictsMutation {
    async fn create_district(
        &self,
        ctx: &Context<'_>,
        input: CreateDistrictInput,
    ) -> async_graphql::Result<model::District> {
        let p = principal(ctx)?;
        let d = tenancy(ctx)
            .create_district(p, &input.code, &input.name, input.parent_code.as_deref())
            .await?;
        Ok(d)
    }
}
