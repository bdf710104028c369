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
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use sqlx::postgres::PgListener;
use uuid::Uuid;

use crate::model::Community;
use crate::service::Principal;

const TTL: Duration = Duration::from_secs(30);
const MAX_ENTRIES: usize = 20_000;
pub const CHANNEL: &str = "linli_auth";

/// A community with its district's path (what the gate needs).
type CommunityEntry = (Community, Vec<Uuid>);
type Timed<K, V> = Mutex<HashMap<K, (V, Instant)>>;

#[derive(Default)]
pub struct AuthCache {
    listening: AtomicBool,
    principals: Timed<Uuid, Principal>,
    communities: Timed<String, CommunityEntry>,
}

fn get<K: std::hash::Hash + Eq, V: Clone>(map: &Timed<K, V>, key: &K) -> Option<V> {
    let map = map.lock().expect("cache lock");
    map.get(key)
        .filter(|(_, at)| at.elapsed() < TTL)
        .map(|(v, _)| v.clone())
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
            .then(|| get(&self.principals, &account))
            .flatten()
    }

    pub fn keep_principal(&self, p: &Principal) {
        if self.active() {
            put(&self.principals, p.account_id(), p.clone());
        }
    }

    pub fn community(&self, slug: &str) -> Option<CommunityEntry> {
        self.active()
            .then(|| get(&self.communities, &slug.to_string()))
            .flatten()
    }

    pub fn keep_community(&self, slug: &str, c: &CommunityEntry) {
        if self.active() {
            put(&self.communities, slug.to_string(), c.clone());
        }
    }

    /// This gateway's own change: dropped at once, before the notification comes back.
    pub fn forget_account(&self, id: Uuid) {
        self.principals.lock().expect("cache lock").remove(&id);
    }

    pub fn forget_community(&self, slug: &str) {
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
