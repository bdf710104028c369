//! Exports as types: the monthly ledger (月度台账) and its totals, a session's sign-in sheet
//! (签到表), a file behind a link.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use crate::model::{Event, Session, SessionStatus};

/// A session of the month with what the ledger counts of it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LedgerSession {
    pub course_id: Uuid,
    pub course_title: String,
    pub category: String,
    pub public_benefit: bool,
    pub starts_at: DateTime<Utc>,
    pub place: String,
    pub status: SessionStatus,
    /// Enrolled learners marked present.
    pub present: i64,
    /// Walk-ins and head counts (open lectures).
    pub walk_ins: i64,
}

/// What the monthly ledger (月度台账) holds.
#[derive(Debug, Clone)]
pub struct Ledger {
    pub community: String,
    pub month: NaiveDate,
    pub sessions: Vec<LedgerSession>,
    /// Events of the month with their 人次.
    pub events: Vec<(Event, i64)>,
}

/// The figures of the summary sheet, computed once for the sheet and for tests alike.
#[derive(Debug, Clone, PartialEq)]
pub struct LedgerTotals {
    pub courses: usize,
    pub sessions_held: usize,
    pub sessions_cancelled: usize,
    /// 人次 at sessions: present learners plus walk-ins.
    pub session_attendance: i64,
    /// Share of held sessions that were public-benefit (公益), 0–1.
    pub public_benefit_share: f64,
    pub events: usize,
    pub event_attendance: i64,
}

/// A session's sign-in sheet (签到表): the course, when and where, and the enrolled learners.
#[derive(Debug, Clone)]
pub struct SignInSheet {
    pub community: String,
    pub course_title: String,
    pub session: Session,
    /// (name, marked present?) in name order.
    pub learners: Vec<(String, Option<bool>)>,
}

/// A file put in object storage, fetched through a link that expires.
#[derive(Debug, Clone)]
pub struct ExportFile {
    pub filename: String,
    pub content_type: &'static str,
    pub url: String,
    pub bytes: usize,
}
