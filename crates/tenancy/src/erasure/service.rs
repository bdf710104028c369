//! The rules of erasure: who may erase whom, what it waits for, and the order of its steps.
//!
//! An account's erasure runs one transaction per community and one on the platform. Its steps
//! are ordered so a failure part-way leaves nothing half written that a second run would not
//! finish: the communities first (each whole or not at all), the platform's account last — until
//! then the person may sign in and ask again. Before any of it the account's tokens end, so no
//! request of theirs starts a booking between the check and the erasure; and each community's
//! blockers are asked again inside its erasing transaction, which locks what they watch.

use std::collections::BTreeMap;

use infra::personal::{self, ACCOUNT};
use infra::storage::ObjectStore;
use infra::{AppError, AppResult, Tenant};
use uuid::Uuid;

use super::db;
pub use super::model::{BlockerKind, Erasure, ErasureBlocker};
use crate::error::TenancyError;
use crate::gate::{CommunityCtx, Principal, Roles, Tenancy};
use crate::privacy::service::tenants_of;

/// 注销前须办结的事: what the caller's erasure would wait for, in every community.
pub async fn my_erasure_blockers(
    tenancy: &Tenancy,
    principal: &Principal,
) -> AppResult<Vec<ErasureBlocker>> {
    let mut out = Vec::new();
    for tenant in tenants_of(tenancy, principal).await? {
        let mut tx = tenancy.db().tenant_tx(&tenant).await?;
        out.extend(blockers_in(&mut tx, &tenant, principal.account_id()).await?);
        // A read: rolled back, so inside `eraseMyAccount` it records no "ok" in the audit log
        // before the erasure has done anything.
        tx.rollback().await?;
    }
    Ok(out)
}

/// 注销账号: erase the caller — the platform and every community they belong to. The password
/// is asked again (nothing undoes this). Refused, with nothing written, while something must
/// stay open; the person is told what.
pub async fn erase_my_account(
    tenancy: &Tenancy,
    principal: &Principal,
    password: &str,
    store: &ObjectStore,
) -> AppResult<Erasure> {
    let account = principal.account_id();
    let mut conn = tenancy.db().pool().acquire().await?;
    let (_, hash) =
        crate::accounts::db::account_for_login(&mut conn, &principal.account.login_name)
            .await?
            .ok_or(TenancyError::BadToken)?;
    drop(conn);
    if password.len() > 128 || !tenancy.verify(hash, password).await? {
        return Err(TenancyError::WrongCredentials.into());
    }
    let blocking = my_erasure_blockers(tenancy, principal).await?;
    if !blocking.is_empty() {
        return Err(blocked(blocking));
    }
    // Sign out everywhere first: no request of the person's starts after this.
    let mut tx = tenancy.db().begin().await?;
    crate::auth::db::bump_token_version(&mut tx, account).await?;
    tx.commit().await?;
    tenancy.cache.forget_account(account);

    let tenants = tenants_of(tenancy, principal).await?;
    let mut erasure = Erasure::default();
    let mut photos = Vec::new();
    for tenant in &tenants {
        let erased = erase_in(tenancy.db(), tenant, BTreeMap::new(), Some(account)).await?;
        erasure.communities += 1;
        erasure.rows += erased.rows;
        photos.extend(erased.photos);
    }
    let mut tx = tenancy.db().begin().await?;
    erasure.rows += db::erase_account(&mut tx, account).await?;
    tx.commit().await?;
    tenancy.cache.forget_account(account);

    let mut prefixes = vec![format!("x/a/{account}/"), format!("a/{account}/")];
    for tenant in &tenants {
        prefixes.extend(copies_of(tenant.community_id));
    }
    erasure.objects = delete_objects(store, photos, prefixes).await?;
    Ok(erasure)
}

/// Does `account` still hold a role in the caller's community? A person who belongs erases
/// their own account; the rows of one who left are erased here by staff.
pub async fn still_belongs(ctx: &CommunityCtx, account: Uuid) -> AppResult<bool> {
    ctx.require(Roles::STAFF)?;
    let mut conn = ctx.db().pool().acquire().await?;
    Ok(db::belongs(&mut conn, account, ctx.tenant().community_id).await?)
}

/// Erase one person's rows in one community — a child's record by its guardian; a resident's
/// record by staff at the counter, with `holder` the account it was linked to when the person
/// has left the community (their rows kept by that account here go too; the account itself,
/// and other communities, are theirs). The caller (the domain owning the record) has checked
/// who may; this checks a role of the community, and what the holder's erasure waits for.
pub async fn erase_in_community(
    ctx: &CommunityCtx,
    seeds: BTreeMap<String, Vec<Uuid>>,
    holder: Option<Uuid>,
) -> AppResult<Erasure> {
    ctx.require(Roles::MEMBERS)?;
    let erased = erase_in(ctx.db(), ctx.tenant(), seeds, holder).await?;
    let copies = copies_of(ctx.tenant().community_id);
    Ok(Erasure {
        communities: 1,
        rows: erased.rows,
        objects: delete_objects(ctx.store(), erased.photos, copies).await?,
    })
}

/// One community's erasure, whole or not at all: its transaction says it erases, the
/// blockers of `holder` (whose rows go with the seeds) are asked inside it — locking what they
/// watch — and the rows are rewritten.
async fn erase_in(
    db: &infra::Db,
    tenant: &Tenant,
    mut seeds: BTreeMap<String, Vec<Uuid>>,
    holder: Option<Uuid>,
) -> AppResult<personal::Erased> {
    let mut tx = db.tenant_tx(tenant).await?;
    personal::begin_erasure(&mut tx).await?;
    if let Some(account) = holder {
        let blocking = blockers_in(&mut tx, tenant, account).await?;
        if !blocking.is_empty() {
            return Err(blocked(blocking));
        }
        seeds.insert(ACCOUNT.to_string(), vec![account]);
    }
    let erased = personal::erase(&mut tx, &tenant.schema, &seeds).await?;
    tx.commit().await?;
    Ok(erased)
}

/// Where a community keeps files that may name a person: its generated files (registers,
/// ledgers, certificates, the copies staff made for residents at the counter), and where they
/// were kept before `x/`. Their links live 15 minutes and they are made again on demand, so an
/// erasure deletes them all rather than read each.
fn copies_of(community: Uuid) -> [String; 3] {
    [
        format!("x/c/{community}/"),
        format!("c/{community}/exports/"),
        format!("a/{community}/exports/"),
    ]
}

async fn blockers_in(
    conn: &mut sqlx::PgConnection,
    tenant: &Tenant,
    account: Uuid,
) -> AppResult<Vec<ErasureBlocker>> {
    Ok(db::blockers(conn, &tenant.schema, account)
        .await?
        .into_iter()
        .map(|(kind, count)| ErasureBlocker {
            community: tenant.name.clone(),
            kind,
            count,
        })
        .collect())
}

fn blocked(blocking: Vec<ErasureBlocker>) -> AppError {
    TenancyError::ErasureBlocked(blocking).into()
}

/// Delete `keys` and every object under `prefixes`; one already gone is not an error. How
/// many were asked.
async fn delete_objects(
    store: &ObjectStore,
    mut keys: Vec<String>,
    prefixes: impl IntoIterator<Item = String>,
) -> AppResult<usize> {
    for prefix in prefixes {
        keys.extend(store.list_keys_under(&prefix).await?);
    }
    for key in &keys {
        store.delete(key).await?;
    }
    Ok(keys.len())
}
