//! The GraphQL face of micro-venture calls.

use crate::ventures::model::CallStatus;
use async_graphql::{Context, ID, InputObject, Object, SimpleObject, Upload};
use chrono::{DateTime, Utc};
use infra::graphql::{Date, parse_id as uuid, read_upload};
use tenancy::graphql::{community, tenancy};

use super::model;
use super::service::{self as svc, ProposalInput};
use infra::graphql::{Res, id};

#[derive(SimpleObject)]
#[graphql(name = "VentureProposal")]
pub struct ProposalGql {
    id: ID,
    team_id: ID,
    team_name: String,
    title: String,
    plan: String,
    budget_yuan: i32,
    submitted_at: DateTime<Utc>,
    mean_score: Option<f64>,
    reviews: i64,
}

#[derive(SimpleObject)]
#[graphql(name = "VentureReview")]
pub struct ReviewGql {
    proposal_id: ID,
    reviewer: ID,
    score: i32,
    comment: String,
}

#[derive(SimpleObject)]
#[graphql(name = "VentureMilestone")]
pub struct MilestoneGql {
    id: ID,
    title: String,
    due_on: Date,
    done_at: Option<DateTime<Utc>>,
    note: Option<String>,
    /// A link to the photo of the work, valid for 15 minutes.
    photo_url: Option<String>,
}

impl MilestoneGql {
    fn new(m: model::Milestone, photo_url: Option<String>) -> Self {
        MilestoneGql {
            id: id(m.id),
            title: m.title,
            due_on: m.due_on.into(),
            done_at: m.done_at,
            note: m.note,
            photo_url,
        }
    }
}

/// 微创投: a call, its proposals (all for staff, one's own for partners), reviews (staff),
/// and the awarded project with its milestones.
#[derive(SimpleObject)]
#[graphql(name = "VentureCall")]
pub struct CallGql {
    id: ID,
    title: String,
    problem: String,
    budget_yuan: i32,
    deadline: Date,
    status: CallStatus,
    proposals: Vec<ProposalGql>,
    reviews: Vec<ReviewGql>,
    project: Option<model::Project>,
    milestones: Vec<MilestoneGql>,
}

impl From<svc::CallView> for CallGql {
    fn from(v: svc::CallView) -> Self {
        CallGql {
            id: id(v.call.id),
            title: v.call.title,
            problem: v.call.problem,
            budget_yuan: v.call.budget_yuan,
            deadline: v.call.deadline.into(),
            status: v.call.status,
            proposals: v
                .proposals
                .into_iter()
                .map(|p| ProposalGql {
                    id: id(p.id),
                    team_id: id(p.team_id),
                    team_name: p.team_name,
                    title: p.title,
                    plan: p.plan,
                    budget_yuan: p.budget_yuan,
                    submitted_at: p.submitted_at,
                    mean_score: p.mean_score,
                    reviews: p.reviews,
                })
                .collect(),
            reviews: v
                .reviews
                .into_iter()
                .map(|r| ReviewGql {
                    proposal_id: id(r.proposal_id),
                    reviewer: id(r.reviewer),
                    score: r.score,
                    comment: r.comment,
                })
                .collect(),
            project: v.project,
            milestones: v
                .milestones
                .into_iter()
                .map(|(m, url)| MilestoneGql::new(m, url))
                .collect(),
        }
    }
}

#[derive(InputObject)]
pub struct MilestoneInput {
    title: String,
    due_on: Date,
}

#[derive(Default)]
pub struct VenturesQuery;

#[Object]
impl VenturesQuery {
    /// Micro-venture calls (微创投) of the community.
    async fn venture_calls(&self, ctx: &Context<'_>) -> Res<Vec<CallGql>> {
        let rows = svc::calls(tenancy(ctx), community(ctx)?).await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }
}

#[derive(Default)]
pub struct VenturesMutation;

#[Object]
impl VenturesMutation {
    /// Post a governance problem with a budget and a deadline (staff).
    async fn post_venture_call(
        &self,
        ctx: &Context<'_>,
        title: String,
        problem: String,
        budget_yuan: i32,
        deadline: Date,
    ) -> Res<ID> {
        let c = svc::post_call(community(ctx)?, &title, &problem, budget_yuan, deadline.0).await?;
        Ok(id(c.id))
    }

    /// A partner team proposes (its leader or a member), once per call.
    async fn propose_venture(
        &self,
        ctx: &Context<'_>,
        call_id: ID,
        team_id: ID,
        title: String,
        plan: String,
        budget_yuan: i32,
    ) -> Res<ID> {
        let p = ProposalInput {
            call_id: uuid(&call_id)?,
            team_id: uuid(&team_id)?,
            title,
            plan,
            budget_yuan,
        };
        Ok(id(svc::propose(tenancy(ctx), community(ctx)?, p).await?))
    }

    /// Score a proposal 0–100 with a comment (staff).
    async fn review_venture_proposal(
        &self,
        ctx: &Context<'_>,
        proposal_id: ID,
        score: i32,
        comment: String,
    ) -> Res<bool> {
        svc::review(community(ctx)?, uuid(&proposal_id)?, score, &comment).await?;
        Ok(true)
    }

    /// Award the call to a proposal, with the project's milestones (staff).
    async fn award_venture(
        &self,
        ctx: &Context<'_>,
        proposal_id: ID,
        milestones: Vec<MilestoneInput>,
    ) -> Res<model::Project> {
        let m: Vec<_> = milestones
            .into_iter()
            .map(|m| (m.title, m.due_on.0))
            .collect();
        Ok(svc::award(community(ctx)?, uuid(&proposal_id)?, &m).await?)
    }

    /// Mark a milestone done with a note and a photo (the project's team or staff).
    async fn complete_venture_milestone(
        &self,
        ctx: &Context<'_>,
        milestone_id: ID,
        note: Option<String>,
        photo: Option<Upload>,
    ) -> Res<MilestoneGql> {
        let bytes = photo
            .map(|p| read_upload(ctx, p, infra::photos::MAX_BYTES))
            .transpose()?;
        let m = svc::complete_milestone(
            tenancy(ctx),
            community(ctx)?,
            uuid(&milestone_id)?,
            note.as_deref(),
            bytes,
        )
        .await?;
        Ok(MilestoneGql::new(m, None))
    }

    /// Close the project with its report once every milestone is done.
    async fn close_venture_project(
        &self,
        ctx: &Context<'_>,
        project_id: ID,
        report: String,
    ) -> Res<model::Project> {
        Ok(svc::close_project(tenancy(ctx), community(ctx)?, uuid(&project_id)?, &report).await?)
    }
}
