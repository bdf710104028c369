//! Recompute a community's rollups from its own tables (`linli dashboards rebuild`). The
//! outbox is locked against new events while the community's figures are read, so the rebuilt
//! values and the events still pending describe the same moment: the pending ones are marked
//! applied in the transaction that writes the rebuilt values, and new ones fold later.

use chrono::NaiveDate;
use infra::AppResult;
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

/// Rebuild one community's rollups (an admin above it, or the operator); the figures written.
pub async fn rebuild(ctx: &CommunityCtx) -> AppResult<usize> {
    ctx.require(Roles::STAFF)?;
    let community = ctx.tenant().community_id;
    let mut tx = ctx.tx().await?;
    // Writers that append events wait until this transaction ends; those already holding a
    // pending event finish first, so what is read below includes them.
    sqlx::query("LOCK TABLE figure_events IN SHARE ROW EXCLUSIVE MODE")
        .execute(&mut *tx)
        .await?;
    let mut figures: Vec<(String, NaiveDate, i64)> = Vec::new();
    figures.extend(partners::demands::service::figures(&mut tx).await?);
    figures.extend(partners::agreements::service::figures(&mut tx).await?);
    figures.extend(volunteers::hours::service::figures(&mut tx).await?);
    figures.extend(volunteers::rewards::service::figures(&mut tx).await?);
    figures.extend(spaces::bookings::service::figures(&mut tx).await?);
    let pending: Vec<Uuid> = sqlx::query_scalar("SELECT id FROM figure_events")
        .fetch_all(&mut *tx)
        .await?;
    let mut p = ctx.db().begin().await?;
    sqlx::query("DELETE FROM platform.figure_daily WHERE community_id = $1")
        .bind(community)
        .execute(&mut *p)
        .await?;
    let (names, days, values): (Vec<&str>, Vec<NaiveDate>, Vec<i64>) = figures.iter().fold(
        (vec![], vec![], vec![]),
        |(mut f, mut d, mut v), (a, b, c)| {
            f.push(a.as_str());
            d.push(*b);
            v.push(*c);
            (f, d, v)
        },
    );
    sqlx::query(
        "INSERT INTO platform.figure_daily (community_id, figure, day, value)
         SELECT $1, f, d, v FROM unnest($2::text[], $3::date[], $4::int8[]) AS x (f, d, v)",
    )
    .bind(community)
    .bind(&names)
    .bind(&days)
    .bind(&values)
    .execute(&mut *p)
    .await?;
    sqlx::query(
        "INSERT INTO platform.figure_events_applied (community_id, event_id)
         SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING",
    )
    .bind(community)
    .bind(&pending)
    .execute(&mut *p)
    .await?;
    p.commit().await?;
    sqlx::query("DELETE FROM figure_events WHERE id = ANY($1)")
        .bind(&pending)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(figures.len())
}
