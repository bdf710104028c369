//! Clubs as types: federations, clubs and their members' roles.

use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum ClubRole {
    Member,
    Leader,
    Monitor,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Federation {
    pub id: Uuid,
    pub name: String,
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
