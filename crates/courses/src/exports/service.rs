//! The rules of exports: staff export the ledger; staff and a course's teachers print its
//! sign-in sheet. Each export is a mutation (audited: it carries residents' names).

use chrono::{Datelike, NaiveDate};
use infra::AppResult;
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db;
pub use super::model::{ExportFile, Ledger, LedgerSession, LedgerTotals, SignInSheet};
use crate::error::not_found;
use crate::model::*;
use infra::local_time::midnight;

impl Ledger {
    pub fn totals(&self) -> LedgerTotals {
        let held: Vec<&LedgerSession> = self
            .sessions
            .iter()
            .filter(|s| s.status == SessionStatus::Scheduled)
            .collect();
        let mut courses: Vec<Uuid> = held.iter().map(|s| s.course_id).collect();
        courses.sort();
        courses.dedup();
        let public = held.iter().filter(|s| s.public_benefit).count();
        LedgerTotals {
            courses: courses.len(),
            sessions_held: held.len(),
            sessions_cancelled: self.sessions.len() - held.len(),
            session_attendance: held.iter().map(|s| s.present + s.walk_ins).sum(),
            public_benefit_share: if held.is_empty() {
                0.0
            } else {
                public as f64 / held.len() as f64
            },
            events: self.events.len(),
            event_attendance: self.events.iter().map(|(_, n)| n).sum(),
        }
    }
}

fn next_month(m: NaiveDate) -> NaiveDate {
    m.checked_add_months(chrono::Months::new(1))
        .expect("a month within 2000–2100")
}

/// The ledger of `month` (its first day), in the community's time (staff).
pub async fn monthly_ledger(ctx: &CommunityCtx, month: NaiveDate) -> AppResult<Ledger> {
    ctx.require(Roles::STAFF)?;
    let month = month.with_day(1).expect("first day");
    let (from, to) = (midnight(month), midnight(next_month(month)));
    let mut tx = ctx.tx().await?;
    let sessions = db::ledger_sessions(&mut tx, from, to).await?;
    let events = crate::events::db::events_between(&mut tx, from, to).await?;
    tx.commit().await?;
    Ok(Ledger {
        community: ctx.tenant().name.clone(),
        month,
        sessions,
        events,
    })
}

/// Staff, or a teacher of the course.
pub async fn sign_in_sheet(ctx: &CommunityCtx, session_id: Uuid) -> AppResult<SignInSheet> {
    let mut tx = ctx.tx().await?;
    let session = crate::catalogue::db::session(&mut tx, session_id)
        .await?
        .ok_or_else(|| not_found("session"))?;
    crate::teachers::service::require_teaching(&mut tx, ctx, session.course_id).await?;
    let course = crate::catalogue::db::course(&mut tx, session.course_id)
        .await?
        .ok_or_else(|| not_found("course"))?;
    let learners = db::sign_in_rows(&mut tx, course.id, session.id).await?;
    tx.commit().await?;
    Ok(SignInSheet {
        community: ctx.tenant().name.clone(),
        course_title: course.title,
        session,
        learners,
    })
}

async fn publish(
    ctx: &CommunityCtx,
    filename: String,
    content_type: &'static str,
    ext: &str,
    bytes: Vec<u8>,
) -> AppResult<ExportFile> {
    let size = bytes.len();
    let url = ctx
        .store()
        .publish_export(ctx.tenant().community_id, ext, bytes, content_type)
        .await?;
    Ok(ExportFile {
        url,
        filename,
        content_type,
        bytes: size,
    })
}

/// Export the month's ledger as XLSX (staff).
pub async fn export_monthly_ledger(ctx: &CommunityCtx, month: NaiveDate) -> AppResult<ExportFile> {
    let ledger = monthly_ledger(ctx, month).await?;
    let bytes = super::xlsx::ledger(&ledger)?;
    let name = format!(
        "{}-{}年{}月台账.xlsx",
        ledger.community,
        ledger.month.year(),
        ledger.month.month()
    );
    publish(
        ctx,
        name,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
        bytes,
    )
    .await
}

/// Print a session's sign-in sheet as PDF (staff, or a teacher of the course).
pub async fn print_sign_in_sheet(ctx: &CommunityCtx, session_id: Uuid) -> AppResult<ExportFile> {
    let sheet = sign_in_sheet(ctx, session_id).await?;
    let bytes = super::pdf::sign_in_sheet(&sheet)?;
    let name = format!("{}-签到表.pdf", sheet.course_title);
    publish(ctx, name, "application/pdf", "pdf", bytes).await
}
