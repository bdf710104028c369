//! The GraphQL face of the volunteer registry.

use super::model;
use crate::registry::model::VolunteerStatus;
use async_graphql::{Context, ID, Object, SimpleObject};
use infra::graphql::{Date, parse_id as uuid};
use tenancy::graphql::community;

use super::service::{self as svc, Registration};
use crate::error::VolunteersError;
use infra::graphql::Res;

#[derive(SimpleObject)]
#[graphql(name = "MyVolunteering")]
pub struct MeGql {
    volunteer: model::Volunteer,
    trainings: Vec<model::Training>,
}

#[derive(Default)]
pub struct VolunteerRegistryQuery;

#[Object]
impl VolunteerRegistryQuery {
    /// The caller as a volunteer (none until registered).
    async fn my_volunteering(&self, ctx: &Context<'_>) -> Res<Option<MeGql>> {
        Ok(svc::me(community(ctx)?).await?.map(|(v, t)| MeGql {
            volunteer: v,
            trainings: t.into_iter().collect(),
        }))
    }

    /// The verified hours each star level (一星 … 五星) asks.
    async fn volunteer_star_thresholds(&self, ctx: &Context<'_>) -> Res<Vec<i32>> {
        Ok(svc::star_thresholds(community(ctx)?).await?)
    }

    /// Volunteers, by status (staff and grid workers).
    async fn volunteers(
        &self,
        ctx: &Context<'_>,
        status: Option<VolunteerStatus>,
    ) -> Res<Vec<model::Volunteer>> {
        let rows = svc::volunteers(community(ctx)?, status).await?;
        Ok(rows.into_iter().collect())
    }

    /// One volunteer's trainings, oldest first (staff and grid workers).
    async fn volunteer_trainings(
        &self,
        ctx: &Context<'_>,
        volunteer_id: ID,
    ) -> Res<Vec<model::Training>> {
        Ok(svc::trainings_of(community(ctx)?, uuid(&volunteer_id)?).await?)
    }
}

#[derive(Default)]
pub struct VolunteerRegistryMutation;

#[Object]
impl VolunteerRegistryMutation {
    /// Set the hours of the five star levels, rising (staff); every volunteer's level is
    /// recomputed at once.
    async fn set_volunteer_star_thresholds(
        &self,
        ctx: &Context<'_>,
        hours: Vec<i32>,
    ) -> Res<Vec<i32>> {
        Ok(svc::set_star_thresholds(community(ctx)?, &hours).await?)
    }

    /// Register as a volunteer (an applicant until staff accept); staff and grid workers may
    /// register someone else (`personId` and `name`, 代办).
    async fn register_volunteer(
        &self,
        ctx: &Context<'_>,
        person_id: Option<ID>,
        name: Option<String>,
        #[graphql(default)] skills: Vec<String>,
        #[graphql(default)] party_member: bool,
    ) -> Res<model::Volunteer> {
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
        Ok(svc::register(community(ctx)?, r).await?)
    }

    /// Accept (ACTIVE), deactivate (INACTIVE) or reactivate a volunteer (staff).
    async fn set_volunteer_status(
        &self,
        ctx: &Context<'_>,
        volunteer_id: ID,
        status: VolunteerStatus,
    ) -> Res<model::Volunteer> {
        Ok(svc::set_status(community(ctx)?, uuid(&volunteer_id)?, status).await?)
    }

    /// Record a training a volunteer attended (staff).
    async fn add_volunteer_training(
        &self,
        ctx: &Context<'_>,
        volunteer_id: ID,
        title: String,
        held_on: Date,
        hours: f64,
    ) -> Res<model::Training> {
        Ok(svc::add_training(
            community(ctx)?,
            uuid(&volunteer_id)?,
            &title,
            held_on.0,
            hours,
        )
        .await?)
    }
}
