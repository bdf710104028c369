use infra::AppError;

#[derive(Debug, thiserror::Error)]
pub enum CoursesError {
    #[error("invalid category code")]
    InvalidCategoryCode,
    #[error("invalid category name")]
    InvalidCategoryName,
    #[error("category exists")]
    CategoryExists,
}

impl From<CoursesError> for AppError {
    fn from(e: CoursesError) -> Self {
        match e {
            CoursesError::InvalidCategoryCode => AppError::bad_input(
                "类别代码只能包含小写字母、数字和下划线，2 到 32 个字符",
                "A category code is 2–32 lower-case letters, digits or underscores",
            ),
            CoursesError::InvalidCategoryName => AppError::bad_input(
                "类别名称不能为空，且不超过 50 个字",
                "A category name must be 1–50 characters",
            ),
            CoursesError::CategoryExists => {
                AppError::conflict("该课程类别已存在", "This course category already exists")
            }
        }
    }
}
