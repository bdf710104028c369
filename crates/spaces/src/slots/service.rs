//! Holding and giving back a space's time: inside a savepoint, so a refusal (a typed
//! `SlotError`, from the named constraint `space_slots_no_overlap`) leaves the caller's
//! transaction usable.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use super::db;
use super::model::{Holder, SlotError, classify};

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
    let r = db::insert(&mut sp, space, (booking, session), start, end).await;
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
    db::delete_session(conn, session).await
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
    db::delete_booking(conn, booking).await
}
