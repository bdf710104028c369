//! The face of the governance crate for every other crate (the gateway, its demo; the
//! dashboards' rebuild): what they may call and name.

/// Money funds: opened, income recorded, requests decided (the demo's seed figures).
pub mod funds {
    pub use crate::funds::model::{Fund, IncomeKind, Movement, Request};
    pub use crate::funds::service::{
        create_fund, decide_request, figures, record_income, request_spending, reverse,
    };
}

/// Micro-grids and their posts.
pub mod posts {
    pub use crate::posts::model::{MicroGrid, Post};
    pub use crate::posts::service::{add_post, claim, create_micro_grid, figures};
}

/// Meetings and their follow-ups.
pub mod meetings {
    pub use crate::meetings::model::{
        AttendeeRole, Attendees, CadencePer, CadenceTarget, MeetingKind, OwnerKind,
    };
    pub use crate::meetings::service::{
        DecisionInput, MeetingInput, close, figures, meetings, record, set_cadence_target,
    };
}

/// 评优.
pub mod honours {
    pub use crate::honours::service::figures;
}

/// 双报到.
pub mod party_reports {
    pub use crate::party_reports::service::figures;
}

/// Patrols (每周一夜查) and their findings.
pub mod patrols {
    pub use crate::patrols::service::{PatrolInput, figures, patrols, schedule};
}

#[cfg(feature = "graphql")]
pub use crate::graphql::{GovernanceMutation, GovernanceQuery};
