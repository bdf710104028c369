//! The face of the time bank for the other domain crates: what they may call inside their own
//! community transaction, and what they may name. (The gateway, which composes the schema,
//! seeds the demo and runs the worker, uses the features' services; nobody reaches the SQL.)

use infra::AppResult;
use sqlx::PgConnection;
use uuid::Uuid;

/// Is there a volunteer shift with this id in the community? (An agreement's reference.)
pub async fn shift_exists(conn: &mut PgConnection, id: Uuid) -> AppResult<bool> {
    Ok(crate::posts::db::shift(conn, id).await?.is_some())
}

/// Volunteers: a partner team's people register with their team.
pub mod registry {
    use infra::AppResult;
    use sqlx::PgConnection;
    use uuid::Uuid;

    pub use crate::registry::model::{Volunteer, VolunteerStatus};
    pub use crate::registry::service::{Registration, register};

    /// Verified minutes of service of these accounts (those who volunteer), in the caller's
    /// transaction.
    pub async fn verified_minutes(
        conn: &mut PgConnection,
        accounts: &[Uuid],
    ) -> AppResult<Vec<(Uuid, i64)>> {
        Ok(crate::registry::db::verified_minutes(conn, accounts).await?)
    }

    /// A volunteer of the community, in the caller's transaction.
    pub async fn volunteer(conn: &mut PgConnection, id: Uuid) -> AppResult<Option<Volunteer>> {
        Ok(crate::registry::db::get(conn, id).await?)
    }
}

/// Hours: a volunteer's statement (a learner's record), a team's service, the figures.
pub mod hours {
    pub use crate::hours::model::Statement;
    pub use crate::hours::model::TeamMonth;
    pub use crate::hours::service::{TeamService, figures, statement_of, team_service};
}

/// The ledger: a space booking paid and refunded in the booking's own transaction.
pub mod ledger {
    pub use crate::ledger::service::{pay_for_booking, refund_booking};
}

/// Rewards: the figures recounted for the dashboards.
pub mod rewards {
    pub use crate::rewards::service::figures;
}

#[cfg(feature = "graphql")]
pub use crate::graphql::{VolunteersMutation, VolunteersQuery};
