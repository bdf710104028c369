//! SQL of honours; every function takes a tenant transaction.

use sqlx::PgConnection;
use uuid::Uuid;

use super::model::*;

const ROUND: &str = "id, title, year, awards, status, published_at";
/// A nomination with its scores' count and mean.
const NOMINATION: &str = "n.id, n.round_id, n.award, n.nominee, n.reason, n.awarded, \
     (SELECT count(*) FROM honour_scores s WHERE s.nomination_id = n.id)::int AS scores, \
     (SELECT avg(score)::float8 FROM honour_scores s WHERE s.nomination_id = n.id) AS mean_score";

pub async fn insert_round(
    conn: &mut PgConnection,
    title: &str,
    year: i32,
    awards: &[String],
    by: Uuid,
) -> sqlx::Result<Round> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO honour_rounds (id, title, year, awards, created_by) VALUES ($1, $2, $3, $4, $5)
         RETURNING {ROUND}"
    )))
    .bind(Uuid::now_v7())
    .bind(title)
    .bind(year)
    .bind(awards)
    .bind(by)
    .fetch_one(conn)
    .await
}

pub async fn rounds(conn: &mut PgConnection) -> sqlx::Result<Vec<Round>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ROUND} FROM honour_rounds ORDER BY year DESC, title"
    )))
    .fetch_all(conn)
    .await
}

pub async fn round(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Round>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ROUND} FROM honour_rounds WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// Move a round on from `from` to `to`; `None` when it was not at `from`.
pub async fn advance(
    conn: &mut PgConnection,
    id: Uuid,
    from: RoundStatus,
    to: RoundStatus,
) -> sqlx::Result<Option<Round>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE honour_rounds
            SET status = $3, published_at = CASE WHEN $3 = 'published' THEN now() END
          WHERE id = $1 AND status = $2 RETURNING {ROUND}"
    )))
    .bind(id)
    .bind(from)
    .bind(to)
    .fetch_optional(conn)
    .await
}

pub struct NewNomination<'a> {
    pub round_id: Uuid,
    pub award: &'a str,
    pub nominee: &'a str,
    pub nominee_account: Option<Uuid>,
    pub reason: &'a str,
    pub by: Uuid,
}

pub async fn nominate(conn: &mut PgConnection, n: &NewNomination<'_>) -> sqlx::Result<Nomination> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "WITH n AS (
             INSERT INTO honour_nominations (id, round_id, award, nominee, nominee_account, reason,
                                             nominated_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *)
         SELECT {NOMINATION} FROM n"
    )))
    .bind(Uuid::now_v7())
    .bind(n.round_id)
    .bind(n.award)
    .bind(n.nominee)
    .bind(n.nominee_account)
    .bind(n.reason)
    .bind(n.by)
    .fetch_one(conn)
    .await
}

/// A round's nominations, best scored first; only the awarded ones when `awarded_only`.
pub async fn nominations(
    conn: &mut PgConnection,
    round: Uuid,
    awarded_only: bool,
) -> sqlx::Result<Vec<Nomination>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {NOMINATION} FROM honour_nominations n
          WHERE n.round_id = $1 AND (NOT $2 OR n.awarded)
          ORDER BY n.award, mean_score DESC NULLS LAST, n.nominee"
    )))
    .bind(round)
    .bind(awarded_only)
    .fetch_all(conn)
    .await
}

/// A reviewer's score of a nomination (given again, it replaces theirs).
pub async fn score(
    conn: &mut PgConnection,
    nomination: Uuid,
    reviewer: Uuid,
    score: i32,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO honour_scores (nomination_id, reviewer, score) VALUES ($1, $2, $3)
         ON CONFLICT (nomination_id, reviewer) DO UPDATE SET score = $3, scored_at = now()",
    )
    .bind(nomination)
    .bind(reviewer)
    .bind(score)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn set_awarded(
    conn: &mut PgConnection,
    nomination: Uuid,
    awarded: bool,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE honour_nominations SET awarded = $2 WHERE id = $1")
        .bind(nomination)
        .bind(awarded)
        .execute(conn)
        .await
        .map(|_| ())
}

pub async fn nomination(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Nomination>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {NOMINATION} FROM honour_nominations n WHERE n.id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// Honours awarded per day of publication, for a rebuild.
pub async fn figures(
    conn: &mut PgConnection,
) -> sqlx::Result<Vec<(String, chrono::NaiveDate, i64)>> {
    sqlx::query_as(
        "SELECT 'governance.honours_awarded', figure_day(r.published_at) AS day, count(*)
           FROM honour_nominations n JOIN honour_rounds r ON r.id = n.round_id
          WHERE r.status = 'published' AND n.awarded GROUP BY day",
    )
    .fetch_all(conn)
    .await
}

/// A round's awarded nominations whose nominee has an account: (account, nominee, award,
/// reason).
pub async fn awarded_accounts(
    conn: &mut PgConnection,
    round: Uuid,
) -> sqlx::Result<Vec<(Uuid, String, String, String)>> {
    sqlx::query_as(
        "SELECT nominee_account, nominee, award, reason FROM honour_nominations
          WHERE round_id = $1 AND awarded AND nominee_account IS NOT NULL ORDER BY award, nominee",
    )
    .bind(round)
    .fetch_all(conn)
    .await
}
