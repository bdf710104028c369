//! The background worker: tomorrow's reminders, the farm's round, the day's open minutes,
//! bookings nobody checked in for, points past their expiry, webhook deliveries and the
//! dashboards' figures. Its work grows with what happens, not with the number of communities:
//! it visits a community when that community is due (`platform.community_due`, read through
//! its index, written after each visit from the duties' own next times) or when one of its
//! writes said it may be (`NOTIFY linli_due`, from the community's `due_wake` triggers); a
//! notification written (`linli_outbox`) is delivered at once, and moved figures
//! (`linli_figures`) are folded by the [`folder`]. Words said while nobody listened are lost,
//! so each time it starts listening it visits every community once. Everything it does is
//! safe with several gateways running it: a due community is taken by one of them, reminders
//! are written once per session and account, and a delivery is claimed before it is sent.

mod due;
mod folder;
mod spares;

use std::collections::HashSet;
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::Duration;

use chrono::{DateTime, Utc};
use futures::StreamExt;
use infra::Db;
use infra::crypto::Secrets;
use infra::storage::ObjectStore;
use notifications::Webhook;
use sqlx::postgres::PgListener;
use tenancy::retention::model::RetentionKind;
use tenancy::{CommunityCtx, CommunityScope, Tenancy};

use folder::Folder;
use spares::Spares;

/// How long after a community's first word the worker visits it: the writes meanwhile are
/// one visit.
const WAKE_DELAY: Duration = Duration::from_millis(500);

/// Communities visited at once.
const VISIT_JOBS: usize = 4;

/// Communities taken from the due list at a time, and how long one taken is held.
const TAKE: i64 = 64;
const LEASE: Duration = Duration::from_secs(300);

/// How often the worker removes records past their retention.
const RETENTION_EVERY: Duration = Duration::from_secs(3600);

pub struct Worker {
    pub tenancy: Tenancy,
    pub db: Db,
    pub secrets: Secrets,
    pub store: ObjectStore,
    pub webhook: Option<Webhook>,
    pub interval: Duration,
    /// Community schemas kept built ahead.
    pub spares: usize,
    /// How long notifications are kept, in hours (the platform's period, read at each
    /// housekeeping round; visits read it concurrently).
    keep_notifications: AtomicI32,
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
            spares: config.spare_communities,
            keep_notifications: AtomicI32::new(4320),
        })
    }

    fn keep_notifications(&self) -> chrono::Duration {
        chrono::Duration::hours(i64::from(self.keep_notifications.load(Ordering::Relaxed)))
    }

    /// Notifications past the platform's period go; the purge is audited, per community.
    async fn forget_notifications(&self, ctx: &CommunityCtx, now: DateTime<Utc>) {
        let slug = &ctx.tenant().slug;
        let n = match notifications::worker::forget_older(ctx, self.keep_notifications(), now).await
        {
            Ok(0) => return,
            Ok(n) => n,
            Err(e) => {
                tracing::warn!(community = %slug, error = ?e, "notifications past retention not removed");
                return;
            }
        };
        tracing::info!(community = %slug, notifications = n, "notifications past retention removed");
        let entry = infra::audit::AuditEntry {
            community_id: Some(ctx.tenant().community_id),
            operation: "enforceRetention".into(),
            target: serde_json::json!({ "notifications": n }),
            ..Default::default()
        };
        crate::audit::write(&self.db, &entry, "ok").await;
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
        let Some(hook) = &self.webhook else { return };
        if let Err(e) = notifications::worker::deliver(&self.ctx(scope), hook).await {
            tracing::warn!(community = %scope.tenant().slug, error = ?e, "delivery failed");
        }
    }

    /// A notification just written, delivered outside a visit: a refusal is tried again
    /// later, so the community is due then (a visit keeps its next time itself).
    async fn deliver_now(&self, scope: &CommunityScope) {
        self.deliver(scope).await;
        if self.webhook.is_none() {
            return;
        }
        match notifications::worker::next_retry(&self.ctx(scope)).await {
            Ok(None) => {}
            Ok(Some(at)) => {
                let id = scope.tenant().community_id;
                if let Err(e) = due::bring_forward(self.db.pool(), id, at).await {
                    tracing::warn!(community = %scope.tenant().slug, error = ?e, "retry time not kept");
                }
            }
            Err(e) => {
                tracing::warn!(community = %scope.tenant().slug, error = ?e, "retry time not read")
            }
        }
    }

    /// Visit communities, a few at once: each one's duties, then its next time.
    async fn visit(&self, scopes: Vec<CommunityScope>) {
        futures::stream::iter(scopes)
            .for_each_concurrent(VISIT_JOBS, |scope| async move {
                let now = Utc::now();
                self.duties(&scope, now).await;
                let next = self.next_due(&scope, now).await;
                if let Err(e) = due::set(self.db.pool(), scope.tenant().community_id, next).await {
                    tracing::warn!(community = %scope.tenant().slug, error = ?e, "next time not kept");
                }
            })
            .await;
    }

    /// The community's duties, each idempotent: tomorrow's reminders, the farm, open minutes,
    /// no-shows, expiring points, figures, then due deliveries.
    async fn duties(&self, scope: &CommunityScope, now: DateTime<Utc>) {
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
        self.forget_notifications(&ctx, now).await;
        if let Err(e) = dashboards::api::fold(&ctx).await {
            tracing::warn!(community = %scope.tenant().slug, error = ?e, "figure fold failed");
        }
        self.deliver(scope).await;
    }

    /// The first of the duties' own next times after a visit at `now`. A duty that failed, or
    /// still has work (its time passed), is tried again an interval later.
    async fn next_due(&self, scope: &CommunityScope, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let ctx = self.ctx(scope);
        let retry = now + chrono::Duration::from_std(self.interval).unwrap_or_default();
        let times = [
            courses::service::reminders_next_due(&ctx, now).await,
            spaces::api::farm::farm_next_due(&ctx, now).await,
            spaces::api::rooms::open_days_next_due(&ctx, now).await,
            spaces::api::bookings::no_shows_next_due(&ctx).await,
            volunteers::ledger::expiry::expiry_next_due(&ctx, now).await,
            notifications::worker::forget_next_due(&ctx, self.keep_notifications()).await,
        ];
        let retries = match &self.webhook {
            Some(_) => notifications::worker::next_retry(&ctx).await,
            None => Ok(None),
        };
        times
            .into_iter()
            .chain([retries])
            .filter_map(|t| match t {
                Ok(Some(at)) if at <= now => Some(retry),
                Ok(at) => at,
                Err(e) => {
                    tracing::warn!(community = %scope.tenant().slug, error = ?e, "next time not read");
                    Some(retry)
                }
            })
            .min()
    }

    /// Runs until the process ends. Figures fold, and spare schemas are built, in tasks of
    /// their own.
    pub async fn run(self) {
        tokio::spawn(
            Folder {
                tenancy: self.tenancy.clone(),
                db: self.db.clone(),
                secrets: self.secrets.clone(),
            }
            .run(),
        );
        if self.spares > 0 {
            tokio::spawn(
                Spares {
                    tenancy: self.tenancy.clone(),
                    db: self.db.clone(),
                    target: self.spares,
                    retry: self.interval,
                }
                .run(),
            );
        }
        let mut listener: Option<PgListener> = None;
        let mut woken: HashSet<String> = HashSet::new();
        let mut wake_at: Option<tokio::time::Instant> = None;
        let mut housekeeping = tokio::time::Instant::now();
        // The round that visits everyone after (re)connecting: when it began, and how many.
        let mut everyone: Option<(tokio::time::Instant, usize)> = None;
        loop {
            if listener.is_none() {
                listener = match PgListener::connect_with(self.db.pool()).await {
                    Ok(mut l) => l
                        .listen_all(["linli_outbox", "linli_due"])
                        .await
                        .is_ok()
                        .then_some(l),
                    Err(_) => None,
                };
                if listener.is_none() {
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    continue;
                }
                // Words said while nobody listened are lost: everyone once.
                match self.tenancy.active_operator_scopes().await {
                    Ok(list) => {
                        everyone = Some((tokio::time::Instant::now(), list.len()));
                        woken.extend(list.iter().map(|s| s.tenant().schema.clone()));
                        wake_at = Some(tokio::time::Instant::now());
                    }
                    Err(e) => tracing::warn!(error = ?e, "worker cannot list communities"),
                }
            }
            let now = tokio::time::Instant::now();
            if now >= housekeeping {
                // Retention: each kind of record past the period the platform set (periods
                // are whole hours: once an hour is enough, and a platform at rest pays it
                // once an hour, not every interval).
                housekeeping = now + RETENTION_EVERY;
                match self
                    .tenancy
                    .retention_hours(RetentionKind::Notifications)
                    .await
                {
                    Ok(h) => self.keep_notifications.store(h, Ordering::Relaxed),
                    Err(e) => tracing::warn!(error = ?e, "notifications' period not read"),
                }
                match self.tenancy.enforce_retention(&self.store).await {
                    Ok(p) if p.total() == 0 => {}
                    Ok(p) => tracing::info!(purged = ?p, "records past their retention removed"),
                    Err(e) => tracing::warn!(error = ?e, "retention not enforced"),
                }
            }
            if wake_at.is_some_and(|at| now >= at) {
                wake_at = None;
                let round: Vec<String> = woken.drain().collect();
                for chunk in round.chunks(TAKE as usize) {
                    let list = self.scopes_of(chunk).await;
                    self.visit(list).await;
                }
                if let Some((began, communities)) = everyone.take() {
                    let secs = began.elapsed().as_secs_f64();
                    tracing::info!(communities, secs, "first visit of every community done");
                }
            }
            loop {
                match due::take(self.db.pool(), TAKE, LEASE).await {
                    Ok(taken) if !taken.is_empty() => {
                        let schemas: Vec<String> = taken.iter().map(|(_, s)| s.clone()).collect();
                        let list = self.scopes_of(&schemas).await;
                        // Suspended or archived since: forgotten until reactivated (which
                        // wakes the worker for it).
                        for (id, schema) in &taken {
                            if !list.iter().any(|s| &s.tenant().schema == schema)
                                && let Err(e) = due::set(self.db.pool(), *id, None).await
                            {
                                tracing::warn!(error = ?e, "due time not dropped");
                            }
                        }
                        self.visit(list).await;
                    }
                    Ok(_) => break,
                    Err(e) => {
                        tracing::warn!(error = ?e, "worker cannot read the due list");
                        break;
                    }
                }
            }
            // Sleep until the first due time, a word, the next housekeeping, or an interval.
            let first = due::first(self.db.pool()).await.ok().flatten();
            let mut until = housekeeping.min(tokio::time::Instant::now() + self.interval);
            if let Some(at) = first {
                let wait = (at - Utc::now()).to_std().unwrap_or_default();
                until = until.min(tokio::time::Instant::now() + wait);
            }
            if let Some(at) = wake_at {
                until = until.min(at);
            }
            let Some(l) = listener.as_mut() else { continue };
            match tokio::time::timeout_at(until, l.recv()).await {
                Ok(Ok(n)) if n.channel() == "linli_outbox" => {
                    let list = self.scopes_of(&[n.payload().to_string()]).await;
                    for scope in &list {
                        self.deliver_now(scope).await;
                    }
                }
                Ok(Ok(n)) => {
                    woken.insert(n.payload().to_string());
                    wake_at.get_or_insert(tokio::time::Instant::now() + WAKE_DELAY);
                }
                Ok(Err(_)) => listener = None,
                Err(_) => {}
            }
        }
    }

    /// The active communities among these schemas, read afresh (one suspended since is
    /// skipped; one onboarded since is found).
    async fn scopes_of(&self, schemas: &[String]) -> Vec<CommunityScope> {
        self.tenancy
            .operator_scopes_in(schemas)
            .await
            .unwrap_or_else(|e| {
                tracing::warn!(error = ?e, "worker cannot read communities");
                Vec::new()
            })
    }
}
