//! Evaluations as types: a rating, checked where it enters.

use crate::error::CoursesError;

/// A learner's rating of a course: 1 to 5 stars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rating(i32);

impl Rating {
    pub fn parse(stars: i32) -> Result<Rating, CoursesError> {
        if (1..=5).contains(&stars) {
            Ok(Rating(stars))
        } else {
            Err(CoursesError::Rating)
        }
    }

    pub fn stars(self) -> i32 {
        self.0
    }
}
