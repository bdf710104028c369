//! Validated types and rows of the community college.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

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

/// The one length rule of typed text (`infra::input::text`).
pub use infra::input::text;

/// Who a course is for: 小朋友 / 大朋友 / 老朋友 / everyone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum Audience {
    Children,
    Adults,
    Elderly,
    All,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum Format {
    Lecture,
    Workshop,
    Salon,
    Performance,
    Forum,
}

/// 专家, 邻里达人, 高校教师, 高校学生, 社会组织.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum TeacherKind {
    Expert,
    LocalTalent,
    UniversityTeacher,
    UniversityStudent,
    SocialOrganisation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum QuestionKind {
    Single,
    Multiple,
    Text,
    Talent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum ExhibitionKind {
    Painting,
    Photography,
    Handicraft,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum EnrolmentStatus {
    Enrolled,
    Waitlisted,
    Cancelled,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum ClubRole {
    Member,
    Leader,
    Monitor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum CadencePeriod {
    Week,
    Month,
    Quarter,
    Year,
}

/// What a cadence target counts: course sessions, any event, or events of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum CadenceCounts {
    Sessions,
    Events,
    Activity,
    Exchange,
    Performance,
    Market,
    ServiceDay,
}

impl CadenceCounts {
    /// Does an event of `kind` count? (Never for a target counting sessions.)
    pub fn counts_event(self, kind: EventKind) -> bool {
        match self {
            CadenceCounts::Sessions => false,
            CadenceCounts::Events => true,
            CadenceCounts::Activity => kind == EventKind::Activity,
            CadenceCounts::Exchange => kind == EventKind::Exchange,
            CadenceCounts::Performance => kind == EventKind::Performance,
            CadenceCounts::Market => kind == EventKind::Market,
            CadenceCounts::ServiceDay => kind == EventKind::ServiceDay,
        }
    }
}

/// A teacher found in a survey (达人) is a candidate until staff confirm them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum TeacherStatus {
    Candidate,
    Active,
}

/// A course proposed from survey demand (订单) waits for staff to open it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum CourseStatus {
    Proposed,
    Open,
    Closed,
}

/// How attendance was taken: the learner scanned the code, or the teacher marked the roster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum AttendanceMethod {
    Qr,
    Roster,
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

/// Whole years between `birth` and `on`.
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> i32 {
    use chrono::Datelike;
    let mut years = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Learner {
    pub id: Uuid,
    pub account_id: Option<Uuid>,
    pub guardian_account_id: Option<Uuid>,
    pub name: String,
    pub birth_date: Option<NaiveDate>,
    /// The courtyard or grid (院落 / 网格) the resident lives in.
    pub courtyard_id: Option<Uuid>,
    /// The staff member or grid worker who entered the record (代办), if not the resident.
    pub registered_by: Option<Uuid>,
}

impl Learner {
    pub fn age(&self) -> Option<i32> {
        self.birth_date.map(|b| age_on(b, Utc::now().date_naive()))
    }
    /// Under 18 — or of unknown age: for consent, a learner counts as an adult only once a
    /// birth date says so (staff can record it).
    pub fn is_minor(&self) -> bool {
        self.age().is_none_or(|a| a < 18)
    }
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

/// Events other than course sessions: 活动, 交流, 展演, 服务集市, 达人服务日.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum EventKind {
    Activity,
    Exchange,
    Performance,
    Market,
    ServiceDay,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Event {
    pub id: Uuid,
    pub title: String,
    pub kind: EventKind,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: String,
    /// `None`: no registration, anyone walks in.
    pub capacity: Option<i32>,
    pub registered: i32,
    pub status: SessionStatus,
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

/// A session is held as planned or was cancelled (kept, so learners see 已取消).
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum SessionStatus {
    Scheduled,
    Cancelled,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Session {
    pub id: Uuid,
    pub course_id: Uuid,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub place: String,
    pub status: SessionStatus,
    pub cancel_reason: Option<String>,
    /// When it was first planned to start, once moved.
    pub moved_from: Option<DateTime<Utc>>,
    /// The community space it takes place in, holding that space's time.
    pub space_id: Option<Uuid>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Enrolment {
    pub id: Uuid,
    pub course_id: Uuid,
    pub learner_id: Uuid,
    pub status: EnrolmentStatus,
    pub queued: i64,
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

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Federation {
    pub id: Uuid,
    pub name: String,
    pub leader: Option<Uuid>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Club {
    pub id: Uuid,
    pub name: String,
    pub federation_id: Option<Uuid>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ClubMember {
    pub club_id: Uuid,
    pub learner_id: Uuid,
    pub name: String,
    pub role: ClubRole,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CadenceTarget {
    pub id: Uuid,
    pub name: String,
    pub period: CadencePeriod,
    /// The least count per period (sessions or events, as `counts` says).
    pub min_sessions: i32,
    pub public_benefit_only: bool,
    pub counts: CadenceCounts,
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
pub enum ShareNames {
    Full,
    Surname,
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

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Nomination {
    pub id: Uuid,
    pub learner_id: Uuid,
    pub pool: String,
    pub reason: String,
    pub created_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_and_audiences() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(age_on(d(1955, 3, 1), d(2026, 2, 28)), 70);
        assert_eq!(age_on(d(1955, 3, 1), d(2026, 3, 1)), 71);
        assert_eq!(Audience::Elderly.admits(Some(59)), Some(false));
        assert_eq!(Audience::Elderly.admits(Some(60)), Some(true));
        assert_eq!(Audience::Children.admits(None), None);
        assert_eq!(Audience::All.admits(None), Some(true));
    }
}
