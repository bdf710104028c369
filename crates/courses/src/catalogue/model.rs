//! The catalogue as types: categories, courses, who they are for and in what format.

use uuid::Uuid;

use crate::error::CoursesError;

/// A course category (课程类别), e.g. `health` / 健康养生. The list is per community.
#[derive(Debug, Clone, sqlx::FromRow)]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::SimpleObject),
    graphql(name = "CourseCategory")
)]
pub struct CourseCategory {
    pub code: String,
    pub name: String,
    pub position: i32,
}

/// A category code: lower-case ASCII letters, digits and underscores, 2–32 long.
#[derive(Debug, Clone)]
pub struct CategoryCode(String);

impl CategoryCode {
    pub fn parse(s: &str) -> Result<CategoryCode, CoursesError> {
        let s = s.trim();
        let ok = (2..=32).contains(&s.len())
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if ok {
            Ok(CategoryCode(s.to_string()))
        } else {
            Err(CoursesError::InvalidCategoryCode)
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Who a course is for: 小朋友 / 大朋友 / 老朋友 / everyone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "AudienceGql")
)]
pub enum Audience {
    Children,
    Adults,
    Elderly,
    All,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "CourseFormat")
)]
pub enum Format {
    Lecture,
    Workshop,
    Salon,
    Performance,
    Forum,
}

/// A course proposed from survey demand (订单) waits for staff to open it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "CourseStatus")
)]
pub enum CourseStatus {
    /// Proposed from survey demand, waiting for staff to open it.
    Proposed,
    Open,
    Closed,
}

impl Audience {
    /// Does a learner of `age` (None: unknown) belong to this audience? Children are under 18,
    /// the elderly 60 and over (the seed reports' 小朋友 / 大朋友 / 老朋友).
    pub fn admits(self, age: Option<i32>) -> Option<bool> {
        match (self, age) {
            (Audience::All, _) => Some(true),
            (_, None) => None,
            (Audience::Children, Some(a)) => Some(a < 18),
            (Audience::Adults, Some(a)) => Some(a >= 18),
            (Audience::Elderly, Some(a)) => Some(a >= 60),
        }
    }
}

/// What staff fill in to open a course (validated by `service`, written by `db`).
#[derive(Debug, Clone)]
pub struct CourseInput {
    pub title: String,
    pub category: String,
    pub audience: Audience,
    pub min_age: Option<i32>,
    pub max_age: Option<i32>,
    pub format: Format,
    pub public_benefit: bool,
    pub fee_cents: i32,
    pub club_id: Option<Uuid>,
    pub capacity: i32,
    pub materials: Option<String>,
    pub teacher_ids: Vec<Uuid>,
}

/// What staff change of a course; `None` leaves a field as it is. `ages` and `materials`
/// replace both bounds / the text when given (an inner `None` clears).
#[derive(Debug, Clone, Default)]
pub struct CourseEdit {
    pub title: Option<String>,
    pub capacity: Option<i32>,
    pub audience: Option<Audience>,
    pub ages: Option<(Option<i32>, Option<i32>)>,
    pub materials: Option<Option<String>>,
    /// A category of the community's list.
    pub category: Option<String>,
    pub format: Option<Format>,
    /// Public benefit (公益) and fee: a public-benefit course is free.
    pub public_benefit: Option<bool>,
    pub fee_cents: Option<i32>,
    /// The course's teachers, all of them.
    pub teacher_ids: Option<Vec<Uuid>>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Course {
    pub id: Uuid,
    pub title: String,
    pub category: String,
    pub audience: Audience,
    pub min_age: Option<i32>,
    pub max_age: Option<i32>,
    pub format: Format,
    pub public_benefit: bool,
    pub fee_cents: i32,
    pub club_id: Option<Uuid>,
    pub capacity: i32,
    pub enrolled: i32,
    pub materials: Option<String>,
    pub status: CourseStatus,
    pub demand: Option<String>,
}
