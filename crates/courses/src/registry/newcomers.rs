//! Newcomers who signed up by themselves (自助注册) meet the record staff entered for them:
//! the record whose phone number is the newcomer's verified one and whose name is the name
//! they gave is linked at once — when they become residents, at sign-up or when staff
//! confirm them. No match links nothing (`linkMyRecord` and staff's requests remain).

use std::net::IpAddr;

use infra::AppResult;
use infra::storage::ObjectStore;
use tenancy::signup::{SignUpInput, SignUpStatus, SignedUp};
use tenancy::{CommunityCtx, Roles, Tenancy};
use uuid::Uuid;

use super::db;
use super::service::link;
use crate::model::Learner;

/// Link the account's record when its verified number and its name say it is theirs: the
/// account itself (a resident now) or staff confirming it.
pub async fn link_newcomer(
    t: &Tenancy,
    ctx: &CommunityCtx,
    account: Uuid,
    name: &str,
) -> AppResult<Option<Learner>> {
    if account == ctx.access().account_id {
        ctx.require(Roles::MEMBERS)?;
    } else {
        ctx.require(Roles::STAFF)?;
    }
    let Some(lookup) = t.verified_phone_lookup(account).await? else {
        return Ok(None);
    };
    let mut tx = ctx.tx().await?;
    let record = db::by_phone(&mut tx, &lookup)
        .await?
        .filter(|r| r.account_id.is_none() && r.name == name.trim());
    let linked = match record {
        Some(r) => Some(link(&mut tx, r.id, account).await?),
        None => None,
    };
    tx.commit().await?;
    Ok(linked)
}

/// A link made after the sign-up (or join, or staff's decision) committed: a failure leaves
/// the newcomer a resident without their record (staff can still link it), so it is logged,
/// not returned.
fn logged(linked: AppResult<Option<Learner>>, account: Uuid) -> Option<Learner> {
    linked.unwrap_or_else(|e| {
        tracing::warn!(account = %account, error = %e.en, "a newcomer's record was not linked");
        None
    })
}

/// Link in the newcomer's own context in the community they now belong to (through the gate).
async fn link_after(
    t: &Tenancy,
    store: &ObjectStore,
    account: Uuid,
    slug: &str,
    name: &str,
) -> Option<Learner> {
    let linked = async {
        let ctx = t.account_ctx(account, slug, store).await?;
        link_newcomer(t, &ctx, account, name).await
    };
    logged(linked.await, account)
}

/// Sign up through an invitation (`Tenancy::sign_up`) and, a resident at once, meet one's
/// record.
pub async fn sign_up(
    t: &Tenancy,
    store: &ObjectStore,
    from: IpAddr,
    input: SignUpInput,
) -> AppResult<(SignedUp, Option<Learner>)> {
    let slug = input.community.trim().to_owned();
    let signed = t.sign_up(from, input).await?;
    let account = &signed.token.account;
    let linked = match signed.status {
        SignUpStatus::Accepted => {
            link_after(t, store, account.id, &slug, &account.display_name).await
        }
        SignUpStatus::Pending | SignUpStatus::Declined => None,
    };
    Ok((signed, linked))
}

/// Someone signed in joins a community through its invitation and, a resident at once, meets
/// their record there.
pub async fn join_community(
    t: &Tenancy,
    store: &ObjectStore,
    p: &tenancy::Principal,
    slug: &str,
    code: &str,
) -> AppResult<(SignUpStatus, Option<Learner>)> {
    let status = t.join_community(p, slug, code).await?;
    let linked = match status {
        SignUpStatus::Accepted => {
            link_after(
                t,
                store,
                p.account_id(),
                slug.trim(),
                &p.account.display_name,
            )
            .await
        }
        SignUpStatus::Pending | SignUpStatus::Declined => None,
    };
    Ok((status, linked))
}

/// Staff confirm a newcomer (who then meets their record) or decline them.
pub async fn decide_sign_up(
    t: &Tenancy,
    ctx: &CommunityCtx,
    account: Uuid,
    accept: bool,
) -> AppResult<(tenancy::signup::SignUpRequest, Option<Learner>)> {
    let r = t.decide_sign_up(ctx, account, accept).await?;
    let linked = if accept {
        logged(
            link_newcomer(t, ctx, account, &r.display_name).await,
            account,
        )
    } else {
        None
    };
    Ok((r, linked))
}
