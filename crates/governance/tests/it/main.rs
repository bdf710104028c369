//! Co-governance against a real PostgreSQL: funds that never go below zero and never forget a
//! movement, posts with one holder whatever the race, follow-ups that close once.

mod funds;
mod honours;
mod meetings;
mod party;
mod patrols;
mod photos;
mod posts;

use infra::storage::ObjectStore;
use tenancy::testing::OneCommunity;
use tenancy::{CommunityCtx, Role};
use uuid::Uuid;

pub use tenancy::testing::code;

pub struct Env {
    store: ObjectStore,
    pub community: OneCommunity,
}

impl Env {
    pub async fn new(connections: u32) -> Env {
        Env {
            // Never reached: these tests store no objects.
            store: infra::testing::unreachable_store(),
            community: OneCommunity::new(b"governance test", "boyuan", "博园社区", connections)
                .await,
        }
    }

    pub fn as_account(&self, id: Uuid, name: &str, roles: &[Role]) -> CommunityCtx {
        self.community.as_account(&self.store, id, name, roles)
    }

    pub fn staff(&self, n: u128) -> CommunityCtx {
        self.as_account(Uuid::from_u128(0x5747_0000 + n), "社工", &[Role::Staff])
    }

    pub fn resident(&self, n: u128) -> CommunityCtx {
        self.as_account(
            Uuid::from_u128(0x2e51_0000 + n),
            &format!("居民{n}"),
            &[Role::Resident],
        )
    }

    /// The statement `sql` run as the community's own role, past every service.
    pub async fn raw(&self, sql: String) -> Result<(), String> {
        let mut tx = self
            .community
            .db
            .tenant_tx(&self.community.tenant)
            .await
            .unwrap();
        sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
            .execute(&mut *tx)
            .await
            .map_err(|e| e.to_string())?;
        tx.commit().await.map_err(|e| e.code.as_str().to_owned())
    }
}
