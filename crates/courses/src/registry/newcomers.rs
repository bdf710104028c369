//! Newcomers who signed up by themselves (自助注册) meet the record staff entered for them:
//! the record whose phone number is the newcomer's verified one and whose name is the name
//! they gave is linked at once — when they become residents, at sign-up or when staff
//! confirm them. No match links nothing (`linkMyRecord` and staff's requests remain).

use std::net::IpAddr;

use infra::storage::ObjectStore;
use infra::{AppResult, Db};
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

/// The newcomer's own context in the community they now belong to, through the gate.
async fn newcomer_ctx(
    t: &Tenancy,
    (db, store): (&Db, &ObjectStore),
    account: Uuid,
    slug: &str,
) -> AppResult<CommunityCtx> {
    let principal = t.principal_of(account).await?;
    let scope = t.enter_community(Some(&principal), slug).await?;
    Ok(CommunityCtx::new(
        db.clone(),
        t.secrets().clone(),
        store.clone(),
        scope,
    ))
}

/// Link after a sign-up or a join already committed: a failure here leaves the newcomer a
/// resident without their record (staff can still link it), so it is logged, not returned.
async fn link_after(
    t: &Tenancy,
    parts: (&Db, &ObjectStore),
    account: Uuid,
    slug: &str,
    name: &str,
) -> Option<Learner> {
    let linked = async {
        let ctx = newcomer_ctx(t, parts, account, slug).await?;
        link_newcomer(t, &ctx, account, name).await
    }
    .await;
    linked.unwrap_or_else(|e| {
        tracing::warn!(account = %account, error = %e.en, "a newcomer's record was not linked");
        None
    })
}

/// Sign up through an invitation (`Tenancy::sign_up`) and, a resident at once, meet one's
/// record.
pub async fn sign_up(
    t: &Tenancy,
    parts: (&Db, &ObjectStore),
    from: IpAddr,
    input: SignUpInput,
) -> AppResult<(SignedUp, Option<Learner>)> {
    let slug = input.community.trim().to_owned();
    let signed = t.sign_up(from, input).await?;
    let account = &signed.token.account;
    let linked = match signed.status {
        SignUpStatus::Accepted => {
            link_after(t, parts, account.id, &slug, &account.display_name).await
        }
        SignUpStatus::Pending | SignUpStatus::Declined => None,
    };
    Ok((signed, linked))
}

/// Someone signed in joins a community through its invitation and, a resident at once, meets
/// their record there.
pub async fn join_community(
    t: &Tenancy,
    parts: (&Db, &ObjectStore),
    p: &tenancy::Principal,
    slug: &str,
    code: &str,
) -> AppResult<(SignUpStatus, Option<Learner>)> {
    let (_, status) = t.join_community(p, slug, code).await?;
    let linked = match status {
        SignUpStatus::Accepted => {
            link_after(
                t,
                parts,
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
    // Decided and committed: a failed link is logged, and staff can still link by hand.
    let linked = if accept {
        link_newcomer(t, ctx, account, &r.display_name)
            .await
            .unwrap_or_else(|e| {
                tracing::warn!(account = %account, error = %e.en, "a newcomer's record was not linked");
                None
            })
    } else {
        None
    };
    Ok((r, linked))
}
