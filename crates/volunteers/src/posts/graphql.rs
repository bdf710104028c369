//! The GraphQL face of posts and shifts.

use super::model;
use async_graphql::{Context, ID, InputObject, Object};
use chrono::{DateTime, Utc};
use infra::graphql::parse_id as uuid;
use tenancy::graphql::community;

use super::service;
use infra::graphql::Res;

#[derive(InputObject)]
pub struct VolunteerShiftInput {
    post_id: ID,
    starts_at: DateTime<Utc>,
    minutes: i32,
    place: String,
    space_id: Option<ID>,
    needed: i32,
    leader_id: Option<ID>,
}

#[derive(Default)]
pub struct VolunteerPostsQuery;

#[Object]
impl VolunteerPostsQuery {
    /// Kinds of volunteer posts in the community (岗位类型).
    async fn volunteer_post_types(&self, ctx: &Context<'_>) -> Res<Vec<model::PostType>> {
        let rows = service::post_types(community(ctx)?).await?;
        Ok(rows.into_iter().collect())
    }

    /// The community's volunteer posts.
    async fn volunteer_posts(&self, ctx: &Context<'_>) -> Res<Vec<model::Post>> {
        let rows = service::posts(community(ctx)?).await?;
        Ok(rows.into_iter().collect())
    }

    /// Shifts starting within `days` days of `from`.
    async fn volunteer_shifts(
        &self,
        ctx: &Context<'_>,
        from: DateTime<Utc>,
        #[graphql(default = 7)] days: i64,
    ) -> Res<Vec<model::Shift>> {
        let rows = service::shifts(community(ctx)?, from, days).await?;
        Ok(rows.into_iter().collect())
    }

    /// The shifts starting from `from` on in which I hold a place.
    async fn my_shift_ids(&self, ctx: &Context<'_>, from: DateTime<Utc>) -> Res<Vec<ID>> {
        let rows = service::my_shifts(community(ctx)?, from).await?;
        Ok(rows.into_iter().map(infra::graphql::id).collect())
    }

    /// People served (服务人次) over `days` days from `from`, by day and post (staff).
    async fn volunteer_people_served(
        &self,
        ctx: &Context<'_>,
        from: infra::graphql::Date,
        #[graphql(default = 31)] days: i64,
    ) -> Res<Vec<model::PeopleServed>> {
        Ok(service::people_served(community(ctx)?, from.0, days).await?)
    }
}

#[derive(Default)]
pub struct VolunteerPostsMutation;

#[Object]
impl VolunteerPostsMutation {
    /// Count the people a post's volunteers served on a day (staff); a second count of the
    /// same post and day replaces the first.
    async fn record_people_served(
        &self,
        ctx: &Context<'_>,
        post_id: ID,
        served_on: infra::graphql::Date,
        people: i32,
    ) -> Res<model::PeopleServed> {
        Ok(
            service::record_people_served(community(ctx)?, uuid(&post_id)?, served_on.0, people)
                .await?,
        )
    }

    /// Add a kind of post (staff).
    async fn create_volunteer_post_type(
        &self,
        ctx: &Context<'_>,
        code: String,
        name: String,
    ) -> Res<model::PostType> {
        Ok(service::create_post_type(community(ctx)?, &code, &name).await?)
    }

    /// Add a post with its points rule (staff).
    async fn create_volunteer_post(
        &self,
        ctx: &Context<'_>,
        type_code: String,
        title: String,
        #[graphql(default)] description: String,
        points_per_hour: i32,
    ) -> Res<model::Post> {
        Ok(service::create_post(
            community(ctx)?,
            &type_code,
            &title,
            &description,
            points_per_hour,
        )
        .await?)
    }

    /// Add a shift to a post (staff).
    async fn add_volunteer_shift(
        &self,
        ctx: &Context<'_>,
        input: VolunteerShiftInput,
    ) -> Res<model::Shift> {
        let s = service::ShiftInput {
            post_id: uuid(&input.post_id)?,
            starts_at: input.starts_at,
            minutes: input.minutes,
            place: input.place,
            space_id: input.space_id.as_ref().map(uuid).transpose()?,
            needed: input.needed,
            leader_id: input.leader_id.as_ref().map(uuid).transpose()?,
        };
        Ok(service::add_shift(community(ctx)?, s).await?)
    }

    /// Sign up for a shift (an active volunteer); never past the places needed.
    async fn sign_up_for_shift(&self, ctx: &Context<'_>, shift_id: ID) -> Res<model::Shift> {
        Ok(service::sign_up(community(ctx)?, uuid(&shift_id)?).await?)
    }

    /// Withdraw from a shift that has not started.
    async fn withdraw_from_shift(&self, ctx: &Context<'_>, shift_id: ID) -> Res<model::Shift> {
        Ok(service::withdraw(community(ctx)?, uuid(&shift_id)?).await?)
    }
}
