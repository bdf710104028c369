//! Test support (feature `testing`), the one harness every crate's tests start from: a fresh
//! database with districts and communities onboarded, contexts that play a role in a community
//! without an account, and `code` for the error a call answered.

use infra::crypto::Secrets;
use infra::db::DbConfig;
use infra::storage::ObjectStore;
use infra::{AppResult, Db, Tenant};
use uuid::Uuid;

use crate::OnboardInput;
use crate::gate::Actor;
use crate::model::CommunityKind;
use crate::{CommunityAccess, CommunityCtx, CommunityScope, Role, Tenancy};

/// A fresh database with these districts and communities onboarded.
pub struct Communities {
    pub db: Db,
    pub secrets: Secrets,
    pub tenancy: Tenancy,
    /// In the order given.
    pub tenants: Vec<Tenant>,
}

impl Communities {
    /// `districts`: (code, name); `communities`: (district code, slug, name), all of `kind`.
    /// `connections`: the pool (tests run side by side on two cores, each with hundreds of
    /// tasks on a small pool: a wait for a connection is load, not a fault, there).
    pub async fn new(
        master: &[u8],
        connections: u32,
        districts: &[(&str, &str)],
        communities: &[(&str, &str, &str)],
        kind: CommunityKind,
    ) -> Communities {
        let cfg = DbConfig {
            max_connections: connections,
            acquire_timeout: std::time::Duration::from_secs(60),
            ..DbConfig::default()
        };
        let secrets = Secrets::from_master(master);
        let db = infra::testing::fresh_db(&cfg, &secrets).await;
        let tenancy = Tenancy::new(db.clone(), secrets.clone(), Default::default());
        for (code, name) in districts {
            tenancy
                .create_district(Actor::Operator, code, name, None)
                .await
                .expect("district");
        }
        let mut tenants = Vec::new();
        for (district, slug, name) in communities {
            let input = OnboardInput {
                district_code: (*district).into(),
                slug: (*slug).into(),
                name: (*name).into(),
                kind,
                households: None,
                residents: None,
            };
            let (community, _) = tenancy
                .onboard(Actor::Operator, input)
                .await
                .expect("onboard");
            tenants.push(community.tenant());
        }
        Communities {
            db,
            secrets,
            tenancy,
            tenants,
        }
    }

    /// `tenant` as account `id` named `name` holding `roles`, with `store`.
    pub fn as_account(
        &self,
        tenant: &Tenant,
        store: &ObjectStore,
        id: Uuid,
        name: &str,
        roles: &[Role],
    ) -> CommunityCtx {
        context(&self.db, &self.secrets, tenant, store, id, name, roles)
    }
}

fn context(
    db: &Db,
    secrets: &Secrets,
    tenant: &Tenant,
    store: &ObjectStore,
    id: Uuid,
    name: &str,
    roles: &[Role],
) -> CommunityCtx {
    CommunityCtx::new(
        db.clone(),
        secrets.clone(),
        store.clone(),
        CommunityScope::for_tests(
            tenant.clone(),
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

/// A fresh database holding district 510109 and one community.
pub struct OneCommunity {
    pub db: Db,
    pub secrets: Secrets,
    pub tenancy: Tenancy,
    pub tenant: Tenant,
}

impl OneCommunity {
    pub async fn new(master: &[u8], slug: &str, name: &str, connections: u32) -> OneCommunity {
        let Communities {
            db,
            secrets,
            tenancy,
            mut tenants,
        } = Communities::new(
            master,
            connections,
            &[("510109", "成都高新区")],
            &[("510109", slug, name)],
            CommunityKind::OldCourtyard,
        )
        .await;
        OneCommunity {
            db,
            secrets,
            tenancy,
            tenant: tenants.pop().expect("onboarded"),
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
        context(
            &self.db,
            &self.secrets,
            &self.tenant,
            store,
            id,
            name,
            roles,
        )
    }
}

/// The code of the error a call answered; a success fails the test.
pub fn code<T>(r: AppResult<T>) -> &'static str {
    match r {
        Ok(_) => panic!("expected an error, got a success"),
        Err(e) => e.code.as_str(),
    }
}
