//! The GraphQL face of honours.

use async_graphql::{Context, ID, Object};
use infra::graphql::{Res, parse_id as uuid};
use tenancy::graphql::community;

use super::model::{Nomination, Round, RoundStatus};
use super::service as svc;

#[derive(Default)]
pub struct HonoursQuery;

#[Object]
impl HonoursQuery {
    /// Rounds of honours (评优), newest first.
    async fn honour_rounds(&self, ctx: &Context<'_>) -> Res<Vec<Round>> {
        Ok(svc::rounds(community(ctx)?).await?)
    }

    /// A round's nominations: staff see all with scores; members the published awards.
    async fn honour_nominations(&self, ctx: &Context<'_>, round_id: ID) -> Res<Vec<Nomination>> {
        Ok(svc::nominations(community(ctx)?, uuid(&round_id)?).await?)
    }
}

#[derive(Default)]
pub struct HonoursMutation;

#[Object]
impl HonoursMutation {
    /// Open a round of honours (staff), e.g. 2026 年度评优: 最美志愿者, 优秀学员, 文明家庭.
    async fn open_honour_round(
        &self,
        ctx: &Context<'_>,
        title: String,
        year: i32,
        awards: Vec<String>,
    ) -> Res<Round> {
        Ok(svc::open_round(community(ctx)?, &title, year, &awards).await?)
    }

    /// Nominate someone for one of an open round's honours (any member).
    async fn nominate_for_honour(
        &self,
        ctx: &Context<'_>,
        round_id: ID,
        award: String,
        nominee: String,
        nominee_account_id: Option<ID>,
        reason: String,
    ) -> Res<Nomination> {
        let account = nominee_account_id.as_ref().map(uuid).transpose()?;
        Ok(svc::nominate(
            community(ctx)?,
            uuid(&round_id)?,
            &award,
            &nominee,
            account,
            &reason,
        )
        .await?)
    }

    /// Move a round on (staff): to REVIEWING, then to PUBLISHED.
    async fn advance_honour_round(
        &self,
        ctx: &Context<'_>,
        round_id: ID,
        to: RoundStatus,
    ) -> Res<Round> {
        Ok(svc::advance(community(ctx)?, uuid(&round_id)?, to).await?)
    }

    /// Score a nomination in review, 0–100 (staff; again, it replaces yours).
    async fn score_honour_nomination(
        &self,
        ctx: &Context<'_>,
        nomination_id: ID,
        score: i32,
    ) -> Res<Nomination> {
        Ok(svc::score(community(ctx)?, uuid(&nomination_id)?, score).await?)
    }

    /// Give or take back an honour for a scored nomination, in review (staff).
    async fn award_honour(
        &self,
        ctx: &Context<'_>,
        nomination_id: ID,
        awarded: bool,
    ) -> Res<Nomination> {
        Ok(svc::award(community(ctx)?, uuid(&nomination_id)?, awarded).await?)
    }
}
