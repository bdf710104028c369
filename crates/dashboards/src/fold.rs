//! Folding a community's figure events into the platform rollups, each exactly once: the
//! event ids are recorded in the platform transaction that adds their deltas (a second
//! worker, or this one after a crash, finds them there and adds nothing), and only then are
//! the events deleted from the community.

use std::collections::HashMap;

use chrono::NaiveDate;
use infra::AppResult;
use tenancy::CommunityCtx;
use uuid::Uuid;

/// Events read per round.
const BATCH: i64 = 2_000;

/// Fold what the community's outbox holds; the number of events applied by this call.
pub async fn fold(ctx: &CommunityCtx) -> AppResult<usize> {
    let community = ctx.tenant().community_id;
    let mut applied = 0;
    loop {
        let mut tx = ctx.tx().await?;
        let events: Vec<(Uuid, String, NaiveDate, i64)> =
            sqlx::query_as("SELECT id, figure, day, delta FROM figure_events ORDER BY id LIMIT $1")
                .bind(BATCH)
                .fetch_all(&mut *tx)
                .await?;
        tx.commit().await?;
        if events.is_empty() {
            return Ok(applied);
        }
        let ids: Vec<Uuid> = events.iter().map(|e| e.0).collect();
        let mut p = ctx.db().begin().await?;
        let fresh: Vec<Uuid> = sqlx::query_scalar(
            "INSERT INTO platform.figure_events_applied (community_id, event_id)
             SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING event_id",
        )
        .bind(community)
        .bind(&ids)
        .fetch_all(&mut *p)
        .await?;
        let mut sums: HashMap<(&str, NaiveDate), i64> = HashMap::new();
        for (id, figure, day, delta) in &events {
            if fresh.contains(id) {
                *sums.entry((figure.as_str(), *day)).or_default() += delta;
            }
        }
        let (figures, days, deltas): (Vec<&str>, Vec<NaiveDate>, Vec<i64>) =
            sums.iter().map(|((f, d), v)| (*f, *d, *v)).fold(
                (vec![], vec![], vec![]),
                |(mut f, mut d, mut v), (a, b, c)| {
                    f.push(a);
                    d.push(b);
                    v.push(c);
                    (f, d, v)
                },
            );
        sqlx::query(
            "INSERT INTO platform.figure_daily (community_id, figure, day, value)
             SELECT $1, f, d, v FROM unnest($2::text[], $3::date[], $4::int8[]) AS x (f, d, v)
             ON CONFLICT (community_id, figure, day)
             DO UPDATE SET value = platform.figure_daily.value + EXCLUDED.value",
        )
        .bind(community)
        .bind(&figures)
        .bind(&days)
        .bind(&deltas)
        .execute(&mut *p)
        .await?;
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
