//! A district or street (区 / 街道): districts nest, each holding the path of ids from the
//! top down to itself, so "within" is an array containment.

use uuid::Uuid;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct District {
    pub id: Uuid,
    pub code: String,
    pub name: String,
    pub parent_id: Option<Uuid>,
    pub path: Vec<Uuid>,
}
