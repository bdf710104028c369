//! The GraphQL face of rewards and redemptions.

use super::model;
use crate::rewards::model::RewardKind;
use async_graphql::{Context, ID, Object, SimpleObject};
use infra::graphql::parse_id as uuid;
use tenancy::graphql::{community, tenancy};

use super::service as svc;
use crate::error::VolunteersError;
use crate::ledger::graphql::key;
use infra::graphql::Res;

/// Fill in the holders' names, one look-up for the list.
async fn named(ctx: &Context<'_>, rows: &mut [model::Redemption]) -> Res<()> {
    let holders: Vec<_> = rows.iter().map(|r| r.holder).collect();
    let names = tenancy(ctx).display_names(&holders).await?;
    for r in rows {
        r.holder_name = names.get(&r.holder).cloned().unwrap_or_default();
    }
    Ok(())
}

/// A redemption's code, shown at the counter.
#[derive(SimpleObject)]
#[graphql(name = "RedemptionCode")]
pub struct RedemptionCodeGql {
    token: String,
    svg: String,
}

#[derive(Default)]
pub struct RewardsQuery;

#[Object]
impl RewardsQuery {
    /// The reward catalogue (积分兑换目录).
    async fn rewards(&self, ctx: &Context<'_>) -> Res<Vec<model::Reward>> {
        let rows = svc::rewards(community(ctx)?).await?;
        Ok(rows.into_iter().collect())
    }

    /// The caller's redemptions, or everyone's (`all`, staff).
    async fn redemptions(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] all: bool,
    ) -> Res<Vec<model::Redemption>> {
        let mut rows = svc::redemptions(community(ctx)?, all).await?;
        if all {
            named(ctx, &mut rows).await?;
        }
        Ok(rows)
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
        kind: RewardKind,
        price: i32,
        stock: Option<i32>,
    ) -> Res<model::Reward> {
        Ok(svc::create_reward(community(ctx)?, &name, kind, price, stock).await?)
    }

    /// Add stock, or withdraw / restore a reward (staff).
    async fn restock_reward(
        &self,
        ctx: &Context<'_>,
        reward_id: ID,
        #[graphql(default)] add: i32,
        active: Option<bool>,
    ) -> Res<model::Reward> {
        Ok(svc::restock(community(ctx)?, uuid(&reward_id)?, add, active).await?)
    }

    /// Redeem a reward with one's points. `key`: the client's idempotency key.
    async fn redeem_reward(
        &self,
        ctx: &Context<'_>,
        key: String,
        reward_id: ID,
        #[graphql(default = 1)] quantity: i32,
    ) -> Res<model::Redemption> {
        Ok(svc::redeem(
            community(ctx)?,
            self::key(&key)?,
            uuid(&reward_id)?,
            quantity,
        )
        .await?)
    }

    /// Cancel a redemption: its holder before it is handed over (points and stock come
    /// back); staff also after, as a correction with a `reason` (the points come back).
    async fn cancel_redemption(
        &self,
        ctx: &Context<'_>,
        redemption_id: ID,
        reason: Option<String>,
    ) -> Res<model::Redemption> {
        Ok(svc::cancel(community(ctx)?, uuid(&redemption_id)?, reason.as_deref()).await?)
    }

    /// Hand a redemption over at the counter (staff): give `redemptionId`, or the `code`
    /// scanned from the holder's phone. Once.
    async fn hand_over_redemption(
        &self,
        ctx: &Context<'_>,
        redemption_id: Option<ID>,
        code: Option<String>,
    ) -> Res<model::Redemption> {
        let which = match (&redemption_id, &code) {
            (Some(r), None) => svc::HandOver::Id(uuid(r)?),
            (None, Some(c)) => svc::HandOver::Code(c),
            _ => {
                return Err(infra::AppError::from(VolunteersError::RedemptionOrCode).into());
            }
        };
        let mut r = [svc::hand_over(community(ctx)?, which).await?];
        named(ctx, &mut r).await?;
        let [r] = r;
        Ok(r)
    }
}
