//! The GraphQL face of posts and shifts.

use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use infra::graphql::parse_id as uuid;
use tenancy::graphql::community;

use super::{model, service};
use infra::graphql::{Res, id};

#[derive(SimpleObject)]
#[graphql(name = "VolunteerPostType")]
pub struct PostTypeGql {
    code: String,
    name: String,
}

impl From<model::PostType> for PostTypeGql {
    fn from(p: model::PostType) -> Self {
        PostTypeGql {
            code: p.code,
            name: p.name,
        }
    }
}

#[derive(SimpleObject)]
#[graphql(name = "VolunteerPost")]
pub struct PostGql {
    id: ID,
    type_code: String,
    title: String,
    description: String,
    /// Points for each verified hour.
    points_per_hour: i32,
}

impl From<model::Post> for PostGql {
    fn from(p: model::Post) -> Self {
        PostGql {
            id: id(p.id),
            type_code: p.type_code,
            title: p.title,
            description: p.description,
            points_per_hour: p.points_per_hour,
        }
    }
}

#[derive(SimpleObject)]
#[graphql(name = "VolunteerShift")]
pub struct ShiftGql {
    id: ID,
    post_id: ID,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    place: String,
    space_id: Option<ID>,
    needed: i32,
    signed_up: i32,
    leader_id: Option<ID>,
}

impl From<model::Shift> for ShiftGql {
    fn from(s: model::Shift) -> Self {
        ShiftGql {
            id: id(s.id),
            post_id: id(s.post_id),
            starts_at: s.starts_at,
            ends_at: s.ends_at,
            place: s.place,
            space_id: s.space_id.map(id),
            needed: s.needed,
            signed_up: s.signed_up,
            leader_id: s.leader_id.map(id),
        }
    }
}

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
    async fn volunteer_post_types(&self, ctx: &Context<'_>) -> Res<Vec<PostTypeGql>> {
        let rows = service::post_types(community(ctx)?).await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// The community's volunteer posts.
    async fn volunteer_posts(&self, ctx: &Context<'_>) -> Res<Vec<PostGql>> {
        let rows = service::posts(community(ctx)?).await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// Shifts starting within `days` days of `from`.
    async fn volunteer_shifts(
        &self,
        ctx: &Context<'_>,
        from: DateTime<Utc>,
        #[graphql(default = 7)] days: i64,
    ) -> Res<Vec<ShiftGql>> {
        let rows = service::shifts(community(ctx)?, from, days).await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }
}

#[derive(Default)]
pub struct VolunteerPostsMutation;

#[Object]
impl VolunteerPostsMutation {
    /// Add a kind of post (staff).
    async fn create_volunteer_post_type(
        &self,
        ctx: &Context<'_>,
        code: String,
        name: String,
    ) -> Res<PostTypeGql> {
        Ok(service::create_post_type(community(ctx)?, &code, &name)
            .await?
            .into())
    }

    /// Add a post with its points rule (staff).
    async fn create_volunteer_post(
        &self,
        ctx: &Context<'_>,
        type_code: String,
        title: String,
        #[graphql(default)] description: String,
        points_per_hour: i32,
    ) -> Res<PostGql> {
        Ok(service::create_post(
            community(ctx)?,
            &type_code,
            &title,
            &description,
            points_per_hour,
        )
        .await?
        .into())
    }

    /// Add a shift to a post (staff).
    async fn add_volunteer_shift(
        &self,
        ctx: &Context<'_>,
        input: VolunteerShiftInput,
    ) -> Res<ShiftGql> {
        let s = service::ShiftInput {
            post_id: uuid(&input.post_id)?,
            starts_at: input.starts_at,
            minutes: input.minutes,
            place: input.place,
            space_id: input.space_id.as_ref().map(uuid).transpose()?,
            needed: input.needed,
            leader_id: input.leader_id.as_ref().map(uuid).transpose()?,
        };
        Ok(service::add_shift(community(ctx)?, s).await?.into())
    }

    /// Sign up for a shift (an active volunteer); never past the places needed.
    async fn sign_up_for_shift(&self, ctx: &Context<'_>, shift_id: ID) -> Res<ShiftGql> {
        Ok(service::sign_up(community(ctx)?, uuid(&shift_id)?)
            .await?
            .into())
    }

    /// Withdraw from a shift that has not started.
    async fn withdraw_from_shift(&self, ctx: &Context<'_>, shift_id: ID) -> Res<ShiftGql> {
        Ok(service::withdraw(community(ctx)?, uuid(&shift_id)?)
            .await?
            .into())
    }
}
