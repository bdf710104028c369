//! SQL of micro-grids and posts; every function takes a tenant transaction.

use sqlx::PgConnection;
use uuid::Uuid;

use super::model::*;

const MICRO_GRID: &str = "id, grid_id, name";
/// A post with its current holder (the claim not handed back).
const POST: &str = "p.id, p.micro_grid_id, p.title, p.duties, c.holder_name, \
                    c.account_id AS holder_account, c.party_member AS held_by_party_member, \
                    c.claimed_at";
const POST_FROM: &str =
    "grid_posts p LEFT JOIN post_claims c ON c.post_id = p.id AND c.handed_back_at IS NULL";

pub async fn insert_micro_grid(
    conn: &mut PgConnection,
    grid: Uuid,
    name: &str,
) -> sqlx::Result<MicroGrid> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO micro_grids (id, grid_id, name) VALUES ($1, $2, $3) RETURNING {MICRO_GRID}"
    )))
    .bind(Uuid::now_v7())
    .bind(grid)
    .bind(name)
    .fetch_one(conn)
    .await
}

pub async fn micro_grids(
    conn: &mut PgConnection,
    grid: Option<Uuid>,
) -> sqlx::Result<Vec<MicroGrid>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {MICRO_GRID} FROM micro_grids WHERE $1::uuid IS NULL OR grid_id = $1
          ORDER BY grid_id, name"
    )))
    .bind(grid)
    .fetch_all(conn)
    .await
}

pub async fn insert_post(
    conn: &mut PgConnection,
    micro_grid: Uuid,
    title: &str,
    duties: &str,
) -> sqlx::Result<Post> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "WITH p AS (INSERT INTO grid_posts (id, micro_grid_id, title, duties)
                    VALUES ($1, $2, $3, $4) RETURNING *)
         SELECT {POST} FROM p LEFT JOIN post_claims c ON false"
    )))
    .bind(Uuid::now_v7())
    .bind(micro_grid)
    .bind(title)
    .bind(duties)
    .fetch_one(conn)
    .await
}

pub async fn post(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Post>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {POST} FROM {POST_FROM} WHERE p.id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// Posts of the given micro-grids (or those `holder` holds), in title order.
pub async fn posts(
    conn: &mut PgConnection,
    micro_grids: Option<&[Uuid]>,
    holder: Option<Uuid>,
) -> sqlx::Result<Vec<Post>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {POST} FROM {POST_FROM}
          WHERE ($1::uuid[] IS NULL OR p.micro_grid_id = ANY ($1))
            AND ($2::uuid IS NULL OR c.account_id = $2)
          ORDER BY p.micro_grid_id, p.title, p.id"
    )))
    .bind(micro_grids)
    .bind(holder)
    .fetch_all(conn)
    .await
}

/// Claim a post; refused by `post_claims_one_holder` when somebody holds it.
pub async fn claim(
    conn: &mut PgConnection,
    post: Uuid,
    account: Uuid,
    name: &str,
    party_member: bool,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO post_claims (id, post_id, account_id, holder_name, party_member)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(Uuid::now_v7())
    .bind(post)
    .bind(account)
    .bind(name)
    .bind(party_member)
    .execute(conn)
    .await
    .map(|_| ())
}

/// End the current claim of a post; whether there was one.
pub async fn hand_back(conn: &mut PgConnection, post: Uuid) -> sqlx::Result<bool> {
    let r = sqlx::query(
        "UPDATE post_claims SET handed_back_at = now()
          WHERE post_id = $1 AND handed_back_at IS NULL",
    )
    .bind(post)
    .execute(conn)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// Claims made per day, for a rebuild of the figures.
pub async fn figures(
    conn: &mut PgConnection,
) -> sqlx::Result<Vec<(String, chrono::NaiveDate, i64)>> {
    sqlx::query_as(
        "SELECT 'governance.posts_claimed', figure_day(claimed_at) AS day, count(*)
           FROM post_claims GROUP BY day",
    )
    .fetch_all(conn)
    .await
}
