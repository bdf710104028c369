//! A pilot group and its member communities.

use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PilotGroup {
    pub id: Uuid,
    pub name: String,
    /// Member communities' slugs, in order.
    pub members: Vec<String>,
}
