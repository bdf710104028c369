//! SQL of exhibitions on the community schema; every function takes a tenant transaction.

use chrono::NaiveDate;
use sqlx::PgConnection;
use uuid::Uuid;

use crate::model::*;

pub(crate) const EXHIBITION: &str = "id, title, kind, starts_on, ends_on, published";

/// `minor` is decided now, from the author's birth date (unknown counts as a minor).
pub(crate) const WORK: &str =
    "w.id, w.exhibition_id, w.learner_id, l.name AS author, w.course_id, w.title,
    (l.birth_date IS NULL OR l.birth_date > (current_date - interval '18 years')::date) AS minor,
    w.guardian_consent_at";

pub async fn insert_exhibition(
    conn: &mut PgConnection,
    title: &str,
    kind: ExhibitionKind,
    starts: NaiveDate,
    ends: NaiveDate,
) -> sqlx::Result<Exhibition> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO exhibitions (id, title, kind, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5) RETURNING {EXHIBITION}"
    )))
    .bind(Uuid::now_v7())
    .bind(title)
    .bind(kind)
    .bind(starts)
    .bind(ends)
    .fetch_one(conn)
    .await
}

pub async fn exhibition(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Exhibition>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {EXHIBITION} FROM exhibitions WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn exhibitions_page(
    conn: &mut PgConnection,
    after: Option<Uuid>,
    limit: i64,
    published_only: bool,
) -> sqlx::Result<Vec<Exhibition>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {EXHIBITION} FROM exhibitions
          WHERE ($1::uuid IS NULL OR id > $1) AND (published OR NOT $3) ORDER BY id LIMIT $2"
    )))
    .bind(after)
    .bind(limit)
    .bind(published_only)
    .fetch_all(conn)
    .await
}

pub async fn publish_exhibition(
    conn: &mut PgConnection,
    id: Uuid,
) -> sqlx::Result<Option<Exhibition>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE exhibitions SET published = true WHERE id = $1 RETURNING {EXHIBITION}"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn insert_work(
    conn: &mut PgConnection,
    exhibition: Uuid,
    learner: &Learner,
    course: Option<Uuid>,
    title: &str,
) -> sqlx::Result<Work> {
    let id = Uuid::now_v7();
    sqlx::query(
        "INSERT INTO works (id, exhibition_id, learner_id, course_id, title) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(exhibition)
    .bind(learner.id)
    .bind(course)
    .bind(title)
    .execute(&mut *conn)
    .await?;
    Ok(work(conn, id).await?.expect("just inserted"))
}

pub async fn work(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Work>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {WORK} FROM works w JOIN learners l ON l.id = w.learner_id WHERE w.id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn works_of(conn: &mut PgConnection, exhibitions: &[Uuid]) -> sqlx::Result<Vec<Work>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {WORK} FROM works w JOIN learners l ON l.id = w.learner_id
          WHERE w.exhibition_id = ANY($1) ORDER BY w.id"
    )))
    .bind(exhibitions)
    .fetch_all(conn)
    .await
}

pub async fn works_by_learner(conn: &mut PgConnection, learner: Uuid) -> sqlx::Result<Vec<Work>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {WORK} FROM works w JOIN learners l ON l.id = w.learner_id WHERE w.learner_id = $1 ORDER BY w.id"
    )))
    .bind(learner)
    .fetch_all(conn)
    .await
}

/// A withdrawn consent is no consent: every page and share link filters on it.
pub async fn withdraw_consent(conn: &mut PgConnection, work: Uuid) -> sqlx::Result<()> {
    sqlx::query("UPDATE works SET guardian_consent_at = NULL WHERE id = $1")
        .bind(work)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn record_consent(conn: &mut PgConnection, work: Uuid) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE works SET guardian_consent_at = coalesce(guardian_consent_at, now()) WHERE id = $1",
    )
    .bind(work)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn insert_photo(
    conn: &mut PgConnection,
    id: Uuid,
    work: Uuid,
    key: &str,
    thumb: &str,
    w: i32,
    h: i32,
) -> sqlx::Result<WorkPhoto> {
    sqlx::query_as(
        "INSERT INTO work_photos (id, work_id, object_key, thumb_key, width, height) VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id, work_id, object_key, thumb_key, width, height",
    )
    .bind(id)
    .bind(work)
    .bind(key)
    .bind(thumb)
    .bind(w)
    .bind(h)
    .fetch_one(conn)
    .await
}

pub async fn photos_of(conn: &mut PgConnection, works: &[Uuid]) -> sqlx::Result<Vec<WorkPhoto>> {
    sqlx::query_as(
        "SELECT id, work_id, object_key, thumb_key, width, height FROM work_photos WHERE work_id = ANY($1) ORDER BY id",
    )
    .bind(works)
    .fetch_all(conn)
    .await
}

/// Delete a work with its photo rows; returns the object keys to delete from storage.
pub async fn delete_work(conn: &mut PgConnection, work: Uuid) -> sqlx::Result<Vec<String>> {
    let keys: Vec<(String, String)> = sqlx::query_as(
        "DELETE FROM work_photos WHERE work_id = $1 RETURNING object_key, thumb_key",
    )
    .bind(work)
    .fetch_all(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM works WHERE id = $1")
        .bind(work)
        .execute(conn)
        .await?;
    Ok(keys.into_iter().flat_map(|(a, b)| [a, b]).collect())
}

const SHARE: &str = "id, exhibition_id, names, created_at, revoked_at";

pub async fn insert_share(
    conn: &mut PgConnection,
    token_hash: &str,
    exhibition: Uuid,
    names: ShareNames,
    by: Uuid,
) -> sqlx::Result<ExhibitionShare> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO exhibition_shares (id, token_hash, exhibition_id, names, created_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING {SHARE}"
    )))
    .bind(Uuid::now_v7())
    .bind(token_hash)
    .bind(exhibition)
    .bind(names)
    .bind(by)
    .fetch_one(conn)
    .await
}

/// A link that still works.
pub async fn live_share(
    conn: &mut PgConnection,
    token_hash: &str,
) -> sqlx::Result<Option<ExhibitionShare>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {SHARE} FROM exhibition_shares WHERE token_hash = $1 AND revoked_at IS NULL"
    )))
    .bind(token_hash)
    .fetch_optional(conn)
    .await
}

pub async fn shares_of(
    conn: &mut PgConnection,
    exhibition: Uuid,
) -> sqlx::Result<Vec<ExhibitionShare>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {SHARE} FROM exhibition_shares WHERE exhibition_id = $1 ORDER BY created_at"
    )))
    .bind(exhibition)
    .fetch_all(conn)
    .await
}

/// Revoke every live link of an exhibition; returns how many.
pub async fn revoke_shares(conn: &mut PgConnection, exhibition: Uuid) -> sqlx::Result<u64> {
    Ok(sqlx::query(
        "UPDATE exhibition_shares SET revoked_at = now()
          WHERE exhibition_id = $1 AND revoked_at IS NULL",
    )
    .bind(exhibition)
    .execute(conn)
    .await?
    .rows_affected())
}
