//! SQL of micro-venture calls; every function takes a tenant transaction.

use chrono::NaiveDate;
use sqlx::PgConnection;
use uuid::Uuid;

use super::model::*;

const CALL: &str = "id, title, problem, budget_yuan, deadline, status";
const PROPOSAL: &str = "p.id, p.call_id, p.organisation_id, p.team_id, p.team_name, p.title, \
    p.plan, p.budget_yuan, p.submitted_at, \
    (SELECT avg(score)::float8 FROM venture_reviews r WHERE r.proposal_id = p.id) AS mean_score, \
    (SELECT count(*) FROM venture_reviews r WHERE r.proposal_id = p.id) AS reviews";
const PROJECT: &str = "id, call_id, proposal_id, status, closing_report, closed_at";
const MILESTONE: &str = "id, project_id, title, due_on, done_at, note, photo_key";

pub async fn insert_call(
    conn: &mut PgConnection,
    title: &str,
    problem: &str,
    budget: i32,
    deadline: NaiveDate,
    by: Uuid,
) -> sqlx::Result<Call> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO venture_calls (id, title, problem, budget_yuan, deadline, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING {CALL}"
    )))
    .bind(Uuid::now_v7())
    .bind(title)
    .bind(problem)
    .bind(budget)
    .bind(deadline)
    .bind(by)
    .fetch_one(conn)
    .await
}

pub async fn calls(conn: &mut PgConnection) -> sqlx::Result<Vec<Call>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {CALL} FROM venture_calls ORDER BY deadline DESC, id LIMIT 200"
    )))
    .fetch_all(conn)
    .await
}

pub async fn lock_call(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Call>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {CALL} FROM venture_calls WHERE id = $1 FOR UPDATE"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn set_call_status(
    conn: &mut PgConnection,
    id: Uuid,
    status: CallStatus,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE venture_calls SET status = $2 WHERE id = $1")
        .bind(id)
        .bind(status)
        .execute(conn)
        .await?;
    Ok(())
}

pub struct NewProposal<'a> {
    pub call_id: Uuid,
    pub organisation_id: Uuid,
    pub team: (Uuid, &'a str),
    pub title: &'a str,
    pub plan: &'a str,
    pub budget_yuan: i32,
    pub by: Uuid,
}

/// `false` when the team has proposed for this call already.
pub async fn insert_proposal(
    conn: &mut PgConnection,
    p: &NewProposal<'_>,
) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar(
        "INSERT INTO venture_proposals (id, call_id, organisation_id, team_id, team_name, title,
                                        plan, budget_yuan, submitted_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (call_id, team_id) DO NOTHING RETURNING id",
    )
    .bind(Uuid::now_v7())
    .bind(p.call_id)
    .bind(p.organisation_id)
    .bind(p.team.0)
    .bind(p.team.1)
    .bind(p.title)
    .bind(p.plan)
    .bind(p.budget_yuan)
    .bind(p.by)
    .fetch_optional(conn)
    .await
}

/// Proposals of calls, of the given organisations only (`Some`) or all.
pub async fn proposals(
    conn: &mut PgConnection,
    calls: &[Uuid],
    organisations: Option<&[Uuid]>,
) -> sqlx::Result<Vec<Proposal>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {PROPOSAL} FROM venture_proposals p
          WHERE p.call_id = ANY($1) AND ($2::uuid[] IS NULL OR p.organisation_id = ANY($2))
          ORDER BY p.submitted_at, p.id"
    )))
    .bind(calls)
    .bind(organisations)
    .fetch_all(conn)
    .await
}

pub async fn proposal(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Proposal>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {PROPOSAL} FROM venture_proposals p WHERE p.id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn upsert_review(
    conn: &mut PgConnection,
    proposal: Uuid,
    reviewer: Uuid,
    score: i32,
    comment: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO venture_reviews (proposal_id, reviewer, score, comment) VALUES ($1, $2, $3, $4)
         ON CONFLICT (proposal_id, reviewer) DO UPDATE
            SET score = EXCLUDED.score, comment = EXCLUDED.comment, reviewed_at = now()",
    )
    .bind(proposal)
    .bind(reviewer)
    .bind(score)
    .bind(comment)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn reviews(conn: &mut PgConnection, proposals: &[Uuid]) -> sqlx::Result<Vec<Review>> {
    sqlx::query_as(
        "SELECT proposal_id, reviewer, score, comment FROM venture_reviews
          WHERE proposal_id = ANY($1) ORDER BY reviewed_at",
    )
    .bind(proposals)
    .fetch_all(conn)
    .await
}

pub async fn insert_project(
    conn: &mut PgConnection,
    call: Uuid,
    proposal: Uuid,
) -> sqlx::Result<Project> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO venture_projects (id, call_id, proposal_id) VALUES ($1, $2, $3) RETURNING {PROJECT}"
    )))
    .bind(Uuid::now_v7())
    .bind(call)
    .bind(proposal)
    .fetch_one(conn)
    .await
}

pub async fn projects(conn: &mut PgConnection, calls: &[Uuid]) -> sqlx::Result<Vec<Project>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {PROJECT} FROM venture_projects WHERE call_id = ANY($1)"
    )))
    .bind(calls)
    .fetch_all(conn)
    .await
}

pub async fn lock_project(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Project>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {PROJECT} FROM venture_projects WHERE id = $1 FOR UPDATE"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn close_project(
    conn: &mut PgConnection,
    id: Uuid,
    report: &str,
) -> sqlx::Result<Project> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE venture_projects SET status = 'done', closing_report = $2, closed_at = now()
          WHERE id = $1 RETURNING {PROJECT}"
    )))
    .bind(id)
    .bind(report)
    .fetch_one(conn)
    .await
}

pub async fn insert_milestone(
    conn: &mut PgConnection,
    project: Uuid,
    title: &str,
    due_on: NaiveDate,
) -> sqlx::Result<Milestone> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO venture_milestones (id, project_id, title, due_on) VALUES ($1, $2, $3, $4)
         RETURNING {MILESTONE}"
    )))
    .bind(Uuid::now_v7())
    .bind(project)
    .bind(title)
    .bind(due_on)
    .fetch_one(conn)
    .await
}

pub async fn lock_milestone(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Milestone>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {MILESTONE} FROM venture_milestones WHERE id = $1 FOR UPDATE"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn complete_milestone(
    conn: &mut PgConnection,
    id: Uuid,
    note: Option<&str>,
    photo: Option<&str>,
) -> sqlx::Result<Milestone> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "UPDATE venture_milestones SET done_at = now(), note = $2, photo_key = $3
          WHERE id = $1 RETURNING {MILESTONE}"
    )))
    .bind(id)
    .bind(note)
    .bind(photo)
    .fetch_one(conn)
    .await
}

pub async fn milestones(
    conn: &mut PgConnection,
    projects: &[Uuid],
) -> sqlx::Result<Vec<Milestone>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {MILESTONE} FROM venture_milestones WHERE project_id = ANY($1) ORDER BY due_on, id"
    )))
    .bind(projects)
    .fetch_all(conn)
    .await
}
