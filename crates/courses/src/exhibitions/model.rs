//! Exhibitions as types: exhibitions, works and their photos, public shares.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "ExhibitionKind")
)]
pub enum ExhibitionKind {
    Painting,
    Photography,
    Handicraft,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Exhibition {
    pub id: Uuid,
    pub title: String,
    pub kind: ExhibitionKind,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub published: bool,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Work {
    pub id: Uuid,
    pub exhibition_id: Uuid,
    pub learner_id: Uuid,
    pub author: String,
    pub course_id: Option<Uuid>,
    pub title: String,
    pub minor: bool,
    pub guardian_consent_at: Option<DateTime<Utc>>,
}

/// How authors are named on a public page: 王秀英 / 王** / not at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "ShareNames")
)]
pub enum ShareNames {
    /// 王秀英
    Full,
    /// 王**
    Surname,
    /// No names at all.
    #[sqlx(rename = "none")]
    Hidden,
}

impl ShareNames {
    /// An author's name as this choice shows it.
    pub fn show(self, name: &str) -> Option<String> {
        match self {
            ShareNames::Full => Some(name.to_string()),
            ShareNames::Surname => {
                let mut chars = name.chars();
                let first = chars.next()?;
                Some(std::iter::once(first).chain(chars.map(|_| '*')).collect())
            }
            ShareNames::Hidden => None,
        }
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ExhibitionShare {
    pub id: Uuid,
    pub exhibition_id: Uuid,
    pub names: ShareNames,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct WorkPhoto {
    pub id: Uuid,
    pub work_id: Uuid,
    pub object_key: String,
    pub thumb_key: String,
    pub width: i32,
    pub height: i32,
}
