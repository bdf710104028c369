//! The rules of tenancy: who may do what, onboarding, lifecycle, login.

use std::time::Duration;

use infra::crypto::Secrets;
use infra::{AppError, AppResult, Db};

use crate::gate::{CommunityAccess, CommunityCtx, CommunityScope, Role};
use uuid::Uuid;

use super::db;
use crate::error::TenancyError;
use crate::model::*;

#[derive(Debug, Clone)]
pub struct TenancyConfig {
    pub token_ttl: Duration,
    /// Failed logins for one login name from one address before each further try waits
    /// (1 s, doubling, at most 15 minutes).
    pub max_failures_per_account: i32,
    /// Failed logins from one address, whatever the names, before the address waits likewise.
    pub max_failures_per_address: i32,
    /// Registrations (a partner organisation, or an admin adding its people) from one address
    /// or admin within an hour before each further one waits likewise.
    pub max_registrations_per_source: i32,
}

impl Default for TenancyConfig {
    fn default() -> Self {
        TenancyConfig {
            token_ttl: Duration::from_secs(12 * 3600),
            max_failures_per_account: 5,
            max_failures_per_address: 20,
            max_registrations_per_source: 10,
        }
    }
}

#[derive(Clone)]
pub struct Tenancy {
    pub(crate) db: Db,
    pub(crate) secrets: Secrets,
    pub(crate) config: TenancyConfig,
    /// Password hashes in flight (19 MiB each).
    pub(crate) hashing: infra::limits::WorkLimit,
    /// Password hashes of registrations in flight, apart from sign-ins'.
    pub(crate) registering: infra::limits::WorkLimit,
    /// Principals and communities, exact by NOTIFY (used once `listen_for_changes` runs).
    pub(crate) cache: std::sync::Arc<crate::auth::cache::AuthCache>,
    /// Sends one-time codes to phone numbers (the webhook; the log when there is none).
    pub(crate) code_sender: std::sync::Arc<dyn crate::signup::CodeSender>,
}

/// The signed-in account and every role it holds, loaded once per request.
#[derive(Debug, Clone)]
pub struct Principal {
    pub account: Account,
    pub memberships: Vec<Membership>,
}

impl Principal {
    pub fn account_id(&self) -> Uuid {
        self.account.id
    }

    pub fn is_platform_admin(&self) -> bool {
        self.memberships
            .iter()
            .any(|m| m.role == Role::PlatformAdmin)
    }

    /// Is this account a district admin (or platform admin) over a district with this path?
    pub fn admin_over(&self, district_path: &[Uuid]) -> bool {
        self.is_platform_admin()
            || self.memberships.iter().any(|m| {
                m.role == Role::DistrictAdmin
                    && m.district_id.is_some_and(|d| district_path.contains(&d))
            })
    }

    pub(crate) fn viewer_over(&self, district_path: &[Uuid]) -> bool {
        self.memberships.iter().any(|m| {
            m.role == Role::DistrictViewer
                && m.district_id.is_some_and(|d| district_path.contains(&d))
        })
    }

    /// May this account read a district with this path (an admin or viewer over it)?
    pub(crate) fn sees_district(&self, district_path: &[Uuid]) -> bool {
        self.admin_over(district_path) || self.viewer_over(district_path)
    }

    /// May this account create accounts (a platform, district or community admin)?
    pub(crate) fn creates_accounts(&self) -> bool {
        self.memberships.iter().any(|m| {
            matches!(
                m.role,
                Role::PlatformAdmin | Role::DistrictAdmin | Role::CommunityAdmin
            )
        })
    }

    pub(crate) fn community_roles(&self, community_id: Uuid) -> Vec<Role> {
        self.memberships
            .iter()
            .filter(|m| m.community_id == Some(community_id))
            .map(|m| m.role)
            .collect()
    }

    /// The roles held in a community with this district path: its own, plus partner member
    /// (and resident, where the partnership carries residents' rights) where the caller's
    /// organisation partners with a district containing it. Only partner access puts those
    /// two roles on a district.
    fn roles_in(&self, community_id: Uuid, district_path: &[Uuid]) -> Vec<Role> {
        let mut roles = self.community_roles(community_id);
        for role in [Role::PartnerMember, Role::Resident] {
            let above = self.memberships.iter().any(|m| {
                m.role == role && m.district_id.is_some_and(|d| district_path.contains(&d))
            });
            if above && !roles.contains(&role) {
                roles.push(role);
            }
        }
        roles
    }

    /// District ids this account may see the subtrees of (admin or viewer); `None` = all.
    pub(crate) fn district_roots(&self) -> Option<Vec<Uuid>> {
        if self.is_platform_admin() {
            return None;
        }
        Some(
            self.memberships
                .iter()
                .filter(|m| matches!(m.role, Role::DistrictAdmin | Role::DistrictViewer))
                .filter_map(|m| m.district_id)
                .collect(),
        )
    }
}

/// Who acts on the platform: a signed-in account, whose rights are checked, or the operator at
/// the command line (and the demo seed), who runs Linli and is trusted by the shell it holds.
#[derive(Clone, Copy)]
pub enum Actor<'a> {
    Operator,
    Account(&'a Principal),
}

impl<'a> From<&'a Principal> for Actor<'a> {
    fn from(p: &'a Principal) -> Self {
        Actor::Account(p)
    }
}

impl Actor<'_> {
    pub(crate) fn account(self) -> Option<Uuid> {
        match self {
            Actor::Operator => None,
            Actor::Account(p) => Some(p.account_id()),
        }
    }

    /// Admin over a district with this path (the operator always is).
    pub(crate) fn admin_over(self, path: &[Uuid]) -> bool {
        match self {
            Actor::Operator => true,
            Actor::Account(p) => p.admin_over(path),
        }
    }
}

pub(crate) fn non_negative(v: Option<i32>) -> Result<Option<i32>, AppError> {
    match v {
        Some(n) if n < 0 => Err(AppError::from(TenancyError::NegativeCount)),
        _ => Ok(v),
    }
}

impl Tenancy {
    pub fn new(db: Db, secrets: Secrets, config: TenancyConfig) -> Tenancy {
        Tenancy {
            db,
            secrets,
            config,
            hashing: crate::auth::service::hashing_limit(),
            registering: crate::accounts::registration::registering_limit(),
            cache: Default::default(),
            code_sender: std::sync::Arc::new(crate::signup::LogSender),
        }
    }

    /// Keep principals and communities in memory, dropping each at the commit of any change
    /// to it (run once per process, for as long as it serves).
    pub async fn listen_for_changes(&self) {
        self.cache.listen(self.db.pool().clone()).await;
    }

    /// A change made outside this crate to who may do what — a partnership decided or ended,
    /// a person taken out of an organisation — has committed: this gateway drops those
    /// principals at once, as it does after its own grants. Other gateways drop them when the
    /// database's notification reaches them.
    pub fn forget_principals(&self, accounts: impl IntoIterator<Item = Uuid>) {
        for a in accounts {
            self.cache.forget_account(a);
        }
    }

    pub fn db(&self) -> &Db {
        &self.db
    }

    pub fn secrets(&self) -> &Secrets {
        &self.secrets
    }

    /// The community gate: may this caller enter the community `slug`? Membership is checked
    /// before the community's status (but for a moved one's routing entry), and both before
    /// any community data is touched.
    pub async fn enter_community(
        &self,
        principal: Option<&Principal>,
        slug: &str,
    ) -> AppResult<CommunityScope> {
        let principal = principal.ok_or_else(AppError::unauthenticated)?;
        let (community, path) = match self.cache.community(slug) {
            Some(c) => c,
            None => {
                let epoch = self.cache.epoch();
                let mut conn = self.db.pool().acquire().await?;
                let found = crate::communities::db::community_with_path(&mut conn, slug)
                    .await?
                    .ok_or(TenancyError::CommunityNotFound)?;
                self.cache.keep_community(slug, &found, epoch);
                found
            }
        };
        // A routing entry holds no data: whoever still arrives here learns where it went
        // (its members were removed with its copy once the move was confirmed).
        if community.status == CommunityStatus::Moved {
            return Err(TenancyError::Moved(community.moved_to.clone().unwrap_or_default()).into());
        }
        let access = CommunityAccess {
            account_id: principal.account_id(),
            display_name: principal.account.display_name.clone(),
            roles: principal.roles_in(community.id, &path),
            admin_above: principal.admin_over(&path),
            viewer_above: principal.viewer_over(&path),
        };
        if access.roles.is_empty() && !access.admin_above && !access.viewer_above {
            return Err(AppError::forbidden());
        }
        match community.status {
            // A moving community's tenant is read-only (`Tenant::read_only`).
            CommunityStatus::Active | CommunityStatus::Moving => {
                Ok(CommunityScope::new(community.tenant(), access))
            }
            CommunityStatus::Suspended => Err(TenancyError::Suspended.into()),
            CommunityStatus::Archived => Err(TenancyError::Archived.into()),
            CommunityStatus::Moved => {
                Err(TenancyError::Moved(community.moved_to.clone().unwrap_or_default()).into())
            }
        }
    }

    /// The operator's explicit actor in a community (the demo seed, the command line): an
    /// admin above it, whatever its status.
    pub async fn operator_scope(&self, slug: &str) -> AppResult<CommunityScope> {
        let mut conn = self.db.pool().acquire().await?;
        let community = crate::communities::db::community_by_slug(&mut conn, slug)
            .await?
            .ok_or(TenancyError::CommunityNotFound)?;
        Ok(CommunityScope::new(community.tenant(), operator_access()))
    }

    /// The context of an anonymous visitor of a public page of the community (a shared
    /// exhibition): active communities only, and no role at all, so every `require` fails.
    pub async fn public_scope(&self, slug: &str) -> AppResult<CommunityScope> {
        let mut conn = self.db.pool().acquire().await?;
        let community = crate::communities::db::community_by_slug(&mut conn, slug)
            .await?
            .filter(|c| c.status == CommunityStatus::Active)
            .ok_or(TenancyError::CommunityNotFound)?;
        let nobody = CommunityAccess {
            account_id: Uuid::nil(),
            display_name: String::new(),
            roles: Vec::new(),
            admin_above: false,
            viewer_above: false,
        };
        Ok(CommunityScope::new(community.tenant(), nobody))
    }

    /// The operator's actor in every active community, for the background worker
    /// (reminders, deliveries), in one query.
    pub async fn active_operator_scopes(&self) -> AppResult<Vec<CommunityScope>> {
        let mut conn = self.db.pool().acquire().await?;
        let communities = crate::communities::db::active_communities(&mut conn).await?;
        Ok(communities
            .into_iter()
            .map(|c| CommunityScope::new(c.tenant(), operator_access()))
            .collect())
    }

    /// The operator's actor in the active communities among these schemas (the worker, woken
    /// for some of them), in one query.
    pub async fn operator_scopes_in(&self, schemas: &[String]) -> AppResult<Vec<CommunityScope>> {
        let mut conn = self.db.pool().acquire().await?;
        let communities = crate::communities::db::active_communities_in(&mut conn, schemas).await?;
        Ok(communities
            .into_iter()
            .map(|c| CommunityScope::new(c.tenant(), operator_access()))
            .collect())
    }

    /// The context of an account acting without a token (a calendar feed, a newcomer just
    /// signed up, the demo seed): the account as it is now — active, with its roles read
    /// afresh — through the gate's own check.
    pub async fn account_ctx(
        &self,
        account_id: Uuid,
        slug: &str,
        store: &infra::storage::ObjectStore,
    ) -> AppResult<CommunityCtx> {
        let principal = self.principal_of(account_id).await?;
        let scope = self.enter_community(Some(&principal), slug).await?;
        Ok(CommunityCtx::new(
            self.db.clone(),
            self.secrets.clone(),
            store.clone(),
            scope,
        ))
    }

    /// An account as the operator acts for it (the demo seed): its principal, without a token.
    pub async fn principal_of(&self, account_id: Uuid) -> AppResult<Principal> {
        let mut conn = self.db.pool().acquire().await?;
        let (account, memberships) = db::account_with_memberships(&mut conn, account_id)
            .await?
            .ok_or(TenancyError::AccountNotFound)?;
        Ok(Principal {
            account,
            memberships,
        })
    }
}

/// The operator: an admin above every community, acting as no account.
fn operator_access() -> CommunityAccess {
    CommunityAccess {
        account_id: Uuid::nil(),
        display_name: "运营人员".into(),
        roles: Vec::new(),
        admin_above: true,
        viewer_above: false,
    }
}
