//! Folding a community's figure events into the platform rollups, each exactly once: the
//! event ids are recorded in the platform transaction that adds their deltas (a second
//! worker, or this one after a crash, finds them there and adds nothing), and only then are
//! the events deleted from the community.

use chrono::NaiveDate;
use infra::AppResult;
use tenancy::CommunityCtx;
use uuid::Uuid;

use crate::apply::{self, Deltas};

/// Events read per round.
const BATCH: i64 = 2_000;

/// Fold what the community's outbox holds; the number of events applied by this call.
pub async fn fold(ctx: &CommunityCtx) -> AppResult<usize> {
    let community = ctx.tenant().community_id;
    let mut applied = 0;
    loop {
        let mut tx = ctx.tx().await?;
        let events: Vec<(Uuid, String, NaiveDate, i64, Option<i64>)> = sqlx::query_as(
            "SELECT id, figure, day, delta, sample FROM figure_events ORDER BY id LIMIT $1",
        )
        .bind(BATCH)
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        if events.is_empty() {
            return Ok(applied);
        }
        let ids: Vec<Uuid> = events.iter().map(|e| e.0).collect();
        let mut p = ctx.db().begin().await?;
        apply::lock(&mut p, community).await?;
        let fresh: Vec<Uuid> = sqlx::query_scalar(
            "INSERT INTO platform.figure_events_applied (community_id, event_id)
             SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING event_id",
        )
        .bind(community)
        .bind(&ids)
        .fetch_all(&mut *p)
        .await?;
        let fresh: std::collections::HashSet<Uuid> = fresh.into_iter().collect();
        let mut deltas = Deltas::default();
        for (id, figure, day, delta, sample) in &events {
            if fresh.contains(id) {
                match sample {
                    Some(s) => deltas.sample(figure, *day, *s, *delta),
                    None => deltas.flow(figure, *day, *delta),
                }
            }
        }
        apply::add(&mut p, community, &deltas).await?;
        p.commit().await?;
        applied += fresh.len();
        // Applied (by this worker or another): out of the outbox. The record of applied ids
        // stays a day: a worker that read these events before they were deleted may still be
        // on its way to apply them, and must find them applied.
        let mut tx = ctx.tx().await?;
        sqlx::query("DELETE FROM figure_events WHERE id = ANY($1)")
            .bind(&ids)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        let mut p = ctx.db().begin().await?;
        sqlx::query(
            "DELETE FROM platform.figure_events_applied
              WHERE community_id = $1 AND applied_at < now() - interval '1 day'",
        )
        .bind(community)
        .execute(&mut *p)
        .await?;
        p.commit().await?;
    }
}
