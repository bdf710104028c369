/// A kind of volunteer post (岗位类型).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PostType {
    pub code: String,
    pub name: String,
}

/// A volunteer post (岗位) of a type, with its points rule.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Post {
    pub id: uuid::Uuid,
    pub type_code: String,
    pub title: String,
    pub description: String,
    /// Points for each verified hour.
    pub points_per_hour: i32,
}

/// A shift (班次) of a post: when, where, how many are needed and have signed up.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Shift {
    pub id: uuid::Uuid,
    pub post_id: uuid::Uuid,
    pub starts_at: chrono::DateTime<chrono::Utc>,
    pub ends_at: chrono::DateTime<chrono::Utc>,
    pub place: String,
    pub space_id: Option<uuid::Uuid>,
    pub needed: i32,
    pub signed_up: i32,
    pub leader_id: Option<uuid::Uuid>,
}
