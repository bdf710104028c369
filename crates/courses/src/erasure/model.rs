//! Who a registry record belongs to, as erasure asks it.

use chrono::{DateTime, Utc};
use uuid::Uuid;

/// The holders of a registry record (档案).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RecordHolders {
    pub account_id: Option<Uuid>,
    pub guardian_account_id: Option<Uuid>,
    pub erased_at: Option<DateTime<Utc>>,
}
