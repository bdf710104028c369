//! Clubs as types: federations, clubs and their members' roles.

#[cfg(feature = "graphql")]
use infra::graphql::{ID, id, opt_id};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "ClubRole")
)]
pub enum ClubRole {
    Member,
    Leader,
    Monitor,
}

#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "Federation")
)]
pub struct Federation {
    #[cfg_attr(
        feature = "graphql",
        graphql(skip, derived(name = "id", into = "ID", with = "id", owned))
    )]
    pub id: Uuid,
    pub name: String,
    #[cfg_attr(
        feature = "graphql",
        graphql(
            skip,
            derived(
                name = "leader_learner_id",
                into = "Option<ID>",
                with = "opt_id",
                owned
            )
        )
    )]
    pub leader: Option<Uuid>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Club {
    pub id: Uuid,
    pub name: String,
    pub federation_id: Option<Uuid>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ClubMember {
    pub club_id: Uuid,
    pub learner_id: Uuid,
    pub name: String,
    pub role: ClubRole,
}
