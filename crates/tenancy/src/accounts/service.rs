//! Accounts (global: one person may belong to several communities) and the roles they hold
//! per scope; who may grant what where.

use infra::{AppError, AppResult};
use uuid::Uuid;

use super::db;
use super::model::{GrantInput, NewAccountInput};
use crate::error::TenancyError;
use crate::gate::Role;
use crate::gate::{Actor, Principal, Tenancy};
use crate::model::*;

impl Tenancy {
    /// Platform admins, district admins, community admins (and the operator) create accounts;
    /// roles come next.
    pub async fn create_account<'a>(
        &self,
        actor: impl Into<Actor<'a>>,
        input: NewAccountInput,
    ) -> AppResult<Account> {
        let may = match actor.into() {
            Actor::Operator => true,
            Actor::Account(p) => p.creates_accounts(),
        };
        if !may {
            return Err(AppError::forbidden());
        }
        let prepared = self.prepare_account(input).await?;
        let mut conn = self.db.pool().acquire().await?;
        insert_prepared(&mut conn, &prepared).await
    }

    /// Check and hash a new account without writing it, so that a caller can write it in its
    /// own platform transaction with what goes with it (`insert_prepared`). Creates nothing on
    /// its own and grants no role: used for self-registration (a partner organisation's
    /// accounts), which stays inert until someone grants a role or approves the organisation.
    /// The phone number, entered by whoever creates the account, counts as verified.
    pub async fn prepare_account(&self, input: NewAccountInput) -> AppResult<PreparedAccount> {
        self.prepare_with(input, &self.hashing, true).await
    }

    /// `prepare_account` hashing under `limit`; `phone_verified` says whether the phone number
    /// given is known to be the holder's.
    pub(crate) async fn prepare_with(
        &self,
        input: NewAccountInput,
        limit: &infra::limits::WorkLimit,
        phone_verified: bool,
    ) -> AppResult<PreparedAccount> {
        let login = LoginName::parse(&input.login_name)?;
        let display = Name::parse(&input.display_name)?;
        let password = Password::parse(&input.password)?;
        let phone = input
            .phone
            .as_deref()
            .filter(|p| !p.trim().is_empty())
            .map(Phone::parse)
            .transpose()?;
        let hash = self.hash(password, limit).await?;
        Ok(PreparedAccount {
            id: Uuid::now_v7(),
            login_name: login.as_str().to_owned(),
            display_name: display.as_str().to_owned(),
            password_hash: hash,
            phone_encrypted: phone.as_ref().map(|p| self.secrets.encrypt(p.as_str())),
            phone_lookup: phone.as_ref().map(|p| self.secrets.lookup_hash(p.as_str())),
            phone_verified: phone_verified && phone.is_some(),
        })
    }

    /// 修改我的资料: the caller corrects the name Linli shows for them (PIPL art. 46); staff
    /// and everyone else see it at once (the principal cache forgets the account). Registry
    /// records are corrected by staff, with a reason (courses' `correctRegistryRecord`).
    pub async fn update_my_profile(
        &self,
        actor: &Principal,
        display_name: &str,
    ) -> AppResult<Account> {
        // The column holds 50 characters; `Name` allows a community's 100.
        let name = Name::parse(display_name)
            .ok()
            .filter(|n| n.as_str().chars().count() <= 50)
            .ok_or(TenancyError::InvalidDisplayName)?;
        let mut tx = self.db.begin().await?;
        let account = db::set_display_name(&mut tx, actor.account_id(), name.as_str()).await?;
        tx.commit().await?;
        self.forget_principals([actor.account_id()]);
        Ok(account)
    }

    /// Display names of accounts, by id (unknown ids are left out): one query for a list.
    pub async fn display_names(
        &self,
        ids: &[Uuid],
    ) -> AppResult<std::collections::HashMap<Uuid, String>> {
        let mut conn = self.db.pool().acquire().await?;
        Ok(db::display_names(&mut conn, ids).await?)
    }

    /// The account of a login name, if any (the operator's CLI and demo seed).
    pub async fn account_by_login(&self, login: &str) -> AppResult<Option<Account>> {
        let mut conn = self.db.pool().acquire().await?;
        Ok(db::account_for_login(&mut conn, login)
            .await?
            .map(|(account, _)| account))
    }

    pub async fn account(&self, id: Uuid) -> AppResult<Option<Account>> {
        let mut conn = self.db.pool().acquire().await?;
        Ok(db::account_by_id(&mut conn, id).await?)
    }

    pub async fn memberships(&self, account_id: Uuid) -> AppResult<Vec<Membership>> {
        let mut conn = self.db.pool().acquire().await?;
        Ok(db::memberships_of(&mut conn, account_id).await?)
    }

    /// The lookup hash (`Secrets::lookup_hash`) of the account's phone number, when it is
    /// verified: what a registry record's number is matched against.
    pub async fn verified_phone_lookup(&self, account: Uuid) -> AppResult<Option<String>> {
        let mut conn = self.db.pool().acquire().await?;
        Ok(db::verified_phone_lookup(&mut conn, account).await?)
    }

    /// Decrypted phone number, or `None` when the account has none.
    pub fn phone(&self, account: &Account) -> Option<String> {
        account
            .phone_encrypted
            .as_deref()
            .and_then(|p| self.secrets.decrypt(p))
    }

    /// The phone number as the API shows it: masked (138****5678), for everyone.
    pub fn phone_masked(&self, account: &Account) -> Option<String> {
        self.phone(account).map(|p| infra::crypto::mask_phone(&p))
    }

    /// Resolve the scope of a grant and check that `actor` may grant there: platform roles by
    /// platform admins; district roles by admins of that district or above; community roles by
    /// admins above the community or the community's own admins — never outside it.
    async fn grant_scope(
        &self,
        conn: &mut sqlx::PgConnection,
        actor: Actor<'_>,
        role: Role,
        district_code: Option<&str>,
        community_slug: Option<&str>,
    ) -> AppResult<(Option<Uuid>, Option<Uuid>)> {
        let scope = match (role, district_code, community_slug) {
            (Role::PlatformAdmin, None, None) => {
                if let Actor::Account(a) = actor
                    && !a.is_platform_admin()
                {
                    return Err(AppError::forbidden());
                }
                (None, None)
            }
            (Role::DistrictAdmin | Role::DistrictViewer, Some(code), None) => {
                let d = crate::districts::db::district_by_code(conn, code)
                    .await?
                    .ok_or(TenancyError::DistrictNotFound)?;
                if !actor.admin_over(&d.path) {
                    return Err(AppError::forbidden());
                }
                (Some(d.id), None)
            }
            (r, None, Some(slug)) if r.is_community_role() => {
                let (c, path) = crate::communities::db::community_with_path(conn, slug)
                    .await?
                    .ok_or(TenancyError::CommunityNotFound)?;
                if let Actor::Account(a) = actor {
                    let own_admin = a.community_roles(c.id).contains(&Role::CommunityAdmin);
                    if !(a.admin_over(&path) || own_admin) {
                        return Err(AppError::forbidden());
                    }
                }
                (None, Some(c.id))
            }
            _ => return Err(TenancyError::RoleScope.into()),
        };
        Ok(scope)
    }

    /// Grant a role (the operator grants the first platform admin).
    pub async fn grant_role<'a>(
        &self,
        actor: impl Into<Actor<'a>>,
        g: GrantInput,
    ) -> AppResult<()> {
        let actor = actor.into();
        let mut tx = self.db.begin().await?;
        let (district_id, community_id) = self
            .grant_scope(
                &mut tx,
                actor,
                g.role,
                g.district_code.as_deref(),
                g.community_slug.as_deref(),
            )
            .await?;
        db::account_by_id(&mut tx, g.account_id)
            .await?
            .ok_or(TenancyError::AccountNotFound)?;
        db::insert_membership(
            &mut tx,
            g.account_id,
            g.role,
            district_id,
            community_id,
            actor.account(),
        )
        .await?;
        tx.commit().await?;
        self.cache.forget_account(g.account_id);
        Ok(())
    }

    /// Revoke; `false` when the account did not hold the role there.
    pub async fn revoke_role(&self, actor: &Principal, g: GrantInput) -> AppResult<bool> {
        let mut tx = self.db.begin().await?;
        let (district_id, community_id) = self
            .grant_scope(
                &mut tx,
                actor.into(),
                g.role,
                g.district_code.as_deref(),
                g.community_slug.as_deref(),
            )
            .await?;
        let removed =
            db::delete_membership(&mut tx, g.account_id, g.role, district_id, community_id).await?;
        tx.commit().await?;
        self.cache.forget_account(g.account_id);
        Ok(removed)
    }

    /// Who holds roles in one scope, for whoever may grant there: a district's officers and
    /// viewers, or a community's admins, staff, grid workers, group leaders and teachers (not
    /// its residents or volunteers, who are the community's own business). One of the two
    /// scopes must be named.
    pub async fn role_holders(
        &self,
        actor: &Principal,
        district_code: Option<&str>,
        community_slug: Option<&str>,
    ) -> AppResult<Vec<(Account, Role)>> {
        let probe = match (district_code, community_slug) {
            (Some(_), None) => Role::DistrictAdmin,
            (None, Some(_)) => Role::CommunityAdmin,
            _ => return Err(TenancyError::RoleScope.into()),
        };
        let mut conn = self.db.pool().acquire().await?;
        let (district_id, community_id) = self
            .grant_scope(
                &mut conn,
                actor.into(),
                probe,
                district_code,
                community_slug,
            )
            .await?;
        Ok(db::role_holders(&mut conn, district_id, community_id).await?)
    }

    /// The account with this login name, for someone who creates accounts (to grant a role
    /// to a person who already has one); `None` when there is none.
    pub async fn find_account(&self, actor: &Principal, login: &str) -> AppResult<Option<Account>> {
        if !actor.creates_accounts() {
            return Err(AppError::forbidden());
        }
        self.account_by_login(login.trim()).await
    }
}

/// A checked and hashed account, not yet written (`Tenancy::prepare_account`).
pub struct PreparedAccount {
    id: Uuid,
    login_name: String,
    display_name: String,
    password_hash: String,
    phone_encrypted: Option<String>,
    phone_lookup: Option<String>,
    phone_verified: bool,
}

/// Write a prepared account in the caller's transaction; a taken login name is `CONFLICT`.
pub async fn insert_prepared(
    conn: &mut sqlx::PgConnection,
    a: &PreparedAccount,
) -> AppResult<Account> {
    let row = db::NewAccount {
        id: a.id,
        login_name: &a.login_name,
        display_name: &a.display_name,
        password_hash: &a.password_hash,
        phone_encrypted: a.phone_encrypted.clone(),
        phone_lookup: a.phone_lookup.clone(),
        phone_verified: a.phone_verified,
    };
    db::insert_account(conn, &row)
        .await?
        .ok_or_else(|| TenancyError::LoginNameTaken.into())
}
