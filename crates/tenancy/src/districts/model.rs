//! A district or street (区 / 街道): districts nest, each holding the path of ids from the
//! top down to itself, so "within" is an array containment.

#[cfg(feature = "graphql")]
use infra::graphql::{ID, id};
use uuid::Uuid;

/// A district or street (区 / 街道).
#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "District", complex)
)]
pub struct District {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    pub code: String,
    pub name: String,
    #[cfg_attr(feature = "graphql", graphql(skip))]
    pub parent_id: Option<Uuid>,
    #[cfg_attr(feature = "graphql", graphql(skip))]
    pub path: Vec<Uuid>,
}
