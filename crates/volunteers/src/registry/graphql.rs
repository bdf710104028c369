//! The GraphQL face of the volunteer registry.

use async_graphql::{Context, Enum, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};
use infra::graphql::{Date, parse_id as uuid};
use tenancy::graphql::community;

use super::model;
use super::service::{self as svc, Registration};
use crate::error::VolunteersError;
use infra::graphql::{Res, id};

#[derive(Enum, Copy, Clone, Eq, PartialEq)]
#[graphql(name = "VolunteerStatus", remote = "super::model::VolunteerStatus")]
pub enum VolunteerStatusGql {
    Applicant,
    Active,
    Inactive,
}

#[derive(SimpleObject)]
#[graphql(name = "Volunteer")]
pub struct VolunteerGql {
    id: ID,
    account_id: ID,
    name: String,
    status: VolunteerStatusGql,
    skills: Vec<String>,
    /// 双报到
    party_member: bool,
    team_id: Option<ID>,
    created_at: DateTime<Utc>,
}

impl From<model::Volunteer> for VolunteerGql {
    fn from(v: model::Volunteer) -> Self {
        VolunteerGql {
            id: id(v.id),
            account_id: id(v.account_id),
            name: v.name,
            status: v.status.into(),
            skills: v.skills,
            party_member: v.party_member,
            team_id: v.team_id.map(id),
            created_at: v.created_at,
        }
    }
}

#[derive(SimpleObject)]
#[graphql(name = "VolunteerTraining")]
pub struct TrainingGql {
    id: ID,
    title: String,
    held_on: Date,
    hours: String,
}

impl From<model::Training> for TrainingGql {
    fn from(t: model::Training) -> Self {
        TrainingGql {
            id: id(t.id),
            title: t.title,
            held_on: t.held_on.into(),
            hours: t.hours,
        }
    }
}

#[derive(SimpleObject)]
#[graphql(name = "MyVolunteering")]
pub struct MeGql {
    volunteer: VolunteerGql,
    trainings: Vec<TrainingGql>,
}

#[derive(Default)]
pub struct VolunteerRegistryQuery;

#[Object]
impl VolunteerRegistryQuery {
    /// The caller as a volunteer (none until registered).
    async fn my_volunteering(&self, ctx: &Context<'_>) -> Res<Option<MeGql>> {
        Ok(svc::me(community(ctx)?).await?.map(|(v, t)| MeGql {
            volunteer: v.into(),
            trainings: t.into_iter().map(Into::into).collect(),
        }))
    }

    /// Volunteers, by status (staff and grid workers).
    async fn volunteers(
        &self,
        ctx: &Context<'_>,
        status: Option<VolunteerStatusGql>,
    ) -> Res<Vec<VolunteerGql>> {
        let rows = svc::volunteers(community(ctx)?, status.map(Into::into)).await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }
}

#[derive(Default)]
pub struct VolunteerRegistryMutation;

#[Object]
impl VolunteerRegistryMutation {
    /// Register as a volunteer (an applicant until staff accept); staff and grid workers may
    /// register someone else (`personId` and `name`, 代办).
    async fn register_volunteer(
        &self,
        ctx: &Context<'_>,
        person_id: Option<ID>,
        name: Option<String>,
        #[graphql(default)] skills: Vec<String>,
        #[graphql(default)] party_member: bool,
    ) -> Res<VolunteerGql> {
        let person = match (person_id, name) {
            (Some(p), Some(n)) => Some((uuid(&p)?, n)),
            (None, None) => None,
            _ => {
                return Err(
                    infra::AppError::from(VolunteersError::RegisteringNeedsIdAndName).into(),
                );
            }
        };
        let r = Registration {
            person,
            skills,
            party_member,
            // A partner team's members join through the partners crate, which checks the team.
            team_id: None,
        };
        Ok(svc::register(community(ctx)?, r).await?.into())
    }

    /// Accept (ACTIVE), deactivate (INACTIVE) or reactivate a volunteer (staff).
    async fn set_volunteer_status(
        &self,
        ctx: &Context<'_>,
        volunteer_id: ID,
        status: VolunteerStatusGql,
    ) -> Res<VolunteerGql> {
        Ok(
            svc::set_status(community(ctx)?, uuid(&volunteer_id)?, status.into())
                .await?
                .into(),
        )
    }

    /// Record a training a volunteer attended (staff).
    async fn add_volunteer_training(
        &self,
        ctx: &Context<'_>,
        volunteer_id: ID,
        title: String,
        held_on: Date,
        hours: f64,
    ) -> Res<TrainingGql> {
        Ok(svc::add_training(
            community(ctx)?,
            uuid(&volunteer_id)?,
            &title,
            held_on.0,
            hours,
        )
        .await?
        .into())
    }
}
