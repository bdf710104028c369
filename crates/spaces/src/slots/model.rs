//! A slot refused, as its caller sees it.

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

pub(crate) fn classify(e: sqlx::Error) -> SlotError {
    match infra::Violation::of(&e) {
        Some(v) if v.is("space_slots_no_overlap") => SlotError::Taken,
        Some(v) if v.is_foreign_key() => SlotError::NoSpace,
        _ => SlotError::Db(e),
    }
}

/// Who holds a slot.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Holder {
    Session(Uuid),
    Booking(Uuid),
}
