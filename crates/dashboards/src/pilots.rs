//! Pilot groups (试点): communities a district tries something in first, to compare with the
//! rest of the district before rolling it out (全区推广). Its admins keep them.

use infra::{AppError, AppResult};
use sqlx::PgConnection;
use tenancy::{Principal, Tenancy};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PilotGroup {
    pub id: Uuid,
    pub name: String,
    /// Member communities' slugs, in order.
    pub members: Vec<String>,
}

fn name_of(name: &str) -> AppResult<String> {
    let name = name.trim();
    if !(1..=50).contains(&name.chars().count()) || name.chars().any(char::is_control) {
        return Err(AppError::bad_input(
            "试点组名称须为1至50个字",
            "A pilot group's name is 1 to 50 characters",
        ));
    }
    Ok(name.to_owned())
}

/// A group of the district by name.
pub(crate) async fn find(conn: &mut PgConnection, district: Uuid, name: &str) -> AppResult<Uuid> {
    sqlx::query_scalar("SELECT id FROM platform.pilot_groups WHERE district_id = $1 AND name = $2")
        .bind(district)
        .bind(name.trim())
        .fetch_optional(conn)
        .await?
        .ok_or_else(|| AppError::not_found("找不到该试点组", "No such pilot group"))
}

/// Create or replace a pilot group of the district with these communities (its admins). Every
/// community must be within the district; nothing is written otherwise.
pub async fn set_group(
    t: &Tenancy,
    actor: &Principal,
    district_code: &str,
    name: &str,
    slugs: &[String],
) -> AppResult<PilotGroup> {
    let name = name_of(name)?;
    let d = t.district(actor, district_code.trim()).await?;
    if !actor.admin_over(&d.path) {
        return Err(AppError::forbidden());
    }
    if slugs.len() > 5_000 {
        return Err(AppError::bad_input(
            "试点组最多5000个社区",
            "A pilot group holds at most 5,000 communities",
        ));
    }
    let mut tx = t.db().begin().await?;
    let slugs: Vec<String> = slugs.iter().map(|s| s.trim().to_owned()).collect();
    let found: Vec<(Uuid, String)> = sqlx::query_as(
        "SELECT c.id, c.slug FROM platform.communities c
           JOIN platform.districts d ON d.id = c.district_id
          WHERE c.slug = ANY($1) AND d.path @> ARRAY[$2::uuid]",
    )
    .bind(&slugs)
    .bind(d.id)
    .fetch_all(&mut *tx)
    .await?;
    if let Some(missing) = slugs.iter().find(|s| !found.iter().any(|f| &f.1 == *s)) {
        return Err(AppError::not_found(
            format!("本区下没有社区「{missing}」"),
            format!("No community '{missing}' in this district"),
        ));
    }
    let id: Uuid = sqlx::query_scalar(
        "INSERT INTO platform.pilot_groups (id, district_id, name) VALUES ($1, $2, $3)
         ON CONFLICT (district_id, name) DO UPDATE SET name = EXCLUDED.name RETURNING id",
    )
    .bind(Uuid::now_v7())
    .bind(d.id)
    .bind(&name)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM platform.pilot_group_members WHERE group_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let ids: Vec<Uuid> = found.iter().map(|f| f.0).collect();
    sqlx::query(
        "INSERT INTO platform.pilot_group_members (group_id, community_id)
         SELECT $1, unnest($2::uuid[])",
    )
    .bind(id)
    .bind(&ids)
    .execute(&mut *tx)
    .await?;
    let group = groups_in(&mut tx, d.id)
        .await?
        .into_iter()
        .find(|g| g.id == id)
        .expect("just written");
    tx.commit().await?;
    Ok(group)
}

/// The district's pilot groups (its admins and viewers).
pub async fn groups(
    t: &Tenancy,
    actor: &Principal,
    district_code: &str,
) -> AppResult<Vec<PilotGroup>> {
    let d = t.district(actor, district_code.trim()).await?;
    let mut conn = t.db().pool().acquire().await?;
    Ok(groups_in(&mut conn, d.id).await?)
}

async fn groups_in(conn: &mut PgConnection, district: Uuid) -> sqlx::Result<Vec<PilotGroup>> {
    sqlx::query_as(
        "SELECT g.id, g.name,
                coalesce(array_agg(c.slug ORDER BY c.slug) FILTER (WHERE c.slug IS NOT NULL),
                         '{}') AS members
           FROM platform.pilot_groups g
           LEFT JOIN platform.pilot_group_members m ON m.group_id = g.id
           LEFT JOIN platform.communities c ON c.id = m.community_id
          WHERE g.district_id = $1
          GROUP BY g.id ORDER BY g.name",
    )
    .bind(district)
    .fetch_all(conn)
    .await
}
