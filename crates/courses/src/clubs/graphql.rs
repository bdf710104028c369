//! The GraphQL face of clubs: types and resolvers, nothing else.

use super::model;
use crate::clubs::model::ClubRole;
use async_graphql::connection::Connection;
use async_graphql::{Context, ID, Object, SimpleObject};

use crate::graphql::*;
use crate::service as svc;

#[derive(SimpleObject)]
pub struct ClubMemberGql {
    learner_id: ID,
    name: String,
    role: ClubRole,
}

#[derive(SimpleObject)]
#[graphql(name = "Club")]
pub struct ClubGql {
    id: ID,
    name: String,
    federation: Option<model::Federation>,
    members: Vec<ClubMemberGql>,
}

#[derive(Default)]
pub struct ClubsQuery;

#[Object]
impl ClubsQuery {
    /// Clubs (社团) with their federation and members.
    async fn clubs(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Res<Connection<String, ClubGql>> {
        let limit = svc::page_limit(first)?;
        let a = self::after(&after)?;
        let (clubs, members, feds) = svc::clubs(
            community(ctx)?,
            a,
            limit,
            node_selected(ctx, &["members"]),
            node_selected(ctx, &["federation"]),
        )
        .await?;
        Ok(page(
            clubs,
            limit,
            a.is_some(),
            |c| c.id,
            |c| ClubGql {
                id: id(c.id),
                federation: c
                    .federation_id
                    .and_then(|f| feds.iter().find(|x| x.id == f))
                    .cloned(),
                members: members
                    .iter()
                    .filter(|m| m.club_id == c.id)
                    .map(|m| ClubMemberGql {
                        learner_id: id(m.learner_id),
                        name: m.name.clone(),
                        role: m.role,
                    })
                    .collect(),
                name: c.name,
            },
        ))
    }

    /// Club federations (社团联盟).
    async fn federations(&self, ctx: &Context<'_>) -> Res<Vec<model::Federation>> {
        Ok(svc::federations(community(ctx)?)
            .await?
            .into_iter()
            .collect())
    }
}

#[derive(Default)]
pub struct ClubsMutation;

#[Object]
impl ClubsMutation {
    /// A club's leader or monitor (or staff) books a space for the club: once, or weekly for
    /// `weeks` weeks (all or none).
    #[allow(clippy::too_many_arguments)]
    async fn book_space_for_club(
        &self,
        ctx: &Context<'_>,
        club_id: ID,
        space_id: ID,
        starts_at: chrono::DateTime<chrono::Utc>,
        minutes: i32,
        purpose: String,
        attendance: i32,
        #[graphql(default = 1)] weeks: i32,
    ) -> Res<Vec<spaces::api::bookings::Booking>> {
        let r = spaces::api::bookings::BookingRequest {
            space_id: uuid(&space_id)?,
            starts_at,
            minutes,
            group: Some(spaces::api::bookings::BookingGroup::Club(uuid(&club_id)?)),
            purpose,
            attendance,
            weeks,
        };
        let rows = svc::book_space_for_club(community(ctx)?, r).await?;
        Ok(rows.into_iter().collect())
    }

    async fn create_federation(
        &self,
        ctx: &Context<'_>,
        name: String,
        leader_learner_id: Option<ID>,
    ) -> Res<model::Federation> {
        Ok(svc::create_federation(community(ctx)?, &name, opt_uuid(&leader_learner_id)?).await?)
    }

    async fn create_club(
        &self,
        ctx: &Context<'_>,
        name: String,
        federation_id: Option<ID>,
    ) -> Res<ID> {
        Ok(id(svc::create_club(
            community(ctx)?,
            &name,
            opt_uuid(&federation_id)?,
        )
        .await?
        .id))
    }

    /// Add a learner to a club, as member, leader (社长) or class monitor (班长).
    async fn set_club_member(
        &self,
        ctx: &Context<'_>,
        club_id: ID,
        learner_id: ID,
        role: ClubRole,
    ) -> Res<bool> {
        svc::set_club_member(community(ctx)?, uuid(&club_id)?, uuid(&learner_id)?, role).await?;
        Ok(true)
    }
}
