//! Volunteers: the time bank (时间银行).
//!
//! Owns the community's points ledger (`ledger`: accounts for people, collective cards and the
//! fund; immutable, idempotent transfers; balances kept by PostgreSQL and never negative), the
//! reward catalogue and redemptions (`rewards`), and the typed volunteer posts (`posts`).

pub mod error;
pub mod graphql;
pub mod ledger;
pub mod posts;
pub mod rewards;
