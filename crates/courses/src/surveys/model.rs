//! Demand surveys as types: surveys and their questions.

use chrono::{DateTime, Utc};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "QuestionKind")
)]
pub enum QuestionKind {
    Single,
    Multiple,
    Text,
    Talent,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Survey {
    pub id: Uuid,
    pub title: String,
    pub threshold: i32,
    pub closes_at: Option<DateTime<Utc>>,
    pub closed: bool,
}

impl Survey {
    pub fn is_open(&self) -> bool {
        !self.closed && self.closes_at.is_none_or(|c| c > Utc::now())
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Question {
    pub id: Uuid,
    pub survey_id: Uuid,
    pub position: i32,
    pub kind: QuestionKind,
    pub prompt: String,
    pub options: Vec<String>,
}
