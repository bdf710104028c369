//! The rules of district targets: a district's admins set them, its admins and viewers read
//! them; a figure must be one the catalogue shows.

use infra::{AppError, AppResult};
use tenancy::{Principal, Tenancy};

use super::db;
use super::model::{DistrictTarget, TargetPeriod};

pub struct TargetInput {
    pub name: String,
    pub figure: String,
    pub period: TargetPeriod,
    pub min_value: i64,
}

/// The targets a district is held to — its own and those above it (its admins and viewers).
pub async fn targets(t: &Tenancy, actor: &Principal, code: &str) -> AppResult<Vec<DistrictTarget>> {
    let d = t.district(actor, code.trim()).await?;
    let mut conn = t.db().pool().acquire().await?;
    Ok(db::applying_to(&mut conn, d.id).await?)
}

/// Set the district's target of this name, or change it (its admins).
pub async fn set_target(
    t: &Tenancy,
    actor: &Principal,
    code: &str,
    input: TargetInput,
) -> AppResult<DistrictTarget> {
    let d = t.district(actor, code.trim()).await?;
    if !actor.admin_over(&d.path) {
        return Err(AppError::forbidden());
    }
    let name = input.name.trim();
    if !(1..=50).contains(&name.chars().count()) || name.chars().any(char::is_control) {
        return Err(AppError::bad_input(
            "目标名称须为1至50个字",
            "A target's name is 1 to 50 characters",
        ));
    }
    let figure = crate::catalogue::find(input.figure.trim()).ok_or_else(|| {
        AppError::bad_input("没有这个统计指标", "No such figure in the catalogue")
    })?;
    if !(1..=1_000_000).contains(&input.min_value) {
        return Err(AppError::bad_input(
            "目标值须为1至1000000",
            "A target is 1 to 1,000,000",
        ));
    }
    let mut conn = t.db().pool().acquire().await?;
    Ok(db::put(
        &mut conn,
        &db::NewTarget {
            district: d.id,
            name,
            figure: figure.name,
            period: input.period,
            min_value: input.min_value,
            by: actor.account_id(),
        },
    )
    .await?)
}

/// Remove the district's target of this name (its admins); `false` when there was none.
pub async fn remove_target(
    t: &Tenancy,
    actor: &Principal,
    code: &str,
    name: &str,
) -> AppResult<bool> {
    let d = t.district(actor, code.trim()).await?;
    if !actor.admin_over(&d.path) {
        return Err(AppError::forbidden());
    }
    let mut conn = t.db().pool().acquire().await?;
    Ok(db::remove(&mut conn, d.id, name.trim()).await?)
}
