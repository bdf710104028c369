//! The rules of export (PIPL arts. 44–45): a person takes away everything Linli holds about
//! them and the children in their care — from the platform and from every community they
//! belong to — and a community's staff hand a copy to a resident who asks at the counter.
//! Both are mutations: audited, the archive is written once and fetched by a short link.

use std::collections::BTreeMap;

use infra::personal::ACCOUNT;
use infra::storage::ObjectStore;
use infra::{AppResult, Db};
use uuid::Uuid;

use super::archive::{self, Photo};
pub use super::model::{DataExport, SchemaPart};
use crate::communities::model::CommunityStatus;
use crate::gate::{CommunityCtx, Principal, Roles, Tenancy};

const ZIP: &str = "application/zip";

/// 下载我的数据: the caller's own archive, every schema that may hold their rows.
pub async fn export_my_data(
    tenancy: &Tenancy,
    principal: &Principal,
    store: &ObjectStore,
) -> AppResult<DataExport> {
    let account = principal.account_id();
    let seeds = BTreeMap::from([(ACCOUNT.to_string(), vec![account])]);
    let mut parts = Vec::new();
    let tenants = tenants_of(tenancy, principal).await?;
    for tenant in &tenants {
        parts.push(community_part(tenancy.db(), tenant, &seeds).await?);
    }
    // The platform last: its audit log then holds this export's own entries too.
    parts.insert(0, platform_part(tenancy.db(), &seeds).await?);
    publish(
        store,
        tenancy.secrets(),
        Keeper::Person(account),
        &principal.account.display_name,
        parts,
    )
    .await
}

/// The communities served here that `principal` belongs to, each once, by slug.
pub(crate) async fn tenants_of(
    tenancy: &Tenancy,
    principal: &Principal,
) -> AppResult<Vec<infra::Tenant>> {
    let mut slugs: Vec<&str> = principal
        .memberships
        .iter()
        .filter_map(|m| m.community_slug.as_deref())
        .collect();
    slugs.sort();
    slugs.dedup();
    let mut tenants = Vec::new();
    let mut conn = tenancy.db().pool().acquire().await?;
    for slug in slugs {
        // A community moved away is served by another cluster: its rows are not here.
        if let Some(c) = crate::communities::db::community_by_slug(&mut conn, slug).await?
            && c.status != CommunityStatus::Moved
        {
            tenants.push(c.tenant());
        }
    }
    Ok(tenants)
}

/// A resident's archive made by staff at the counter (现场代办), within this community: the
/// rows reached from `seeds` (their registry record, and their account when it is linked).
pub async fn export_for_resident(
    ctx: &CommunityCtx,
    seeds: BTreeMap<String, Vec<Uuid>>,
    who: &str,
) -> AppResult<DataExport> {
    ctx.require(Roles::STAFF)?;
    let part = community_part(ctx.db(), ctx.tenant(), &seeds).await?;
    publish(
        ctx.store(),
        ctx.secrets(),
        Keeper::Community(ctx.tenant().community_id),
        who,
        vec![part],
    )
    .await
}

async fn platform_part(db: &Db, seeds: &BTreeMap<String, Vec<Uuid>>) -> AppResult<SchemaPart> {
    let mut tx = db.begin().await?;
    let (marks, reached) = super::db::rows_about(&mut tx, "platform", seeds).await?;
    tx.commit().await?;
    Ok(SchemaPart {
        folder: "platform".into(),
        title: "邻里平台 / the platform".into(),
        marks,
        reached,
    })
}

/// One community's rows, read as the community's own role in one transaction.
async fn community_part(
    db: &Db,
    tenant: &infra::Tenant,
    seeds: &BTreeMap<String, Vec<Uuid>>,
) -> AppResult<SchemaPart> {
    let mut tx = db.tenant_tx(tenant).await?;
    let (marks, reached) = super::db::rows_about(&mut tx, &tenant.schema, seeds).await?;
    tx.commit().await?;
    Ok(SchemaPart {
        folder: tenant.slug.clone(),
        title: tenant.name.clone(),
        marks,
        reached,
    })
}

/// Where a copy is kept: with the person's files, or with the community's (a counter copy,
/// under the community's generated files, so erasing anyone there removes it too).
enum Keeper {
    Person(Uuid),
    Community(Uuid),
}

async fn publish(
    store: &ObjectStore,
    secrets: &infra::crypto::Secrets,
    keeper: Keeper,
    who: &str,
    parts: Vec<SchemaPart>,
) -> AppResult<DataExport> {
    let mut photos = Vec::new();
    for part in &parts {
        for (key, path) in archive::photo_keys(part) {
            // A photo removed from storage is named in the README, not a failed export.
            let bytes = store.get(&key).await.ok();
            photos.push(Photo { path, bytes });
        }
    }
    let now = chrono::Utc::now();
    let zip = archive::build(&parts, &photos, secrets, &archive::header(who, now))?;
    let bytes = zip.len();
    let url = match keeper {
        Keeper::Person(account) => {
            store
                .publish_account_export(account, "zip", zip, ZIP)
                .await?
        }
        Keeper::Community(id) => store.publish_export(id, "zip", zip, ZIP).await?,
    };
    Ok(DataExport {
        filename: format!("linli-personal-data-{}.zip", now.format("%Y%m%d")),
        url,
        bytes,
        rows: parts.iter().map(|p| p.reached.rows()).sum(),
        photos: photos.iter().filter(|p| p.bytes.is_some()).count(),
    })
}
