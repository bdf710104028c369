//! A learner's record as types: nominations to role-model pools.

use chrono::{DateTime, Utc};
#[cfg(feature = "graphql")]
use infra::graphql::{ID, id};
use uuid::Uuid;

#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "Nomination")
)]
pub struct Nomination {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "learner_id", into = "ID", with = "id", owned))
    )]
    pub learner_id: Uuid,
    pub pool: String,
    pub reason: String,
    pub created_at: DateTime<Utc>,
}
