use chrono::{DateTime, Utc};
#[cfg(feature = "graphql")]
use infra::graphql::{ID, id, opt_id};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "RewardKind")
)]
pub enum RewardKind {
    /// 实物: has a stock.
    Goods,
    /// 服务: does not run out.
    Service,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "RedemptionStatus")
)]
pub enum RedemptionStatus {
    /// Paid, the goods or service not yet given: the holder may still cancel.
    Redeemed,
    /// Given at the counter (已领取): only staff may cancel, as a recorded correction.
    HandedOver,
    Cancelled,
}

#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "Reward")
)]
pub struct Reward {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    pub name: String,
    pub kind: RewardKind,
    pub price: i32,
    pub stock: Option<i32>,
    pub active: bool,
}

#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "Redemption")
)]
pub struct Redemption {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "reward_id", into = "ID", with = "id", owned))
    )]
    pub reward_id: Uuid,
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "holder_id", into = "ID", with = "id", owned))
    )]
    pub holder: Uuid,
    pub quantity: i32,
    pub points: i64,
    pub status: RedemptionStatus,
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "transfer_id", into = "ID", with = "id", owned))
    )]
    pub transfer_id: Uuid,
    #[cfg_attr(
        feature = "graphql",
        graphql(
            skip,
            derived(name = "reversal_id", into = "Option<ID>", with = "opt_id", owned)
        )
    )]
    pub reversal_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub handed_over_at: Option<DateTime<Utc>>,
    /// Why staff cancelled it after it was handed over.
    pub cancel_reason: Option<String>,
    /// The holder's name: in staff's listing of everyone's redemptions and at the counter's
    /// hand-over; empty elsewhere (the holder knows their own).
    #[sqlx(default)]
    pub holder_name: String,
}
