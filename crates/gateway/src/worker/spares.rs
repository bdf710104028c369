//! Spare community schemas (备用 schema): keeps a few built ahead so that onboarding only names
//! one (see `tenancy::communities::spares`). It builds when it starts listening and each time
//! an onboarding says it took one (`NOTIFY linli_spares`); a round that failed is tried again
//! an interval later. At rest it does nothing.

use std::time::Duration;

use infra::Db;
use sqlx::postgres::PgListener;
use tenancy::Tenancy;

pub(super) struct Spares {
    pub tenancy: Tenancy,
    pub db: Db,
    pub target: usize,
    pub retry: Duration,
}

impl Spares {
    pub async fn run(self) {
        let mut listener: Option<PgListener> = None;
        loop {
            if listener.is_none() {
                listener = match PgListener::connect_with(self.db.pool()).await {
                    Ok(mut l) => l.listen("linli_spares").await.is_ok().then_some(l),
                    Err(_) => None,
                };
                if listener.is_none() {
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    continue;
                }
            }
            // Taken while nobody listened, or just now: count, and build what is missing.
            let started = tokio::time::Instant::now();
            let failed = match self.tenancy.keep_spares(self.target).await {
                Ok(kept) => {
                    if kept.built + kept.dropped > 0 {
                        let secs = started.elapsed().as_secs_f64();
                        tracing::info!(
                            built = kept.built,
                            dropped = kept.dropped,
                            ready = kept.ready,
                            secs,
                            "spare community schemas built"
                        );
                    }
                    false
                }
                Err(e) => {
                    tracing::warn!(error = ?e, "spare community schemas not built");
                    true
                }
            };
            let Some(l) = listener.as_mut() else { continue };
            let word = match failed {
                true => tokio::time::timeout(self.retry, l.recv()).await,
                false => Ok(l.recv().await),
            };
            if let Ok(Err(_)) = word {
                listener = None;
            }
        }
    }
}
