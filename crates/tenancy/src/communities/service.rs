//! The rules of communities: onboarding (one schema and one database role each, in one
//! transaction), the lifecycle (suspend, reactivate, archive), and who sees which.

use infra::{AppError, AppResult};
use uuid::Uuid;

use super::db;
use super::model::{Community, CommunityStatus, NewCommunityParams, OnboardInput};
use crate::error::TenancyError;
use crate::gate::{Actor, Principal, Tenancy, non_negative};
use crate::model::{DistrictCode, Name, Slug};

impl Tenancy {
    /// The profile of the caller's community (anyone the gate admitted there).
    pub async fn community_profile(&self, ctx: &crate::CommunityCtx) -> AppResult<Community> {
        let mut conn = self.db.pool().acquire().await?;
        Ok(db::community_by_slug(&mut conn, &ctx.tenant().slug)
            .await?
            .ok_or(TenancyError::CommunityNotFound)?)
    }

    /// A community's id and its district's path from the root (a partnership's target).
    pub async fn locate_community(&self, slug: &str) -> AppResult<(Uuid, Vec<Uuid>)> {
        let mut conn = self.db.pool().acquire().await?;
        let (c, path) = db::community_with_path(&mut conn, slug)
            .await?
            .ok_or(TenancyError::CommunityNotFound)?;
        Ok((c.id, path))
    }

    /// The active communities among `communities` or within `districts`, each with its
    /// district's path. The caller has settled who may know them (a partner organisation's
    /// own people, over its approved partnerships).
    pub async fn communities_within(
        &self,
        communities: &[Uuid],
        districts: &[Uuid],
    ) -> AppResult<Vec<(Community, Vec<Uuid>)>> {
        if communities.is_empty() && districts.is_empty() {
            return Ok(Vec::new());
        }
        let mut conn = self.db.pool().acquire().await?;
        Ok(db::communities_within(&mut conn, communities, districts).await?)
    }

    /// Communities of the district with this path and of its sub-districts; every field that
    /// reaches them checks the caller's scope again, whatever led there.
    pub async fn communities_of(
        &self,
        actor: &Principal,
        district_path: &[Uuid],
    ) -> AppResult<Vec<Community>> {
        if !actor.sees_district(district_path) {
            return Err(AppError::forbidden());
        }
        let district_id = *district_path.last().ok_or(TenancyError::DistrictNotFound)?;
        let mut conn = self.db.pool().acquire().await?;
        Ok(db::communities_of_district(&mut conn, district_id).await?)
    }

    /// Onboard a community: its row, its role, its schema and the community migrations, in one
    /// transaction, so a failure leaves nothing behind. The schema is one built ahead when one
    /// is ready (see [`super::spares`]), else built here. Onboarding a slug that exists (in the
    /// same district) returns the existing community with `created = false`.
    pub async fn onboard<'a>(
        &self,
        actor: impl Into<Actor<'a>>,
        input: OnboardInput,
    ) -> AppResult<(Community, bool)> {
        self.onboard_from(actor, input, &infra::migrations::community(), true)
            .await
    }

    /// Onboard building the schema here with these community migrations (tests make one fail
    /// and see that nothing is left behind).
    pub async fn onboard_with<'a>(
        &self,
        actor: impl Into<Actor<'a>>,
        input: OnboardInput,
        migrations: &[infra::migrations::Migration],
    ) -> AppResult<(Community, bool)> {
        self.onboard_from(actor, input, migrations, false).await
    }

    async fn onboard_from<'a>(
        &self,
        actor: impl Into<Actor<'a>>,
        input: OnboardInput,
        migrations: &[infra::migrations::Migration],
        spare: bool,
    ) -> AppResult<(Community, bool)> {
        let code = DistrictCode::parse(&input.district_code)?;
        let slug = Slug::parse(&input.slug)?;
        let name = Name::parse(&input.name)?;
        let households = non_negative(input.households)?;
        let residents = non_negative(input.residents)?;
        let mut conn = self.db.pool().acquire().await?;
        let district = crate::districts::db::district_by_code(&mut conn, code.as_str())
            .await?
            .ok_or(TenancyError::DistrictNotFound)?;
        if !actor.into().admin_over(&district.path) {
            return Err(AppError::forbidden());
        }
        drop(conn);
        let new = NewCommunityParams {
            district_id: district.id,
            slug,
            name,
            kind: input.kind,
            households,
            residents,
        };
        let schema = new.slug.schema_name();
        let role = self.db.role_for_schema(&schema);
        // Creating a role and a schema is the administrative login's work, never the gateway's.
        let mut tx = self.db.admin_begin().await?;
        let row = db::NewCommunity {
            id: Uuid::now_v7(),
            district_id: new.district_id,
            slug: new.slug.as_str(),
            name: new.name.as_str(),
            kind: new.kind,
            households: new.households,
            residents: new.residents,
            schema_name: &schema,
            role_name: &role,
        };
        let Some(community) = db::insert_community(&mut tx, &row).await? else {
            tx.rollback().await?;
            let mut conn = self.db.pool().acquire().await?;
            let existing = db::community_by_slug(&mut conn, new.slug.as_str())
                .await?
                .ok_or(TenancyError::CommunityNotFound)?;
            if existing.district_id != new.district_id {
                return Err(TenancyError::SlugInOtherDistrict.into());
            }
            return Ok((existing, false));
        };
        let latest = infra::migrations::latest(migrations);
        let taken = match spare {
            true => db::take_spare(&mut tx, latest, &schema, &role).await?,
            false => None,
        };
        let version = match taken {
            Some(_) => latest,
            None => {
                self.build_schema(&mut tx, &schema, &role, migrations)
                    .await?
            }
        };
        db::set_schema_version(&mut tx, community.id, version).await?;
        tx.commit().await?;
        Ok((
            Community {
                schema_version: version,
                ..community
            },
            true,
        ))
    }

    /// The first half of placing a community in another district of its tree (a 街道 of its
    /// 区, or back to the 区), in the caller's platform transaction: the community locked, and
    /// the district it goes to — `None` when it is there already. The caller admin over both
    /// places; both within one top district. What is kept per district (the dashboards'
    /// rollups) moves with it: the caller takes it out, then `set_community_district`, then
    /// puts it back, all in the same transaction, and calls `forget_community` after commit.
    pub async fn prepare_placement(
        &self,
        tx: &mut sqlx::PgConnection,
        actor: &Principal,
        slug: &str,
        district_code: &str,
    ) -> AppResult<(Community, Option<crate::districts::model::District>)> {
        let (community, path) = db::community_with_path(tx, slug)
            .await?
            .ok_or(TenancyError::CommunityNotFound)?;
        let to = crate::districts::db::district_by_code(tx, district_code)
            .await?
            .ok_or(TenancyError::DistrictNotFound)?;
        if !(actor.admin_over(&path) && actor.admin_over(&to.path)) {
            return Err(AppError::forbidden());
        }
        if path.first() != to.path.first() {
            return Err(TenancyError::PlaceOutsideDistrict.into());
        }
        let community = db::lock_community(tx, community.id).await?;
        Ok(if community.district_id == to.id {
            (community, None)
        } else {
            (community, Some(to))
        })
    }

    /// The second half: the community now belongs to `district` (see `prepare_placement`).
    pub async fn set_community_district(
        &self,
        tx: &mut sqlx::PgConnection,
        community: uuid::Uuid,
        district: uuid::Uuid,
    ) -> AppResult<Community> {
        Ok(db::set_district(tx, community, district).await?)
    }

    /// Drop what the gate keeps of a community (after its placement or status changed).
    pub fn forget_community(&self, slug: &str) {
        self.cache.forget_community(slug);
    }

    pub async fn set_status(
        &self,
        actor: &Principal,
        slug: &str,
        to: CommunityStatus,
    ) -> AppResult<Community> {
        let mut tx = self.db.begin().await?;
        let (community, path) = db::community_with_path(&mut tx, slug)
            .await?
            .ok_or(TenancyError::CommunityNotFound)?;
        if !actor.admin_over(&path) {
            return Err(AppError::forbidden());
        }
        // Re-read under a row lock so two admins changing status serialise.
        let community = db::lock_community(&mut tx, community.id).await?;
        use CommunityStatus::*;
        let allowed = matches!(
            (community.status, to),
            (Active, Suspended) | (Suspended, Active) | (Active | Suspended, Archived)
        );
        if !allowed {
            return Err(TenancyError::Transition.into());
        }
        let updated = db::set_status(&mut tx, community.id, to).await?;
        if to == Active {
            // The worker skipped it while suspended: it visits it again at commit.
            db::wake_worker(&mut tx, &updated.schema_name).await?;
        }
        tx.commit().await?;
        self.cache.forget_community(&updated.slug);
        Ok(updated)
    }
}
