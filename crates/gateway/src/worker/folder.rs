//! The figures' folder: folds the communities whose figures moved, woken by their word.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use futures::StreamExt;
use infra::Db;
use infra::crypto::Secrets;
use infra::storage::ObjectStore;
use sqlx::postgres::PgListener;
use tenancy::{CommunityCtx, CommunityScope, Tenancy};

/// How long after the first word of moved figures the folder folds: the communities that
/// write meanwhile are folded in the same round.
const FOLD_DELAY: Duration = Duration::from_millis(250);

/// Communities folded at once.
const FOLD_JOBS: usize = 4;

/// Folds the figures of the communities that said `NOTIFY linli_figures`, 250 ms after the
/// first word, a few at once. Words said while it was not listening are lost: each time it
/// starts listening (at start, after a lost connection) it folds every community once.
pub(super) struct Folder {
    pub tenancy: Tenancy,
    pub db: Db,
    pub secrets: Secrets,
}

impl Folder {
    pub async fn run(self) {
        let mut scopes: HashMap<String, CommunityScope> = HashMap::new();
        let mut listener: Option<PgListener> = None;
        let mut moved: HashSet<String> = HashSet::new();
        let mut fold_at: Option<tokio::time::Instant> = None;
        loop {
            if listener.is_none() {
                listener = match PgListener::connect_with(self.db.pool()).await {
                    Ok(mut l) => l.listen("linli_figures").await.is_ok().then_some(l),
                    Err(_) => None,
                };
                if listener.is_none() {
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    continue;
                }
                if let Ok(list) = self.tenancy.active_operator_scopes().await {
                    moved.extend(list.iter().map(|s| s.tenant().schema.clone()));
                    scopes = by_schema(list);
                    fold_at = Some(tokio::time::Instant::now());
                }
            }
            if fold_at.is_some_and(|at| tokio::time::Instant::now() >= at) {
                fold_at = None;
                let unknown: Vec<String> = moved
                    .iter()
                    .filter(|s| !scopes.contains_key(*s))
                    .cloned()
                    .collect();
                if !unknown.is_empty() {
                    // onboarded since the list was read
                    if let Ok(list) = self.tenancy.operator_scopes_in(&unknown).await {
                        scopes.extend(by_schema(list));
                    }
                }
                let round: Vec<CommunityScope> = moved
                    .drain()
                    .filter_map(|s| scopes.get(&s).cloned())
                    .collect();
                self.fold(round).await;
            }
            let wake =
                fold_at.unwrap_or_else(|| tokio::time::Instant::now() + Duration::from_secs(30));
            let Some(l) = listener.as_mut() else {
                continue;
            };
            match tokio::time::timeout_at(wake, l.recv()).await {
                Ok(Ok(n)) => {
                    moved.insert(n.payload().to_string());
                    fold_at.get_or_insert(tokio::time::Instant::now() + FOLD_DELAY);
                }
                Ok(Err(_)) => listener = None,
                Err(_) => {}
            }
        }
    }

    async fn fold(&self, round: Vec<CommunityScope>) {
        let store = ObjectStore::unused();
        futures::stream::iter(round)
            .for_each_concurrent(FOLD_JOBS, |scope| {
                let ctx = CommunityCtx::new(self.db.clone(), self.secrets.clone(), store.clone(), scope);
                async move {
                    if let Err(e) = dashboards::api::fold(&ctx).await {
                        tracing::warn!(community = %ctx.tenant().slug, error = ?e, "figure fold failed");
                    }
                }
            })
            .await;
    }
}

pub(super) fn by_schema(list: Vec<CommunityScope>) -> HashMap<String, CommunityScope> {
    list.into_iter()
        .map(|s| (s.tenant().schema.clone(), s))
        .collect()
}
