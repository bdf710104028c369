//! The GraphQL face of rewards and redemptions.

use async_graphql::{Context, Enum, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};
use infra::graphql::parse_id as uuid;
use tenancy::graphql::community;

use super::model;
use super::service as svc;
use crate::error::VolunteersError;
use crate::ledger::graphql::key;
use infra::graphql::{Res, id};

#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(name = "RewardKind", remote = "super::model::RewardKind")]
pub enum RewardKindGql {
    /// 实物
    Goods,
    /// 服务
    Service,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(name = "RedemptionStatus", remote = "super::model::RedemptionStatus")]
pub enum RedemptionStatusGql {
    /// Paid, waiting at the counter: its holder may still cancel.
    Redeemed,
    /// 已领取: only staff may cancel it, as a correction with a reason.
    HandedOver,
    Cancelled,
}

#[derive(SimpleObject)]
#[graphql(name = "Reward")]
pub struct RewardGql {
    id: ID,
    name: String,
    kind: RewardKindGql,
    price: i32,
    stock: Option<i32>,
    active: bool,
}

impl From<model::Reward> for RewardGql {
    fn from(r: model::Reward) -> Self {
        RewardGql {
            id: id(r.id),
            name: r.name,
            kind: r.kind.into(),
            price: r.price,
            stock: r.stock,
            active: r.active,
        }
    }
}

#[derive(SimpleObject)]
#[graphql(name = "Redemption")]
pub struct RedemptionGql {
    id: ID,
    reward_id: ID,
    holder_id: ID,
    quantity: i32,
    points: i64,
    status: RedemptionStatusGql,
    transfer_id: ID,
    reversal_id: Option<ID>,
    created_at: DateTime<Utc>,
    handed_over_at: Option<DateTime<Utc>>,
    /// Why staff cancelled it after it was handed over.
    cancel_reason: Option<String>,
}

/// A redemption's code, shown at the counter.
#[derive(SimpleObject)]
#[graphql(name = "RedemptionCode")]
pub struct RedemptionCodeGql {
    token: String,
    svg: String,
}

impl From<model::Redemption> for RedemptionGql {
    fn from(r: model::Redemption) -> Self {
        RedemptionGql {
            id: id(r.id),
            reward_id: id(r.reward_id),
            holder_id: id(r.holder),
            quantity: r.quantity,
            points: r.points,
            status: r.status.into(),
            transfer_id: id(r.transfer_id),
            reversal_id: r.reversal_id.map(id),
            created_at: r.created_at,
            handed_over_at: r.handed_over_at,
            cancel_reason: r.cancel_reason,
        }
    }
}

#[derive(Default)]
pub struct RewardsQuery;

#[Object]
impl RewardsQuery {
    /// The reward catalogue (积分兑换目录).
    async fn rewards(&self, ctx: &Context<'_>) -> Res<Vec<RewardGql>> {
        let rows = svc::rewards(community(ctx)?).await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// The caller's redemptions, or everyone's (`all`, staff).
    async fn redemptions(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] all: bool,
    ) -> Res<Vec<RedemptionGql>> {
        let rows = svc::redemptions(community(ctx)?, all).await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// A redemption's code to show at the counter (its holder, or staff), until handed over.
    async fn redemption_code(
        &self,
        ctx: &Context<'_>,
        redemption_id: ID,
    ) -> Res<RedemptionCodeGql> {
        let (token, svg) = svc::code(community(ctx)?, uuid(&redemption_id)?).await?;
        Ok(RedemptionCodeGql { token, svg })
    }
}

#[derive(Default)]
pub struct RewardsMutation;

#[Object]
impl RewardsMutation {
    /// Add a reward (staff): goods with a stock, or a service without.
    async fn create_reward(
        &self,
        ctx: &Context<'_>,
        name: String,
        kind: RewardKindGql,
        price: i32,
        stock: Option<i32>,
    ) -> Res<RewardGql> {
        Ok(
            svc::create_reward(community(ctx)?, &name, kind.into(), price, stock)
                .await?
                .into(),
        )
    }

    /// Add stock, or withdraw / restore a reward (staff).
    async fn restock_reward(
        &self,
        ctx: &Context<'_>,
        reward_id: ID,
        #[graphql(default)] add: i32,
        active: Option<bool>,
    ) -> Res<RewardGql> {
        Ok(
            svc::restock(community(ctx)?, uuid(&reward_id)?, add, active)
                .await?
                .into(),
        )
    }

    /// Redeem a reward with one's points. `key`: the client's idempotency key.
    async fn redeem_reward(
        &self,
        ctx: &Context<'_>,
        key: String,
        reward_id: ID,
        #[graphql(default = 1)] quantity: i32,
    ) -> Res<RedemptionGql> {
        Ok(svc::redeem(
            community(ctx)?,
            self::key(&key)?,
            uuid(&reward_id)?,
            quantity,
        )
        .await?
        .into())
    }

    /// Cancel a redemption: its holder before it is handed over (points and stock come
    /// back); staff also after, as a correction with a `reason` (the points come back).
    async fn cancel_redemption(
        &self,
        ctx: &Context<'_>,
        redemption_id: ID,
        reason: Option<String>,
    ) -> Res<RedemptionGql> {
        Ok(
            svc::cancel(community(ctx)?, uuid(&redemption_id)?, reason.as_deref())
                .await?
                .into(),
        )
    }

    /// Hand a redemption over at the counter (staff): give `redemptionId`, or the `code`
    /// scanned from the holder's phone. Once.
    async fn hand_over_redemption(
        &self,
        ctx: &Context<'_>,
        redemption_id: Option<ID>,
        code: Option<String>,
    ) -> Res<RedemptionGql> {
        let which = match (&redemption_id, &code) {
            (Some(r), None) => svc::HandOver::Id(uuid(r)?),
            (None, Some(c)) => svc::HandOver::Code(c),
            _ => {
                return Err(infra::AppError::from(VolunteersError::RedemptionOrCode).into());
            }
        };
        Ok(svc::hand_over(community(ctx)?, which).await?.into())
    }
}
