//! Accounts made without an administrator: a partner organisation's first admin (anyone may
//! register one) and the people its admin adds. Each attempt is counted against whoever asks
//! (the client's address, or the adding admin's account) before anything else, like a failed
//! login (`platform.login_throttle`, progressive waits past the threshold); the names are
//! checked before the deliberately slow hash; and the hash runs under a bound of its own, so
//! registrations can never take the permits that sign-ins wait for.

use std::net::IpAddr;

use infra::AppResult;
use infra::limits::WorkLimit;
use uuid::Uuid;

use super::db;
use super::model::NewAccountInput;
use crate::accounts::PreparedAccount;
use crate::error::TenancyError;
use crate::gate::Tenancy;
use crate::model::LoginName;

/// Who asks for an account to be made.
#[derive(Debug, Clone, Copy)]
pub enum Asker {
    /// Anyone, from this address (self-registration).
    Address(IpAddr),
    /// An organisation's admin adding its people.
    Account(Uuid),
}

/// Registrations hash under their own, smaller bound (19 MiB each).
pub(crate) fn registering_limit() -> WorkLimit {
    WorkLimit::from_memory(19 << 20, 0.03, 1, 4)
}

impl Tenancy {
    /// Count one registration against its asker; `RATE_LIMITED` with the wait once the asker
    /// passed `max_registrations_per_source` within the hour. Every attempt counts, made or not.
    pub async fn reserve_registration(&self, asker: Asker) -> AppResult<()> {
        let key = match asker {
            Asker::Address(ip) => format!("register:{}", crate::auth::service::source_of(ip)),
            Asker::Account(a) => format!("register:account:{a}"),
        };
        match self
            .count_attempt(&key, self.config.max_registrations_per_source)
            .await?
        {
            Some(retry_after_secs) => {
                Err(TenancyError::RegistrationsThrottled { retry_after_secs }.into())
            }
            None => Ok(()),
        }
    }

    /// Is this login name held by an account? (Before a registration hashes anything.)
    pub async fn login_name_taken(&self, login_name: &str) -> AppResult<bool> {
        let login = LoginName::parse(login_name)?;
        let mut conn = self.db.pool().acquire().await?;
        Ok(db::account_for_login(&mut conn, login.as_str())
            .await?
            .is_some())
    }

    /// `prepare_account`, hashing under the registrations' bound; a phone number typed here is
    /// not verified.
    pub async fn prepare_registered_account(
        &self,
        input: NewAccountInput,
    ) -> AppResult<PreparedAccount> {
        self.prepare_with(input, &self.registering, false).await
    }

    /// Count one attempt of something guessable (`key` names what and who) like a failed login:
    /// `RATE_LIMITED` with the wait once `threshold` attempts were made within the hour.
    pub async fn reserve_attempt(&self, key: &str, threshold: i32) -> AppResult<()> {
        match self.count_attempt(key, threshold).await? {
            Some(retry_after_secs) => {
                Err(TenancyError::AttemptsThrottled { retry_after_secs }.into())
            }
            None => Ok(()),
        }
    }

    /// One attempt counted against `key` (`platform.login_throttle`); the seconds to wait when
    /// the key is waiting.
    async fn count_attempt(&self, key: &str, threshold: i32) -> AppResult<Option<i64>> {
        let mut conn = self.db.pool().acquire().await?;
        Ok(crate::auth::db::reserve_login_attempt(&mut conn, key, threshold).await?)
    }
}
