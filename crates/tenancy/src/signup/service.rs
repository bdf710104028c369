//! The rules of signing up: who may print and rotate a community's invitation, what a
//! newcomer must prove, and staff deciding the newcomers they asked to confirm.
//!
//! A sign-up is counted against the caller's address first (like a partner's registration),
//! then the invitation is checked, then the one-time code — and only then, the number being
//! proven the caller's, does the answer say whether it already has an account. So nobody
//! learns whose number is registered; the code's owner may.

use std::net::IpAddr;

use infra::{AppError, AppResult};
use rand::Rng;
use uuid::Uuid;

use super::db;
use super::model::*;
use crate::accounts::registration::Asker;
use crate::error::TenancyError;
use crate::gate::{CommunityCtx, Principal, Role, Roles, Tenancy};
use crate::model::{Name, Password, Phone, Slug};

/// Invitation codes: 8 characters without look-alikes (no 0/O, 1/I/L), ~40 bits.
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

fn new_invitation_code() -> String {
    let mut rng = rand::rng();
    (0..8)
        .map(|_| CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())] as char)
        .collect()
}

/// A code as people type it from a poster: case and spaces do not matter.
fn typed_code(code: &str) -> String {
    code.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_uppercase()
}

/// A community being moved takes no writes, platform rows included.
fn writable(ctx: &CommunityCtx) -> AppResult<()> {
    if ctx.tenant().read_only {
        return Err(AppError::read_only());
    }
    Ok(())
}

/// The account acting, for the platform's records of who did what; `None` for the operator
/// (the command line, the demo seed), who has none.
fn acting_account(ctx: &CommunityCtx) -> Option<Uuid> {
    Some(ctx.access().account_id).filter(|id| !id.is_nil())
}

/// Invitation lookups from one address within the hour before each further one waits.
const INVITATION_LOOKUPS: i32 = 30;

impl Tenancy {
    /// The community's invitation (staff); `None` until it was first made.
    pub async fn invitation(&self, ctx: &CommunityCtx) -> AppResult<Option<Invitation>> {
        ctx.require(Roles::STAFF)?;
        let mut conn = self.db.pool().acquire().await?;
        Ok(db::invitation(&mut conn, ctx.tenant().community_id).await?)
    }

    /// The community's invitation code, for a public page that offers signing up (a
    /// survey's); `None` when it has none.
    pub async fn public_invitation_code(&self, community: Uuid) -> AppResult<Option<String>> {
        let mut conn = self.db.pool().acquire().await?;
        Ok(db::invitation(&mut conn, community).await?.map(|i| i.code))
    }

    /// Make the community's invitation, or replace its code (the old one stops working at
    /// once: printed posters need the new one).
    pub async fn rotate_invitation(&self, ctx: &CommunityCtx) -> AppResult<Invitation> {
        ctx.require(Roles::STAFF)?;
        writable(ctx)?;
        let mut conn = self.db.pool().acquire().await?;
        Ok(db::put_invitation_code(
            &mut conn,
            ctx.tenant().community_id,
            &new_invitation_code(),
            acting_account(ctx),
        )
        .await?)
    }

    /// Do newcomers wait for staff to confirm them? (The community chooses.)
    pub async fn set_sign_up_confirmation(
        &self,
        ctx: &CommunityCtx,
        confirm: bool,
    ) -> AppResult<Invitation> {
        ctx.require(Roles::STAFF)?;
        writable(ctx)?;
        let mut conn = self.db.pool().acquire().await?;
        db::set_confirmation(&mut conn, ctx.tenant().community_id, confirm)
            .await?
            .ok_or_else(|| TenancyError::NoInvitation.into())
    }

    /// The community an invitation leads to (its page, before signing up); counted per address.
    pub async fn invited_community(
        &self,
        from: IpAddr,
        slug: &str,
        code: &str,
    ) -> AppResult<InvitedCommunity> {
        let source = crate::auth::service::source_of(from);
        self.reserve_attempt(&format!("invite:{source}"), INVITATION_LOOKUPS)
            .await?;
        let mut conn = self.db.pool().acquire().await?;
        Ok(db::invited(&mut conn, slug.trim(), &typed_code(code))
            .await?
            .ok_or(TenancyError::InvitationInvalid)?
            .1)
    }

    /// A newcomer signs up through an invitation with name, phone number, password and the
    /// code sent to the phone. Their login name is the number; they are a resident at once,
    /// or wait for staff where the community asked for that.
    pub async fn sign_up(&self, from: IpAddr, input: SignUpInput) -> AppResult<SignedUp> {
        self.reserve_registration(Asker::Address(from)).await?;
        Slug::parse(&input.community)?;
        let name = Name::parse(&input.display_name)?;
        let phone = Phone::parse(&input.phone)?;
        if input.password.len() > 128 {
            return Err(TenancyError::WeakPassword.into());
        }
        let password = Password::parse(&input.password)?;
        let mut conn = self.db.pool().acquire().await?;
        let (community, invited) = db::invited(
            &mut conn,
            input.community.trim(),
            &typed_code(&input.invitation),
        )
        .await?
        .ok_or(TenancyError::InvitationInvalid)?;
        let lookup = self.secrets.lookup_hash(phone.as_str());
        let code_hash = self.code_hash(&lookup, &input.code);
        // One try of the number's code spent, right or wrong (not used up yet: the account's
        // transaction takes it with what it proves).
        if db::try_code(&mut conn, &lookup).await?.as_deref() != Some(code_hash.as_str()) {
            return Err(TenancyError::CodeWrong.into());
        }
        // The number is the caller's from here on: saying it has an account tells no one else.
        if db::phone_has_account(&mut conn, phone.as_str(), &lookup).await? {
            return Err(TenancyError::PhoneHasAccount.into());
        }
        drop(conn);
        let password_hash = self.hash(password, &self.registering).await?;
        let mut tx = self.db.begin().await?;
        if !db::use_code(&mut tx, &lookup, &code_hash).await? {
            return Err(TenancyError::CodeWrong.into());
        }
        let row = crate::accounts::db::NewAccount {
            id: Uuid::now_v7(),
            login_name: phone.as_str(),
            display_name: name.as_str(),
            password_hash: &password_hash,
            phone_encrypted: Some(self.secrets.encrypt(phone.as_str())),
            phone_lookup: Some(lookup.clone()),
            phone_verified: true,
        };
        let account = crate::accounts::db::insert_account(&mut tx, &row)
            .await?
            .ok_or(TenancyError::PhoneHasAccount)?;
        let status = self
            .admit_newcomer(&mut tx, account.id, community, invited.confirm_by_staff)
            .await?;
        tx.commit().await?;
        Ok(SignedUp {
            token: self.issue(account)?,
            status,
        })
    }

    /// Someone signed in joins another community through its invitation (a resident who
    /// moved, a grid worker who also lives there).
    pub async fn join_community(
        &self,
        p: &Principal,
        slug: &str,
        code: &str,
    ) -> AppResult<SignUpStatus> {
        self.reserve_attempt(&format!("join:{}", p.account_id()), INVITATION_LOOKUPS)
            .await?;
        let mut tx = self.db.begin().await?;
        let (community, invited) = db::invited(&mut tx, slug.trim(), &typed_code(code))
            .await?
            .ok_or(TenancyError::InvitationInvalid)?;
        if p.community_roles(community).contains(&Role::Resident) {
            return Err(TenancyError::AlreadyResident.into());
        }
        let status = self
            .admit_newcomer(&mut tx, p.account_id(), community, invited.confirm_by_staff)
            .await?;
        tx.commit().await?;
        self.cache.forget_account(p.account_id());
        Ok(status)
    }

    /// A resident at once, or a request staff decide; one sign-up per account and community.
    async fn admit_newcomer(
        &self,
        tx: &mut sqlx::PgConnection,
        account: Uuid,
        community: Uuid,
        confirm_by_staff: bool,
    ) -> AppResult<SignUpStatus> {
        let status = if confirm_by_staff {
            SignUpStatus::Pending
        } else {
            SignUpStatus::Accepted
        };
        if !db::insert_request(tx, account, community, status).await? {
            return Err(TenancyError::SignUpExists.into());
        }
        if status == SignUpStatus::Accepted {
            crate::accounts::db::insert_membership(
                tx,
                account,
                Role::Resident,
                None,
                Some(community),
                None,
            )
            .await?;
        }
        Ok(status)
    }

    /// Newcomers' sign-ups by status (staff), oldest first.
    pub async fn sign_up_requests(
        &self,
        ctx: &CommunityCtx,
        status: SignUpStatus,
    ) -> AppResult<Vec<SignUpRequest>> {
        ctx.require(Roles::STAFF)?;
        let mut conn = self.db.pool().acquire().await?;
        Ok(db::requests(&mut conn, ctx.tenant().community_id, status).await?)
    }

    /// Staff confirm a newcomer as a resident, or decline them; once.
    pub async fn decide_sign_up(
        &self,
        ctx: &CommunityCtx,
        account: Uuid,
        accept: bool,
    ) -> AppResult<SignUpRequest> {
        ctx.require(Roles::STAFF)?;
        writable(ctx)?;
        let community = ctx.tenant().community_id;
        let status = if accept {
            SignUpStatus::Accepted
        } else {
            SignUpStatus::Declined
        };
        let mut tx = self.db.begin().await?;
        let r = db::decide_request(&mut tx, community, account, status, acting_account(ctx))
            .await?
            .ok_or(TenancyError::SignUpDecided)?;
        if accept {
            crate::accounts::db::insert_membership(
                &mut tx,
                account,
                Role::Resident,
                None,
                Some(community),
                acting_account(ctx),
            )
            .await?;
        }
        tx.commit().await?;
        self.cache.forget_account(account);
        Ok(r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_have_no_look_alikes_and_match_the_column_check() {
        for _ in 0..200 {
            let c = new_invitation_code();
            assert_eq!(c.len(), 8);
            assert!(!c.contains(['0', 'O', '1', 'I', 'L']), "{c}");
        }
        assert_eq!(typed_code(" ab3k-7mnp "), "AB3K7MNP");
    }
}
