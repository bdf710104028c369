//! Principals and communities kept in memory, so that authentication and the community gate
//! cost no SQL on the hot path — and made exact by invalidation: every change that could alter
//! who may do what fires `NOTIFY linli_auth` at commit (triggers of
//! `migrations/platform/0003_auth_notify.sql`), and every gateway's listener drops the entry.
//!
//! The cache is used only while the listener is connected: before it connects, and from the
//! moment it loses its connection until it has reconnected and cleared everything, every
//! lookup goes to the database. Entries also expire after a short TTL, and the maps are
//! bounded. A principal is keyed by the account id of a token whose signature was verified, so
//! it can never be served for another account.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use sqlx::postgres::PgListener;
use uuid::Uuid;

use crate::gate::Principal;
use crate::model::Community;

const TTL: Duration = Duration::from_secs(30);
const MAX_ENTRIES: usize = 20_000;
pub const CHANNEL: &str = "linli_auth";

/// A community with its district's path (what the gate needs).
type CommunityEntry = (Community, Vec<Uuid>);
type Timed<K, V> = Mutex<HashMap<K, (V, Instant)>>;

#[derive(Default)]
pub struct AuthCache {
    listening: AtomicBool,
    /// Bumped by every invalidation. A value loaded from the database is kept only if no
    /// invalidation happened while it was being loaded: otherwise a request that read just
    /// before a revocation could put the stale principal back after the notification.
    epoch: AtomicU64,
    principals: Timed<Uuid, Principal>,
    communities: Timed<String, CommunityEntry>,
}

fn get<K: std::hash::Hash + Eq, V: Clone>(
    map: &Timed<K, V>,
    key: &K,
    kind: &'static str,
) -> Option<V> {
    let found = {
        let map = map.lock().expect("cache lock");
        map.get(key)
            .filter(|(_, at)| at.elapsed() < TTL)
            .map(|(v, _)| v.clone())
    };
    // The hit rate is the figure that says whether the cache is sized right.
    let result = if found.is_some() { "hit" } else { "miss" };
    metrics::counter!("linli_auth_cache_lookups_total", "kind" => kind, "result" => result)
        .increment(1);
    found
}

fn put<K: std::hash::Hash + Eq, V>(map: &Timed<K, V>, key: K, value: V) {
    let mut map = map.lock().expect("cache lock");
    if map.len() >= MAX_ENTRIES {
        // Bounded: start over rather than track recency; a miss costs one query.
        map.clear();
    }
    map.insert(key, (value, Instant::now()));
}

impl AuthCache {
    fn active(&self) -> bool {
        self.listening.load(Ordering::Acquire)
    }

    pub fn principal(&self, account: Uuid) -> Option<Principal> {
        self.active()
            .then(|| get(&self.principals, &account, "principal"))
            .flatten()
    }

    /// Where invalidations stand now: take it before loading what `keep_*` will store.
    pub fn epoch(&self) -> u64 {
        self.epoch.load(Ordering::Acquire)
    }

    fn unchanged_since(&self, epoch: u64) -> bool {
        self.active() && self.epoch() == epoch
    }

    pub fn keep_principal(&self, p: &Principal, loaded_at: u64) {
        if self.unchanged_since(loaded_at) {
            put(&self.principals, p.account_id(), p.clone());
        }
    }

    pub fn community(&self, slug: &str) -> Option<CommunityEntry> {
        self.active()
            .then(|| get(&self.communities, &slug.to_string(), "community"))
            .flatten()
    }

    pub fn keep_community(&self, slug: &str, c: &CommunityEntry, loaded_at: u64) {
        if self.unchanged_since(loaded_at) {
            put(&self.communities, slug.to_string(), c.clone());
        }
    }

    /// This gateway's own change: dropped at once, before the notification comes back.
    pub fn forget_account(&self, id: Uuid) {
        self.epoch.fetch_add(1, Ordering::AcqRel);
        self.principals.lock().expect("cache lock").remove(&id);
    }

    pub fn forget_community(&self, slug: &str) {
        self.epoch.fetch_add(1, Ordering::AcqRel);
        self.communities.lock().expect("cache lock").remove(slug);
    }

    /// Drop what a notification names (`account:<id>`, `community:<slug>`); anything else
    /// clears everything.
    pub fn invalidate(&self, payload: &str) {
        match payload.split_once(':') {
            Some(("account", id)) if id.parse::<Uuid>().is_ok() => {
                self.forget_account(id.parse().expect("checked"));
            }
            Some(("community", slug)) => self.forget_community(slug),
            _ => self.clear(),
        }
    }

    fn clear(&self) {
        self.epoch.fetch_add(1, Ordering::AcqRel);
        self.principals.lock().expect("cache lock").clear();
        self.communities.lock().expect("cache lock").clear();
    }

    /// Listen for invalidations until the process ends, reconnecting after an error; the
    /// cache serves nothing while not listening.
    pub async fn listen(&self, pool: sqlx::PgPool) {
        loop {
            match PgListener::connect_with(&pool).await {
                Ok(mut listener) => {
                    if listener.listen(CHANNEL).await.is_ok() {
                        // Anything cached before this point may have missed a notification.
                        self.clear();
                        self.listening.store(true, Ordering::Release);
                        while let Ok(n) = listener.recv().await {
                            self.invalidate(n.payload());
                        }
                    }
                    self.listening.store(false, Ordering::Release);
                    self.clear();
                    tracing::warn!("auth cache listener lost its connection; reconnecting");
                }
                Err(e) => tracing::warn!(error = %e, "auth cache listener cannot connect"),
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Account;

    fn principal(id: Uuid) -> Principal {
        Principal {
            account: Account {
                id,
                login_name: "chen".into(),
                display_name: "陈".into(),
                phone_encrypted: None,
                active: true,
                created_at: chrono::Utc::now(),
                token_version: 0,
            },
            memberships: Vec::new(),
        }
    }

    #[test]
    fn serves_nothing_until_listening_and_never_a_value_loaded_before_an_invalidation() {
        let cache = AuthCache::default();
        let id = Uuid::new_v4();
        cache.keep_principal(&principal(id), cache.epoch());
        assert!(cache.principal(id).is_none(), "not listening: nothing kept");

        cache.listening.store(true, Ordering::Release);
        cache.keep_principal(&principal(id), cache.epoch());
        assert!(cache.principal(id).is_some());

        // A request loads the principal, a revocation's notification arrives meanwhile, then
        // the request tries to keep what it loaded: refused, the next request loads again.
        cache.invalidate(&format!("account:{id}"));
        let loaded_at = cache.epoch();
        cache.invalidate(&format!("account:{id}"));
        cache.keep_principal(&principal(id), loaded_at);
        assert!(cache.principal(id).is_none());
        // Anything unexpected clears everything.
        cache.keep_principal(&principal(id), cache.epoch());
        cache.invalidate("garbage");
        assert!(cache.principal(id).is_none());
    }
}
