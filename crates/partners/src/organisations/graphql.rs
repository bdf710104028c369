//! The GraphQL face of partner organisations: self-registration and the organisation's own
//! records (no community needed), decisions where requests are addressed, the partners a
//! community publishes, and team bookings.

use crate::organisations::model::OrganisationKind;
use crate::organisations::model::PartnershipStatus;
use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use infra::graphql::parse_id as uuid;
use tenancy::graphql::{AccountGql, CreateAccountInput, community, principal, tenancy};
use uuid::Uuid;

use super::model::{self, MemberRole};
use super::service::{self as svc, OrganisationInput, Target, TeamInput};
use crate::error::PartnersError;
use infra::graphql::{Res, id};

#[derive(SimpleObject)]
#[graphql(name = "PartnerTeam")]
pub struct TeamGql {
    id: ID,
    organisation_id: ID,
    name: String,
    leader_id: ID,
    skills: Vec<String>,
    contact: String,
    /// Its members: shown to the organisation's own people only.
    member_ids: Option<Vec<ID>>,
}

impl TeamGql {
    fn new(t: model::PartnerTeam, members: Option<Vec<Uuid>>) -> Self {
        TeamGql {
            id: id(t.id),
            organisation_id: id(t.organisation_id),
            name: t.name,
            leader_id: id(t.leader_id),
            skills: t.skills,
            contact: t.contact,
            member_ids: members.map(|m| m.into_iter().map(id).collect()),
        }
    }
}

/// A request as its deciders see it: with the organisation that made it.
#[derive(SimpleObject)]
#[graphql(name = "PartnershipRequest")]
pub struct PartnershipRequestGql {
    partnership: model::Partnership,
    organisation: model::Organisation,
}

#[derive(SimpleObject)]
#[graphql(name = "OrganisationMember")]
pub struct MemberGql {
    account_id: ID,
    display_name: String,
    role: MemberRole,
}

/// An organisation the caller belongs to, with what it holds.
#[derive(SimpleObject)]
#[graphql(name = "MyOrganisation")]
pub struct MyOrganisationGql {
    organisation: model::Organisation,
    my_role: MemberRole,
    members: Vec<MemberGql>,
    teams: Vec<TeamGql>,
    partnerships: Vec<model::Partnership>,
    /// Where its approved partnerships let its teams work: the community asked of, or every
    /// community of the district asked of (the console enters each by its slug).
    communities: Vec<tenancy::model::Community>,
}

/// A community's partner: an approved organisation and its teams.
#[derive(SimpleObject)]
#[graphql(name = "CommunityPartner")]
pub struct CommunityPartnerGql {
    organisation: model::Organisation,
    teams: Vec<TeamGql>,
}

/// A team's volunteers in a community: how many, verified minutes, points earned.
#[derive(SimpleObject)]
#[graphql(name = "TeamService")]
pub struct TeamServiceGql {
    volunteers: i64,
    verified_minutes: i64,
    points: i64,
    /// Month by month, oldest first (months without verified service left out).
    months: Vec<TeamMonthGql>,
}

/// A team's verified service in one month.
#[derive(SimpleObject)]
#[graphql(name = "TeamMonth")]
pub struct TeamMonthGql {
    /// The month's first day.
    month: infra::graphql::Date,
    minutes: i64,
    points: i64,
    /// Volunteers of the team who served that month.
    volunteers: i64,
}

#[derive(InputObject)]
pub struct RegisterOrganisationInput {
    name: String,
    kind: OrganisationKind,
    /// A social organisation's grade: 1A to 5A.
    grade: Option<String>,
    #[graphql(default)]
    description: String,
    contact: String,
}

#[derive(InputObject)]
pub struct PartnerTeamInput {
    name: String,
    /// One of the organisation's people.
    leader_id: ID,
    #[graphql(default)]
    skills: Vec<String>,
    contact: String,
    #[graphql(default)]
    member_ids: Vec<ID>,
}

fn ids(v: &[ID]) -> Res<Vec<Uuid>> {
    Ok(v.iter().map(uuid).collect::<Result<_, _>>()?)
}

#[derive(Default)]
pub struct OrganisationsQuery;

#[Object]
impl OrganisationsQuery {
    /// The organisations the caller belongs to, with their people, teams and partnerships
    /// (loaded only when selected).
    async fn my_organisations(&self, ctx: &Context<'_>) -> Res<Vec<MyOrganisationGql>> {
        let (t, p) = (tenancy(ctx), principal(ctx)?);
        let mine = svc::my_organisations(t, p).await?;
        let look = ctx.look_ahead();
        let wanted = ["members", "teams", "partnerships", "communities"]
            .iter()
            .any(|f| look.field(f).exists());
        let ids: Vec<Uuid> = mine.iter().map(|(o, _)| o.id).collect();
        let records = if wanted && !ids.is_empty() {
            Some(svc::records_of(t, &ids).await?)
        } else {
            None
        };
        let names = match &records {
            Some(r) if look.field("members").exists() => {
                let accounts: Vec<Uuid> = r.members.iter().map(|m| m.account_id).collect();
                t.display_names(&accounts).await?
            }
            _ => Default::default(),
        };
        let places = match &records {
            Some(r) if look.field("communities").exists() => svc::places_of(t, r).await?,
            _ => Vec::new(),
        };
        Ok(mine
            .into_iter()
            .map(|(o, role)| {
                let (mut members, mut teams, mut partnerships) = (vec![], vec![], vec![]);
                let communities = places
                    .iter()
                    .filter(|(org, _)| *org == o.id)
                    .map(|(_, c)| c.clone())
                    .collect();
                if let Some(r) = &records {
                    members = r
                        .members
                        .iter()
                        .filter(|m| m.organisation_id == o.id)
                        .map(|m| MemberGql {
                            account_id: id(m.account_id),
                            display_name: names.get(&m.account_id).cloned().unwrap_or_default(),
                            role: m.role,
                        })
                        .collect();
                    teams = r
                        .teams
                        .iter()
                        .filter(|(t, _)| t.organisation_id == o.id)
                        .map(|(t, m)| TeamGql::new(t.clone(), Some(m.clone())))
                        .collect();
                    partnerships = r
                        .partnerships
                        .iter()
                        .filter(|p| p.organisation_id == o.id)
                        .cloned()
                        .collect();
                }
                MyOrganisationGql {
                    organisation: o,
                    my_role: role,
                    members,
                    teams,
                    partnerships,
                    communities,
                }
            })
            .collect())
    }

    /// The organisations approved to work in this community, with their teams.
    async fn community_partners(&self, ctx: &Context<'_>) -> Res<Vec<CommunityPartnerGql>> {
        let rows = svc::community_partners(tenancy(ctx), community(ctx)?).await?;
        Ok(rows
            .into_iter()
            .map(|(o, teams)| CommunityPartnerGql {
                organisation: o,
                teams: teams.into_iter().map(|t| TeamGql::new(t, None)).collect(),
            })
            .collect())
    }

    /// What a team's volunteers have given in this community (staff, or the team's people).
    async fn team_service(&self, ctx: &Context<'_>, team_id: ID) -> Res<TeamServiceGql> {
        let by_month = ctx.look_ahead().field("months").exists();
        let s = super::work::team_service(tenancy(ctx), community(ctx)?, uuid(&team_id)?, by_month)
            .await?;
        Ok(TeamServiceGql {
            volunteers: s.volunteers,
            verified_minutes: s.verified_minutes,
            points: s.points,
            months: s
                .months
                .into_iter()
                .map(|m| TeamMonthGql {
                    month: m.month.into(),
                    minutes: m.minutes,
                    points: m.points,
                    volunteers: m.volunteers,
                })
                .collect(),
        })
    }

    /// Partnership requests addressed to this community (staff).
    async fn partnership_requests(
        &self,
        ctx: &Context<'_>,
        status: Option<PartnershipStatus>,
    ) -> Res<Vec<PartnershipRequestGql>> {
        let rows = svc::community_requests(tenancy(ctx), community(ctx)?, status).await?;
        Ok(rows.into_iter().map(request).collect())
    }

    /// Partnership requests addressed to a district (its admins and viewers).
    async fn district_partnership_requests(
        &self,
        ctx: &Context<'_>,
        district_code: String,
        status: Option<PartnershipStatus>,
    ) -> Res<Vec<PartnershipRequestGql>> {
        let rows =
            svc::district_requests(tenancy(ctx), principal(ctx)?, &district_code, status).await?;
        Ok(rows.into_iter().map(request).collect())
    }
}

fn request((p, o): (model::Partnership, model::Organisation)) -> PartnershipRequestGql {
    PartnershipRequestGql {
        partnership: p,
        organisation: o,
    }
}

#[derive(Default)]
pub struct OrganisationsMutation;

#[Object]
impl OrganisationsMutation {
    /// An organisation registers itself with its first admin account (no sign-in needed). It
    /// can do nothing in a community until a district or community approves a partnership.
    async fn register_organisation(
        &self,
        ctx: &Context<'_>,
        admin: CreateAccountInput,
        organisation: RegisterOrganisationInput,
    ) -> Res<model::Organisation> {
        let o = OrganisationInput {
            name: organisation.name,
            kind: organisation.kind,
            grade: organisation.grade,
            description: organisation.description,
            contact: organisation.contact,
        };
        let from = tenancy::graphql::client_addr(ctx);
        let (org, _) = svc::register(tenancy(ctx), from, admin.into(), o).await?;
        Ok(org)
    }

    /// An organisation's admin adds one of its people (a new account).
    async fn add_organisation_member(
        &self,
        ctx: &Context<'_>,
        organisation_id: ID,
        person: CreateAccountInput,
        #[graphql(default_with = "MemberRole::Member")] role: MemberRole,
    ) -> Res<AccountGql> {
        let t = tenancy(ctx);
        let role: MemberRole = role;
        let a = svc::add_member(
            t,
            principal(ctx)?,
            uuid(&organisation_id)?,
            person.into(),
            role,
        )
        .await?;
        Ok(AccountGql::new(t, &a))
    }

    /// An organisation's admin forms a team from its people.
    async fn create_partner_team(
        &self,
        ctx: &Context<'_>,
        organisation_id: ID,
        input: PartnerTeamInput,
    ) -> Res<TeamGql> {
        let members = ids(&input.member_ids)?;
        let team = TeamInput {
            name: input.name,
            leader_id: uuid(&input.leader_id)?,
            skills: input.skills,
            contact: input.contact,
            members: members.clone(),
        };
        let t =
            svc::create_team(tenancy(ctx), principal(ctx)?, uuid(&organisation_id)?, team).await?;
        Ok(TeamGql::new(t, Some(members)))
    }

    /// Replace a team's members (the organisation's admin).
    async fn set_partner_team_members(
        &self,
        ctx: &Context<'_>,
        team_id: ID,
        member_ids: Vec<ID>,
    ) -> Res<TeamGql> {
        let members = ids(&member_ids)?;
        let t = svc::set_team_members(
            tenancy(ctx),
            principal(ctx)?,
            uuid(&team_id)?,
            members.clone(),
        )
        .await?;
        Ok(TeamGql::new(t, Some(members)))
    }

    /// An organisation's admin asks to partner with a district (all its communities) or with
    /// one community: give exactly one of them.
    async fn request_partnership(
        &self,
        ctx: &Context<'_>,
        organisation_id: ID,
        district_code: Option<String>,
        community_slug: Option<String>,
    ) -> Res<model::Partnership> {
        let target = match (district_code, community_slug) {
            (Some(d), None) => Target::District(d),
            (None, Some(c)) => Target::Community(c),
            _ => {
                return Err(infra::AppError::from(PartnersError::DistrictOrCommunity).into());
            }
        };
        let p = svc::request_partnership(
            tenancy(ctx),
            principal(ctx)?,
            uuid(&organisation_id)?,
            target,
        )
        .await?;
        Ok(p)
    }

    /// Approve or decline (with a reason) a partnership request: a community's staff for
    /// their community (with `X-Community`), a district's admins for the district. An
    /// approval gives the organisation's people partner work only, unless `residentRights`:
    /// then course seats, events, plots, rooms and rewards as residents too.
    async fn decide_partnership(
        &self,
        ctx: &Context<'_>,
        id: ID,
        approve: bool,
        reason: Option<String>,
        #[graphql(default)] resident_rights: bool,
    ) -> Res<model::Partnership> {
        let scope = ctx.data_opt::<tenancy::CommunityCtx>();
        let p = svc::decide_as(
            tenancy(ctx),
            principal(ctx)?,
            scope,
            uuid(&id)?,
            approve,
            reason.as_deref(),
            resident_rights,
        )
        .await?;
        Ok(p)
    }

    /// Link a teacher of the pool to the partner team they teach for, or unlink (staff).
    async fn link_teacher_to_team(
        &self,
        ctx: &Context<'_>,
        teacher_id: ID,
        team_id: Option<ID>,
    ) -> Res<bool> {
        super::work::link_teacher(
            tenancy(ctx),
            community(ctx)?,
            uuid(&teacher_id)?,
            team_id.as_ref().map(uuid).transpose()?,
        )
        .await?;
        Ok(true)
    }

    /// A team's leader or member joins the time bank as a volunteer with the team: their
    /// hours count for the team.
    async fn join_time_bank_with_team(
        &self,
        ctx: &Context<'_>,
        team_id: ID,
        #[graphql(default)] skills: Vec<String>,
        #[graphql(default)] party_member: bool,
    ) -> Res<ID> {
        let v = super::work::join_time_bank(
            tenancy(ctx),
            community(ctx)?,
            uuid(&team_id)?,
            skills,
            party_member,
        )
        .await?;
        Ok(id(v.id))
    }

    /// A partner team's leader or member (or staff) books a space for the team: once, or
    /// weekly for `weeks` weeks (all or none).
    #[allow(clippy::too_many_arguments)]
    async fn book_space_for_team(
        &self,
        ctx: &Context<'_>,
        team_id: ID,
        space_id: ID,
        starts_at: DateTime<Utc>,
        minutes: i32,
        purpose: String,
        attendance: i32,
        #[graphql(default = 1)] weeks: i32,
    ) -> Res<Vec<spaces::api::bookings::Booking>> {
        let r = spaces::api::bookings::BookingRequest {
            space_id: uuid(&space_id)?,
            starts_at,
            minutes,
            group: None,
            purpose,
            attendance,
            weeks,
        };
        let rows =
            svc::book_space_for_team(tenancy(ctx), community(ctx)?, uuid(&team_id)?, r).await?;
        Ok(rows.into_iter().collect())
    }
}
