//! The rules of teachers: each function opens its own tenant transaction.

use infra::OnViolation;
use std::collections::HashMap;

use infra::{AppError, AppResult, TenantTx};
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db;
use crate::error::{CoursesError, not_found};
use crate::model::*;

pub struct TeacherInput {
    pub name: String,
    pub kind: TeacherKind,
    pub skills: Vec<String>,
    pub phone: Option<String>,
    pub teaches_in: Vec<String>,
    /// A learner of this community who becomes a teacher.
    pub learner_id: Option<Uuid>,
    /// The teacher's own account, so that they can act on the courses they teach (a learner
    /// who becomes a teacher brings theirs).
    pub account_id: Option<Uuid>,
}

pub async fn create_teacher(ctx: &CommunityCtx, input: TeacherInput) -> AppResult<TeacherView> {
    ctx.require(Roles::STAFF)?;
    let name = text(&input.name, 1, 50, "姓名", "The name")?;
    let skills: Vec<String> = input
        .skills
        .iter()
        .map(|s| text(s, 1, 30, "技能", "A skill").map(str::to_owned))
        .collect::<Result<_, _>>()?;
    let phone = match input
        .phone
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        Some(p) if p.len() == 11 && p.starts_with('1') && p.chars().all(|c| c.is_ascii_digit()) => {
            Some(ctx.secrets().encrypt(p))
        }
        Some(_) => {
            return Err(AppError::from(CoursesError::BadPhone));
        }
        None => None,
    };
    let mut tx = ctx.tx().await?;
    let account_id = match input.learner_id {
        Some(id) => crate::learners::db::learner(&mut tx, id)
            .await?
            .ok_or_else(|| not_found("learner"))?
            .account_id
            .or(input.account_id),
        None => input.account_id,
    };
    let t = db::insert_teacher(
        &mut tx,
        &db::NewTeacher {
            name,
            kind: input.kind,
            skills: &skills,
            phone_encrypted: phone,
            account_id,
            learner_id: input.learner_id,
            status: TeacherStatus::Active,
            teaches_in: &input.teaches_in,
        },
    )
    .await
    .on_violation(|v| {
        v.is_unique()
            .then(|| AppError::from(CoursesError::AlreadyATeacher))
    })?;
    tx.commit().await?;
    Ok(view(ctx, t, None))
}

/// Staff confirm a 达人 found by a survey into the teacher pool (候选 → 在库), as a teacher of
/// `kind`; confirming a teacher already in the pool is `CONFLICT`.
pub async fn confirm_teacher(
    ctx: &CommunityCtx,
    teacher: Uuid,
    kind: TeacherKind,
    teaches_in: &[String],
) -> AppResult<TeacherView> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let Some(t) = db::confirm(&mut tx, teacher, kind, teaches_in).await? else {
        return Err(match db::teacher(&mut tx, teacher).await? {
            Some(_) => AppError::from(CoursesError::AlreadyATeacher),
            None => not_found("teacher"),
        });
    };
    tx.commit().await?;
    Ok(view(ctx, t, None))
}

/// A teacher as the caller may see them: the phone number in full for staff, masked for
/// everyone else (PIPL), decided here so that no resolver handles a ciphertext.
#[derive(Debug, Clone)]
pub struct TeacherView {
    pub teacher: Teacher,
    pub phone: Option<String>,
    pub average_rating: Option<f64>,
}

pub(crate) fn view(
    ctx: &CommunityCtx,
    teacher: Teacher,
    average_rating: Option<f64>,
) -> TeacherView {
    let phone = teacher
        .phone_encrypted
        .as_deref()
        .and_then(|p| ctx.secrets().decrypt(p))
        .map(|p| {
            if ctx.is_staff() {
                p
            } else {
                infra::crypto::mask_phone(&p)
            }
        });
    TeacherView {
        teacher,
        phone,
        average_rating,
    }
}

/// A page of the teacher pool; average ratings (one more statement) when `with_ratings`.
pub async fn teachers(
    ctx: &CommunityCtx,
    after: Option<Uuid>,
    limit: i64,
    with_ratings: bool,
) -> AppResult<Vec<TeacherView>> {
    let mut tx = ctx.tx().await?;
    let rows = db::teachers_page(&mut tx, after, limit + 1).await?;
    let ids: Vec<Uuid> = rows.iter().map(|t| t.id).collect();
    let ratings: HashMap<Uuid, f64> = if with_ratings {
        db::teacher_ratings(&mut tx, &ids)
            .await?
            .into_iter()
            .map(|(id, r, _)| (id, r))
            .collect()
    } else {
        HashMap::new()
    };
    tx.commit().await?;
    Ok(rows
        .into_iter()
        .map(|t| {
            let r = ratings.get(&t.id).copied();
            view(ctx, t, r)
        })
        .collect())
}

/// Teachers act on the courses they teach; staff (and admins above) on all.
pub(crate) async fn require_teaching(
    tx: &mut TenantTx,
    ctx: &CommunityCtx,
    course_id: Uuid,
) -> AppResult<()> {
    if ctx.is_staff() {
        return Ok(());
    }
    ctx.require(Roles::TEACHING)?;
    if db::teaches(tx, course_id, ctx.access().account_id).await? {
        Ok(())
    } else {
        Err(CoursesError::NotYourCourse.into())
    }
}

/// Link a teacher of the pool to the partner team they teach for, or unlink (staff). The
/// partners crate, which owns teams, checks the team (an organisation approved here) and alone
/// calls this with one.
pub async fn link_to_team(
    ctx: &CommunityCtx,
    teacher: Uuid,
    team: Option<(Uuid, &str)>,
) -> AppResult<Teacher> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let t = db::set_team(&mut tx, teacher, team)
        .await?
        .ok_or_else(|| not_found("teacher"))?;
    tx.commit().await?;
    Ok(t)
}
