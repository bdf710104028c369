//! SQL of demands; every function takes a tenant transaction.

use sqlx::PgConnection;
use uuid::Uuid;

use super::model::*;

const DEMAND: &str = "id, title, detail, category, resident_id, resident_name, grid_id, team_id, \
    team_name, status, resolution, submitted_at, resolved_at, closed_at";

pub struct NewDemand<'a> {
    pub title: &'a str,
    pub detail: &'a str,
    pub category: &'a str,
    pub resident_id: Uuid,
    pub resident_name: &'a str,
    pub entered_by: Uuid,
    pub grid_id: Option<Uuid>,
}

pub async fn insert(conn: &mut PgConnection, d: &NewDemand<'_>) -> sqlx::Result<Demand> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO demands (id, title, detail, category, resident_id, resident_name, entered_by,
                              grid_id, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'submitted') RETURNING {DEMAND}"
    )))
    .bind(Uuid::now_v7())
    .bind(d.title)
    .bind(d.detail)
    .bind(d.category)
    .bind(d.resident_id)
    .bind(d.resident_name)
    .bind(d.entered_by)
    .bind(d.grid_id)
    .fetch_one(conn)
    .await
}

pub async fn step(
    conn: &mut PgConnection,
    demand: Uuid,
    step: DemandStatus,
    by: Uuid,
    for_resident: bool,
    note: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO demand_steps (id, demand_id, step, by_account, for_resident, note)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(Uuid::now_v7())
    .bind(demand)
    .bind(step)
    .bind(by)
    .bind(for_resident)
    .bind(note)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn lock(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Demand>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {DEMAND} FROM demands WHERE id = $1 FOR UPDATE"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn route(
    conn: &mut PgConnection,
    id: Uuid,
    grid: Option<Uuid>,
    team: Option<(Uuid, &str)>,
) -> sqlx::Result<Demand> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE demands SET status = 'routed', grid_id = coalesce($2, grid_id),
                team_id = $3, team_name = $4
          WHERE id = $1 RETURNING {DEMAND}"
    )))
    .bind(id)
    .bind(grid)
    .bind(team.map(|t| t.0))
    .bind(team.map(|t| t.1))
    .fetch_one(conn)
    .await
}

pub async fn resolve(conn: &mut PgConnection, id: Uuid, resolution: &str) -> sqlx::Result<Demand> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE demands SET status = 'resolved', resolution = $2,
                resolved_at = coalesce(resolved_at, now())
          WHERE id = $1 RETURNING {DEMAND}"
    )))
    .bind(id)
    .bind(resolution)
    .fetch_one(conn)
    .await
}

pub async fn set_status(
    conn: &mut PgConnection,
    id: Uuid,
    status: DemandStatus,
) -> sqlx::Result<Demand> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE demands SET status = $2,
                closed_at = CASE WHEN $2 = 'confirmed' THEN now() END
          WHERE id = $1 RETURNING {DEMAND}"
    )))
    .bind(id)
    .bind(status)
    .fetch_one(conn)
    .await
}

/// Demands of one resident, or all (by status), newest first.
pub async fn list(
    conn: &mut PgConnection,
    resident: Option<Uuid>,
    status: Option<DemandStatus>,
    grids: Option<&[Uuid]>,
) -> sqlx::Result<Vec<Demand>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {DEMAND} FROM demands
          WHERE ($1::uuid IS NULL OR resident_id = $1) AND ($2::text IS NULL OR status = $2)
            AND ($3::uuid[] IS NULL OR grid_id = ANY($3))
          ORDER BY submitted_at DESC, id DESC LIMIT 500"
    )))
    .bind(resident)
    .bind(status)
    .bind(grids)
    .fetch_all(conn)
    .await
}

pub async fn steps(conn: &mut PgConnection, demands: &[Uuid]) -> sqlx::Result<Vec<DemandStep>> {
    sqlx::query_as(
        "SELECT demand_id, step, by_account, for_resident, note, at FROM demand_steps
          WHERE demand_id = ANY($1) ORDER BY at, id",
    )
    .bind(demands)
    .fetch_all(conn)
    .await
}

pub async fn stats(conn: &mut PgConnection) -> sqlx::Result<DemandStats> {
    sqlx::query_as(
        "SELECT count(*) AS total,
                count(*) FILTER (WHERE status IN ('resolved', 'confirmed')) AS resolved,
                count(*) FILTER (WHERE status = 'confirmed') AS confirmed,
                count(*) FILTER (WHERE status = 'reopened') AS reopened,
                (avg(extract(epoch FROM resolved_at - submitted_at) / 3600)
                    FILTER (WHERE resolved_at IS NOT NULL))::float8 AS mean_hours_to_resolve
           FROM demands",
    )
    .fetch_one(conn)
    .await
}

pub async fn demand(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Demand>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {DEMAND} FROM demands WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// A photo's row, once its objects are stored; at most five a demand (a count, in the
/// transaction that holds the demand's row).
pub async fn insert_photo(
    conn: &mut PgConnection,
    (id, demand): (Uuid, Uuid),
    (key, thumb): (&str, &str),
    by: Uuid,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO demand_photos (id, demand_id, object_key, thumb_key, uploaded_by)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(demand)
    .bind(key)
    .bind(thumb)
    .bind(by)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn photo_count(conn: &mut PgConnection, demand: Uuid) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT count(*) FROM demand_photos WHERE demand_id = $1")
        .bind(demand)
        .fetch_one(conn)
        .await
}

/// (id, object key, thumbnail key), oldest first.
pub async fn photos(
    conn: &mut PgConnection,
    demand: Uuid,
) -> sqlx::Result<Vec<(Uuid, String, String)>> {
    sqlx::query_as(
        "SELECT id, object_key, thumb_key FROM demand_photos WHERE demand_id = $1 ORDER BY id",
    )
    .bind(demand)
    .fetch_all(conn)
    .await
}
