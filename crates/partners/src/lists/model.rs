/// A kind of list in the "three lists" (三张清单), configurable per community.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ListKind {
    pub code: String,
    pub name: String,
    pub position: i32,
}
