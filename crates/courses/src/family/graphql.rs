//! The GraphQL face of family help (家人代办): types and resolvers, nothing else.

use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};

use super::model::{FamilyHelp, FamilyHelpStatus};
use super::service as svc;
use crate::graphql::*;

/// A family member and a resident they act for, or ask to (家人代办).
#[derive(SimpleObject)]
#[graphql(name = "FamilyHelp")]
pub struct FamilyHelpGql {
    id: ID,
    /// The resident's learner id: `learnerId` of an enrolment or a check-in made for them.
    learner_id: ID,
    learner_name: String,
    /// The resident's account, when they have one (to pass points to).
    learner_account_id: Option<ID>,
    helper_account_id: ID,
    helper_name: String,
    /// 儿子, 女儿 … as the family member said.
    relation: String,
    status: FamilyHelpStatus,
    requested_at: DateTime<Utc>,
    /// The resident agreed (or declined) before staff or a grid worker, not in the app.
    in_person: Option<bool>,
    answered_at: Option<DateTime<Utc>>,
    ended_at: Option<DateTime<Utc>>,
}

impl From<FamilyHelp> for FamilyHelpGql {
    fn from(f: FamilyHelp) -> Self {
        FamilyHelpGql {
            id: id(f.id),
            learner_id: id(f.learner_id),
            learner_name: f.learner_name,
            learner_account_id: f.learner_account_id.map(id),
            helper_account_id: id(f.helper_account_id),
            helper_name: f.helper_name,
            relation: f.relation,
            status: f.status,
            requested_at: f.requested_at,
            in_person: f.in_person,
            answered_at: f.answered_at,
            ended_at: f.ended_at,
        }
    }
}

fn views(rows: Vec<FamilyHelp>) -> Vec<FamilyHelpGql> {
    rows.into_iter().map(Into::into).collect()
}

#[derive(Default)]
pub struct FamilyQuery;

#[Object]
impl FamilyQuery {
    /// My family help, both ways: whom I may act for, who may act for me, requests waiting.
    async fn my_family_help(&self, ctx: &Context<'_>) -> Res<Vec<FamilyHelpGql>> {
        Ok(views(svc::my_family_help(community(ctx)?).await?))
    }

    /// Requests waiting for the resident's answer (staff, who record consent given in person).
    async fn family_help_waiting(&self, ctx: &Context<'_>) -> Res<Vec<FamilyHelpGql>> {
        Ok(views(svc::family_help_waiting(community(ctx)?).await?))
    }
}

#[derive(Default)]
pub struct FamilyMutation;

#[Object]
impl FamilyMutation {
    /// Ask to act for a family member (家人代办) — an elderly parent, say — named by the name
    /// and phone number the community's registry holds. They agree in the app, or in person
    /// before staff or their grid worker. A few tries an hour.
    async fn ask_family_help(
        &self,
        ctx: &Context<'_>,
        name: String,
        phone: String,
        relation: String,
    ) -> Res<FamilyHelpGql> {
        let t = ctx.data::<tenancy::Tenancy>()?;
        Ok(
            svc::ask_family_help(t, community(ctx)?, &name, &phone, &relation)
                .await?
                .into(),
        )
    }

    /// The resident answers a family member's request: agree, or say no.
    async fn answer_family_help(
        &self,
        ctx: &Context<'_>,
        family_help_id: ID,
        agree: bool,
    ) -> Res<FamilyHelpGql> {
        Ok(
            svc::answer_family_help(community(ctx)?, uuid(&family_help_id)?, agree)
                .await?
                .into(),
        )
    }

    /// Record that the resident agreed in person (staff; a grid worker for their grids).
    async fn record_family_consent(
        &self,
        ctx: &Context<'_>,
        family_help_id: ID,
    ) -> Res<FamilyHelpGql> {
        Ok(
            svc::record_family_consent(community(ctx)?, uuid(&family_help_id)?)
                .await?
                .into(),
        )
    }

    /// End family help, or withdraw a request: the resident, the family member, or staff.
    async fn end_family_help(&self, ctx: &Context<'_>, family_help_id: ID) -> Res<FamilyHelpGql> {
        Ok(
            svc::end_family_help(community(ctx)?, uuid(&family_help_id)?)
                .await?
                .into(),
        )
    }
}
