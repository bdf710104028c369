//! Funds as types: a fund, a spending request, a movement; amounts in 分.

use chrono::{DateTime, Utc};
#[cfg(feature = "graphql")]
use infra::graphql::{ID, id, opt_id};
use uuid::Uuid;

/// A money fund (基金) of the community.
#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "Fund")
)]
pub struct Fund {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    pub name: String,
    /// What the fund is for (院落改造, 邻里互助 …).
    pub purpose: String,
    /// In 分 (1 元 = 100 分); never below zero.
    pub balance_fen: i64,
    #[cfg_attr(feature = "graphql", graphql(skip))]
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
}

/// Where money came from (收入来源).
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "FundIncomeKind")
)]
pub enum IncomeKind {
    /// 捐赠
    Donation,
    /// 义卖所得 (为爱而购)
    Sale,
    /// 拨款 (街道、上级)
    Grant,
}

/// A movement's kind: income of a kind, a spending, or the reversal of an earlier movement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "FundMovementKind")
)]
pub enum MovementKind {
    Donation,
    Sale,
    Grant,
    /// An approved request, paid.
    Spending,
    /// 冲正: the exact opposite of one earlier movement.
    Reversal,
}

impl From<IncomeKind> for MovementKind {
    fn from(k: IncomeKind) -> Self {
        match k {
            IncomeKind::Donation => MovementKind::Donation,
            IncomeKind::Sale => MovementKind::Sale,
            IncomeKind::Grant => MovementKind::Grant,
        }
    }
}

/// One movement of a fund's money, as the public statement shows it (收支明细).
#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "FundMovement")
)]
pub struct Movement {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "fund_id", into = "ID", with = "id", owned))
    )]
    pub fund_id: Uuid,
    pub kind: MovementKind,
    /// In 分: income positive, spending negative.
    pub amount_fen: i64,
    pub purpose: String,
    /// The donor, buyer or payee as they chose to be named; none: 匿名.
    pub counterparty: Option<String>,
    /// The movement this one reverses.
    #[cfg_attr(
        feature = "graphql",
        graphql(
            skip,
            derived(name = "reverses", into = "Option<ID>", with = "opt_id", owned)
        )
    )]
    pub reverses: Option<Uuid>,
    /// Whether a later reversal undid it.
    pub reversed: bool,
    #[cfg_attr(feature = "graphql", graphql(skip))]
    pub recorded_by: Uuid,
    pub recorded_at: DateTime<Utc>,
}

/// Where a spending request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "FundRequestStatus")
)]
pub enum RequestStatus {
    /// Waiting for staff.
    Requested,
    /// Approved and paid from the fund.
    Paid,
    /// Declined with a reason.
    Declined,
}

/// A spending request (支出申请).
#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "FundRequest")
)]
pub struct Request {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "fund_id", into = "ID", with = "id", owned))
    )]
    pub fund_id: Uuid,
    pub purpose: String,
    pub amount_fen: i64,
    #[cfg_attr(feature = "graphql", graphql(skip))]
    pub requested_by: Uuid,
    pub requester_name: String,
    pub requested_at: DateTime<Utc>,
    pub status: RequestStatus,
    pub decided_at: Option<DateTime<Utc>>,
    pub decline_reason: Option<String>,
}
