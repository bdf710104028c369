use crate::error::CoursesError;

/// A course category (课程类别), e.g. `health` / 健康养生. The list is per community.
#[derive(Debug, Clone, sqlx::FromRow)]
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
