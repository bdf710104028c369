//! SQL on the community schema; every function takes a tenant transaction.

use sqlx::PgConnection;

use super::model::PostType;

pub async fn post_types(conn: &mut PgConnection) -> sqlx::Result<Vec<PostType>> {
    sqlx::query_as("SELECT code, name FROM volunteer_post_types ORDER BY code")
        .fetch_all(conn)
        .await
}
