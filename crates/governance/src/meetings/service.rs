//! The rules of meetings and follow-ups.

use chrono::{DateTime, NaiveDate, Utc};
use infra::{AppError, AppResult, OnViolation};
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db::{self, NewFollowUp, NewMeeting};
use super::model::*;
use crate::error::{GovernanceError as E, Missing};

/// A meeting to record.
pub struct MeetingInput {
    pub kind: MeetingKind,
    pub title: String,
    pub held_at: DateTime<Utc>,
    pub place: String,
    pub courtyard_id: Option<Uuid>,
    pub attendees: Vec<Attendees>,
    pub topics: Vec<String>,
    pub minutes: String,
    pub decisions: Vec<DecisionInput>,
}

/// A decision of the meeting, which becomes a follow-up.
pub struct DecisionInput {
    pub decision: String,
    pub owner_kind: OwnerKind,
    pub owner_id: Uuid,
    pub owner_name: String,
    pub courtyard_id: Option<Uuid>,
    pub due_on: NaiveDate,
}

/// A meeting with who came and what it decided.
pub struct MeetingView {
    pub meeting: Meeting,
    pub attendees: Vec<Attendees>,
    pub follow_ups: Vec<FollowUp>,
}

fn attendees(list: Vec<Attendees>) -> AppResult<Vec<Attendees>> {
    let mut seen = std::collections::HashSet::new();
    if list.len() > 20 {
        return Err(E::BadAttendees.into());
    }
    list.into_iter()
        .map(|mut a| {
            a.organisation =
                infra::input::text(&a.organisation, 0, 100, "单位", "The organisation")?.to_owned();
            if !(1..=10_000).contains(&a.people) || !seen.insert((a.role, a.organisation.clone())) {
                return Err(E::BadAttendees.into());
            }
            Ok(a)
        })
        .collect()
}

fn topics(list: &[String]) -> AppResult<Vec<String>> {
    if !(1..=20).contains(&list.len()) {
        return Err(E::BadTopics.into());
    }
    list.iter()
        .map(|t| {
            let t = t.trim();
            if (1..=100).contains(&t.chars().count()) {
                Ok(t.to_owned())
            } else {
                Err(E::BadTopics.into())
            }
        })
        .collect()
}

fn courtyard_missing(v: infra::Violation<'_>) -> Option<AppError> {
    v.is_foreign_key()
        .then(|| E::NotFound(Missing::Grid).into())
}

/// Staff and grid workers record a meeting with its attendees, topics, minutes and decisions
/// (each a follow-up), all in one transaction.
pub async fn record(ctx: &CommunityCtx, m: MeetingInput) -> AppResult<MeetingView> {
    ctx.require(Roles::PROXY)?;
    let title = infra::input::text(&m.title, 1, 100, "会议名称", "The title")?;
    let place = infra::input::text(&m.place, 1, 100, "地点", "The place")?;
    let minutes = infra::input::text(&m.minutes, 0, 20_000, "会议纪要", "The minutes")?;
    let topics = topics(&m.topics)?;
    let attendees = attendees(m.attendees)?;
    if m.decisions.len() > 50 {
        return Err(E::TooManyDecisions.into());
    }
    let by = ctx.access().account_id;
    let mut tx = ctx.tx().await?;
    let meeting = db::insert_meeting(
        &mut tx,
        &NewMeeting {
            kind: m.kind,
            title,
            held_at: m.held_at,
            place,
            courtyard_id: m.courtyard_id,
            topics: &topics,
            minutes,
            by,
        },
    )
    .await
    .on_violation(courtyard_missing)?;
    let attendees = db::insert_attendees(&mut tx, meeting.id, &attendees).await?;
    let mut follow_ups = Vec::with_capacity(m.decisions.len());
    for d in &m.decisions {
        follow_ups.push(add(&mut tx, meeting.id, d).await?);
    }
    tx.commit().await?;
    Ok(MeetingView {
        meeting,
        attendees,
        follow_ups,
    })
}

async fn add(
    conn: &mut sqlx::PgConnection,
    meeting: Uuid,
    d: &DecisionInput,
) -> AppResult<FollowUp> {
    let decision = infra::input::text(&d.decision, 1, 500, "决议", "The decision")?;
    let owner = infra::input::text(&d.owner_name, 1, 50, "责任人", "The owner")?;
    db::insert_follow_up(
        conn,
        &NewFollowUp {
            meeting_id: meeting,
            decision,
            owner_kind: d.owner_kind,
            owner_id: d.owner_id,
            owner_name: owner,
            courtyard_id: d.courtyard_id,
            due_on: d.due_on,
        },
    )
    .await
    .on_violation(courtyard_missing)
}

/// A later decision on a recorded meeting (staff, grid workers).
pub async fn add_follow_up(
    ctx: &CommunityCtx,
    meeting: Uuid,
    d: DecisionInput,
) -> AppResult<FollowUp> {
    ctx.require(Roles::PROXY)?;
    let mut tx = ctx.tx().await?;
    db::meeting(&mut tx, meeting)
        .await?
        .ok_or(E::NotFound(Missing::Meeting))?;
    let f = add(&mut tx, meeting, &d).await?;
    tx.commit().await?;
    Ok(f)
}

/// Meetings, newest first (staff, grid workers).
pub async fn meetings(
    ctx: &CommunityCtx,
    kind: Option<MeetingKind>,
    first: i32,
) -> AppResult<Vec<Meeting>> {
    ctx.require(Roles::PROXY)?;
    let mut tx = ctx.tx().await?;
    Ok(db::meetings(&mut tx, kind, i64::from(first.clamp(1, 500))).await?)
}

/// One meeting with its attendees and follow-ups (staff, grid workers).
pub async fn meeting(ctx: &CommunityCtx, id: Uuid) -> AppResult<MeetingView> {
    ctx.require(Roles::PROXY)?;
    let mut tx = ctx.tx().await?;
    let meeting = db::meeting(&mut tx, id)
        .await?
        .ok_or(E::NotFound(Missing::Meeting))?;
    let attendees = db::attendees(&mut tx, id).await?;
    let follow_ups = db::follow_ups(&mut tx, Some(id), None, None, false).await?;
    Ok(MeetingView {
        meeting,
        attendees,
        follow_ups,
    })
}

/// Decisions residents read: those concerning a courtyard (any member).
pub async fn courtyard_decisions(ctx: &CommunityCtx, courtyard: Uuid) -> AppResult<Vec<FollowUp>> {
    ctx.require(Roles::MEMBERS)?;
    let mut tx = ctx.tx().await?;
    Ok(db::follow_ups(&mut tx, None, Some(courtyard), None, false).await?)
}

/// The follow-ups the caller owns, open ones or all.
pub async fn my_follow_ups(ctx: &CommunityCtx, open_only: bool) -> AppResult<Vec<FollowUp>> {
    ctx.require(Roles::ANYONE)?;
    let mut tx = ctx.tx().await?;
    let me = Some(ctx.access().account_id);
    Ok(db::follow_ups(&mut tx, None, None, me, open_only).await?)
}

/// Its owner (or staff) closes a follow-up: done, or dropped with a reason. Once.
pub async fn close(
    ctx: &CommunityCtx,
    id: Uuid,
    done: bool,
    reason: Option<&str>,
) -> AppResult<FollowUp> {
    ctx.require(Roles::ANYONE)?;
    let reason = if done {
        None
    } else {
        Some(infra::input::text(
            reason.unwrap_or(""),
            1,
            200,
            "撤销理由",
            "The reason",
        )?)
    };
    let me = ctx.access().account_id;
    let mut tx = ctx.tx().await?;
    let f = db::follow_up(&mut tx, id)
        .await?
        .ok_or(E::NotFound(Missing::FollowUp))?;
    let owns = f.owner_kind != OwnerKind::Team && f.owner_id == me;
    if !owns && !ctx.is_staff() {
        return Err(E::NotOwner.into());
    }
    let status = if done {
        FollowUpStatus::Done
    } else {
        FollowUpStatus::Dropped
    };
    let closed = db::close(&mut tx, id, status, me, reason)
        .await
        .on_constraint("follow_ups_close_once", || E::AlreadyClosed)?
        .ok_or(E::AlreadyClosed)?;
    tx.commit().await?;
    Ok(closed)
}

/// A resident's suggestion raised at a meeting (意见建议) enters as a demand linked to it, in
/// one transaction (staff, grid workers); the demand's id. It goes to the meeting's courtyard
/// when that is a grid, else waits for staff to route it.
pub async fn raise_suggestion(
    ctx: &CommunityCtx,
    meeting: Uuid,
    suggestion: &str,
    category: &str,
) -> AppResult<Uuid> {
    ctx.require(Roles::PROXY)?;
    let mut tx = ctx.tx().await?;
    db::meeting(&mut tx, meeting)
        .await?
        .ok_or(E::NotFound(Missing::Meeting))?;
    let title: String = suggestion.trim().chars().take(100).collect();
    let demand =
        partners::api::demands::raise_in(&mut tx, ctx, &title, suggestion, category, None).await?;
    db::link_suggestion(&mut tx, meeting, demand).await?;
    tx.commit().await?;
    Ok(demand)
}

/// The demands raised at a meeting (staff, grid workers).
pub async fn suggestions(ctx: &CommunityCtx, meeting: Uuid) -> AppResult<Vec<Uuid>> {
    ctx.require(Roles::PROXY)?;
    let mut tx = ctx.tx().await?;
    Ok(db::suggestions(&mut tx, meeting).await?)
}

/// Staff set how often a kind of meeting must be held (每周一碰头: weekly, at least once).
pub async fn set_cadence_target(ctx: &CommunityCtx, t: CadenceTarget) -> AppResult<CadenceTarget> {
    ctx.require(Roles::STAFF)?;
    if !(1..=100).contains(&t.at_least) {
        return Err(E::BadCadence.into());
    }
    let mut tx = ctx.tx().await?;
    let t = db::set_target(&mut tx, &t, ctx.access().account_id).await?;
    tx.commit().await?;
    Ok(t)
}

/// The cadence targets set (staff, grid workers).
pub async fn cadence_targets(ctx: &CommunityCtx) -> AppResult<Vec<CadenceTarget>> {
    ctx.require(Roles::PROXY)?;
    let mut tx = ctx.tx().await?;
    Ok(db::targets(&mut tx).await?)
}

/// A kind's target with its periods from `from` to `to` (at most ten years) and how many met
/// it (staff, grid workers); `None` when the kind has no target.
pub async fn cadence(
    ctx: &CommunityCtx,
    kind: MeetingKind,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<Option<(CadenceTarget, Vec<CadencePeriod>, i32)>> {
    ctx.require(Roles::PROXY)?;
    if to < from || (to - from).num_days() > 3660 {
        return Err(E::BadCadence.into());
    }
    let mut tx = ctx.tx().await?;
    let Some(target) = db::targets(&mut tx)
        .await?
        .into_iter()
        .find(|t| t.kind == kind)
    else {
        return Ok(None);
    };
    let periods = db::periods(&mut tx, kind, target.per, from, to).await?;
    let met = periods.iter().filter(|p| p.held >= target.at_least).count() as i32;
    Ok(Some((target, periods, met)))
}

/// The figures the triggers keep, recounted for a rebuild.
pub async fn figures(conn: &mut sqlx::PgConnection) -> AppResult<Vec<(String, NaiveDate, i64)>> {
    Ok(db::figures(conn).await?)
}
