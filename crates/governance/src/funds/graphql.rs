//! The GraphQL face of funds.

use async_graphql::{Context, ID, Object, SimpleObject};
use infra::graphql::{Res, parse_id as uuid};
use tenancy::graphql::community;

use super::model::{self, IncomeKind};
use super::service as svc;

/// A decided request, with the spending it paid (when approved).
#[derive(SimpleObject)]
#[graphql(name = "FundDecision")]
pub struct DecisionGql {
    request: model::Request,
    paid: Option<model::Movement>,
}

#[derive(Default)]
pub struct FundsQuery;

#[Object]
impl FundsQuery {
    /// The community's funds (基金) with their balances; every member reads them.
    async fn funds(&self, ctx: &Context<'_>) -> Res<Vec<model::Fund>> {
        Ok(svc::funds(community(ctx)?).await?)
    }

    /// A fund's public statement (收支明细), newest first.
    async fn fund_statement(
        &self,
        ctx: &Context<'_>,
        fund_id: ID,
        #[graphql(default = 100)] first: i32,
    ) -> Res<Vec<model::Movement>> {
        Ok(svc::statement(community(ctx)?, uuid(&fund_id)?, first).await?)
    }

    /// Spending requests: staff see all (of one fund, or every fund), a member their own.
    async fn fund_requests(
        &self,
        ctx: &Context<'_>,
        fund_id: Option<ID>,
    ) -> Res<Vec<model::Request>> {
        let fund = fund_id.as_ref().map(uuid).transpose()?;
        Ok(svc::requests(community(ctx)?, fund).await?)
    }
}

#[derive(Default)]
pub struct FundsMutation;

#[Object]
impl FundsMutation {
    /// Open a fund (staff).
    async fn create_fund(
        &self,
        ctx: &Context<'_>,
        name: String,
        purpose: String,
    ) -> Res<model::Fund> {
        Ok(svc::create_fund(community(ctx)?, &name, &purpose).await?)
    }

    /// Record income (staff): a donation, a sale's takings or a grant, in 分, with the name the
    /// giver chose to show (none: 匿名).
    async fn record_fund_income(
        &self,
        ctx: &Context<'_>,
        fund_id: ID,
        kind: IncomeKind,
        amount_fen: i64,
        purpose: String,
        from: Option<String>,
    ) -> Res<model::Movement> {
        Ok(svc::record_income(
            community(ctx)?,
            uuid(&fund_id)?,
            kind,
            amount_fen,
            &purpose,
            from.as_deref(),
        )
        .await?)
    }

    /// Ask a fund to pay for something (any member), in 分.
    async fn request_fund_spending(
        &self,
        ctx: &Context<'_>,
        fund_id: ID,
        purpose: String,
        amount_fen: i64,
    ) -> Res<model::Request> {
        Ok(svc::request_spending(community(ctx)?, uuid(&fund_id)?, &purpose, amount_fen).await?)
    }

    /// Approve (paid at once) or decline with a reason a request someone else made (staff).
    async fn decide_fund_request(
        &self,
        ctx: &Context<'_>,
        request_id: ID,
        approve: bool,
        reason: Option<String>,
    ) -> Res<DecisionGql> {
        let (request, paid) = svc::decide_request(
            community(ctx)?,
            uuid(&request_id)?,
            approve,
            reason.as_deref(),
        )
        .await?;
        Ok(DecisionGql { request, paid })
    }

    /// Reverse a movement entered in error (冲正, staff): its exact opposite, once.
    async fn reverse_fund_movement(
        &self,
        ctx: &Context<'_>,
        movement_id: ID,
        reason: String,
    ) -> Res<model::Movement> {
        Ok(svc::reverse(community(ctx)?, uuid(&movement_id)?, &reason).await?)
    }
}
