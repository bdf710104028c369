//! The GraphQL face of attendance: types and resolvers, nothing else.

use async_graphql::{Context, ID, Object, SimpleObject};
use base64::Engine;
use chrono::{DateTime, Utc};

use crate::catalogue::graphql::SessionGql;
use crate::graphql::*;
use crate::record::graphql::rate;
use crate::service as svc;

/// A session's QR check-in code. Check-in is open from 30 minutes before the session to its
/// end; the code itself rotates every 30 seconds and is refused a minute after it was shown.
#[derive(SimpleObject)]
pub struct CheckInCode {
    token: String,
    /// The check-in page for this code, from the server's root (what the QR code links to
    /// when an origin was given).
    path: String,
    not_before: DateTime<Utc>,
    not_after: DateTime<Utc>,
    /// Fetch and show the next code from then.
    refresh_at: DateTime<Utc>,
    /// This code is refused from then.
    expires_at: DateTime<Utc>,
    svg: String,
    png_base64: String,
}

#[derive(SimpleObject)]
pub struct LearnerAttendance {
    learner_id: ID,
    name: String,
    sessions_held: i64,
    attended: i64,
    rate: Option<f64>,
}

#[derive(SimpleObject)]
pub struct CourseAttendance {
    course_id: ID,
    learners: Vec<LearnerAttendance>,
    rate: Option<f64>,
}

#[derive(Default)]
pub struct AttendanceQuery;

#[Object]
impl AttendanceQuery {
    /// Attendance rate per learner and for the course.
    async fn course_attendance(&self, ctx: &Context<'_>, course_id: ID) -> Res<CourseAttendance> {
        let cid = uuid(&course_id)?;
        let rows = svc::attendance(community(ctx)?, cid).await?;
        let (held, attended): (i64, i64) = rows.iter().fold((0, 0), |(h, a), r| (h + r.2, a + r.3));
        Ok(CourseAttendance {
            course_id: id(cid),
            rate: rate(held, attended),
            learners: rows
                .into_iter()
                .map(|(l, n, h, a)| LearnerAttendance {
                    learner_id: id(l),
                    name: n,
                    sessions_held: h,
                    attended: a,
                    rate: rate(h, a),
                })
                .collect(),
        })
    }

    /// The learners present at a session, checked in or marked (staff and its teachers).
    async fn session_attendance(&self, ctx: &Context<'_>, session_id: ID) -> Res<Vec<ID>> {
        let rows = svc::present_at(community(ctx)?, uuid(&session_id)?).await?;
        Ok(rows.into_iter().map(id).collect())
    }
}

#[derive(Default)]
pub struct AttendanceMutation;

#[Object]
impl AttendanceMutation {
    /// The QR check-in code of a session, as a token, SVG and PNG (teachers and staff). With
    /// `origin` (the address people reach Linli at) the code holds the link to the check-in
    /// page, which a phone's camera opens; without, the bare token.
    async fn session_check_in_code(
        &self,
        ctx: &Context<'_>,
        session_id: ID,
        origin: Option<String>,
    ) -> Res<CheckInCode> {
        let c = community(ctx)?;
        let code = svc::check_in_code(c, uuid(&session_id)?, origin.as_deref()).await?;
        let path = svc::check_in_path(&c.tenant().slug, &code.token);
        Ok(CheckInCode {
            path,
            token: code.token,
            not_before: code.not_before,
            not_after: code.not_after,
            refresh_at: code.refresh_at,
            expires_at: code.expires_at,
            svg: code.svg,
            png_base64: base64::engine::general_purpose::STANDARD.encode(code.png),
        })
    }

    /// Check in by scanning the session's QR code.
    async fn check_in(
        &self,
        ctx: &Context<'_>,
        token: String,
        learner_id: Option<ID>,
    ) -> Res<SessionGql> {
        Ok(
            svc::check_in(community(ctx)?, &token, opt_uuid(&learner_id)?)
                .await?
                .into(),
        )
    }

    /// Mark attendance from the roster (teachers and staff).
    async fn mark_attendance(
        &self,
        ctx: &Context<'_>,
        session_id: ID,
        learner_id: ID,
        present: bool,
    ) -> Res<bool> {
        svc::mark_attendance(
            community(ctx)?,
            uuid(&session_id)?,
            uuid(&learner_id)?,
            present,
        )
        .await?;
        Ok(true)
    }
}
