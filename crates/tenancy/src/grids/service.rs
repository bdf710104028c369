//! The rules of grid assignments and of the reach they give.

use infra::OnViolation;
use infra::{AppError, AppResult};
use sqlx::PgConnection;
use uuid::Uuid;

use super::db;
use super::model::{Courtyard, CourtyardKind, Reach};
use crate::error::TenancyError;
use crate::gate::{CommunityCtx, Role, Roles};
use crate::gate::{Tenancy, non_negative};
use crate::model::Name;

impl CommunityCtx {
    /// The caller's reach, read in the caller's transaction (one query for a grid worker).
    pub async fn reach(&self, conn: &mut PgConnection) -> AppResult<Reach> {
        if self.is_staff() {
            Ok(Reach::Community)
        } else if self.access().roles.contains(&Role::GridWorker) {
            Ok(Reach::Grids(
                db::grids_of(conn, self.access().account_id).await?,
            ))
        } else {
            Ok(Reach::Nobody)
        }
    }

    /// Whose residents the caller may enter — into the registry, with survey answers, as
    /// walk-ins: their reach, and a 居民小组长's courtyards besides.
    pub async fn entry_reach(&self, conn: &mut PgConnection) -> AppResult<Reach> {
        let roles = &self.access().roles;
        if !self.is_staff() && roles.contains(&Role::GroupLeader) {
            return Ok(Reach::Grids(
                db::grids_of(conn, self.access().account_id).await?,
            ));
        }
        self.reach(conn).await
    }
}

/// Every grid worker's grids (staff): (account, courtyard).
pub async fn assignments(ctx: &CommunityCtx) -> AppResult<Vec<(Uuid, Uuid)>> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let rows = db::assignments(&mut tx).await?;
    tx.commit().await?;
    Ok(rows)
}

/// The caller's own grids (a grid worker's, a 居民小组长's courtyards; staff have none).
pub async fn my_grids(ctx: &CommunityCtx) -> AppResult<Vec<Uuid>> {
    ctx.require(Roles::ENTRY)?;
    let mut tx = ctx.tx().await?;
    let rows = db::grids_of(&mut tx, ctx.access().account_id).await?;
    tx.commit().await?;
    Ok(rows)
}

impl Tenancy {
    /// The community's grid workers and 居民小组长 (staff): (account, display name, role), by
    /// name — those with no grids yet too, so staff can give them some.
    pub async fn grid_workers(&self, ctx: &CommunityCtx) -> AppResult<Vec<(Uuid, String, Role)>> {
        ctx.require(Roles::STAFF)?;
        let mut conn = self.db.pool().acquire().await?;
        let holders =
            crate::accounts::db::role_holders(&mut conn, None, Some(ctx.tenant().community_id))
                .await?;
        Ok(holders
            .into_iter()
            .filter(|(_, r)| matches!(r, Role::GridWorker | Role::GroupLeader))
            .map(|(a, r)| (a.id, a.display_name, r))
            .collect())
    }

    /// Give a grid worker (or a 居民小组长) of the community the grids or courtyards they
    /// serve (staff), replacing the ones before; an empty list takes them all away.
    pub async fn assign_grids(
        &self,
        ctx: &CommunityCtx,
        account: Uuid,
        grids: &[Uuid],
    ) -> AppResult<Vec<Uuid>> {
        ctx.require(Roles::STAFF)?;
        if grids.len() > 50 {
            return Err(AppError::from(TenancyError::TooManyGrids));
        }
        let community = ctx.tenant().community_id;
        let is_grid_worker = self.memberships(account).await?.iter().any(|m| {
            matches!(m.role, Role::GridWorker | Role::GroupLeader)
                && m.community_id == Some(community)
        });
        if !is_grid_worker {
            return Err(AppError::from(TenancyError::NotAGridWorker));
        }
        let mut tx = ctx.tx().await?;
        db::set_grids(&mut tx, account, grids, ctx.access().account_id)
            .await
            .on_violation(|v| {
                v.is_foreign_key()
                    .then(|| AppError::from(TenancyError::NoSuchGrid))
            })?;
        let now = db::grids_of(&mut tx, account).await?;
        tx.commit().await?;
        Ok(now)
    }
}

impl Tenancy {
    /// The households the community has (its onboarding figure), for 入户摸底 coverage.
    pub async fn community_households(&self, ctx: &CommunityCtx) -> AppResult<Option<i32>> {
        let mut conn = self.db.pool().acquire().await?;
        Ok(
            crate::communities::db::community_by_slug(&mut conn, &ctx.tenant().slug)
                .await?
                .and_then(|c| c.households),
        )
    }

    pub async fn courtyards(&self, ctx: &CommunityCtx) -> AppResult<Vec<Courtyard>> {
        let mut tx = ctx.tx().await?;
        let rows = db::courtyards(&mut tx).await?;
        tx.commit().await?;
        Ok(rows)
    }

    pub async fn create_courtyard(
        &self,
        ctx: &CommunityCtx,
        name: &str,
        kind: CourtyardKind,
        households: Option<i32>,
    ) -> AppResult<Courtyard> {
        ctx.require(Roles::STAFF)?;
        let name = Name::parse(name)?;
        let households = non_negative(households)?;
        let mut tx = ctx.tx().await?;
        let c = db::insert_courtyard(&mut tx, name.as_str(), kind, households)
            .await?
            .ok_or_else(|| AppError::from(TenancyError::CourtyardNameTaken))?;
        tx.commit().await?;
        Ok(c)
    }
}
