//! The teacher pool as types: kinds of teacher, candidates and teachers.

use uuid::Uuid;

/// 专家, 邻里达人, 高校教师, 高校学生, 社会组织.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "TeacherKind")
)]
pub enum TeacherKind {
    Expert,
    LocalTalent,
    UniversityTeacher,
    UniversityStudent,
    SocialOrganisation,
}

/// A teacher found in a survey (达人) is a candidate until staff confirm them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum TeacherStatus {
    Candidate,
    Active,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Teacher {
    pub id: Uuid,
    pub name: String,
    pub kind: TeacherKind,
    pub skills: Vec<String>,
    pub phone_encrypted: Option<String>,
    pub account_id: Option<Uuid>,
    pub learner_id: Option<Uuid>,
    pub status: TeacherStatus,
    pub teaches_in: Vec<String>,
    /// The partner team they teach for (校社联动), and its name when linked.
    pub team_id: Option<Uuid>,
    pub team_name: Option<String>,
}
