//! The rules of districts: a platform admin creates a top district, an admin over a district
//! creates its streets; admins and viewers see the districts they are over.

use infra::{AppError, AppResult, OnViolation};
use uuid::Uuid;

use super::db;
use super::model::District;
use crate::error::TenancyError;
use crate::gate::{Actor, Principal, Tenancy};
use crate::model::{DistrictCode, Name};

impl Tenancy {
    pub async fn create_district<'a>(
        &self,
        actor: impl Into<Actor<'a>>,
        code: &str,
        name: &str,
        parent_code: Option<&str>,
    ) -> AppResult<District> {
        let code = DistrictCode::parse(code)?;
        let name = Name::parse(name)?;
        let mut tx = self.db.begin().await?;
        let parent = match parent_code {
            Some(p) => Some(
                db::district_by_code(&mut tx, DistrictCode::parse(p)?.as_str())
                    .await?
                    .ok_or(TenancyError::DistrictNotFound)?,
            ),
            None => None,
        };
        let actor = actor.into();
        let allowed = match (&parent, actor) {
            (Some(p), _) => actor.admin_over(&p.path),
            (None, Actor::Operator) => true,
            (None, Actor::Account(a)) => a.is_platform_admin(),
        };
        if !allowed {
            return Err(AppError::forbidden());
        }
        let district = db::insert_district(
            &mut tx,
            Uuid::now_v7(),
            code.as_str(),
            name.as_str(),
            parent.as_ref(),
        )
        .await
        .on_violation(|v| v.is_unique().then_some(TenancyError::DistrictCodeTaken))?;
        tx.commit().await?;
        Ok(district)
    }

    pub async fn districts(&self, actor: &Principal) -> AppResult<Vec<District>> {
        let roots = actor.district_roots();
        let mut conn = self.db.pool().acquire().await?;
        Ok(db::districts_within(&mut conn, roots.as_deref()).await?)
    }

    pub async fn district(&self, actor: &Principal, code: &str) -> AppResult<District> {
        let mut conn = self.db.pool().acquire().await?;
        let d = db::district_by_code(&mut conn, code)
            .await?
            .ok_or(TenancyError::DistrictNotFound)?;
        if !actor.sees_district(&d.path) {
            return Err(AppError::forbidden());
        }
        Ok(d)
    }

    /// A district, when the caller may see it (admin or viewer over it); `None` otherwise.
    pub async fn district_by_id(&self, actor: &Principal, id: Uuid) -> AppResult<Option<District>> {
        let mut conn = self.db.pool().acquire().await?;
        Ok(db::district_by_id(&mut conn, id)
            .await?
            .filter(|d| actor.sees_district(&d.path)))
    }

    /// The districts directly within `d` (its 街道), for an admin or viewer over `d` (who is
    /// over them too: their paths hold `d`'s).
    pub async fn district_children(
        &self,
        actor: &Principal,
        d: &District,
    ) -> AppResult<Vec<District>> {
        if !actor.sees_district(&d.path) {
            return Err(AppError::forbidden());
        }
        let mut conn = self.db.pool().acquire().await?;
        Ok(db::children_of(&mut conn, d.id).await?)
    }

    /// A district by its code, whoever asks (a partnership's target names it).
    pub async fn locate_district(&self, code: &str) -> AppResult<District> {
        let mut conn = self.db.pool().acquire().await?;
        Ok(db::district_by_code(&mut conn, code)
            .await?
            .ok_or(TenancyError::DistrictNotFound)?)
    }
}
