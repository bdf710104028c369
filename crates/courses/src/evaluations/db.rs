//! SQL of evaluations on the community schema; every function takes a tenant transaction.

use sqlx::PgConnection;
use uuid::Uuid;

pub async fn upsert_evaluation(
    conn: &mut PgConnection,
    course: Uuid,
    learner: Uuid,
    rating: i32,
    comment: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO evaluations (course_id, learner_id, rating, comment) VALUES ($1, $2, $3, $4)
         ON CONFLICT (course_id, learner_id) DO UPDATE SET rating = EXCLUDED.rating, comment = EXCLUDED.comment",
    )
    .bind(course)
    .bind(learner)
    .bind(rating)
    .bind(comment)
    .execute(conn)
    .await?;
    Ok(())
}
