//! The face of the partners crate for the other domain crates (the dashboards' figures and
//! rebuild). The gateway, which composes the schema and seeds the demo, uses the features'
//! services; nobody reaches the SQL.

use infra::AppResult;
use sqlx::PgConnection;
use uuid::Uuid;

/// Organisations with an approved partnership reaching a district's communities (or these
/// communities), counted from the platform's partnership rows.
pub async fn partner_organisations(
    conn: &mut PgConnection,
    district: Option<Uuid>,
    communities: Option<&[Uuid]>,
) -> AppResult<i64> {
    Ok(crate::organisations::db::partnering(conn, district, communities).await?)
}

/// Demands another crate raises from its own records (a patrol's finding), in its transaction.
pub mod demands {
    pub use crate::demands::service::raise_in;
}

/// The figures recounted from the partners' own community tables (the dashboards' rebuild).
pub mod figures {
    pub use crate::agreements::service::figures as agreements;
    pub use crate::demands::service::{figures as demands, samples as demand_samples};
    pub use crate::ventures::service::figures as ventures;
}

#[cfg(feature = "graphql")]
pub use crate::graphql::{PartnersMutation, PartnersQuery};
