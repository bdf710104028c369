//! The points ledger's records: accounts and the transfers between them.

use chrono::{DateTime, Utc};
#[cfg(feature = "graphql")]
use infra::graphql::{ID, id, opt_id};
use uuid::Uuid;

/// Where points come from (issuance), are kept and go to (burned).
pub const ISSUANCE: Uuid = Uuid::from_u128(1);
pub const BURNED: Uuid = Uuid::from_u128(2);
/// The community fund (社区积分池): redemptions and bookings pay into it.
pub const FUND: Uuid = Uuid::from_u128(3);

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "PointsAccountKind")
)]
pub enum AccountKind {
    /// A resident's own points.
    Person,
    /// A collective card (单位卡, 企业卡, 院落集体卡) with members.
    Collective,
    /// The community fund (社区积分池).
    Fund,
    /// Where points are issued from: the books' source, unbounded.
    Issuance,
    /// Where points spent on goods end: the books' sink.
    Burned,
}

/// 单位卡 (party units' savings cards), 企业卡, 院落集体卡.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "CollectiveKind")
)]
pub enum CollectiveKind {
    /// 单位卡
    PartyUnit,
    /// 企业卡
    Enterprise,
    /// 院落集体卡
    Courtyard,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "TransferKind")
)]
pub enum TransferKind {
    /// Staff issue points (a correction of the books, a top-up of the fund).
    Grant,
    /// Verified volunteer hours.
    Earn,
    /// A reward redeemed (积分兑换).
    Redeem,
    /// Between residents (积分流转).
    Transfer,
    /// A space booking's price.
    Booking,
    /// A correction: the reverse of an earlier transfer.
    Reversal,
    /// Points taken out of circulation.
    Burn,
}

#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "PointsAccount")
)]
pub struct PointsAccount {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    pub kind: AccountKind,
    /// A person's platform account.
    #[cfg_attr(
        feature = "graphql",
        graphql(
            skip,
            derived(name = "holder_id", into = "Option<ID>", with = "opt_id", owned)
        )
    )]
    pub holder: Option<Uuid>,
    pub collective_kind: Option<CollectiveKind>,
    pub name: String,
    /// Stored balance plus credits not yet folded in; for issuance and burned, recounted.
    pub balance: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Transfer {
    pub id: Uuid,
    pub key: String,
    pub kind: TransferKind,
    pub from_account: Uuid,
    pub to_account: Uuid,
    pub amount: i64,
    pub attributed_to: Option<Uuid>,
    pub reverses: Option<Uuid>,
    pub reference: Option<String>,
    pub memo: Option<String>,
    pub created_by: Uuid,
    pub created_at: DateTime<Utc>,
}

/// An idempotency key as a client sends it: 8–100 letters, digits and `_ : . -`. It names a
/// movement only together with its sender ([`IdempotencyKey::of_client`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientKey(String);

impl ClientKey {
    pub fn parse(s: &str) -> Result<ClientKey, crate::error::VolunteersError> {
        let ok = (8..=100).contains(&s.len())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | ':' | '.' | '-'));
        if ok {
            Ok(ClientKey(s.to_owned()))
        } else {
            Err(crate::error::VolunteersError::BadKey)
        }
    }
}

/// The ledger's key of a movement, unique in the community. A client's key lives in its
/// sender's namespace, `c:<account>:<key>`, so it can never equal another sender's key nor a
/// key the system derives for a movement it makes itself (`booking:<id>`, `refund:<id>`,
/// `hours:<id>`, `expiry-<day>:<account>` …): a member who reads a booking id cannot take its
/// refund's key first. The database holds the same rule (`points_transfers_key_namespace`:
/// a `c:` key names its transfer's `created_by`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotencyKey(String);

/// The namespace of clients' keys.
const CLIENT: &str = "c:";

impl IdempotencyKey {
    /// A client's key in the namespace of the account that sent it.
    pub fn of_client(sender: Uuid, key: &ClientKey) -> IdempotencyKey {
        IdempotencyKey(format!("{CLIENT}{sender}:{}", key.0))
    }

    /// A key the system derives for a movement it makes itself (hours:<id> …). The prefix is
    /// the code's own, lowercase letters, digits and `-`: never the clients' `c`.
    pub fn derived(prefix: &str, id: Uuid) -> IdempotencyKey {
        assert!(
            prefix != "c"
                && prefix
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "a derived key's prefix is the code's own: {prefix:?}"
        );
        IdempotencyKey(format!("{prefix}:{id}"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The key as its client sent it (a derived key as it is).
    pub fn shown(stored: &str) -> &str {
        stored
            .strip_prefix(CLIENT)
            .and_then(|rest| rest.split_once(':'))
            .map_or(stored, |(_, key)| key)
    }
}

/// One movement of points, about to be written.
#[derive(Debug, Clone)]
pub struct Movement {
    pub key: IdempotencyKey,
    pub kind: TransferKind,
    pub from: Uuid,
    pub to: Uuid,
    /// Positive: a transfer never moves zero or less.
    pub amount: i64,
    pub attributed_to: Option<Uuid>,
    pub reverses: Option<Uuid>,
    pub reference: Option<String>,
    pub memo: Option<String>,
}

/// The books recounted from the transfers.
#[derive(Debug, Clone)]
pub struct LedgerCheck {
    pub issued: i64,
    pub burned: i64,
    /// Sum of every kept balance (people, cards, the fund).
    pub held: i64,
    /// Accounts whose kept balance differs from the recount (none, ever).
    pub mismatched: Vec<Uuid>,
    pub transfers: i64,
}
