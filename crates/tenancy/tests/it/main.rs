//! Tenancy against a real PostgreSQL: isolation, onboarding, lifecycle, migrate and drift.

mod audit;
mod auth;
mod embedded;
mod isolation;
mod migrate;
mod onboarding;
mod privacy;
mod retention;
mod spares;

use infra::crypto::Secrets;
use infra::db::DbConfig;
use infra::{AppError, Db};
use tenancy::Role;
use tenancy::model::{Community, CommunityKind};
use tenancy::{Actor, GrantInput, NewAccountInput, OnboardInput};
use tenancy::{Principal, Tenancy, TenancyConfig};

/// The address the tests' own logins come from.
pub const HOME: std::net::IpAddr = std::net::IpAddr::V4(std::net::Ipv4Addr::new(10, 0, 0, 1));

pub struct TestEnv {
    pub db: Db,
    pub tenancy: Tenancy,
    pub district: tenancy::model::District,
}

impl TestEnv {
    pub async fn new() -> TestEnv {
        Self::with_pool(DbConfig::default()).await
    }

    pub async fn with_pool(cfg: DbConfig) -> TestEnv {
        let secrets = Secrets::from_master(b"test master secret");
        let db = infra::testing::fresh_db(&cfg, &secrets).await;
        let tenancy = Tenancy::new(
            db.clone(),
            secrets,
            TenancyConfig {
                max_failures_per_account: 3,
                max_failures_per_address: 6,
                ..Default::default()
            },
        );
        let district = tenancy
            .create_district(Actor::Operator, "510109", "成都高新区", None)
            .await
            .unwrap();
        TestEnv {
            db,
            tenancy,
            district,
        }
    }

    pub async fn community(&self, slug: &str) -> Community {
        self.tenancy
            .onboard(Actor::Operator, self.onboard_input(slug))
            .await
            .unwrap()
            .0
    }

    /// Onboarding `slug` into the test district.
    pub fn onboard_input(&self, slug: &str) -> OnboardInput {
        OnboardInput {
            district_code: self.district.code.clone(),
            slug: slug.into(),
            name: format!("{slug} 社区"),
            kind: CommunityKind::OldCourtyard,
            households: Some(2786),
            residents: Some(6977),
        }
    }

    /// A signed-in account holding `role` in the given scope.
    pub async fn principal(
        &self,
        login: &str,
        role: Role,
        district: Option<&str>,
        community: Option<&str>,
    ) -> Principal {
        let a = self
            .tenancy
            .create_account(
                Actor::Operator,
                NewAccountInput {
                    login_name: login.into(),
                    display_name: login.into(),
                    password: "correct horse".into(),
                    phone: Some("13812345678".into()),
                },
            )
            .await
            .unwrap();
        self.tenancy
            .grant_role(
                Actor::Operator,
                GrantInput {
                    account_id: a.id,
                    role,
                    district_code: district.map(Into::into),
                    community_slug: community.map(Into::into),
                },
            )
            .await
            .unwrap();
        let token = self
            .tenancy
            .login(login, "correct horse", HOME)
            .await
            .unwrap()
            .token;
        self.tenancy.authenticate(&token).await.unwrap()
    }
}

impl TestEnv {
    /// The context the gate builds for `principal` in `slug` (through the real gate); tenancy
    /// needs no object store, so the store's endpoint is never reached.
    pub async fn ctx(&self, principal: &Principal, slug: &str) -> tenancy::CommunityCtx {
        let store = infra::storage::ObjectStore::new(&infra::storage::StoreConfig {
            endpoint: "http://127.0.0.1:9".into(),
            public_endpoint: None,
            region: "us-east-1".into(),
            bucket: "unused".into(),
            access_key: "unused".into(),
            secret_key: "unused".into(),
        });
        tenancy::CommunityCtx::new(
            self.db.clone(),
            self.tenancy.secrets().clone(),
            store,
            self.tenancy
                .enter_community(Some(principal), slug)
                .await
                .unwrap(),
        )
    }
}

pub fn code<T: std::fmt::Debug>(r: Result<T, AppError>) -> &'static str {
    match r {
        Ok(v) => panic!("expected an error, got {v:?}"),
        Err(e) => e.code.as_str(),
    }
}
