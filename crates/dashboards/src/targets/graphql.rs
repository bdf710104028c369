//! The GraphQL face of district targets.

use async_graphql::{Context, InputObject, Object};
use infra::graphql::Res;
use tenancy::graphql::{principal, tenancy};

use super::model::{DistrictTarget, TargetPeriod};
use super::service;

#[derive(InputObject)]
pub struct DistrictTargetInput {
    /// 每月两堂公益课, 季季有交流 …
    name: String,
    /// A figure of the catalogue: courses.public_sessions, courses.events_exchange …
    figure: String,
    period: TargetPeriod,
    /// The least total per period in each community.
    min_value: i64,
}

#[derive(Default)]
pub struct TargetsQuery;

#[Object]
impl TargetsQuery {
    /// The targets a district is held to: its own and those of the districts above it (its
    /// admins and viewers).
    async fn district_targets(
        &self,
        ctx: &Context<'_>,
        district_code: String,
    ) -> Res<Vec<DistrictTarget>> {
        Ok(service::targets(tenancy(ctx), principal(ctx)?, &district_code).await?)
    }
}

#[derive(Default)]
pub struct TargetsMutation;

#[Object]
impl TargetsMutation {
    /// Set a target of the district for every community within it, or change the one of that
    /// name (its admins).
    async fn set_district_target(
        &self,
        ctx: &Context<'_>,
        district_code: String,
        input: DistrictTargetInput,
    ) -> Res<DistrictTarget> {
        Ok(service::set_target(
            tenancy(ctx),
            principal(ctx)?,
            &district_code,
            service::TargetInput {
                name: input.name,
                figure: input.figure,
                period: input.period,
                min_value: input.min_value,
            },
        )
        .await?)
    }

    /// Remove the district's target of this name (its admins).
    async fn remove_district_target(
        &self,
        ctx: &Context<'_>,
        district_code: String,
        name: String,
    ) -> Res<bool> {
        Ok(service::remove_target(tenancy(ctx), principal(ctx)?, &district_code, &name).await?)
    }
}
