//! The GraphQL face of the ledger.

use crate::ledger::model::AccountKind;
use crate::ledger::model::CollectiveKind;
use crate::ledger::model::TransferKind;
use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};
use infra::graphql::parse_id as uuid;
use tenancy::graphql::{community, tenancy};

use super::model::{self, ClientKey, IdempotencyKey};
use super::service::{self as svc, TransferLimits};
use crate::error::VolunteersError;
use infra::graphql::{Res, id};

pub(crate) fn key(s: &str) -> Res<ClientKey> {
    Ok(ClientKey::parse(s.trim()).map_err(infra::AppError::from)?)
}

#[derive(SimpleObject)]
#[graphql(name = "PointsTransfer")]
pub struct TransferGql {
    id: ID,
    /// The idempotency key as its client sent it (or the one the system derived).
    key: String,
    kind: TransferKind,
    from_account: ID,
    to_account: ID,
    amount: i64,
    /// The member a card's credit was earned by.
    attributed_to: Option<ID>,
    reverses: Option<ID>,
    reference: Option<String>,
    memo: Option<String>,
    created_at: DateTime<Utc>,
}

impl From<model::Transfer> for TransferGql {
    fn from(t: model::Transfer) -> Self {
        TransferGql {
            id: id(t.id),
            key: IdempotencyKey::shown(&t.key).to_owned(),
            kind: t.kind,
            from_account: id(t.from_account),
            to_account: id(t.to_account),
            amount: t.amount,
            attributed_to: t.attributed_to.map(id),
            reverses: t.reverses.map(id),
            reference: t.reference,
            memo: t.memo,
            created_at: t.created_at,
        }
    }
}

#[derive(SimpleObject)]
#[graphql(name = "PointsStatement")]
pub struct StatementGql {
    account: model::PointsAccount,
    /// Newest first.
    transfers: Vec<TransferGql>,
}

#[derive(SimpleObject)]
#[graphql(name = "LedgerCheck")]
pub struct LedgerCheckGql {
    issued: i64,
    burned: i64,
    /// Held by people, cards and the fund: always issued − burned.
    held: i64,
    /// Accounts whose kept balance differs from the recount of their transfers.
    mismatched: Vec<ID>,
    transfers: i64,
}

#[derive(SimpleObject, async_graphql::InputObject)]
#[graphql(name = "TransferLimits", input_name = "TransferLimitsInput")]
pub struct LimitsGql {
    max_per_transfer: i32,
    max_per_month: i32,
}

/// A member of a collective card (集体卡成员): their hours may be credited to the card.
#[derive(SimpleObject)]
#[graphql(name = "CardMember")]
pub struct CardMemberGql {
    account_id: ID,
    name: String,
}

/// The time bank's settings (时间银行设置).
#[derive(SimpleObject)]
#[graphql(name = "TimeBankSettings")]
pub struct SettingsGql {
    /// Points held longer than this many days expire, oldest first; null: never.
    expiry_days: Option<i32>,
    transfer_limits: LimitsGql,
}

#[derive(Default)]
pub struct PointsLedgerQuery;

#[Object]
impl PointsLedgerQuery {
    /// The caller's points account (none until points first reach it).
    async fn my_points(&self, ctx: &Context<'_>) -> Res<Option<model::PointsAccount>> {
        Ok(svc::my_account(community(ctx)?).await?)
    }

    /// Points accounts of the community, of one kind or all (staff).
    async fn points_accounts(
        &self,
        ctx: &Context<'_>,
        kind: Option<AccountKind>,
    ) -> Res<Vec<model::PointsAccount>> {
        let rows = svc::accounts(community(ctx)?, kind).await?;
        Ok(rows.into_iter().collect())
    }

    /// An account and its latest transfers: one's own, a card one belongs to, or any (staff).
    async fn points_statement(
        &self,
        ctx: &Context<'_>,
        account_id: ID,
        #[graphql(default = 50)] last: i64,
    ) -> Res<StatementGql> {
        let (a, t) = svc::account_with_transfers(community(ctx)?, uuid(&account_id)?, last).await?;
        Ok(StatementGql {
            account: a,
            transfers: t.into_iter().map(Into::into).collect(),
        })
    }

    /// A collective card's members by name (staff).
    async fn collective_members(&self, ctx: &Context<'_>, card_id: ID) -> Res<Vec<CardMemberGql>> {
        let members = svc::collective_members(community(ctx)?, uuid(&card_id)?).await?;
        let names = tenancy(ctx).display_names(&members).await?;
        let mut out: Vec<CardMemberGql> = members
            .into_iter()
            .map(|m| CardMemberGql {
                account_id: id(m),
                name: names.get(&m).cloned().unwrap_or_default(),
            })
            .collect();
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    /// Points' expiry and the transfer limits (staff).
    async fn time_bank_settings(&self, ctx: &Context<'_>) -> Res<SettingsGql> {
        let (expiry_days, l) = svc::settings(community(ctx)?).await?;
        Ok(SettingsGql {
            expiry_days,
            transfer_limits: LimitsGql {
                max_per_transfer: l.max_per_transfer,
                max_per_month: l.max_per_month,
            },
        })
    }

    /// The books recounted from the transfers (staff).
    async fn ledger_check(&self, ctx: &Context<'_>) -> Res<LedgerCheckGql> {
        let c = svc::check(community(ctx)?).await?;
        Ok(LedgerCheckGql {
            issued: c.issued,
            burned: c.burned,
            held: c.held,
            mismatched: c.mismatched.into_iter().map(id).collect(),
            transfers: c.transfers,
        })
    }
}

#[derive(Default)]
pub struct PointsLedgerMutation;

#[Object]
impl PointsLedgerMutation {
    /// Issue points (staff) to an account (a card, the fund) or to a person (their account
    /// opens on first use): give exactly one. `key`: the client's idempotency key.
    async fn grant_points(
        &self,
        ctx: &Context<'_>,
        key: String,
        account_id: Option<ID>,
        person_id: Option<ID>,
        amount: i64,
        memo: Option<String>,
    ) -> Res<TransferGql> {
        let to = match (account_id, person_id) {
            (Some(a), None) => svc::Recipient::Account(uuid(&a)?),
            (None, Some(p)) => svc::Recipient::Person(uuid(&p)?),
            _ => {
                return Err(infra::AppError::from(VolunteersError::AccountOrPerson).into());
            }
        };
        let t = svc::grant(community(ctx)?, self::key(&key)?, to, amount, memo).await?;
        Ok(t.into())
    }

    /// Pass points to a family member (积分流转), within the community's limits.
    async fn send_points(
        &self,
        ctx: &Context<'_>,
        key: String,
        to_person_id: ID,
        amount: i64,
        memo: Option<String>,
    ) -> Res<TransferGql> {
        let t = svc::send(
            community(ctx)?,
            self::key(&key)?,
            uuid(&to_person_id)?,
            amount,
            memo,
        )
        .await?;
        Ok(t.into())
    }

    /// Correct a transfer by reversing it, once (staff).
    async fn reverse_transfer(
        &self,
        ctx: &Context<'_>,
        key: String,
        transfer_id: ID,
        memo: Option<String>,
    ) -> Res<TransferGql> {
        let t = svc::reverse(community(ctx)?, self::key(&key)?, uuid(&transfer_id)?, memo).await?;
        Ok(t.into())
    }

    /// A collective card (staff).
    async fn create_collective_card(
        &self,
        ctx: &Context<'_>,
        name: String,
        kind: CollectiveKind,
    ) -> Res<model::PointsAccount> {
        Ok(svc::create_collective(community(ctx)?, &name, kind).await?)
    }

    /// Add a person to a collective card (staff).
    async fn add_collective_member(
        &self,
        ctx: &Context<'_>,
        card_id: ID,
        person_id: ID,
    ) -> Res<bool> {
        svc::add_collective_member(community(ctx)?, uuid(&card_id)?, uuid(&person_id)?).await?;
        Ok(true)
    }

    /// Points expire after this many days held, oldest first (staff); null: never.
    async fn set_points_expiry(&self, ctx: &Context<'_>, days: Option<i32>) -> Res<Option<i32>> {
        Ok(super::expiry::set_expiry(community(ctx)?, days).await?)
    }

    /// Limits on points passed between residents (staff).
    async fn set_transfer_limits(&self, ctx: &Context<'_>, input: LimitsGql) -> Res<LimitsGql> {
        let l = svc::set_transfer_limits(
            community(ctx)?,
            TransferLimits {
                max_per_transfer: input.max_per_transfer,
                max_per_month: input.max_per_month,
            },
        )
        .await?;
        Ok(LimitsGql {
            max_per_transfer: l.max_per_transfer,
            max_per_month: l.max_per_month,
        })
    }
}
