//! What one community's backup may put back, checked before anything is written (a backup is
//! a file an operator was handed: it is input): rows of that community only — a membership is
//! never a platform or district role, a partnership never a district's — objects under that
//! community's prefix only, and, outside a replace, none the store holds already, so a failed
//! restore deletes only what it wrote. Shared rows (organisations' people and teams) are put
//! back only for organisations new to this cluster: a backup never adds a person to an
//! organisation that is already here.

use std::collections::BTreeSet;

use anyhow::bail;
use infra::storage::ObjectStore;
use serde_json::Value;
use sqlx::PgConnection;

use super::community::{Manifest, PlatformRows};

/// Roles a community membership can carry (`platform.memberships_scope_role`).
const COMMUNITY_ROLES: &[&str] = &[
    "community_admin",
    "staff",
    "grid_worker",
    "teacher",
    "volunteer",
    "resident",
    "partner_member",
];

fn rows<'a>(p: &'a PlatformRows, table: &str) -> &'a [Value] {
    p.tables
        .get(table)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn field<'a>(row: &'a Value, name: &str) -> Option<&'a str> {
    row.get(name).and_then(Value::as_str)
}

/// Every community-scoped row is this community's; every object key lies under its prefix.
pub(super) fn check(m: &Manifest, p: &PlatformRows) -> anyhow::Result<()> {
    let id = m.community_id.to_string();
    for table in [
        "memberships",
        "partnerships",
        "pilot_group_members",
        "figure_events_applied",
        "audit_log",
    ] {
        for row in rows(p, table) {
            if field(row, "community_id") != Some(id.as_str()) {
                bail!(
                    "platform.{table} in the backup holds a row of another scope than community {}",
                    m.slug
                );
            }
            if matches!(table, "memberships" | "partnerships")
                && !row.get("district_id").is_none_or(Value::is_null)
            {
                bail!("platform.{table} in the backup holds a district's row");
            }
        }
    }
    for row in rows(p, "memberships") {
        let role = field(row, "role").unwrap_or_default();
        if field(row, "scope") != Some("community") || !COMMUNITY_ROLES.contains(&role) {
            bail!("the backup grants {role:?}: a community's backup holds community roles only");
        }
    }
    let prefix = format!("c/{}/", m.community_id);
    for key in m.objects.keys() {
        let inside = key.strip_prefix(&prefix).is_some_and(|rest| {
            !rest.is_empty()
                && rest
                    .split('/')
                    .all(|part| !part.is_empty() && part != "." && part != "..")
        });
        if !inside || key.contains('\\') {
            bail!("object {key:?} is not under the community's prefix {prefix}");
        }
    }
    Ok(())
}

/// Outside a replace, none of the backup's objects may be in the store already: the restore
/// would overwrite them, and a failure delete them.
pub(super) async fn objects_absent(store: &ObjectStore, m: &Manifest) -> anyhow::Result<()> {
    let here: BTreeSet<String> = store
        .list_keys_under(&format!("c/{}/", m.community_id))
        .await
        .map_err(|e| anyhow::anyhow!("{e:?}"))?
        .into_iter()
        .collect();
    if let Some(key) = m.objects.keys().find(|k| here.contains(*k)) {
        bail!("object {key} is already in this store: restore into a store without it");
    }
    Ok(())
}

/// Leave out the people, teams and team members of organisations this cluster already has.
pub(super) async fn keep_known_organisations(
    conn: &mut PgConnection,
    p: &mut PlatformRows,
) -> anyhow::Result<()> {
    let ids: Vec<uuid::Uuid> = rows(p, "organisations")
        .iter()
        .filter_map(|r| field(r, "id")?.parse().ok())
        .collect();
    let known: BTreeSet<String> = sqlx::query_scalar::<_, uuid::Uuid>(
        "SELECT id FROM platform.organisations WHERE id = ANY($1)",
    )
    .bind(&ids)
    .fetch_all(conn)
    .await?
    .iter()
    .map(uuid::Uuid::to_string)
    .collect();
    for table in [
        "organisation_members",
        "partner_teams",
        "partner_team_members",
    ] {
        if let Some(Value::Array(list)) = p.tables.get_mut(table) {
            list.retain(|r| field(r, "organisation_id").is_none_or(|o| !known.contains(o)));
        }
    }
    Ok(())
}
