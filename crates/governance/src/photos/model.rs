//! Photos as types.

#[cfg(feature = "graphql")]
use infra::graphql::{ID, id};
use uuid::Uuid;

/// A photo's short-lived links.
#[derive(Debug, Clone)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "GovernancePhoto")
)]
pub struct Photo {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    /// The photo (2,048 px at most), for 15 minutes.
    pub url: String,
    pub thumb_url: String,
}

/// What a photo shows.
#[derive(Debug, Clone, Copy)]
pub enum Subject {
    /// A receipt of a fund movement.
    Receipt(Uuid),
    /// What a patrol found.
    Finding(Uuid),
}
