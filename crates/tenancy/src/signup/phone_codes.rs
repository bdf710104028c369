//! One-time codes proving a phone number (短信验证码). There is no SMS gateway here: the code
//! goes out through a pluggable [`CodeSender`] — the deployment's webhook (the notifications
//! crate), whose receiver is whatever sends SMS or WeChat messages. Without one the code is
//! written to the server's log, so nobody but the operator can finish a sign-up.
//!
//! A code is six digits, good for ten minutes and five tries, kept only as a keyed hash under
//! the number's lookup hash, and gone once used. Asking for codes is counted per address and
//! per number like failed logins, and is answered the same whether the number has an account
//! or not.

use std::net::IpAddr;

use futures::future::BoxFuture;
use infra::{AppError, AppResult};
use rand::Rng;

use super::db;
use crate::error::TenancyError;
use crate::gate::Tenancy;
use crate::model::Phone;

/// Codes asked for from one address within the hour before each further ask waits.
const CODES_PER_ADDRESS: i32 = 10;
/// Codes asked for one number within the hour before each further ask waits.
const CODES_PER_PHONE: i32 = 5;
/// Minutes a code stays good.
pub(crate) const CODE_MINUTES: i32 = 10;

/// A code being sent; `Err` carries the channel's own words, for the log.
pub type Sending<'a> = BoxFuture<'a, Result<(), String>>;

/// Sends a one-time code to a phone number.
pub trait CodeSender: Send + Sync {
    fn send<'a>(&'a self, phone: &'a str, code: &'a str) -> Sending<'a>;
}

/// The sender when no channel is configured: the code goes to the server's log.
pub struct LogSender;

impl CodeSender for LogSender {
    fn send<'a>(&'a self, phone: &'a str, code: &'a str) -> Sending<'a> {
        Box::pin(async move {
            tracing::warn!(
                phone = %infra::crypto::mask_phone(phone),
                code,
                "verification code (no webhook is configured: it is only in this log)"
            );
            Ok(())
        })
    }
}

impl Tenancy {
    /// Send the sender of one-time codes (the webhook, or the log when there is none).
    pub fn with_code_sender(mut self, sender: std::sync::Arc<dyn CodeSender>) -> Tenancy {
        self.code_sender = sender;
        self
    }

    /// Send a one-time code to `phone`. The same answer whether or not the number has an
    /// account; a new code replaces the number's earlier one.
    pub async fn request_phone_code(&self, from: IpAddr, phone: &str) -> AppResult<()> {
        let phone = Phone::parse(phone)?;
        let lookup = self.secrets.lookup_hash(phone.as_str());
        let source = crate::auth::service::source_of(from);
        self.reserve_attempt(&format!("code:{source}"), CODES_PER_ADDRESS)
            .await?;
        self.reserve_attempt(&format!("code:phone:{lookup}"), CODES_PER_PHONE)
            .await?;
        let code = format!("{:06}", rand::rng().random_range(0..1_000_000u32));
        let mut conn = self.db.pool().acquire().await?;
        db::put_code(&mut conn, &lookup, &self.code_hash(&lookup, &code)).await?;
        drop(conn);
        self.code_sender
            .send(phone.as_str(), &code)
            .await
            .map_err(|e| {
                tracing::warn!(error = %e, "a verification code could not be sent");
                AppError::from(TenancyError::CodeNotSent)
            })
    }

    /// The keyed hash a code is kept as (bound to its number).
    pub(crate) fn code_hash(&self, lookup: &str, code: &str) -> String {
        hex::encode(
            self.secrets
                .sign("phone-code", format!("{lookup}:{}", code.trim()).as_bytes()),
        )
    }
}
