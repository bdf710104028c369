//! Signing in and out: passwords, tokens, throttling. A login name or a phone number signs in.
//!
//! - **Throttling** counts failures per client address and per (login name, address), in
//!   PostgreSQL so every gateway shares it. An attempt is counted *before* its password is
//!   checked, in one atomic statement, so parallel guesses cannot slip past the counter; a
//!   success takes its count back. Past a threshold each further try from there waits (1 s,
//!   doubling, at most 15 minutes) instead of a hard lock: someone guessing from elsewhere
//!   cannot lock the owner out, whose right password works from their own address.
//! - **Constant work**: an unknown login name is checked against a dummy hash, so response
//!   time does not tell which accounts exist.
//! - **Bounded memory**: hashing (19 MiB each) runs under a semaphore sized from memory.
//! - **Revocation**: a token carries its account's token version; logout, a password change
//!   and deactivation bump it, and every gateway refuses older tokens on the next request.

use std::net::IpAddr;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicI64, Ordering};

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use chrono::Utc;
use infra::limits::WorkLimit;
use infra::{AppError, AppResult};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::db;
use super::model::IssuedToken;
use crate::error::TenancyError;
use crate::gate::db as platform;
use crate::gate::{Principal, Tenancy};
use crate::model::{Account, LoginName, Password};

#[derive(serde::Serialize, serde::Deserialize)]
struct Claims {
    sub: Uuid,
    exp: i64,
    iat: i64,
    /// The account's token version when the token was issued.
    ver: i32,
}

/// Argon2's default parameters take 19 MiB per hash: at most an eighth of the available
/// memory goes to hashing.
pub(crate) fn hashing_limit() -> WorkLimit {
    WorkLimit::from_memory(19 << 20, 0.125, 2, 32)
}

/// Verified in place of a missing account's hash: the same work either way.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    hash_blocking(&Password::parse("linli-no-such-account").expect("a valid password"))
        .expect("hashing a constant")
});

fn hash_blocking(password: &Password) -> AppResult<String> {
    let salt = SaltString::encode_b64(Uuid::new_v4().as_bytes())
        .map_err(|e| AppError::internal(std::io::Error::other(e.to_string())))?;
    Argon2::default()
        .hash_password(password.expose().as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AppError::internal(std::io::Error::other(e.to_string())))
}

/// The source an attempt is counted against: the address, or for IPv6 its /64 (one host
/// usually holds a whole /64).
pub(crate) fn source_of(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
    }
}

/// Seconds since the epoch of this process's last purge of expired throttle rows.
static LAST_PURGE: AtomicI64 = AtomicI64::new(0);

/// How login throttling names a login: a hash, so the table holds no login names.
pub(crate) fn login_hash(login: &str) -> String {
    let hash = hex::encode(Sha256::digest(login.to_lowercase().as_bytes()));
    hash[..32].to_string()
}

impl Tenancy {
    /// Replace the bound on concurrent password hashing (tests, small machines).
    pub fn with_hashing_limit(mut self, limit: WorkLimit) -> Tenancy {
        self.hashing = limit;
        self
    }

    /// Hash a new password, off the async workers and within the memory bound `limit`.
    pub(crate) async fn hash(&self, password: Password, limit: &WorkLimit) -> AppResult<String> {
        let _permit = limit.acquire().await?;
        tokio::task::spawn_blocking(move || hash_blocking(&password))
            .await
            .map_err(AppError::internal)?
    }

    pub(crate) async fn verify(&self, hash: String, password: &str) -> AppResult<bool> {
        let _permit = self.hashing.acquire().await?;
        let pw = password.to_string();
        tokio::task::spawn_blocking(move || {
            PasswordHash::new(&hash)
                .map(|h| Argon2::default().verify_password(pw.as_bytes(), &h).is_ok())
                .unwrap_or(false)
        })
        .await
        .map_err(AppError::internal)
    }

    pub async fn login(
        &self,
        login_name: &str,
        password: &str,
        from: IpAddr,
    ) -> AppResult<IssuedToken> {
        let login = LoginName::parse(login_name)?;
        if password.len() > 128 {
            return Err(TenancyError::WeakPassword.into());
        }
        let source = source_of(from);
        let pair = format!("pair:{}:{source}", login_hash(login.as_str()));
        let addr = format!("addr:{source}");
        let mut conn = self.db.pool().acquire().await?;
        self.purge_now_and_then(&mut conn).await?;
        // The address first: a waiting address adds no row per name it tries, so the table
        // stays bounded by the sources that failed within the hour.
        for (key, threshold) in [
            (&addr, self.config.max_failures_per_address),
            (&pair, self.config.max_failures_per_account),
        ] {
            if let Some(retry_after_secs) =
                db::reserve_login_attempt(&mut conn, key, threshold).await?
            {
                return Err(TenancyError::Throttled { retry_after_secs }.into());
            }
        }
        let mut found = crate::accounts::db::account_for_login(&mut conn, login.as_str()).await?;
        // A phone number signs in the one account whose verified number it is (a resident
        // staff entered with their number; a newcomer's login name is their number already).
        if found.is_none()
            && let Ok(phone) = crate::model::Phone::parse(login.as_str())
        {
            let lookup = self.secrets.lookup_hash(phone.as_str());
            found = crate::accounts::db::account_for_verified_phone(&mut conn, &lookup).await?;
        }
        // No pooled connection waits on the (deliberately slow) hash.
        drop(conn);
        let (account, hash) = match found {
            Some((account, hash)) => (Some(account), hash),
            None => (None, DUMMY_HASH.clone()),
        };
        let verified = self.verify(hash, password).await?;
        let Some(account) = account.filter(|a| verified && a.active) else {
            return Err(TenancyError::WrongCredentials.into());
        };
        let mut conn = self.db.pool().acquire().await?;
        db::login_succeeded(&mut conn, &pair, &addr).await?;
        self.issue(account)
    }

    /// Expired throttle rows go at most once a minute per process: the table holds only the
    /// sources that failed within the last hour.
    async fn purge_now_and_then(&self, conn: &mut sqlx::PgConnection) -> AppResult<()> {
        let now = Utc::now().timestamp();
        let last = LAST_PURGE.load(Ordering::Relaxed);
        if now - last >= 60
            && LAST_PURGE
                .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
                .is_ok()
        {
            db::purge_login_throttle(conn).await?;
        }
        Ok(())
    }

    pub(crate) fn issue(&self, account: Account) -> AppResult<IssuedToken> {
        let now = Utc::now();
        let expires_at =
            now + chrono::Duration::from_std(self.config.token_ttl).unwrap_or_default();
        let claims = Claims {
            sub: account.id,
            exp: expires_at.timestamp(),
            iat: now.timestamp(),
            ver: account.token_version,
        };
        let token = jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &EncodingKey::from_secret(self.secrets.token_key()),
        )
        .map_err(AppError::internal)?;
        Ok(IssuedToken {
            token,
            expires_at,
            account,
        })
    }

    /// Verify a bearer token and load the account with its memberships. A token of an older
    /// token version (after logout, a password change or deactivation) is refused.
    pub async fn authenticate(&self, token: &str) -> AppResult<Principal> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = 0;
        let data = jsonwebtoken::decode::<Claims>(
            token,
            &DecodingKey::from_secret(self.secrets.token_key()),
            &validation,
        )
        .map_err(|_| TenancyError::BadToken)?;
        let principal = match self.cache.principal(data.claims.sub) {
            Some(p) => p,
            None => {
                let epoch = self.cache.epoch();
                let mut conn = self.db.pool().acquire().await?;
                let (account, memberships) =
                    platform::account_with_memberships(&mut conn, data.claims.sub)
                        .await?
                        .ok_or(TenancyError::BadToken)?;
                let p = Principal {
                    account,
                    memberships,
                };
                self.cache.keep_principal(&p, epoch);
                p
            }
        };
        if principal.account.token_version != data.claims.ver {
            return Err(TenancyError::BadToken.into());
        }
        Ok(principal)
    }

    /// A fresh token for the signed-in caller, so a console left open renews before its token
    /// ends. The caller's token was checked (version and expiry) to get here; the new one
    /// carries the same version, so signing out or a password change still ends both.
    pub fn renew_token(&self, actor: &Principal) -> AppResult<IssuedToken> {
        if !actor.account.active {
            return Err(TenancyError::BadToken.into());
        }
        self.issue(actor.account.clone())
    }

    /// Sign out everywhere: every token of the account stops working.
    pub async fn logout(&self, actor: &Principal) -> AppResult<()> {
        let mut tx = self.db.begin().await?;
        db::bump_token_version(&mut tx, actor.account_id()).await?;
        tx.commit().await?;
        self.cache.forget_account(actor.account_id());
        Ok(())
    }

    /// Change one's own password (the old one is required); other sessions end, and a new
    /// token is returned for this one.
    pub async fn change_password(
        &self,
        actor: &Principal,
        old: &str,
        new: &str,
    ) -> AppResult<IssuedToken> {
        let new = Password::parse(new)?;
        let mut conn = self.db.pool().acquire().await?;
        let (_, hash) =
            crate::accounts::db::account_for_login(&mut conn, &actor.account.login_name)
                .await?
                .ok_or(TenancyError::BadToken)?;
        drop(conn);
        if old.len() > 128 || !self.verify(hash, old).await? {
            return Err(TenancyError::WrongCredentials.into());
        }
        let hash = self.hash(new, &self.hashing).await?;
        let mut tx = self.db.begin().await?;
        let account = db::set_password(&mut tx, actor.account_id(), &hash).await?;
        tx.commit().await?;
        self.cache.forget_account(actor.account_id());
        self.issue(account)
    }

    /// Deactivate (or reactivate) an account: its tokens stop working at once, its data stays.
    /// Allowed to whoever administers every scope the account holds a role in.
    pub async fn set_account_active(
        &self,
        actor: &Principal,
        account_id: Uuid,
        active: bool,
    ) -> AppResult<Account> {
        if account_id == actor.account_id() {
            return Err(AppError::from(TenancyError::OwnAccount));
        }
        let mut tx = self.db.begin().await?;
        let scopes = db::membership_paths(&mut tx, account_id).await?;
        if !self.administers_all(actor, &scopes) {
            return Err(AppError::forbidden());
        }
        let account = db::set_account_active(&mut tx, account_id, active)
            .await?
            .ok_or(TenancyError::AccountNotFound)?;
        tx.commit().await?;
        self.cache.forget_account(account_id);
        Ok(account)
    }

    /// Does `actor` administer every (district path, community) scope in `scopes`? A
    /// platform-wide role (no path) needs a platform admin; an account with no role at all
    /// needs one too.
    fn administers_all(&self, actor: &Principal, scopes: &[db::ScopePath]) -> bool {
        if actor.is_platform_admin() {
            return true;
        }
        !scopes.is_empty()
            && scopes.iter().all(|s| match (&s.path, s.community_id) {
                (None, _) => false,
                (Some(path), community) => {
                    actor.admin_over(path)
                        || community.is_some_and(|c| {
                            actor
                                .community_roles(c)
                                .contains(&crate::gate::Role::CommunityAdmin)
                        })
                }
            })
    }
}
