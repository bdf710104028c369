use uuid::Uuid;

/// A shared space (共享空间) of the community.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Space {
    pub id: Uuid,
    pub name: String,
    pub kind: String,
    pub capacity: i32,
}
