//! Recompute a community's rollups from its own tables (`linli dashboards rebuild`). The
//! outbox is locked against new events while the community's figures are read, so the rebuilt
//! values and the events still pending describe the same moment: the pending ones are marked
//! applied in the transaction that corrects the rollups, and new ones fold later.

use infra::AppResult;
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use crate::apply::{self, Deltas};

/// Every figure recounted from the community's tables, through the owning crates.
async fn recount(tx: &mut sqlx::PgConnection) -> AppResult<Deltas> {
    let mut flows = Vec::new();
    flows.extend(courses::api::figures(tx).await?);
    flows.extend(partners::api::figures::demands(tx).await?);
    flows.extend(partners::api::figures::agreements(tx).await?);
    flows.extend(partners::api::figures::ventures(tx).await?);
    flows.extend(volunteers::api::hours::figures(tx).await?);
    flows.extend(volunteers::api::rewards::figures(tx).await?);
    flows.extend(spaces::api::bookings::figures(tx).await?);
    let mut d = Deltas::default();
    for (f, day, v) in flows {
        d.flow(&f, day, v);
    }
    for (f, day, s, n) in partners::api::figures::demand_samples(tx).await? {
        d.sample(&f, day, s, n);
    }
    Ok(d)
}

/// Rebuild one community's rollups (an admin above it, or the operator); the figures (rows of
/// a figure and day) it holds now.
pub async fn rebuild(ctx: &CommunityCtx) -> AppResult<usize> {
    ctx.require(Roles::STAFF)?;
    let community = ctx.tenant().community_id;
    let mut tx = ctx.tx().await?;
    // Writers that append events wait until this transaction ends; those already holding a
    // pending event finish first, so what is read below includes them.
    sqlx::query("LOCK TABLE figure_events IN SHARE ROW EXCLUSIVE MODE")
        .execute(&mut *tx)
        .await?;
    let truth = recount(&mut tx).await?;
    let pending: Vec<Uuid> = sqlx::query_scalar("SELECT id FROM figure_events")
        .fetch_all(&mut *tx)
        .await?;
    let mut p = ctx.db().begin().await?;
    // After the lock, a fold of this community has either committed (its events are applied
    // and in the rollups read below) or will find the pending events applied.
    apply::lock(&mut p, community).await?;
    sqlx::query(
        "INSERT INTO platform.figure_events_applied (community_id, event_id)
         SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING",
    )
    .bind(community)
    .bind(&pending)
    .execute(&mut *p)
    .await?;
    let now = apply::current(&mut p, community).await?;
    let correction = truth.clone().minus(&now);
    apply::add(&mut p, community, &correction).await?;
    for table in ["figure_daily", "figure_monthly", "figure_spans"] {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DELETE FROM platform.{table} WHERE community_id = $1 AND value = 0"
        )))
        .bind(community)
        .execute(&mut *p)
        .await?;
    }
    sqlx::query("DELETE FROM platform.figure_samples WHERE community_id = $1 AND count = 0")
        .bind(community)
        .execute(&mut *p)
        .await?;
    p.commit().await?;
    sqlx::query("DELETE FROM figure_events WHERE id = ANY($1)")
        .bind(&pending)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(truth.flows.len() + truth.samples.len())
}
