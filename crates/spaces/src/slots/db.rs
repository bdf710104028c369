//! SQL of slots; every function takes the caller's community transaction.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

/// Insert a slot held by a booking or a session.
pub(crate) async fn insert(
    conn: &mut PgConnection,
    space: Uuid,
    (booking, session): (Option<Uuid>, Option<Uuid>),
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO space_slots (id, space_id, during, booking_id, session_id)
         VALUES ($1, $2, tstzrange($3, $4), $5, $6)",
    )
    .bind(Uuid::now_v7())
    .bind(space)
    .bind(start)
    .bind(end)
    .bind(booking)
    .bind(session)
    .execute(conn)
    .await?;
    Ok(())
}

/// Drop a session's slot; the space it was in.
pub(crate) async fn delete_session(
    conn: &mut PgConnection,
    session: Uuid,
) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar("DELETE FROM space_slots WHERE session_id = $1 RETURNING space_id")
        .bind(session)
        .fetch_optional(conn)
        .await
}

pub(crate) async fn delete_booking(conn: &mut PgConnection, booking: Uuid) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM space_slots WHERE booking_id = $1")
        .bind(booking)
        .execute(conn)
        .await?;
    Ok(())
}
