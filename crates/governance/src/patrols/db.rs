//! SQL of patrols and findings; every function takes a tenant transaction.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use super::model::*;

const PATROL: &str = "id, grid_id, micro_grid_id, scheduled_for, route, led_by, leader_name, \
                      held_at, patrollers, notes";
const FINDING: &str = "id, patrol_id, what, place, demand_id, recorded_at";

pub struct NewPatrol<'a> {
    pub grid_id: Uuid,
    pub micro_grid_id: Option<Uuid>,
    pub scheduled_for: DateTime<Utc>,
    pub route: &'a str,
    pub led_by: Uuid,
    pub leader_name: &'a str,
}

pub async fn insert(conn: &mut PgConnection, p: &NewPatrol<'_>) -> sqlx::Result<Patrol> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO patrols (id, grid_id, micro_grid_id, scheduled_for, route, led_by, leader_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING {PATROL}"
    )))
    .bind(Uuid::now_v7())
    .bind(p.grid_id)
    .bind(p.micro_grid_id)
    .bind(p.scheduled_for)
    .bind(p.route)
    .bind(p.led_by)
    .bind(p.leader_name)
    .fetch_one(conn)
    .await
}

/// The patrol; locked for a write when `for_update`.
pub async fn get(
    conn: &mut PgConnection,
    id: Uuid,
    for_update: bool,
) -> sqlx::Result<Option<Patrol>> {
    let lock = if for_update { " FOR UPDATE" } else { "" };
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {PATROL} FROM patrols WHERE id = $1{lock}"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// Patrols of the given grids (all when `None`), newest scheduled first.
pub async fn patrols(
    conn: &mut PgConnection,
    grids: Option<&[Uuid]>,
    first: i64,
) -> sqlx::Result<Vec<Patrol>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {PATROL} FROM patrols WHERE $1::uuid[] IS NULL OR grid_id = ANY ($1)
          ORDER BY scheduled_for DESC LIMIT $2"
    )))
    .bind(grids)
    .bind(first)
    .fetch_all(conn)
    .await
}

pub async fn log(
    conn: &mut PgConnection,
    id: Uuid,
    patrollers: i32,
    notes: &str,
) -> sqlx::Result<Patrol> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE patrols SET held_at = now(), patrollers = $2, notes = $3 WHERE id = $1
         RETURNING {PATROL}"
    )))
    .bind(id)
    .bind(patrollers)
    .bind(notes)
    .fetch_one(conn)
    .await
}

/// All of a log's findings in one statement.
pub async fn insert_findings(
    conn: &mut PgConnection,
    patrol: Uuid,
    found: &[(String, String)],
    by: Uuid,
) -> sqlx::Result<Vec<Finding>> {
    let what: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    let place: Vec<&str> = found.iter().map(|f| f.1.as_str()).collect();
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO patrol_findings (id, patrol_id, what, place, recorded_by)
         SELECT gen_random_uuid(), $1, w, p, $4 FROM unnest($2::text[], $3::text[]) AS f (w, p)
         RETURNING {FINDING}"
    )))
    .bind(patrol)
    .bind(what)
    .bind(place)
    .bind(by)
    .fetch_all(conn)
    .await
}

pub async fn findings(conn: &mut PgConnection, patrol: Uuid) -> sqlx::Result<Vec<Finding>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {FINDING} FROM patrol_findings WHERE patrol_id = $1 ORDER BY recorded_at, id"
    )))
    .bind(patrol)
    .fetch_all(conn)
    .await
}

/// A finding with its patrol's grid.
#[derive(sqlx::FromRow)]
pub struct FindingOfGrid {
    #[sqlx(flatten)]
    pub finding: Finding,
    pub grid_id: Uuid,
}

/// The finding with its patrol's grid, locked.
pub async fn lock_finding(
    conn: &mut PgConnection,
    id: Uuid,
) -> sqlx::Result<Option<FindingOfGrid>> {
    sqlx::query_as(
        "SELECT f.id, f.patrol_id, f.what, f.place, f.demand_id, f.recorded_at, p.grid_id
           FROM patrol_findings f JOIN patrols p ON p.id = f.patrol_id
          WHERE f.id = $1 FOR UPDATE OF f",
    )
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn set_demand(conn: &mut PgConnection, id: Uuid, demand: Uuid) -> sqlx::Result<Finding> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE patrol_findings SET demand_id = $2 WHERE id = $1 RETURNING {FINDING}"
    )))
    .bind(id)
    .bind(demand)
    .fetch_one(conn)
    .await
}

/// Patrols held and findings per day, for a rebuild.
pub async fn figures(conn: &mut PgConnection) -> sqlx::Result<Vec<(String, NaiveDate, i64)>> {
    sqlx::query_as(
        "SELECT 'governance.patrols_held', figure_day(held_at) AS day, count(*) FROM patrols
          WHERE held_at IS NOT NULL GROUP BY day
         UNION ALL
         SELECT 'governance.patrol_findings', figure_day(recorded_at) AS day, count(*)
           FROM patrol_findings GROUP BY day",
    )
    .fetch_all(conn)
    .await
}
