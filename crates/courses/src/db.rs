//! SQL on the community schema; every function takes a tenant transaction.

use sqlx::PgConnection;

use crate::model::CourseCategory;

pub async fn categories(conn: &mut PgConnection) -> sqlx::Result<Vec<CourseCategory>> {
    sqlx::query_as("SELECT code, name, position FROM course_categories ORDER BY position, code")
        .fetch_all(conn)
        .await
}

/// `None` when the code exists already.
pub async fn insert_category(
    conn: &mut PgConnection,
    code: &str,
    name: &str,
) -> sqlx::Result<Option<CourseCategory>> {
    sqlx::query_as(
        "INSERT INTO course_categories (code, name, position)
         SELECT $1, $2, coalesce(max(position), 0) + 1 FROM course_categories
         ON CONFLICT (code) DO NOTHING
         RETURNING code, name, position",
    )
    .bind(code)
    .bind(name)
    .fetch_optional(conn)
    .await
}
