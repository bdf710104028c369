//! Attendance as types: how a presence was taken.

/// How attendance was taken: the learner scanned the code, or the teacher marked the roster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum AttendanceMethod {
    Qr,
    Roster,
}
