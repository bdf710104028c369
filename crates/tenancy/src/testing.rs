//! Test support (feature `testing`): a fresh database with one onboarded community, and
//! contexts that play a role in it without an account.

use infra::crypto::Secrets;
use infra::db::DbConfig;
use infra::storage::ObjectStore;
use infra::{Db, Tenant};
use uuid::Uuid;

use crate::model::CommunityKind;
use crate::service::{Actor, OnboardInput};
use crate::{CommunityAccess, CommunityCtx, CommunityScope, Role, Tenancy};

/// A fresh database holding district 510109 and one community.
pub struct OneCommunity {
    pub db: Db,
    pub secrets: Secrets,
    pub tenancy: Tenancy,
    pub tenant: Tenant,
}

impl OneCommunity {
    pub async fn new(master: &[u8], slug: &str, name: &str, connections: u32) -> OneCommunity {
        // Tests run side by side on two cores, each with hundreds of tasks on a small pool: a
        // wait for a connection is load, not a fault, there.
        let cfg = DbConfig {
            max_connections: connections,
            acquire_timeout: std::time::Duration::from_secs(60),
            ..DbConfig::default()
        };
        let secrets = Secrets::from_master(master);
        let db = infra::testing::fresh_db(&cfg, &secrets).await;
        let tenancy = Tenancy::new(db.clone(), secrets.clone(), Default::default());
        tenancy
            .create_district(Actor::Operator, "510109", "成都高新区", None)
            .await
            .expect("district");
        let input = OnboardInput {
            district_code: "510109".into(),
            slug: slug.into(),
            name: name.into(),
            kind: CommunityKind::OldCourtyard,
            households: None,
            residents: None,
        };
        let tenant = tenancy
            .onboard(Actor::Operator, input)
            .await
            .expect("onboard")
            .0
            .tenant();
        OneCommunity {
            db,
            secrets,
            tenancy,
            tenant,
        }
    }

    /// The community as account `id` named `name` holding `roles`, with `store`.
    pub fn as_account(
        &self,
        store: &ObjectStore,
        id: Uuid,
        name: &str,
        roles: &[Role],
    ) -> CommunityCtx {
        CommunityCtx::new(
            self.db.clone(),
            self.secrets.clone(),
            store.clone(),
            CommunityScope::for_tests(
                self.tenant.clone(),
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
}
