//! SQL of meetings and follow-ups; every function takes a tenant transaction.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use super::model::*;

const MEETING: &str = "id, kind, title, held_at, place, courtyard_id, topics, minutes, recorded_by";
const ATTENDEES: &str = "role, organisation, people";
const FOLLOW_UP: &str = "id, meeting_id, decision, owner_kind, owner_id, owner_name, \
                         courtyard_id, due_on, status, closed_at, drop_reason";

pub struct NewMeeting<'a> {
    pub kind: MeetingKind,
    pub title: &'a str,
    pub held_at: DateTime<Utc>,
    pub place: &'a str,
    pub courtyard_id: Option<Uuid>,
    pub topics: &'a [String],
    pub minutes: &'a str,
    pub by: Uuid,
}

pub async fn insert_meeting(conn: &mut PgConnection, m: &NewMeeting<'_>) -> sqlx::Result<Meeting> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO meetings (id, kind, title, held_at, place, courtyard_id, topics, minutes,
                               recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING {MEETING}"
    )))
    .bind(Uuid::now_v7())
    .bind(m.kind)
    .bind(m.title)
    .bind(m.held_at)
    .bind(m.place)
    .bind(m.courtyard_id)
    .bind(m.topics)
    .bind(m.minutes)
    .bind(m.by)
    .fetch_one(conn)
    .await
}

/// All of a meeting's attendee groups, in one statement.
pub async fn insert_attendees(
    conn: &mut PgConnection,
    meeting: Uuid,
    a: &[Attendees],
) -> sqlx::Result<Vec<Attendees>> {
    let roles: Vec<AttendeeRole> = a.iter().map(|x| x.role).collect();
    let orgs: Vec<&str> = a.iter().map(|x| x.organisation.as_str()).collect();
    let people: Vec<i32> = a.iter().map(|x| x.people).collect();
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO meeting_attendees (meeting_id, role, organisation, people)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::int[]) RETURNING {ATTENDEES}"
    )))
    .bind(meeting)
    .bind(roles)
    .bind(orgs)
    .bind(people)
    .fetch_all(conn)
    .await
}

pub async fn meetings(
    conn: &mut PgConnection,
    kind: Option<MeetingKind>,
    first: i64,
) -> sqlx::Result<Vec<Meeting>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {MEETING} FROM meetings WHERE $1::text IS NULL OR kind = $1
          ORDER BY held_at DESC LIMIT $2"
    )))
    .bind(kind)
    .bind(first)
    .fetch_all(conn)
    .await
}

pub async fn meeting(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Meeting>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {MEETING} FROM meetings WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn attendees(conn: &mut PgConnection, meeting: Uuid) -> sqlx::Result<Vec<Attendees>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ATTENDEES} FROM meeting_attendees WHERE meeting_id = $1 ORDER BY role, organisation"
    )))
    .bind(meeting)
    .fetch_all(conn)
    .await
}

pub struct NewFollowUp<'a> {
    pub meeting_id: Uuid,
    pub decision: &'a str,
    pub owner_kind: OwnerKind,
    pub owner_id: Uuid,
    pub owner_name: &'a str,
    pub courtyard_id: Option<Uuid>,
    pub due_on: NaiveDate,
}

pub async fn insert_follow_up(
    conn: &mut PgConnection,
    f: &NewFollowUp<'_>,
) -> sqlx::Result<FollowUp> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO follow_ups (id, meeting_id, decision, owner_kind, owner_id, owner_name,
                                 courtyard_id, due_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING {FOLLOW_UP}"
    )))
    .bind(Uuid::now_v7())
    .bind(f.meeting_id)
    .bind(f.decision)
    .bind(f.owner_kind)
    .bind(f.owner_id)
    .bind(f.owner_name)
    .bind(f.courtyard_id)
    .bind(f.due_on)
    .fetch_one(conn)
    .await
}

pub async fn follow_up(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<FollowUp>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {FOLLOW_UP} FROM follow_ups WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// Follow-ups of a meeting, of a courtyard, or owned by an account — any that is given.
pub async fn follow_ups(
    conn: &mut PgConnection,
    meeting: Option<Uuid>,
    courtyard: Option<Uuid>,
    owner: Option<Uuid>,
    open_only: bool,
) -> sqlx::Result<Vec<FollowUp>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {FOLLOW_UP} FROM follow_ups
          WHERE ($1::uuid IS NULL OR meeting_id = $1) AND ($2::uuid IS NULL OR courtyard_id = $2)
            AND ($3::uuid IS NULL OR owner_id = $3) AND (NOT $4 OR status = 'open')
          ORDER BY due_on, id LIMIT 500"
    )))
    .bind(meeting)
    .bind(courtyard)
    .bind(owner)
    .bind(open_only)
    .fetch_all(conn)
    .await
}

/// Close an open follow-up: done, or dropped with a reason. `None` when it was not open.
pub async fn close(
    conn: &mut PgConnection,
    id: Uuid,
    status: FollowUpStatus,
    by: Uuid,
    reason: Option<&str>,
) -> sqlx::Result<Option<FollowUp>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE follow_ups SET status = $2, closed_at = now(), closed_by = $3, drop_reason = $4
          WHERE id = $1 AND status = 'open' RETURNING {FOLLOW_UP}"
    )))
    .bind(id)
    .bind(status)
    .bind(by)
    .bind(reason)
    .fetch_optional(conn)
    .await
}

/// Meetings held and follow-ups done (and done by their day) per day, for a rebuild.
pub async fn figures(conn: &mut PgConnection) -> sqlx::Result<Vec<(String, NaiveDate, i64)>> {
    sqlx::query_as(
        "SELECT 'governance.meetings', figure_day(held_at) AS day, count(*) FROM meetings
          GROUP BY day
         UNION ALL
         SELECT 'governance.meetings_' || kind, figure_day(held_at) AS day, count(*)
           FROM meetings GROUP BY 1, 2
         UNION ALL
         SELECT 'governance.cadence_periods_met', starts_on, count(*) FROM meeting_cadence_met
          GROUP BY starts_on
         UNION ALL
         SELECT 'governance.follow_ups_done', figure_day(closed_at) AS day, count(*)
           FROM follow_ups WHERE status = 'done' GROUP BY day
         UNION ALL
         SELECT 'governance.follow_ups_on_time', figure_day(closed_at) AS day, count(*)
           FROM follow_ups WHERE status = 'done' AND figure_day(closed_at) <= due_on GROUP BY day",
    )
    .fetch_all(conn)
    .await
}

pub async fn link_suggestion(
    conn: &mut PgConnection,
    meeting: Uuid,
    demand: Uuid,
) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO meeting_suggestions (meeting_id, demand_id) VALUES ($1, $2)")
        .bind(meeting)
        .bind(demand)
        .execute(conn)
        .await
        .map(|_| ())
}

/// The demands raised at a meeting.
pub async fn suggestions(conn: &mut PgConnection, meeting: Uuid) -> sqlx::Result<Vec<Uuid>> {
    sqlx::query_scalar("SELECT demand_id FROM meeting_suggestions WHERE meeting_id = $1")
        .bind(meeting)
        .fetch_all(conn)
        .await
}

pub async fn set_target(
    conn: &mut PgConnection,
    t: &CadenceTarget,
    by: Uuid,
) -> sqlx::Result<CadenceTarget> {
    sqlx::query_as(
        "INSERT INTO meeting_cadence_targets (kind, per, at_least, set_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (kind) DO UPDATE SET per = $2, at_least = $3, set_by = $4, set_at = now()
         RETURNING kind, per, at_least",
    )
    .bind(t.kind)
    .bind(t.per)
    .bind(t.at_least)
    .bind(by)
    .fetch_one(conn)
    .await
}

pub async fn targets(conn: &mut PgConnection) -> sqlx::Result<Vec<CadenceTarget>> {
    sqlx::query_as("SELECT kind, per, at_least FROM meeting_cadence_targets ORDER BY kind")
        .fetch_all(conn)
        .await
}

/// Each period of `per` from the one holding `from` to the one holding `to`, with the meetings
/// of `kind` held in it (local days).
pub async fn periods(
    conn: &mut PgConnection,
    kind: MeetingKind,
    per: CadencePer,
    from: NaiveDate,
    to: NaiveDate,
) -> sqlx::Result<Vec<CadencePeriod>> {
    sqlx::query_as(
        "WITH p AS (
             SELECT s::date AS starts_on, (s + ('1 ' || $2)::interval)::date AS ends_on
               FROM generate_series(date_trunc($2, $3::date), $4::date, ('1 ' || $2)::interval) AS s)
         SELECT p.starts_on,
                (SELECT count(*) FROM meetings m
                  WHERE m.kind = $1 AND figure_day(m.held_at) >= p.starts_on
                    AND figure_day(m.held_at) < p.ends_on)::int AS held
           FROM p ORDER BY p.starts_on",
    )
    .bind(kind)
    .bind(per)
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await
}
