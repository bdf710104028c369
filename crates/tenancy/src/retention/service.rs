//! The rules of retention: the platform's administrators read and set the periods (never
//! below the least the law allows); the worker purges what is past them, and the purge is
//! itself written to the audit log.

use chrono::Utc;
use infra::audit::AuditEntry;
use infra::storage::ObjectStore;
use infra::{AppError, AppResult};
use uuid::Uuid;

use super::db;
pub use super::model::{Purged, RetentionKind, RetentionPeriod};
use crate::error::TenancyError;
use crate::gate::{Principal, Tenancy};

impl Tenancy {
    /// How long the platform keeps one kind, in hours, for the worker's own purges (the
    /// communities' notifications).
    pub async fn retention_hours(&self, kind: RetentionKind) -> AppResult<i32> {
        let mut conn = self.db().pool().acquire().await?;
        Ok(db::periods(&mut conn)
            .await?
            .into_iter()
            .find(|p| p.kind == kind)
            .map_or(87600, |p| p.keep_hours))
    }

    /// Every kind's period (platform administrators).
    pub async fn retention_periods(&self, actor: &Principal) -> AppResult<Vec<RetentionPeriod>> {
        if !actor.is_platform_admin() {
            return Err(AppError::forbidden());
        }
        let mut conn = self.db().pool().acquire().await?;
        Ok(db::periods(&mut conn).await?)
    }

    /// Set a kind's period in hours (platform administrators).
    pub async fn set_retention_period(
        &self,
        actor: &Principal,
        kind: RetentionKind,
        hours: i32,
    ) -> AppResult<RetentionPeriod> {
        if !actor.is_platform_admin() {
            return Err(AppError::forbidden());
        }
        let least_hours = kind.least_hours();
        if !(least_hours..=87600).contains(&hours) {
            return Err(TenancyError::RetentionOutOfRange { least_hours }.into());
        }
        let mut tx = self.db().begin().await?;
        let p = db::set_period(&mut tx, kind, hours, actor.account_id()).await?;
        tx.commit().await?;
        Ok(p)
    }

    /// The worker's purge: each kind's records older than its period, on the administrative
    /// login; people's copies of their data by the time in their keys (UUIDv7). A purge that
    /// removed anything leaves one audit row saying how much of each kind.
    pub async fn enforce_retention(&self, store: &ObjectStore) -> AppResult<Purged> {
        let mut conn = self.db().admin_pool().acquire().await?;
        let periods = db::periods(&mut conn).await?;
        let hours = |k: RetentionKind| {
            periods
                .iter()
                .find(|p| p.kind == k)
                .map_or(87600, |p| p.keep_hours)
        };
        let mut rows = Vec::new();
        for kind in [
            RetentionKind::AuditLog,
            RetentionKind::LoginThrottle,
            RetentionKind::PhoneCodes,
            RetentionKind::RequestKeys,
        ] {
            rows.push(db::purge(&mut conn, kind, hours(kind)).await?);
        }
        let mut purged = Purged {
            audit_log: rows[0],
            login_throttle: rows[1],
            phone_codes: rows[2],
            request_keys: rows[3],
            ..Purged::default()
        };
        let cutoff = |k: RetentionKind| Utc::now() - chrono::Duration::hours(i64::from(hours(k)));
        let (personal, generated) = (
            cutoff(RetentionKind::PersonalExports),
            cutoff(RetentionKind::Exports),
        );
        // Generated files live under `x/` (one listing, whatever the number of communities);
        // people's copies made before that lived under `a/`.
        let mut keys = store.list_keys_under("x/").await?;
        keys.extend(store.list_keys_under("a/").await?);
        for key in keys {
            let personal_copy = key.starts_with("x/a/") || key.starts_with("a/");
            let before = if personal_copy { personal } else { generated };
            if made_before(&key, before) {
                store.delete(&key).await?;
                if personal_copy {
                    purged.personal_exports += 1;
                } else {
                    purged.exports += 1;
                }
            }
        }
        // An archived community past its period: every person in it erased, its photos and
        // files deleted; its anonymous records stay.
        for c in db::archived_due(&mut conn, hours(RetentionKind::ArchivedCommunities)).await? {
            let tenant = c.tenant();
            let mut tx = self.db().tenant_tx(&tenant).await?;
            infra::personal::begin_erasure(&mut tx).await?;
            let erased = infra::personal::erase_all(&mut tx, &tenant.schema).await?;
            tx.commit().await?;
            let mut keys = erased.photos;
            keys.extend(store.list_keys_under(&format!("x/c/{}/", c.id)).await?);
            for key in keys {
                store.delete(&key).await?;
            }
            db::mark_anonymised(&mut conn, c.id).await?;
            purged.archived_communities += 1;
        }
        if purged.total() > 0 {
            let entry = AuditEntry {
                operation: "enforceRetention".into(),
                target: serde_json::json!({
                    "auditLog": purged.audit_log,
                    "loginThrottle": purged.login_throttle,
                    "phoneCodes": purged.phone_codes,
                    "requestKeys": purged.request_keys,
                    "personalExports": purged.personal_exports,
                    "exports": purged.exports,
                    "archivedCommunities": purged.archived_communities,
                }),
                ..Default::default()
            };
            infra::audit::insert(&mut conn, &entry, "ok").await?;
        }
        Ok(purged)
    }
}

/// Was the file at `key` (`x/<owner kind>/<owner>/{uuidv7}.<ext>`, or before that
/// `a/{account}/exports/{uuidv7}.zip`) made before `cutoff`? A key of any other shape is left
/// alone.
fn made_before(key: &str, cutoff: chrono::DateTime<Utc>) -> bool {
    let Some(file) = key.rsplit('/').next() else {
        return false;
    };
    let Ok(id) = file.split('.').next().unwrap_or_default().parse::<Uuid>() else {
        return false;
    };
    if !key.starts_with("x/") && !key.contains("/exports/") {
        return false;
    }
    id.get_timestamp().is_some_and(|t| {
        let (secs, nanos) = t.to_unix();
        chrono::DateTime::from_timestamp(secs as i64, nanos).is_some_and(|at| at < cutoff)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_copies_older_than_the_cutoff_go() {
        let now = Utc::now();
        let old = Uuid::new_v7(uuid::Timestamp::from_unix(
            uuid::NoContext,
            (now - chrono::Duration::days(2)).timestamp() as u64,
            0,
        ));
        let fresh = Uuid::now_v7();
        let cutoff = now - chrono::Duration::days(1);
        assert!(made_before(&format!("a/x/exports/{old}.zip"), cutoff));
        assert!(!made_before(&format!("a/x/exports/{fresh}.zip"), cutoff));
        assert!(!made_before(&format!("a/x/photos/{old}.jpg"), cutoff));
        assert!(!made_before("a/x/exports/not-a-uuid.zip", cutoff));
        assert!(!made_before(
            &format!("a/x/exports/{}.zip", Uuid::new_v4()),
            cutoff
        ));
    }
}
