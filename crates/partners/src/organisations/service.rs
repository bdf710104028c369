//! The rules of partner organisations: self-registration (inert until approved), people and
//! teams, partnership requests decided where they are addressed, and teams booking spaces.

use infra::{OnViolation, Violation};
use std::net::IpAddr;

use infra::{AppError, AppResult, ErrorCode};
use tenancy::NewAccountInput;
use tenancy::accounts::registration::Asker;
use tenancy::{CommunityCtx, Principal, Roles, Tenancy};
use uuid::Uuid;

use super::db::{self, NewOrganisation, NewTeam};
use super::model::*;
use crate::error::{Missing, PartnersError};
use crate::text;

pub struct OrganisationInput {
    pub name: String,
    pub kind: OrganisationKind,
    pub grade: Option<String>,
    pub description: String,
    pub contact: String,
}

/// An organisation registers itself with its first admin account. Anyone may: it can do
/// nothing in any community until a partnership is approved. Counted against the caller's
/// address first (`Tenancy::reserve_registration`); the names are checked before the password
/// is hashed, and a taken organisation name or login name get one answer.
pub async fn register(
    t: &Tenancy,
    from: IpAddr,
    admin: NewAccountInput,
    o: OrganisationInput,
) -> AppResult<(Organisation, tenancy::model::Account)> {
    t.reserve_registration(Asker::Address(from)).await?;
    let name = text(&o.name, 2, 100, "单位名称", "The name")?;
    let contact = text(&o.contact, 1, 100, "联系方式", "The contact")?;
    let description = text(&o.description, 0, 1000, "单位简介", "The description")?;
    let grade = o.grade.as_deref().map(str::trim).filter(|g| !g.is_empty());
    if grade.is_some_and(|g| !matches!(g, "1A" | "2A" | "3A" | "4A" | "5A")) {
        return Err(AppError::from(PartnersError::BadGrade));
    }
    let mut conn = t.db().pool().acquire().await?;
    let org_taken = db::organisation_named(&mut conn, name).await?;
    drop(conn);
    if org_taken || t.login_name_taken(&admin.login_name).await? {
        return Err(PartnersError::RegistrationTaken.into());
    }
    let prepared = t.prepare_registered_account(admin).await?;
    let taken = |e: AppError| {
        if e.code == ErrorCode::Conflict {
            PartnersError::RegistrationTaken.into()
        } else {
            e
        }
    };
    let mut tx = t.db().begin().await?;
    let account = tenancy::accounts::insert_prepared(&mut tx, &prepared)
        .await
        .map_err(taken)?;
    let org = db::insert_organisation(
        &mut tx,
        &NewOrganisation {
            name,
            kind: o.kind,
            grade,
            description,
            contact,
        },
    )
    .await?
    .ok_or(PartnersError::RegistrationTaken)?;
    db::insert_member(&mut tx, org.id, account.id, MemberRole::Admin).await?;
    tx.commit().await?;
    Ok((org, account))
}

/// The caller's role in the organisation; `NOT_FOUND` for outsiders, so an organisation's
/// records cannot even be probed.
async fn role_in(t: &Tenancy, org: Uuid, p: &Principal) -> AppResult<MemberRole> {
    let mut conn = t.db().pool().acquire().await?;
    db::role_in(&mut conn, org, p.account_id())
        .await?
        .ok_or_else(|| PartnersError::NotFound(Missing::Organisation).into())
}

pub(crate) async fn require_admin(t: &Tenancy, org: Uuid, p: &Principal) -> AppResult<()> {
    match role_in(t, org, p).await? {
        MemberRole::Admin => Ok(()),
        MemberRole::Member => Err(AppError::forbidden()),
    }
}

/// The organisations the caller belongs to, with the caller's role.
pub async fn my_organisations(
    t: &Tenancy,
    p: &Principal,
) -> AppResult<Vec<(Organisation, MemberRole)>> {
    let mut conn = t.db().pool().acquire().await?;
    Ok(db::organisations_of(&mut conn, p.account_id()).await?)
}

/// An organisation's admin adds a person (a new account) as an admin or a member.
pub async fn add_member(
    t: &Tenancy,
    p: &Principal,
    org: Uuid,
    person: NewAccountInput,
    role: MemberRole,
) -> AppResult<tenancy::model::Account> {
    require_admin(t, org, p).await?;
    // Counted against the admin (anyone can register an organisation and so become one), the
    // login name checked before the hash.
    t.reserve_registration(Asker::Account(p.account_id()))
        .await?;
    if t.login_name_taken(&person.login_name).await? {
        return Err(tenancy::error::TenancyError::LoginNameTaken.into());
    }
    let prepared = t.prepare_registered_account(person).await?;
    let mut tx = t.db().begin().await?;
    let account = tenancy::accounts::insert_prepared(&mut tx, &prepared).await?;
    db::insert_member(&mut tx, org, account.id, role).await?;
    tx.commit().await?;
    Ok(account)
}

pub struct TeamInput {
    pub name: String,
    pub leader_id: Uuid,
    pub skills: Vec<String>,
    pub contact: String,
    pub members: Vec<Uuid>,
}

/// A person named who is not a member of the organisation (a team's leader or members).
fn not_a_member(v: Violation<'_>) -> Option<PartnersError> {
    v.is_foreign_key().then_some(PartnersError::NotAMember)
}

/// An organisation's admin forms a team (团队): a leader and members from its people.
pub async fn create_team(
    t: &Tenancy,
    p: &Principal,
    org: Uuid,
    input: TeamInput,
) -> AppResult<PartnerTeam> {
    let name = text(&input.name, 1, 100, "团队名称", "The team's name")?;
    let contact = text(&input.contact, 1, 100, "联系方式", "The contact")?;
    if input.skills.len() > 20 {
        return Err(AppError::from(PartnersError::TooManySkills));
    }
    let skills = input
        .skills
        .iter()
        .map(|s| text(s, 1, 30, "专长", "A skill").map(str::to_owned))
        .collect::<AppResult<Vec<_>>>()?;
    require_admin(t, org, p).await?;
    let mut tx = t.db().begin().await?;
    let team = db::insert_team(
        &mut tx,
        &NewTeam {
            organisation_id: org,
            name,
            leader_id: input.leader_id,
            skills: &skills,
            contact,
        },
    )
    .await;
    let team = team
        .on_violation(not_a_member)?
        .ok_or(PartnersError::TeamNameTaken)?;
    db::set_team_members(&mut tx, &team, &input.members)
        .await
        .on_violation(not_a_member)?;
    tx.commit().await?;
    Ok(team)
}

/// Replace a team's members (the organisation's admin).
pub async fn set_team_members(
    t: &Tenancy,
    p: &Principal,
    team: Uuid,
    members: Vec<Uuid>,
) -> AppResult<PartnerTeam> {
    let mut conn = t.db().pool().acquire().await?;
    let found = db::team(&mut conn, team)
        .await?
        .ok_or(PartnersError::NotFound(Missing::Team))?;
    drop(conn);
    require_admin(t, found.organisation_id, p).await?;
    let mut tx = t.db().begin().await?;
    db::set_team_members(&mut tx, &found, &members)
        .await
        .on_violation(not_a_member)?;
    tx.commit().await?;
    Ok(found)
}

/// An organisation's people, teams (with members) and partnerships, for its own members.
pub struct OrganisationRecords {
    pub members: Vec<OrganisationMember>,
    pub teams: Vec<(PartnerTeam, Vec<Uuid>)>,
    pub partnerships: Vec<Partnership>,
}

/// What the given organisations hold, in four queries whatever their number. The caller has
/// checked who may see them.
pub(crate) async fn records_of(t: &Tenancy, orgs: &[Uuid]) -> AppResult<OrganisationRecords> {
    let mut conn = t.db().pool().acquire().await?;
    let members = db::members(&mut conn, orgs).await?;
    let teams = db::teams(&mut conn, orgs).await?;
    let ids: Vec<Uuid> = teams.iter().map(|t| t.id).collect();
    let pairs = db::team_members(&mut conn, &ids).await?;
    let partnerships = db::partnerships_of(&mut conn, orgs).await?;
    let teams = teams
        .into_iter()
        .map(|team| {
            let m = pairs
                .iter()
                .filter(|(t, _)| *t == team.id)
                .map(|(_, a)| *a)
                .collect();
            (team, m)
        })
        .collect();
    Ok(OrganisationRecords {
        members,
        teams,
        partnerships,
    })
}

/// The communities each organisation's approved partnerships reach, as (organisation,
/// community): the one asked of, or every active community of the district asked of.
pub(crate) async fn places_of(
    t: &Tenancy,
    r: &OrganisationRecords,
) -> AppResult<Vec<(Uuid, tenancy::model::Community)>> {
    let approved: Vec<&Partnership> = r
        .partnerships
        .iter()
        .filter(|p| p.status == PartnershipStatus::Approved)
        .collect();
    let communities: Vec<Uuid> = approved.iter().filter_map(|p| p.community_id).collect();
    let districts: Vec<Uuid> = approved.iter().filter_map(|p| p.district_id).collect();
    let found = t.communities_within(&communities, &districts).await?;
    let mut places: Vec<(Uuid, tenancy::model::Community)> = approved
        .iter()
        .flat_map(|p| {
            found
                .iter()
                .filter(|(c, path)| {
                    p.community_id == Some(c.id) || p.district_id.is_some_and(|d| path.contains(&d))
                })
                .map(|(c, _)| (p.organisation_id, c.clone()))
        })
        .collect();
    // A community asked of and within a district asked of is one place; by name within each.
    places.sort_by(|a, b| (a.0, &a.1.name, a.1.id).cmp(&(b.0, &b.1.name, b.1.id)));
    places.dedup_by(|a, b| a.0 == b.0 && a.1.id == b.1.id);
    Ok(places)
}

/// The records of one organisation the caller belongs to.
pub async fn records(t: &Tenancy, p: &Principal, org: Uuid) -> AppResult<OrganisationRecords> {
    role_in(t, org, p).await?;
    records_of(t, &[org]).await
}

/// Where a partnership is asked for.
pub enum Target {
    District(String),
    Community(String),
}

/// An organisation's admin asks to partner with a district or a community (again after a
/// decline; not while one is pending or approved).
pub async fn request_partnership(
    t: &Tenancy,
    p: &Principal,
    org: Uuid,
    target: Target,
) -> AppResult<Partnership> {
    require_admin(t, org, p).await?;
    let (district, community) = match target {
        Target::District(code) => (Some(t.locate_district(code.trim()).await?.id), None),
        Target::Community(slug) => (None, Some(t.locate_community(slug.trim()).await?.0)),
    };
    let mut tx = t.db().begin().await?;
    let row = db::request_partnership(&mut tx, org, district, community)
        .await?
        .ok_or(PartnersError::AlreadyRequested)?;
    tx.commit().await?;
    Ok(row)
}

/// The reason a decision needs: none to approve, 1–200 characters to decline.
fn reason_for(approve: bool, reason: Option<&str>) -> AppResult<Option<String>> {
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    match (approve, reason) {
        (false, None) => Err(PartnersError::ReasonNeeded.into()),
        (_, Some(r)) if r.chars().count() > 200 => Err(PartnersError::ReasonNeeded.into()),
        (_, r) => Ok(r.map(str::to_owned)),
    }
}

/// Approve or decline a request where it is addressed, and only there: a community's staff
/// for their community (`ctx` is the community the gate admitted), a district's admins (or
/// those above) for the district. Anyone else finds nothing.
pub async fn decide(
    t: &Tenancy,
    p: &Principal,
    ctx: Option<&CommunityCtx>,
    id: Uuid,
    approve: bool,
    reason: Option<&str>,
) -> AppResult<Partnership> {
    decide_as(t, p, ctx, id, approve, reason, false).await
}

/// `decide`, an approval giving the organisation's people residents' rights there (course
/// seats, events, plots, rooms, rewards) when `resident_rights`; without it they do partner
/// work only.
pub async fn decide_as(
    t: &Tenancy,
    p: &Principal,
    ctx: Option<&CommunityCtx>,
    id: Uuid,
    approve: bool,
    reason: Option<&str>,
    resident_rights: bool,
) -> AppResult<Partnership> {
    let reason = reason_for(approve, reason)?;
    let mut tx = t.db().begin().await?;
    let found = db::lock_partnership(&mut tx, id)
        .await?
        .ok_or(PartnersError::NotFound(Missing::Partnership))?;
    if !decides_here(t, p, ctx, &found).await? {
        return Err(PartnersError::NotFound(Missing::Partnership).into());
    }
    if found.status != PartnershipStatus::Requested {
        return Err(PartnersError::AlreadyDecided.into());
    }
    let status = if approve {
        PartnershipStatus::Approved
    } else {
        PartnershipStatus::Declined
    };
    let rights = approve && resident_rights;
    let row = db::decide(
        &mut tx,
        id,
        status,
        reason.as_deref(),
        p.account_id(),
        rights,
    )
    .await?;
    let people = db::members(&mut tx, &[found.organisation_id]).await?;
    tx.commit().await?;
    t.forget_principals(people.iter().map(|m| m.account_id));
    Ok(row)
}

/// Is `p` (in `ctx`) one of those a partnership is addressed to: the community's staff, in
/// that community's context, or an admin of the district (or above)?
pub(crate) async fn decides_here(
    t: &Tenancy,
    p: &Principal,
    ctx: Option<&CommunityCtx>,
    found: &Partnership,
) -> AppResult<bool> {
    Ok(match (found.community_id, found.district_id) {
        (Some(c), _) => match ctx {
            Some(ctx) if ctx.tenant().community_id == c => {
                ctx.require(Roles::STAFF)?;
                true
            }
            _ => false,
        },
        (None, Some(d)) => t
            .district_by_id(p, d)
            .await?
            .is_some_and(|d| p.admin_over(&d.path)),
        (None, None) => false,
    })
}

/// Requests addressed to the community of the request (staff).
pub async fn community_requests(
    t: &Tenancy,
    ctx: &CommunityCtx,
    status: Option<PartnershipStatus>,
) -> AppResult<Vec<(Partnership, Organisation)>> {
    ctx.require(Roles::STAFF)?;
    let mut conn = t.db().pool().acquire().await?;
    let rows =
        db::partnerships_to(&mut conn, None, Some(ctx.tenant().community_id), status).await?;
    with_organisations(&mut conn, rows).await
}

/// Each request with the organisation that made it (one query for all).
async fn with_organisations(
    conn: &mut sqlx::PgConnection,
    rows: Vec<Partnership>,
) -> AppResult<Vec<(Partnership, Organisation)>> {
    let ids: Vec<Uuid> = rows.iter().map(|p| p.organisation_id).collect();
    let orgs = db::organisations(conn, &ids).await?;
    Ok(rows
        .into_iter()
        .filter_map(|p| {
            let o = orgs.iter().find(|o| o.id == p.organisation_id)?.clone();
            Some((p, o))
        })
        .collect())
}

/// Requests addressed to a district (its admins and viewers).
pub async fn district_requests(
    t: &Tenancy,
    p: &Principal,
    district_code: &str,
    status: Option<PartnershipStatus>,
) -> AppResult<Vec<(Partnership, Organisation)>> {
    let d = t.district(p, district_code.trim()).await?;
    let mut conn = t.db().pool().acquire().await?;
    let rows = db::partnerships_to(&mut conn, Some(d.id), None, status).await?;
    with_organisations(&mut conn, rows).await
}

/// The organisations working in the community of the request, with their teams: what the
/// community publishes to its members.
pub async fn community_partners(
    t: &Tenancy,
    ctx: &CommunityCtx,
) -> AppResult<Vec<(Organisation, Vec<PartnerTeam>)>> {
    ctx.require(Roles::ANYONE)?;
    let (community, path) = t.locate_community(&ctx.tenant().slug).await?;
    let mut conn = t.db().pool().acquire().await?;
    let orgs = db::approved_in(&mut conn, community, &path).await?;
    let ids: Vec<Uuid> = orgs.iter().map(|o| o.id).collect();
    let teams = db::teams(&mut conn, &ids).await?;
    Ok(orgs
        .into_iter()
        .map(|o| {
            let mine = teams
                .iter()
                .filter(|t| t.organisation_id == o.id)
                .cloned()
                .collect();
            (o, mine)
        })
        .collect())
}

/// A partner team's leader or member (or staff) books a space for the team, in a community
/// its organisation is approved for; the team's own quotas apply.
pub async fn book_space_for_team(
    t: &Tenancy,
    ctx: &CommunityCtx,
    team: Uuid,
    mut r: spaces::api::bookings::BookingRequest,
) -> AppResult<Vec<spaces::api::bookings::Booking>> {
    ctx.require(Roles::PARTNERS)?;
    let found = super::work::approved_team(t, ctx, team).await?;
    let staff = ctx.is_staff();
    let mut conn = t.db().pool().acquire().await?;
    let in_team = db::in_team(&mut conn, team, ctx.access().account_id).await?;
    drop(conn);
    if !(staff || in_team) {
        return Err(AppError::forbidden());
    }
    r.group = Some(spaces::api::bookings::BookingGroup::Team {
        id: found.id,
        name: found.name,
    });
    if staff {
        spaces::api::bookings::book(ctx, r).await
    } else {
        spaces::api::bookings::book_as_group_leader(ctx, r).await
    }
}
