//! Alliances as types.

#[cfg(feature = "graphql")]
use infra::graphql::{ID, id};
use uuid::Uuid;

/// A co-building alliance (共同体) of the community.
#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "PartnerAlliance")
)]
pub struct Alliance {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    pub name: String,
    pub purpose: String,
}

/// A member organisation of an alliance and its part.
#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "PartnerAllianceMember")
)]
pub struct AllianceMember {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "alliance_id", into = "ID", with = "id", owned))
    )]
    pub alliance_id: Uuid,
    #[cfg_attr(
        feature = "graphql",
        graphql(
            skip,
            derived(name = "organisation_id", into = "ID", with = "id", owned)
        )
    )]
    pub organisation_id: Uuid,
    /// Its part (党建引领, 志愿服务, 资源支持 …).
    pub part: String,
}
