//! SQL of organisations, teams and partnerships: platform tables owned by this crate, reached
//! in platform transactions (never from a community's).

use sqlx::PgConnection;
use uuid::Uuid;

use super::model::*;

const ORGANISATION: &str = "id, name, kind, grade, description, contact, created_at";
const TEAM: &str = "id, organisation_id, name, leader_id, skills, contact";
pub(crate) const PARTNERSHIP: &str = "id, organisation_id, district_id, community_id, status, reason, \
     requested_at, decided_at, resident_rights, ended_at, end_reason";

pub struct NewOrganisation<'a> {
    pub name: &'a str,
    pub kind: OrganisationKind,
    pub grade: Option<&'a str>,
    pub description: &'a str,
    pub contact: &'a str,
}

/// `None` when the name is taken.
pub async fn insert_organisation(
    conn: &mut PgConnection,
    o: &NewOrganisation<'_>,
) -> sqlx::Result<Option<Organisation>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO platform.organisations (id, name, kind, grade, description, contact)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (name) DO NOTHING RETURNING {ORGANISATION}"
    )))
    .bind(Uuid::now_v7())
    .bind(o.name)
    .bind(o.kind)
    .bind(o.grade)
    .bind(o.description)
    .bind(o.contact)
    .fetch_optional(conn)
    .await
}

/// Is an organisation of this name registered?
pub async fn organisation_named(conn: &mut PgConnection, name: &str) -> sqlx::Result<bool> {
    sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM platform.organisations WHERE name = $1)")
        .bind(name)
        .fetch_one(conn)
        .await
}

pub async fn insert_member(
    conn: &mut PgConnection,
    organisation: Uuid,
    account: Uuid,
    role: MemberRole,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO platform.organisation_members (organisation_id, account_id, role)
         VALUES ($1, $2, $3)",
    )
    .bind(organisation)
    .bind(account)
    .bind(role)
    .execute(conn)
    .await?;
    Ok(())
}

/// The caller's role in an organisation, if any.
pub async fn role_in(
    conn: &mut PgConnection,
    organisation: Uuid,
    account: Uuid,
) -> sqlx::Result<Option<MemberRole>> {
    sqlx::query_scalar(
        "SELECT role FROM platform.organisation_members
          WHERE organisation_id = $1 AND account_id = $2",
    )
    .bind(organisation)
    .bind(account)
    .fetch_optional(conn)
    .await
}

/// The organisations an account belongs to, with its role in each.
pub async fn organisations_of(
    conn: &mut PgConnection,
    account: Uuid,
) -> sqlx::Result<Vec<(Organisation, MemberRole)>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        o: Organisation,
        role: MemberRole,
    }
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT o.id, o.name, o.kind, o.grade, o.description, o.contact, o.created_at, m.role
           FROM platform.organisations o
           JOIN platform.organisation_members m ON m.organisation_id = o.id
          WHERE m.account_id = $1
          ORDER BY o.name",
    )
    .bind(account)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|r| (r.o, r.role)).collect())
}

pub async fn members(
    conn: &mut PgConnection,
    organisations: &[Uuid],
) -> sqlx::Result<Vec<OrganisationMember>> {
    sqlx::query_as(
        "SELECT organisation_id, account_id, role FROM platform.organisation_members
          WHERE organisation_id = ANY($1) ORDER BY organisation_id, role, account_id",
    )
    .bind(organisations)
    .fetch_all(conn)
    .await
}

pub struct NewTeam<'a> {
    pub organisation_id: Uuid,
    pub name: &'a str,
    pub leader_id: Uuid,
    pub skills: &'a [String],
    pub contact: &'a str,
}

/// `None` when the organisation has a team of that name.
pub async fn insert_team(
    conn: &mut PgConnection,
    t: &NewTeam<'_>,
) -> sqlx::Result<Option<PartnerTeam>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO platform.partner_teams (id, organisation_id, name, leader_id, skills, contact)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (organisation_id, name) DO NOTHING RETURNING {TEAM}"
    )))
    .bind(Uuid::now_v7())
    .bind(t.organisation_id)
    .bind(t.name)
    .bind(t.leader_id)
    .bind(t.skills)
    .bind(t.contact)
    .fetch_optional(conn)
    .await
}

pub async fn team(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<PartnerTeam>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {TEAM} FROM platform.partner_teams WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn teams(
    conn: &mut PgConnection,
    organisations: &[Uuid],
) -> sqlx::Result<Vec<PartnerTeam>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {TEAM} FROM platform.partner_teams WHERE organisation_id = ANY($1)
          ORDER BY organisation_id, name"
    )))
    .bind(organisations)
    .fetch_all(conn)
    .await
}

/// Replace a team's members (each must belong to the organisation: a foreign key says so).
pub async fn set_team_members(
    conn: &mut PgConnection,
    team: &PartnerTeam,
    members: &[Uuid],
) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM platform.partner_team_members WHERE team_id = $1")
        .bind(team.id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO platform.partner_team_members (team_id, organisation_id, account_id)
         SELECT $1, $2, unnest($3::uuid[]) ON CONFLICT DO NOTHING",
    )
    .bind(team.id)
    .bind(team.organisation_id)
    .bind(members)
    .execute(conn)
    .await?;
    Ok(())
}

/// (team, member) pairs of these teams.
pub async fn team_members(
    conn: &mut PgConnection,
    teams: &[Uuid],
) -> sqlx::Result<Vec<(Uuid, Uuid)>> {
    sqlx::query_as(
        "SELECT team_id, account_id FROM platform.partner_team_members
          WHERE team_id = ANY($1) ORDER BY team_id, account_id",
    )
    .bind(teams)
    .fetch_all(conn)
    .await
}

/// The teams the account leads or belongs to.
pub async fn teams_of(conn: &mut PgConnection, account: Uuid) -> sqlx::Result<Vec<Uuid>> {
    sqlx::query_scalar(
        "SELECT id FROM platform.partner_teams WHERE leader_id = $1
         UNION SELECT team_id FROM platform.partner_team_members WHERE account_id = $1",
    )
    .bind(account)
    .fetch_all(conn)
    .await
}

/// Does the account lead the team or belong to it?
pub async fn in_team(conn: &mut PgConnection, team: Uuid, account: Uuid) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM platform.partner_teams WHERE id = $1 AND leader_id = $2)
             OR EXISTS (SELECT 1 FROM platform.partner_team_members
                         WHERE team_id = $1 AND account_id = $2)",
    )
    .bind(team)
    .bind(account)
    .fetch_one(conn)
    .await
}

/// A new request, or a declined or ended one asked again; `None` when one is pending or
/// approved.
pub async fn request_partnership(
    conn: &mut PgConnection,
    organisation: Uuid,
    district: Option<Uuid>,
    community: Option<Uuid>,
) -> sqlx::Result<Option<Partnership>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO platform.partnerships (id, organisation_id, district_id, community_id, status)
         VALUES ($1, $2, $3, $4, 'requested')
         ON CONFLICT (organisation_id, coalesce(district_id, community_id)) DO UPDATE
            SET status = 'requested', reason = NULL, requested_at = now(),
                decided_by = NULL, decided_at = NULL, resident_rights = false,
                ended_at = NULL, ended_by = NULL, end_reason = NULL
          WHERE platform.partnerships.status IN ('declined', 'ended')
         RETURNING {PARTNERSHIP}"
    )))
    .bind(Uuid::now_v7())
    .bind(organisation)
    .bind(district)
    .bind(community)
    .fetch_optional(conn)
    .await
}

pub async fn lock_partnership(
    conn: &mut PgConnection,
    id: Uuid,
) -> sqlx::Result<Option<Partnership>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {PARTNERSHIP} FROM platform.partnerships WHERE id = $1 FOR UPDATE"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn decide(
    conn: &mut PgConnection,
    id: Uuid,
    status: PartnershipStatus,
    reason: Option<&str>,
    by: Uuid,
    resident_rights: bool,
) -> sqlx::Result<Partnership> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE platform.partnerships
            SET status = $2, reason = $3, decided_by = $4, decided_at = now(),
                resident_rights = $5
          WHERE id = $1 RETURNING {PARTNERSHIP}"
    )))
    .bind(id)
    .bind(status)
    .bind(reason)
    .bind(by)
    .bind(resident_rights)
    .fetch_one(conn)
    .await
}

pub async fn partnerships_of(
    conn: &mut PgConnection,
    organisations: &[Uuid],
) -> sqlx::Result<Vec<Partnership>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {PARTNERSHIP} FROM platform.partnerships WHERE organisation_id = ANY($1)
          ORDER BY requested_at"
    )))
    .bind(organisations)
    .fetch_all(conn)
    .await
}

/// Requests addressed to one community, or to one district, by status.
pub async fn partnerships_to(
    conn: &mut PgConnection,
    district: Option<Uuid>,
    community: Option<Uuid>,
    status: Option<PartnershipStatus>,
) -> sqlx::Result<Vec<Partnership>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {PARTNERSHIP} FROM platform.partnerships
          WHERE district_id IS NOT DISTINCT FROM $1 AND community_id IS NOT DISTINCT FROM $2
            AND ($3::text IS NULL OR status = $3)
          ORDER BY requested_at"
    )))
    .bind(district)
    .bind(community)
    .bind(status)
    .fetch_all(conn)
    .await
}

/// Organisations approved in a community: for it, or for a district on its path.
pub async fn approved_in(
    conn: &mut PgConnection,
    community: Uuid,
    district_path: &[Uuid],
) -> sqlx::Result<Vec<Organisation>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ORGANISATION} FROM platform.organisations o
          WHERE EXISTS (SELECT 1 FROM platform.partnerships p
                         WHERE p.organisation_id = o.id AND p.status = 'approved'
                           AND (p.community_id = $1 OR p.district_id = ANY($2)))
          ORDER BY name"
    )))
    .bind(community)
    .bind(district_path)
    .fetch_all(conn)
    .await
}

pub async fn organisations(
    conn: &mut PgConnection,
    ids: &[Uuid],
) -> sqlx::Result<Vec<Organisation>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ORGANISATION} FROM platform.organisations WHERE id = ANY($1) ORDER BY name"
    )))
    .bind(ids)
    .fetch_all(conn)
    .await
}

/// Organisations with an approved partnership reaching any community of a district's subtree
/// (`district`) or of these communities: one of them, or a district containing one.
pub async fn partnering(
    conn: &mut PgConnection,
    district: Option<Uuid>,
    communities: Option<&[Uuid]>,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "WITH c AS (SELECT c.id, d.path FROM platform.communities c
                      JOIN platform.districts d ON d.id = c.district_id
                     WHERE ($1::uuid IS NULL OR d.path @> ARRAY[$1::uuid])
                       AND ($2::uuid[] IS NULL OR c.id = ANY($2))),
              above AS (SELECT DISTINCT unnest(path) AS id FROM c)
         SELECT count(DISTINCT p.organisation_id) FROM platform.partnerships p
          WHERE p.status = 'approved'
            AND (p.community_id IN (SELECT id FROM c) OR p.district_id IN (SELECT id FROM above))",
    )
    .bind(district)
    .bind(communities)
    // planned for its arguments: a district or a list (see dashboards::district)
    .persistent(false)
    .fetch_one(conn)
    .await
}
