//! The GraphQL face of co-building agreements.

use crate::agreements::model::ActivityKind;
use crate::agreements::model::CommitmentKind;
use crate::agreements::model::Per;
use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use infra::graphql::{Date, parse_id as uuid};
use tenancy::graphql::{community, tenancy};

use super::model;
use super::service::{self as svc, AgreementInput};
use infra::graphql::{Res, id};

#[derive(SimpleObject, InputObject)]
#[graphql(name = "Commitment", input_name = "CommitmentInput")]
pub struct CommitmentGql {
    kind: CommitmentKind,
    per: Per,
    count: i32,
}

#[derive(SimpleObject)]
#[graphql(name = "AgreementActivity")]
pub struct ActivityGql {
    id: ID,
    kind: ActivityKind,
    reference: Option<ID>,
    title: String,
    held_on: Date,
    /// Voided by staff: kept, not counted as delivered.
    voided: bool,
    void_reason: Option<String>,
}

impl From<model::Activity> for ActivityGql {
    fn from(a: model::Activity) -> Self {
        ActivityGql {
            id: id(a.id),
            kind: a.kind,
            reference: a.reference.map(id),
            title: a.title,
            held_on: a.held_on.into(),
            voided: a.voided_at.is_some(),
            void_reason: a.void_reason,
        }
    }
}

/// One period of a commitment: promised against held.
#[derive(SimpleObject)]
#[graphql(name = "CommitmentDelivery")]
pub struct DeliveryGql {
    kind: CommitmentKind,
    per: Per,
    from: Date,
    to: Date,
    committed: i32,
    held: i32,
}

/// 联建协议
#[derive(SimpleObject)]
#[graphql(name = "Agreement")]
pub struct AgreementGql {
    id: ID,
    organisation_id: ID,
    organisation_name: String,
    team_id: Option<ID>,
    team_name: Option<String>,
    title: String,
    starts_on: Date,
    ends_on: Date,
    commitments: Vec<CommitmentGql>,
    activities: Vec<ActivityGql>,
    delivery: Vec<DeliveryGql>,
}

impl From<svc::AgreementView> for AgreementGql {
    fn from(v: svc::AgreementView) -> Self {
        let a = v.agreement;
        AgreementGql {
            id: id(a.id),
            organisation_id: id(a.organisation_id),
            organisation_name: a.organisation_name,
            team_id: a.team_id.map(id),
            team_name: a.team_name,
            title: a.title,
            starts_on: a.starts_on.into(),
            ends_on: a.ends_on.into(),
            commitments: v
                .commitments
                .into_iter()
                .map(|c| CommitmentGql {
                    kind: c.kind,
                    per: c.per,
                    count: c.count,
                })
                .collect(),
            activities: v.activities.into_iter().map(Into::into).collect(),
            delivery: v
                .delivery
                .into_iter()
                .map(|d| DeliveryGql {
                    kind: d.kind,
                    per: d.per,
                    from: d.from.into(),
                    to: d.to.into(),
                    committed: d.committed,
                    held: d.held,
                })
                .collect(),
        }
    }
}

#[derive(InputObject)]
pub struct AgreementInputGql {
    organisation_id: ID,
    team_id: Option<ID>,
    title: String,
    starts_on: Date,
    ends_on: Date,
    commitments: Vec<CommitmentGql>,
}

#[derive(Default)]
pub struct AgreementsQuery;

#[Object]
impl AgreementsQuery {
    /// Co-building agreements with commitments against delivery: all (staff), or one's own
    /// organisation's (its people).
    async fn agreements(&self, ctx: &Context<'_>) -> Res<Vec<AgreementGql>> {
        let rows = svc::agreements(tenancy(ctx), community(ctx)?).await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }
}

#[derive(Default)]
pub struct AgreementsMutation;

#[Object]
impl AgreementsMutation {
    /// Sign an agreement with an approved partner (staff).
    async fn sign_agreement(&self, ctx: &Context<'_>, input: AgreementInputGql) -> Res<ID> {
        let a = AgreementInput {
            organisation_id: uuid(&input.organisation_id)?,
            team_id: input.team_id.as_ref().map(uuid).transpose()?,
            title: input.title,
            starts_on: input.starts_on.0,
            ends_on: input.ends_on.0,
            commitments: input
                .commitments
                .iter()
                .map(|c| (c.kind, c.per, c.count))
                .collect(),
        };
        Ok(id(svc::sign(tenancy(ctx), community(ctx)?, a).await?.id))
    }

    /// Record an activity held under an agreement: staff, or the organisation's people.
    async fn record_agreement_activity(
        &self,
        ctx: &Context<'_>,
        agreement_id: ID,
        kind: ActivityKind,
        reference: Option<ID>,
        title: String,
        held_on: Date,
    ) -> Res<ActivityGql> {
        let a = svc::record_activity(
            tenancy(ctx),
            community(ctx)?,
            uuid(&agreement_id)?,
            kind,
            reference.as_ref().map(uuid).transpose()?,
            &title,
            held_on.0,
        )
        .await?;
        Ok(a.into())
    }

    /// Void an activity recorded under an agreement, with the reason (staff): it is kept,
    /// marked, and no longer counted.
    async fn void_agreement_activity(
        &self,
        ctx: &Context<'_>,
        activity_id: ID,
        reason: String,
    ) -> Res<ActivityGql> {
        let a = svc::void_activity(community(ctx)?, uuid(&activity_id)?, &reason).await?;
        Ok(a.into())
    }
}
