//! The time of a space, held by slots: every active booking and every course session placed in
//! a space holds one, and PostgreSQL refuses two overlapping slots of one space
//! (`space_slots_no_overlap`). The courses crate holds its sessions' slots through this module
//! in its own transaction, so a session and a booking can never collide.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

/// The slot is taken (or the space does not exist).
#[derive(Debug, thiserror::Error)]
pub enum SlotError {
    #[error("the space is taken at that time")]
    Taken,
    #[error("no such space")]
    NoSpace,
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

fn classify(e: sqlx::Error) -> SlotError {
    match &e {
        sqlx::Error::Database(d) if d.constraint() == Some("space_slots_no_overlap") => {
            SlotError::Taken
        }
        sqlx::Error::Database(d) if d.is_foreign_key_violation() => SlotError::NoSpace,
        _ => SlotError::Db(e),
    }
}

/// Who holds a slot.
#[derive(Debug, Clone, Copy)]
enum Holder {
    Session(Uuid),
    Booking(Uuid),
}

/// Hold `[start, end)` of a space inside a savepoint, so a refusal leaves the caller's
/// transaction usable.
async fn hold(
    conn: &mut PgConnection,
    space: Uuid,
    holder: Holder,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> Result<(), SlotError> {
    let (booking, session) = match holder {
        Holder::Booking(b) => (Some(b), None),
        Holder::Session(s) => (None, Some(s)),
    };
    let mut sp = sqlx::Connection::begin(&mut *conn).await?;
    let r = sqlx::query(
        "INSERT INTO space_slots (id, space_id, during, booking_id, session_id)
         VALUES ($1, $2, tstzrange($3, $4), $5, $6)",
    )
    .bind(Uuid::now_v7())
    .bind(space)
    .bind(start)
    .bind(end)
    .bind(booking)
    .bind(session)
    .execute(&mut *sp)
    .await;
    match r {
        Ok(_) => Ok(sp.commit().await?),
        Err(e) => {
            sp.rollback().await?;
            Err(classify(e))
        }
    }
}

/// Hold `[start, end)` of a space for a course session.
pub async fn hold_for_session(
    conn: &mut PgConnection,
    space: Uuid,
    session: Uuid,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> Result<(), SlotError> {
    hold(conn, space, Holder::Session(session), start, end).await
}

/// Give a session's slot back (cancelled, or moved: hold again after).
pub async fn release_session(conn: &mut PgConnection, session: Uuid) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar("DELETE FROM space_slots WHERE session_id = $1 RETURNING space_id")
        .bind(session)
        .fetch_optional(conn)
        .await
}

/// Hold a slot for a booking.
pub(crate) async fn hold_for_booking(
    conn: &mut PgConnection,
    space: Uuid,
    booking: Uuid,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> Result<(), SlotError> {
    hold(conn, space, Holder::Booking(booking), start, end).await
}

pub(crate) async fn release_booking(conn: &mut PgConnection, booking: Uuid) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM space_slots WHERE booking_id = $1")
        .bind(booking)
        .execute(conn)
        .await?;
    Ok(())
}
