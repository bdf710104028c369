//! A learner's record as types: nominations to role-model pools.

use chrono::{DateTime, Utc};
use uuid::Uuid;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Nomination {
    pub id: Uuid,
    pub learner_id: Uuid,
    pub pool: String,
    pub reason: String,
    pub created_at: DateTime<Utc>,
}
