//! The face of the spaces crate for every other crate (the gateway, its demo and worker, the
//! college, partners, dashboards): what they may call and name. Nothing else of this crate —
//! its SQL least of all — is theirs to reach.

/// The spaces themselves: rules, opening hours, their use month by month.
pub mod rooms {
    pub use crate::rooms::model::{BookableBy, Closure, OpeningSpan, Space, SpaceKind};
    pub use crate::rooms::service::{
        SpaceRules, close_space_on, create_space, set_opening_hours, set_space_rules, spaces,
    };
    pub use crate::rooms::usage::{open_days_next_due, record_open_days};
}

/// Bookings: for a person, a club (through the college) or a partner team (through partners),
/// released when nobody came; their iCalendar feeds.
pub mod bookings {
    pub use crate::bookings::feeds::{Feed, feed};
    pub use crate::bookings::model::{BookerKind, Booking, BookingGroup, BookingStatus};
    pub use crate::bookings::service::{
        BookingRequest, book, book_as_group_leader, cancel, decide, figures, no_shows_next_due,
        occurrence, release_no_shows,
    };
}

/// The time of a space, which a course session holds in the college's own transaction.
pub mod slots {
    pub use crate::slots::{SlotError, hold_for_session, release_session};
}

/// The farm: seasons and plots (the demo lays them out), claims and duties, and its round
/// (warnings, releases, reassignment), run by the worker.
pub mod farm {
    pub use crate::farm::service::{
        ClaimOutcome, SeasonInput, add_plots, claim_plot, create_season, current_seasons,
        farm_next_due, record_duty, tend_farm,
    };
}

#[cfg(feature = "graphql")]
pub use crate::graphql::{SpacesMutation, SpacesQuery};
