//! SQL of photos; every function takes a tenant transaction.

use sqlx::PgConnection;
use uuid::Uuid;

use super::model::Subject;

/// The table and column of a subject's photos (names fixed here, never from input).
fn table(s: Subject) -> (&'static str, &'static str, Uuid) {
    match s {
        Subject::Receipt(m) => ("fund_receipts", "movement_id", m),
        Subject::Finding(f) => ("finding_photos", "finding_id", f),
    }
}

/// Whether the subject exists.
pub async fn exists(conn: &mut PgConnection, s: Subject) -> sqlx::Result<bool> {
    let (sql, id) = match s {
        Subject::Receipt(m) => (
            "SELECT EXISTS (SELECT 1 FROM fund_movements WHERE id = $1)",
            m,
        ),
        Subject::Finding(f) => (
            "SELECT EXISTS (SELECT 1 FROM patrol_findings WHERE id = $1)",
            f,
        ),
    };
    sqlx::query_scalar(sql).bind(id).fetch_one(conn).await
}

/// The grid a finding's patrol walked.
pub async fn grid_of_finding(conn: &mut PgConnection, finding: Uuid) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar(
        "SELECT p.grid_id FROM patrol_findings f JOIN patrols p ON p.id = f.patrol_id
          WHERE f.id = $1",
    )
    .bind(finding)
    .fetch_optional(conn)
    .await
}

pub async fn insert(
    conn: &mut PgConnection,
    id: Uuid,
    s: Subject,
    key: &str,
    thumb: &str,
    by: Uuid,
) -> sqlx::Result<()> {
    let (table, column, subject) = table(s);
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO {table} (id, {column}, object_key, thumb_key, uploaded_by)
         VALUES ($1, $2, $3, $4, $5)"
    )))
    .bind(id)
    .bind(subject)
    .bind(key)
    .bind(thumb)
    .bind(by)
    .execute(conn)
    .await
    .map(|_| ())
}

/// A subject's photos: (id, key, thumbnail key), oldest first.
pub async fn photos(
    conn: &mut PgConnection,
    s: Subject,
) -> sqlx::Result<Vec<(Uuid, String, String)>> {
    let (table, column, subject) = table(s);
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT id, object_key, thumb_key FROM {table} WHERE {column} = $1 ORDER BY uploaded_at, id"
    )))
    .bind(subject)
    .fetch_all(conn)
    .await
}
