//! The time bank against a real PostgreSQL: the ledger never loses, doubles or overdraws a
//! point, whatever the concurrency.

mod keys;
mod ledger;
mod stars;
mod volunteering;

use infra::Db;
use infra::storage::ObjectStore;
use tenancy::testing::OneCommunity;
use tenancy::{CommunityCtx, Role};
use uuid::Uuid;

pub struct Env {
    pub db: Db,
    pub store: ObjectStore,
    pub alpha: infra::Tenant,
    community: OneCommunity,
}

impl Env {
    pub async fn new() -> Env {
        let community = OneCommunity::new(b"volunteers test", "donghuan", "东环路社区", 40).await;
        Env {
            db: community.db.clone(),
            // Never reached: these tests store no objects.
            store: infra::testing::unreachable_store(),
            alpha: community.tenant.clone(),
            community,
        }
    }

    /// The community as the account `id` holding `roles`.
    pub fn as_account(&self, id: Uuid, name: &str, roles: &[Role]) -> CommunityCtx {
        self.community.as_account(&self.store, id, name, roles)
    }

    pub fn staff(&self) -> CommunityCtx {
        self.as_account(Uuid::from_u128(0x5747), "社工", &[Role::Staff])
    }

    pub fn resident(&self, id: Uuid) -> CommunityCtx {
        self.as_account(id, "居民", &[Role::Resident])
    }
}

pub use tenancy::testing::code;
