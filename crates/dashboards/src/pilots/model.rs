//! A pilot group and its member communities.

use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "PilotGroup")
)]
pub struct PilotGroup {
    pub name: String,
    /// Member communities' slugs, in order.
    #[cfg_attr(feature = "graphql", graphql(name = "communities"))]
    pub members: Vec<String>,
    #[cfg_attr(feature = "graphql", graphql(skip))]
    pub id: Uuid,
}
