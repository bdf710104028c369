//! The GraphQL face of 双报到.

use async_graphql::{Context, ID, Object};
use infra::graphql::{Res, parse_id as uuid};
use tenancy::graphql::community;

use super::model::{PartyReport, WorkplaceService};
use super::service::{self as svc, ReportInput};

#[derive(Default)]
pub struct PartyReportsQuery;

#[Object]
impl PartyReportsQuery {
    /// My open report (双报到), if any.
    async fn my_party_report(&self, ctx: &Context<'_>) -> Res<Option<PartyReport>> {
        Ok(svc::my_report(community(ctx)?).await?)
    }

    /// Every employed party member reported in (staff).
    async fn party_reports(&self, ctx: &Context<'_>) -> Res<Vec<PartyReport>> {
        Ok(svc::reports(community(ctx)?).await?)
    }

    /// Each workplace's members reported in and their verified service (staff).
    async fn party_service_by_workplace(&self, ctx: &Context<'_>) -> Res<Vec<WorkplaceService>> {
        Ok(svc::by_workplace(community(ctx)?).await?)
    }
}

#[derive(Default)]
pub struct PartyReportsMutation;

#[Object]
impl PartyReportsMutation {
    /// Report in to this community as an employed party member (双报到).
    async fn report_in_as_party_member(
        &self,
        ctx: &Context<'_>,
        workplace: String,
        organisation_id: Option<ID>,
        party_organisation: String,
        #[graphql(default)] skills: Vec<String>,
        #[graphql(default)] services: Vec<String>,
    ) -> Res<PartyReport> {
        let r = ReportInput {
            workplace,
            organisation_id: organisation_id.as_ref().map(uuid).transpose()?,
            party_organisation,
            skills,
            services,
        };
        Ok(svc::report_in(community(ctx)?, r).await?)
    }

    /// End a report (the member, or staff); once.
    async fn end_party_report(&self, ctx: &Context<'_>, id: ID) -> Res<PartyReport> {
        Ok(svc::end(community(ctx)?, uuid(&id)?).await?)
    }

    /// Write to every party member reported in (staff); how many were told.
    async fn notify_party_members(
        &self,
        ctx: &Context<'_>,
        title: String,
        body: String,
    ) -> Res<i32> {
        let told = svc::notify(community(ctx)?, &title, &body).await?;
        Ok(i32::try_from(told).unwrap_or(i32::MAX))
    }
}
