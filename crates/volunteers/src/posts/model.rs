/// A kind of volunteer post (岗位类型).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PostType {
    pub code: String,
    pub name: String,
}
