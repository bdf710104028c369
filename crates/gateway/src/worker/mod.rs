//! The background worker: reminders for tomorrow's sessions, release of bookings nobody
//! checked in for, points past their expiry, the dashboards' figures and webhook deliveries,
//! for every active community. It sweeps every community now and then (reminders, retries)
//! and is woken at once by `NOTIFY linli_outbox` when a community writes a notification and
//! by `NOTIFY linli_figures` when its figures moved. Everything it
//! does is safe with several gateways running it: reminders are written once per session and
//! account, and a delivery is claimed before it is sent.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use infra::Db;
use infra::crypto::Secrets;
use infra::storage::ObjectStore;
use notifications::Webhook;
use sqlx::postgres::PgListener;
use tenancy::{CommunityCtx, CommunityScope, Tenancy};

/// How long after the first word of moved figures the worker folds: the communities that
/// write meanwhile are folded in the same round.
const FOLD_DELAY: Duration = Duration::from_millis(250);

pub struct Worker {
    pub tenancy: Tenancy,
    pub db: Db,
    pub secrets: Secrets,
    pub store: ObjectStore,
    pub webhook: Option<Webhook>,
    pub interval: Duration,
}

/// The webhook channel a configuration asks for (when a URL is set): notifications and
/// one-time codes go through it.
pub fn webhook_of(config: &crate::config::Config) -> anyhow::Result<Option<Webhook>> {
    Ok(match (&config.webhook_url, &config.webhook_secret) {
        (None, _) => None,
        (Some(url), Some(secret)) => {
            infra::crypto::check_secret("LINLI_WEBHOOK_SECRET", secret)
                .map_err(anyhow::Error::msg)?;
            let mut hook = Webhook::new(url, secret.trim().as_bytes().to_vec())?;
            hook.retry_base = Duration::from_secs(config.webhook_retry_secs);
            Some(hook)
        }
        (Some(_), None) => anyhow::bail!("LINLI_WEBHOOK_URL needs LINLI_WEBHOOK_SECRET"),
    })
}

impl Worker {
    /// The worker a configuration asks for (the webhook channel when a URL is set).
    pub fn from_config(
        config: &crate::config::Config,
        tenancy: &Tenancy,
        db: &Db,
        store: &ObjectStore,
    ) -> anyhow::Result<Worker> {
        let webhook = webhook_of(config)?;
        Ok(Worker {
            tenancy: tenancy.clone(),
            db: db.clone(),
            secrets: tenancy.secrets().clone(),
            store: store.clone(),
            webhook,
            interval: Duration::from_secs(config.worker_interval_secs),
        })
    }

    fn ctx(&self, scope: &CommunityScope) -> CommunityCtx {
        CommunityCtx::new(
            self.db.clone(),
            self.secrets.clone(),
            self.store.clone(),
            scope.clone(),
        )
    }

    async fn deliver(&self, scope: &CommunityScope) {
        if let Some(hook) = &self.webhook
            && let Err(e) = notifications::worker::deliver(&self.ctx(scope), hook).await
        {
            tracing::warn!(community = %scope.tenant().slug, error = ?e, "delivery failed");
        }
    }

    /// Every community, a few at once: tomorrow's reminders, the farm, no-shows, expiring
    /// points, figures, then due deliveries.
    async fn sweep(&self, scopes: &[CommunityScope]) {
        use futures::StreamExt;
        let now = chrono::Utc::now();
        match crate::request_keys::forget_old(self.db.pool()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(keys = n, "old idempotency keys forgotten"),
            Err(e) => tracing::warn!(error = ?e, "old idempotency keys not forgotten"),
        }
        futures::stream::iter(scopes)
            .for_each_concurrent(SWEEP_JOBS, |scope| self.sweep_one(scope, now))
            .await;
    }

    async fn sweep_one(&self, scope: &CommunityScope, now: chrono::DateTime<chrono::Utc>) {
        let ctx = self.ctx(scope);
        if let Err(e) = courses::service::remind_tomorrow(&ctx, now).await {
            tracing::warn!(community = %scope.tenant().slug, error = ?e, "reminders failed");
        }
        if let Err(e) = spaces::api::farm::tend_farm(&ctx, now).await {
            tracing::warn!(community = %scope.tenant().slug, error = ?e, "farm round failed");
        }
        if let Err(e) = spaces::api::rooms::record_open_days(&ctx, now).await {
            tracing::warn!(community = %scope.tenant().slug, error = ?e, "open minutes not recorded");
        }
        match spaces::api::bookings::release_no_shows(&ctx, now).await {
            Ok(0) => {}
            Ok(n) => {
                tracing::info!(community = %scope.tenant().slug, released = n, "no-shows released")
            }
            Err(e) => {
                tracing::warn!(community = %scope.tenant().slug, error = ?e, "no-show release failed")
            }
        }
        match volunteers::ledger::expiry::expire_points(&ctx, now).await {
            Ok(0) => {}
            Ok(n) => {
                tracing::info!(community = %scope.tenant().slug, accounts = n, "points expired")
            }
            Err(e) => {
                tracing::warn!(community = %scope.tenant().slug, error = ?e, "points expiry failed")
            }
        }
        if let Err(e) = dashboards::api::fold(&ctx).await {
            tracing::warn!(community = %scope.tenant().slug, error = ?e, "figure fold failed");
        }
        self.deliver(scope).await;
    }

    /// Runs until the process ends. Figures fold in a task of their own, so a long sweep over
    /// thousands of communities never holds district figures back.
    pub async fn run(self) {
        let folder = Folder {
            tenancy: self.tenancy.clone(),
            db: self.db.clone(),
            secrets: self.secrets.clone(),
        };
        tokio::spawn(folder.run());
        let mut listener = None;
        let mut scopes: HashMap<String, CommunityScope> = HashMap::new();
        let mut next_sweep = tokio::time::Instant::now();
        loop {
            if tokio::time::Instant::now() >= next_sweep {
                match self.tenancy.active_operator_scopes().await {
                    Ok(list) => {
                        self.sweep(&list).await;
                        scopes = list
                            .into_iter()
                            .map(|s| (s.tenant().schema.clone(), s))
                            .collect();
                    }
                    Err(e) => tracing::warn!(error = ?e, "worker cannot list communities"),
                }
                next_sweep = tokio::time::Instant::now() + self.interval;
            }
            if listener.is_none() {
                listener = match PgListener::connect_with(self.db.pool()).await {
                    Ok(mut l) => l.listen("linli_outbox").await.is_ok().then_some(l),
                    Err(_) => None,
                };
            }
            let Some(l) = listener.as_mut() else {
                tokio::time::sleep_until(next_sweep).await;
                continue;
            };
            match tokio::time::timeout_at(next_sweep, l.recv()).await {
                Ok(Ok(n)) => match scopes.get(n.payload()) {
                    Some(scope) => self.deliver(scope).await,
                    // A community onboarded since the last sweep: sweep now.
                    None => next_sweep = tokio::time::Instant::now(),
                },
                Ok(Err(_)) => listener = None,
                Err(_) => {}
            }
        }
    }
}

/// Communities folded at once when their figures move.
const FOLD_JOBS: usize = 4;

/// Communities swept at once: at 5,000 communities a serial sweep outlasts its interval.
const SWEEP_JOBS: usize = 4;

/// Folds the figures of the communities that said `NOTIFY linli_figures`, 250 ms after the
/// first word, a few at once; the sweep folds everyone anyway if a word is lost.
struct Folder {
    tenancy: Tenancy,
    db: Db,
    secrets: Secrets,
}

impl Folder {
    async fn run(self) {
        use futures::StreamExt;
        let store = ObjectStore::unused();
        let mut scopes: HashMap<String, CommunityScope> = HashMap::new();
        let mut listener: Option<PgListener> = None;
        let mut moved: HashSet<String> = HashSet::new();
        let mut fold_at: Option<tokio::time::Instant> = None;
        loop {
            if fold_at.is_some_and(|at| tokio::time::Instant::now() >= at) {
                fold_at = None;
                if moved.iter().any(|s| !scopes.contains_key(s)) {
                    // onboarded since the list was read
                    if let Ok(list) = self.tenancy.active_operator_scopes().await {
                        scopes = list
                            .into_iter()
                            .map(|s| (s.tenant().schema.clone(), s))
                            .collect();
                    }
                }
                let round: Vec<CommunityScope> = moved
                    .drain()
                    .filter_map(|s| scopes.get(&s).cloned())
                    .collect();
                futures::stream::iter(round)
                    .for_each_concurrent(FOLD_JOBS, |scope| {
                        let ctx = CommunityCtx::new(
                            self.db.clone(),
                            self.secrets.clone(),
                            store.clone(),
                            scope,
                        );
                        async move {
                            if let Err(e) = dashboards::api::fold(&ctx).await {
                                tracing::warn!(community = %ctx.tenant().slug, error = ?e, "figure fold failed");
                            }
                        }
                    })
                    .await;
            }
            if listener.is_none() {
                listener = match PgListener::connect_with(self.db.pool()).await {
                    Ok(mut l) => l.listen("linli_figures").await.is_ok().then_some(l),
                    Err(_) => None,
                };
            }
            let wake =
                fold_at.unwrap_or_else(|| tokio::time::Instant::now() + Duration::from_secs(30));
            let Some(l) = listener.as_mut() else {
                tokio::time::sleep(Duration::from_secs(1)).await;
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
}
