//! The GraphQL face of meetings and follow-ups.

use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use infra::graphql::{Date, Res, parse_id as uuid};
use tenancy::graphql::community;

use super::model::{self, Attendees, CadencePer, CadenceTarget, MeetingKind, OwnerKind};
use super::service::{self as svc, DecisionInput, MeetingInput, MeetingView};

/// A meeting with who came and the follow-ups of its decisions.
#[derive(SimpleObject)]
#[graphql(name = "MeetingRecord")]
pub struct MeetingRecordGql {
    meeting: model::Meeting,
    attendees: Vec<Attendees>,
    follow_ups: Vec<model::FollowUp>,
}

impl From<MeetingView> for MeetingRecordGql {
    fn from(v: MeetingView) -> Self {
        MeetingRecordGql {
            meeting: v.meeting,
            attendees: v.attendees,
            follow_ups: v.follow_ups,
        }
    }
}

/// A decision, which becomes a follow-up with an owner and a due date.
#[derive(InputObject)]
pub struct DecisionInputGql {
    decision: String,
    owner_kind: OwnerKind,
    /// The owner's account (staff, grid worker) or the partner team.
    owner_id: ID,
    owner_name: String,
    /// The courtyard it concerns (its residents read it).
    courtyard_id: Option<ID>,
    due_on: Date,
}

impl DecisionInputGql {
    fn into_input(self) -> infra::AppResult<DecisionInput> {
        Ok(DecisionInput {
            decision: self.decision,
            owner_kind: self.owner_kind,
            owner_id: uuid(&self.owner_id)?,
            owner_name: self.owner_name,
            courtyard_id: self.courtyard_id.as_ref().map(uuid).transpose()?,
            due_on: self.due_on.0,
        })
    }
}

/// A meeting to record.
#[derive(InputObject)]
pub struct RecordMeetingInput {
    kind: MeetingKind,
    title: String,
    held_at: DateTime<Utc>,
    place: String,
    courtyard_id: Option<ID>,
    #[graphql(default)]
    attendees: Vec<Attendees>,
    topics: Vec<String>,
    #[graphql(default)]
    minutes: String,
    #[graphql(default)]
    decisions: Vec<DecisionInputGql>,
}

/// A kind of meeting's cadence over a span: each period and how many met the target.
#[derive(SimpleObject)]
#[graphql(name = "MeetingCadence")]
pub struct CadenceGql {
    target: CadenceTarget,
    periods: Vec<model::CadencePeriod>,
    met: i32,
}

#[derive(Default)]
pub struct MeetingsQuery;

#[Object]
impl MeetingsQuery {
    /// Meetings, newest first (staff, grid workers).
    async fn meetings(
        &self,
        ctx: &Context<'_>,
        kind: Option<MeetingKind>,
        #[graphql(default = 100)] first: i32,
    ) -> Res<Vec<model::Meeting>> {
        Ok(svc::meetings(community(ctx)?, kind, first).await?)
    }

    /// One meeting with its attendees and follow-ups (staff, grid workers).
    async fn meeting(&self, ctx: &Context<'_>, id: ID) -> Res<MeetingRecordGql> {
        Ok(svc::meeting(community(ctx)?, uuid(&id)?).await?.into())
    }

    /// Decisions concerning a courtyard, as its residents read them.
    async fn courtyard_decisions(
        &self,
        ctx: &Context<'_>,
        courtyard_id: ID,
    ) -> Res<Vec<model::FollowUp>> {
        Ok(svc::courtyard_decisions(community(ctx)?, uuid(&courtyard_id)?).await?)
    }

    /// The demands raised at a meeting (its residents' suggestions).
    async fn meeting_suggestions(&self, ctx: &Context<'_>, meeting_id: ID) -> Res<Vec<ID>> {
        let ids = svc::suggestions(community(ctx)?, uuid(&meeting_id)?).await?;
        Ok(ids.into_iter().map(infra::graphql::id).collect())
    }

    /// The meeting cadence targets set (staff, grid workers).
    async fn meeting_cadence_targets(&self, ctx: &Context<'_>) -> Res<Vec<CadenceTarget>> {
        Ok(svc::cadence_targets(community(ctx)?).await?)
    }

    /// A kind of meeting against its cadence target from `from` to `to` (每周碰头 held 50 of 52
    /// weeks); null when the kind has no target.
    async fn meeting_cadence(
        &self,
        ctx: &Context<'_>,
        kind: MeetingKind,
        from: Date,
        to: Date,
    ) -> Res<Option<CadenceGql>> {
        Ok(svc::cadence(community(ctx)?, kind, from.0, to.0)
            .await?
            .map(|(target, periods, met)| CadenceGql {
                target,
                periods,
                met,
            }))
    }

    /// The follow-ups I own.
    async fn my_follow_ups(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = true)] open_only: bool,
    ) -> Res<Vec<model::FollowUp>> {
        Ok(svc::my_follow_ups(community(ctx)?, open_only).await?)
    }
}

#[derive(Default)]
pub struct MeetingsMutation;

#[Object]
impl MeetingsMutation {
    /// Record a meeting with its attendees, topics, minutes and decisions (staff, grid workers).
    async fn record_meeting(
        &self,
        ctx: &Context<'_>,
        input: RecordMeetingInput,
    ) -> Res<MeetingRecordGql> {
        let decisions = input
            .decisions
            .into_iter()
            .map(DecisionInputGql::into_input)
            .collect::<infra::AppResult<Vec<_>>>()?;
        let m = MeetingInput {
            kind: input.kind,
            title: input.title,
            held_at: input.held_at,
            place: input.place,
            courtyard_id: input.courtyard_id.as_ref().map(uuid).transpose()?,
            attendees: input.attendees,
            topics: input.topics,
            minutes: input.minutes,
            decisions,
        };
        Ok(svc::record(community(ctx)?, m).await?.into())
    }

    /// A later decision on a recorded meeting (staff, grid workers).
    async fn add_follow_up(
        &self,
        ctx: &Context<'_>,
        meeting_id: ID,
        decision: DecisionInputGql,
    ) -> Res<model::FollowUp> {
        Ok(svc::add_follow_up(community(ctx)?, uuid(&meeting_id)?, decision.into_input()?).await?)
    }

    /// Enter a resident's suggestion raised at the meeting (意见建议) as a demand linked to it
    /// (staff, grid workers); the demand's id.
    async fn raise_meeting_suggestion(
        &self,
        ctx: &Context<'_>,
        meeting_id: ID,
        suggestion: String,
        category: String,
    ) -> Res<ID> {
        let d = svc::raise_suggestion(community(ctx)?, uuid(&meeting_id)?, &suggestion, &category)
            .await?;
        Ok(infra::graphql::id(d))
    }

    /// Set how often a kind of meeting must be held (staff): each week, month, quarter or
    /// year, at least so many times.
    async fn set_meeting_cadence_target(
        &self,
        ctx: &Context<'_>,
        kind: MeetingKind,
        per: CadencePer,
        at_least: i32,
    ) -> Res<CadenceTarget> {
        let t = CadenceTarget {
            kind,
            per,
            at_least,
        };
        Ok(svc::set_cadence_target(community(ctx)?, t).await?)
    }

    /// Close a follow-up (its owner, or staff): done, or dropped with a reason. Once.
    async fn close_follow_up(
        &self,
        ctx: &Context<'_>,
        id: ID,
        done: bool,
        reason: Option<String>,
    ) -> Res<model::FollowUp> {
        Ok(svc::close(community(ctx)?, uuid(&id)?, done, reason.as_deref()).await?)
    }
}
