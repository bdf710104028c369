//! Folding, rebuilding and moving a community's rollups.
//!
//! A fold applies each event exactly once: the event ids are recorded in the platform
//! transaction that adds their deltas (a second worker, or this one after a crash, finds them
//! there and adds nothing), and only then are the events deleted from the community. A rebuild
//! (`linli dashboards rebuild`) locks the outbox against new events while the community's
//! figures are read, so the rebuilt values and the events still pending describe the same
//! moment: the pending ones are marked applied in the transaction that corrects the rollups,
//! and new ones fold later. A transfer (`linli communities move` and `restore`) carries a
//! community's own day rows: leaving subtracts exactly them from every district above it,
//! joining adds them under the districts above it here.

use std::collections::HashSet;

use infra::AppResult;
use sqlx::PgConnection;
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db;
use super::model::{Deltas, Totals};

/// Events read per round.
const BATCH: i64 = 2_000;

/// Fold what the community's outbox holds (the worker); the number of events applied by this
/// call.
pub async fn fold(ctx: &CommunityCtx) -> AppResult<usize> {
    let community = ctx.tenant().community_id;
    let mut applied = 0;
    loop {
        let mut tx = ctx.tx().await?;
        let events = db::events(&mut tx, BATCH).await?;
        tx.commit().await?;
        if events.is_empty() {
            return Ok(applied);
        }
        let ids: Vec<Uuid> = events.iter().map(|e| e.0).collect();
        let mut p = ctx.db().begin().await?;
        db::lock(&mut p, community).await?;
        let fresh: HashSet<Uuid> = db::mark_applied(&mut p, community, &ids)
            .await?
            .into_iter()
            .collect();
        let mut deltas = Deltas::default();
        for (id, figure, day, delta, sample) in &events {
            if fresh.contains(id) {
                match sample {
                    Some(s) => deltas.sample(figure, *day, *s, *delta),
                    None => deltas.flow(figure, *day, *delta),
                }
            }
        }
        db::add(&mut p, community, &deltas).await?;
        p.commit().await?;
        applied += fresh.len();
        // Applied (by this worker or another): out of the outbox. The record of applied ids
        // stays a day: a worker that read these events before they were deleted may still be
        // on its way to apply them, and must find them applied.
        let mut tx = ctx.tx().await?;
        db::delete_events(&mut tx, &ids).await?;
        tx.commit().await?;
        let mut p = ctx.db().begin().await?;
        db::forget_applied(&mut p, community).await?;
        p.commit().await?;
    }
}

/// Every figure recounted from the community's tables, through the owning crates.
async fn recount(tx: &mut PgConnection) -> AppResult<Deltas> {
    let mut flows = Vec::new();
    flows.extend(courses::api::figures(tx).await?);
    flows.extend(partners::api::figures::demands(tx).await?);
    flows.extend(partners::api::figures::agreements(tx).await?);
    flows.extend(partners::api::figures::ventures(tx).await?);
    flows.extend(volunteers::api::hours::figures(tx).await?);
    flows.extend(volunteers::api::rewards::figures(tx).await?);
    flows.extend(spaces::api::bookings::figures(tx).await?);
    flows.extend(governance::api::funds::figures(tx).await?);
    flows.extend(governance::api::posts::figures(tx).await?);
    flows.extend(governance::api::meetings::figures(tx).await?);
    flows.extend(governance::api::patrols::figures(tx).await?);
    flows.extend(governance::api::party_reports::figures(tx).await?);
    flows.extend(governance::api::honours::figures(tx).await?);
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
    // Events already pending finish first, so what is read below includes them.
    db::lock_outbox(&mut tx).await?;
    let truth = recount(&mut tx).await?;
    let pending = db::pending(&mut tx).await?;
    let mut p = ctx.db().begin().await?;
    // After the lock, a fold of this community has either committed (its events are applied
    // and in the rollups read below) or will find the pending events applied.
    db::lock(&mut p, community).await?;
    db::mark_applied(&mut p, community, &pending).await?;
    let now = db::current(&mut p, community).await?;
    let correction = truth.clone().minus(&now);
    db::add(&mut p, community, &correction).await?;
    db::delete_rows(&mut p, community, true).await?;
    p.commit().await?;
    db::delete_events(&mut tx, &pending).await?;
    tx.commit().await?;
    Ok(truth.flows.len() + truth.samples.len())
}

/// The community's totals as they stand.
pub async fn totals(p: &mut PgConnection, community: Uuid) -> sqlx::Result<Totals> {
    Ok(Totals::of(&db::current(p, community).await?))
}

/// Take the community out of the rollups: the districts above it lose its totals and its own
/// rows go. Returns what was taken. In the caller's transaction.
pub async fn withdraw(p: &mut PgConnection, community: Uuid) -> sqlx::Result<Totals> {
    db::lock(p, community).await?;
    let t = totals(p, community).await?;
    db::add(p, community, &t.deltas(-1)).await?;
    db::delete_rows(p, community, false).await?;
    Ok(t)
}

/// Place a community in another district of its tree (a 街道 of its 区), its figures with
/// it: in one platform transaction the districts it leaves lose its totals (and its months
/// that met the cadence), those it joins gain them; the top district's stay as they were.
pub async fn place(
    t: &tenancy::Tenancy,
    actor: &tenancy::Principal,
    slug: &str,
    district_code: &str,
) -> AppResult<tenancy::model::Community> {
    let mut p = t.db().begin().await?;
    let (community, to) = t
        .prepare_placement(&mut p, actor, slug, district_code)
        .await?;
    let Some(to) = to else {
        return Ok(community);
    };
    let taken = withdraw(&mut p, community.id).await?;
    let placed = t
        .set_community_district(&mut p, community.id, to.id)
        .await?;
    admit(&mut p, community.id, &taken).await?;
    p.commit().await?;
    t.forget_community(slug);
    Ok(placed)
}

/// Put a community (its row already in `platform.communities`) into the rollups with `totals`.
pub async fn admit(p: &mut PgConnection, community: Uuid, totals: &Totals) -> sqlx::Result<()> {
    db::lock(p, community).await?;
    db::add(p, community, &totals.deltas(1)).await
}
