//! The time bank against a real PostgreSQL: the ledger never loses, doubles or overdraws a
//! point, whatever the concurrency.

mod ledger;
mod volunteering;

use infra::crypto::Secrets;
use infra::db::DbConfig;
use infra::storage::{ObjectStore, StoreConfig};
use infra::{AppError, Db};
use tenancy::model::CommunityKind;
use tenancy::service::{Actor, OnboardInput};
use tenancy::{CommunityAccess, CommunityCtx, CommunityScope, Role};
use uuid::Uuid;

pub struct Env {
    pub db: Db,
    pub secrets: Secrets,
    pub store: ObjectStore,
    pub alpha: infra::Tenant,
}

impl Env {
    pub async fn new() -> Env {
        let cfg = DbConfig {
            max_connections: 40,
            ..DbConfig::default()
        };
        let secrets = Secrets::from_master(b"volunteers test");
        let db = infra::testing::fresh_db(&cfg, &secrets).await;
        let t = tenancy::Tenancy::new(db.clone(), secrets.clone(), Default::default());
        t.create_district(Actor::Operator, "510109", "成都高新区", None)
            .await
            .unwrap();
        let input = OnboardInput {
            district_code: "510109".into(),
            slug: "donghuan".into(),
            name: "东环路社区".into(),
            kind: CommunityKind::OldCourtyard,
            households: None,
            residents: None,
        };
        let alpha = t.onboard(Actor::Operator, input).await.unwrap().0.tenant();
        // Never reached: these tests store no objects.
        let store = ObjectStore::new(&StoreConfig {
            endpoint: "http://127.0.0.1:9".into(),
            region: "us-east-1".into(),
            bucket: "unused".into(),
            access_key: "ak".into(),
            secret_key: "sk".into(),
        });
        Env {
            db,
            secrets,
            store,
            alpha,
        }
    }

    /// The community as the account `id` holding `roles`.
    pub fn as_account(&self, id: Uuid, name: &str, roles: &[Role]) -> CommunityCtx {
        CommunityCtx::new(
            self.db.clone(),
            self.secrets.clone(),
            self.store.clone(),
            CommunityScope::for_tests(
                self.alpha.clone(),
                CommunityAccess {
                    account_id: id,
                    display_name: name.into(),
                    roles: roles.to_vec(),
                    admin_above: false,
                    viewer_above: false,
                },
            ),
        )
    }

    pub fn staff(&self) -> CommunityCtx {
        self.as_account(Uuid::from_u128(0x5747), "社工", &[Role::Staff])
    }

    pub fn resident(&self, id: Uuid) -> CommunityCtx {
        self.as_account(id, "居民", &[Role::Resident])
    }
}

pub fn code<T>(r: Result<T, AppError>) -> &'static str {
    match r {
        Ok(_) => panic!("expected an error, got a success"),
        Err(e) => e.code.as_str(),
    }
}
