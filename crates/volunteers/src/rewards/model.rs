use chrono::{DateTime, Utc};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum RewardKind {
    /// 实物: has a stock.
    Goods,
    /// 服务: does not run out.
    Service,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum RedemptionStatus {
    /// Paid, the goods or service not yet given: the holder may still cancel.
    Redeemed,
    /// Given at the counter (已领取): only staff may cancel, as a recorded correction.
    HandedOver,
    Cancelled,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Reward {
    pub id: Uuid,
    pub name: String,
    pub kind: RewardKind,
    pub price: i32,
    pub stock: Option<i32>,
    pub active: bool,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Redemption {
    pub id: Uuid,
    pub reward_id: Uuid,
    pub holder: Uuid,
    pub quantity: i32,
    pub points: i64,
    pub status: RedemptionStatus,
    pub transfer_id: Uuid,
    pub reversal_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub handed_over_at: Option<DateTime<Utc>>,
    /// Why staff cancelled it after it was handed over.
    pub cancel_reason: Option<String>,
}
