//! The rules of micro-venture calls (微创投).

use chrono::NaiveDate;
use infra::{AppError, AppResult};
use tenancy::{CommunityCtx, Roles, Tenancy};
use uuid::Uuid;

use super::db::{self, NewProposal};
use super::model::*;
use crate::error::{Missing, PartnersError};
use crate::text;

/// Dashboard figures kept by a trigger (`migrations/community/partners/0034_figures.sql`),
/// recounted from the projects for the rebuild: projects awarded and closed, each on its day.
pub async fn figures(conn: &mut sqlx::PgConnection) -> AppResult<Vec<(String, NaiveDate, i64)>> {
    Ok(sqlx::query_as(
        "SELECT 'partners.ventures_awarded', figure_day(awarded_at) AS day, count(*)
           FROM venture_projects GROUP BY day
         UNION ALL
         SELECT 'partners.ventures_closed', figure_day(closed_at) AS day, count(*)
           FROM venture_projects WHERE status = 'done' GROUP BY day",
    )
    .fetch_all(conn)
    .await?)
}

fn missing(what: Missing) -> AppError {
    PartnersError::NotFound(what).into()
}

fn today() -> NaiveDate {
    infra::local_time::date_of(chrono::Utc::now())
}

/// Staff post a governance problem with a budget and a deadline.
pub async fn post_call(
    ctx: &CommunityCtx,
    title: &str,
    problem: &str,
    budget_yuan: i32,
    deadline: NaiveDate,
) -> AppResult<Call> {
    ctx.require(Roles::STAFF)?;
    let title = text(title, 1, 100, "项目名称", "The title")?;
    let problem = text(problem, 1, 2000, "问题说明", "The problem")?;
    if !(1..=10_000_000).contains(&budget_yuan) || deadline < today() {
        return Err(AppError::from(PartnersError::BadCall));
    }
    let mut tx = ctx.tx().await?;
    let c = db::insert_call(
        &mut tx,
        title,
        problem,
        budget_yuan,
        deadline,
        ctx.access().account_id,
    )
    .await?;
    tx.commit().await?;
    Ok(c)
}

pub struct ProposalInput {
    pub call_id: Uuid,
    pub team_id: Uuid,
    pub title: String,
    pub plan: String,
    pub budget_yuan: i32,
}

/// A team's leader or member proposes, before the deadline, within the budget, once per
/// call, for an organisation approved in the community.
pub async fn propose(t: &Tenancy, ctx: &CommunityCtx, p: ProposalInput) -> AppResult<Uuid> {
    ctx.require(Roles::PARTNERS)?;
    let title = text(&p.title, 1, 100, "方案名称", "The title")?;
    let plan = text(&p.plan, 1, 5000, "方案内容", "The plan")?;
    let team = crate::organisations::work::approved_team(t, ctx, p.team_id).await?;
    let mut conn = t.db().pool().acquire().await?;
    if !crate::organisations::db::in_team(&mut conn, team.id, ctx.access().account_id).await? {
        return Err(AppError::forbidden());
    }
    drop(conn);
    let mut tx = ctx.tx().await?;
    let call = db::lock_call(&mut tx, p.call_id)
        .await?
        .ok_or_else(|| missing(Missing::VentureCall))?;
    if call.status != CallStatus::Open || call.deadline < today() {
        return Err(AppError::from(PartnersError::CallClosed));
    }
    if !(1..=call.budget_yuan).contains(&p.budget_yuan) {
        return Err(PartnersError::BudgetOutOfRange {
            max: call.budget_yuan,
        }
        .into());
    }
    let id = db::insert_proposal(
        &mut tx,
        &NewProposal {
            call_id: call.id,
            organisation_id: team.organisation_id,
            team: (team.id, &team.name),
            title,
            plan,
            budget_yuan: p.budget_yuan,
            by: ctx.access().account_id,
        },
    )
    .await?
    .ok_or_else(|| AppError::from(PartnersError::AlreadyProposed))?;
    tx.commit().await?;
    Ok(id)
}

/// A proposal and its call, locked, while the call is still undecided.
async fn undecided(conn: &mut sqlx::PgConnection, proposal: Uuid) -> AppResult<(Proposal, Call)> {
    let p = db::proposal(conn, proposal)
        .await?
        .ok_or_else(|| missing(Missing::Proposal))?;
    let call = db::lock_call(conn, p.call_id)
        .await?
        .ok_or_else(|| missing(Missing::VentureCall))?;
    if call.status != CallStatus::Open {
        return Err(AppError::from(PartnersError::CallDecided));
    }
    Ok((p, call))
}

/// Staff review a proposal with a score and a comment (again: the review is replaced), until
/// the call is awarded.
pub async fn review(
    ctx: &CommunityCtx,
    proposal: Uuid,
    score: i32,
    comment: &str,
) -> AppResult<()> {
    ctx.require(Roles::STAFF)?;
    let comment = text(comment, 1, 1000, "评审意见", "The comment")?;
    if !(0..=100).contains(&score) {
        return Err(AppError::from(PartnersError::BadScore));
    }
    let mut tx = ctx.tx().await?;
    let (p, _call) = undecided(&mut tx, proposal).await?;
    db::upsert_review(&mut tx, p.id, ctx.access().account_id, score, comment).await?;
    tx.commit().await?;
    Ok(())
}

/// Staff award the call to one of its proposals: the project starts, with its milestones.
pub async fn award(
    ctx: &CommunityCtx,
    proposal: Uuid,
    milestones: &[(String, NaiveDate)],
) -> AppResult<Project> {
    ctx.require(Roles::STAFF)?;
    if milestones.is_empty() || milestones.len() > 20 {
        return Err(AppError::from(PartnersError::MilestoneCount));
    }
    let mut tx = ctx.tx().await?;
    let (p, call) = undecided(&mut tx, proposal).await?;
    let project = db::insert_project(&mut tx, call.id, p.id).await?;
    for (title, due) in milestones {
        let title = text(title, 1, 100, "里程碑名称", "A milestone's title")?;
        db::insert_milestone(&mut tx, project.id, title, *due).await?;
    }
    db::set_call_status(&mut tx, call.id, CallStatus::Awarded).await?;
    tx.commit().await?;
    Ok(project)
}

/// The team that carries a project, or staff.
async fn on_project(
    my_teams: &[Uuid],
    ctx: &CommunityCtx,
    tx: &mut sqlx::PgConnection,
    project: &Project,
) -> AppResult<()> {
    if ctx.is_staff() {
        return Ok(());
    }
    let p = db::proposal(tx, project.proposal_id)
        .await?
        .ok_or_else(|| missing(Missing::Proposal))?;
    if my_teams.contains(&p.team_id) {
        Ok(())
    } else {
        Err(AppError::forbidden())
    }
}

/// The milestone, locked with its project, if the caller may complete it now: the project's
/// team or staff, neither it nor the project done.
async fn completable(
    my_teams: &[Uuid],
    ctx: &CommunityCtx,
    tx: &mut sqlx::PgConnection,
    milestone: Uuid,
) -> AppResult<Milestone> {
    let m = db::lock_milestone(tx, milestone)
        .await?
        .ok_or_else(|| missing(Missing::Milestone))?;
    let project = db::lock_project(tx, m.project_id)
        .await?
        .ok_or_else(|| missing(Missing::Project))?;
    on_project(my_teams, ctx, tx, &project).await?;
    if m.done_at.is_some() || project.status == ProjectStatus::Done {
        return Err(AppError::from(PartnersError::MilestoneDone));
    }
    Ok(m)
}

/// Mark a milestone done (the project's team or staff), with a note and a photo of the work.
/// Who and what are checked before the photo is decoded or stored, and again with the row.
pub async fn complete_milestone(
    t: &Tenancy,
    ctx: &CommunityCtx,
    milestone: Uuid,
    note: Option<&str>,
    photo: Option<Vec<u8>>,
) -> AppResult<Milestone> {
    ctx.require(Roles::PARTNERS)?;
    let note = note
        .map(|n| text(n, 1, 500, "说明", "The note"))
        .transpose()?;
    let my_teams = crate::organisations::work::my_teams(t, ctx).await?;
    let mut tx = ctx.tx().await?;
    completable(&my_teams, ctx, &mut tx, milestone).await?;
    tx.commit().await?;
    let key = match photo {
        Some(bytes) => {
            let p = infra::photos::process_bounded(bytes).await?;
            let key = format!(
                "c/{}/ventures/{}.jpg",
                ctx.tenant().community_id,
                Uuid::now_v7()
            );
            ctx.store().put(&key, p.full, "image/jpeg").await?;
            Some(key)
        }
        None => None,
    };
    let done = async {
        let mut tx = ctx.tx().await?;
        let m = completable(&my_teams, ctx, &mut tx, milestone).await?;
        let m = db::complete_milestone(&mut tx, m.id, note, key.as_deref()).await?;
        tx.commit().await?;
        Ok(m)
    }
    .await;
    if done.is_err()
        && let Some(key) = &key
    {
        // Completed by someone else meanwhile: the photo belongs to no row.
        let _ = ctx.store().delete(key).await;
    }
    done
}

/// Close a project with its report, once every milestone is done (the team or staff).
pub async fn close_project(
    t: &Tenancy,
    ctx: &CommunityCtx,
    project: Uuid,
    report: &str,
) -> AppResult<Project> {
    ctx.require(Roles::PARTNERS)?;
    let report = text(report, 1, 5000, "结项报告", "The closing report")?;
    let my_teams = crate::organisations::work::my_teams(t, ctx).await?;
    let mut tx = ctx.tx().await?;
    let p = db::lock_project(&mut tx, project)
        .await?
        .ok_or_else(|| missing(Missing::Project))?;
    on_project(&my_teams, ctx, &mut tx, &p).await?;
    if p.status == ProjectStatus::Done {
        return Err(AppError::from(PartnersError::ProjectClosed));
    }
    if db::milestones(&mut tx, &[p.id])
        .await?
        .iter()
        .any(|m| m.done_at.is_none())
    {
        return Err(AppError::from(PartnersError::MilestonesOpen));
    }
    let p = db::close_project(&mut tx, p.id, report).await?;
    tx.commit().await?;
    Ok(p)
}

/// Calls with what the caller may see of them: every proposal and review (staff), or one's
/// own organisations' proposals (partners); projects and milestones for all.
pub struct CallView {
    pub call: Call,
    pub proposals: Vec<Proposal>,
    pub reviews: Vec<Review>,
    pub project: Option<Project>,
    /// Each milestone with a 15-minute link to its photo, if it has one.
    pub milestones: Vec<(Milestone, Option<String>)>,
}

pub async fn calls(t: &Tenancy, ctx: &CommunityCtx) -> AppResult<Vec<CallView>> {
    ctx.require(Roles::ANYONE)?;
    let staff = ctx.is_staff();
    let mine: Option<Vec<Uuid>> = if staff {
        None
    } else {
        let mut conn = t.db().pool().acquire().await?;
        let orgs =
            crate::organisations::db::organisations_of(&mut conn, ctx.access().account_id).await?;
        Some(orgs.into_iter().map(|(o, _)| o.id).collect())
    };
    let mut tx = ctx.tx().await?;
    let calls = db::calls(&mut tx).await?;
    let ids: Vec<Uuid> = calls.iter().map(|c| c.id).collect();
    let proposals = db::proposals(&mut tx, &ids, mine.as_deref()).await?;
    let reviews = if staff {
        let p: Vec<Uuid> = proposals.iter().map(|p| p.id).collect();
        db::reviews(&mut tx, &p).await?
    } else {
        Vec::new()
    };
    let projects = db::projects(&mut tx, &ids).await?;
    let pids: Vec<Uuid> = projects.iter().map(|p| p.id).collect();
    let milestones = db::milestones(&mut tx, &pids).await?;
    tx.commit().await?;
    let mut links = std::collections::HashMap::new();
    for m in &milestones {
        if let Some(key) = &m.photo_key {
            let url = ctx
                .store()
                .presign_get(key, infra::storage::EXPORT_LINK_TTL)
                .await?;
            links.insert(m.id, url);
        }
    }
    Ok(calls
        .into_iter()
        .map(|c| {
            let project = projects.iter().find(|p| p.call_id == c.id).cloned();
            let props: Vec<Proposal> = proposals
                .iter()
                .filter(|p| p.call_id == c.id)
                .cloned()
                .collect();
            CallView {
                reviews: reviews
                    .iter()
                    .filter(|r| props.iter().any(|p| p.id == r.proposal_id))
                    .cloned()
                    .collect(),
                milestones: milestones
                    .iter()
                    .filter(|m| project.as_ref().is_some_and(|p| p.id == m.project_id))
                    .map(|m| (m.clone(), links.get(&m.id).cloned()))
                    .collect(),
                proposals: props,
                project,
                call: c,
            }
        })
        .collect())
}
