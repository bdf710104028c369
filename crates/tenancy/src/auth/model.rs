//! What signing in gives: a token for an account.

use chrono::{DateTime, Utc};

use crate::model::Account;

#[derive(Debug)]
pub struct IssuedToken {
    pub token: String,
    pub expires_at: DateTime<Utc>,
    pub account: Account,
}
