//! Keyset paging over uuid v7 ids (time-ordered), shared by every list of the college.

use crate::error::CoursesError;
use infra::{AppError, AppResult};

/// Keyset page over uuid v7 ids (time-ordered): `limit + 1` rows tell whether more follow.
pub fn page_limit(first: Option<i32>) -> AppResult<i64> {
    match first.unwrap_or(20) {
        n @ 1..=100 => Ok(i64::from(n)),
        _ => Err(AppError::from(CoursesError::PageSizeOutOfRange)),
    }
}
