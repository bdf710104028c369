//! The rules of pilot groups: a district's admins keep them, its viewers read them; every
//! member lies within the district.

use infra::{AppError, AppResult};
use sqlx::PgConnection;
use tenancy::{Principal, Tenancy};
use uuid::Uuid;

use super::db;
use super::model::PilotGroup;

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

/// A group of the district by name (a dashboard's filter; the district already checked).
pub(crate) async fn find(conn: &mut PgConnection, district: Uuid, name: &str) -> AppResult<Uuid> {
    db::find(conn, district, name.trim())
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
    let found = db::communities_within(&mut tx, d.id, &slugs).await?;
    if let Some(missing) = slugs.iter().find(|s| !found.iter().any(|f| &f.1 == *s)) {
        return Err(AppError::not_found(
            format!("本区下没有社区「{missing}」"),
            format!("No community '{missing}' in this district"),
        ));
    }
    let ids: Vec<Uuid> = found.iter().map(|f| f.0).collect();
    let id = db::put(&mut tx, d.id, &name, &ids).await?;
    let group = db::groups_in(&mut tx, d.id)
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
    Ok(db::groups_in(&mut conn, d.id).await?)
}
