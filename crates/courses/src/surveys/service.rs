//! The rules of surveys: each function opens its own tenant transaction.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use infra::{AppError, AppResult};
use serde_json::json;
use tenancy::{CommunityCtx, Roles};
use uuid::Uuid;

use super::db;
use crate::catalogue::service::insert_course;
use crate::error::{CoursesError, not_found};
use crate::learners::service::entering_for;
use crate::model::*;

pub struct QuestionInput {
    pub kind: QuestionKind,
    pub prompt: String,
    pub options: Vec<String>,
}

pub async fn create_survey(
    ctx: &CommunityCtx,
    title: &str,
    threshold: i32,
    closes_at: Option<DateTime<Utc>>,
    questions: Vec<QuestionInput>,
) -> AppResult<Survey> {
    ctx.require(Roles::STAFF)?;
    let title = text(title, 1, 100, "问卷标题", "The survey's title")?;
    if threshold < 1 {
        return Err(AppError::from(CoursesError::ThresholdBelowOne));
    }
    if questions.is_empty() || questions.len() > 50 {
        return Err(AppError::from(CoursesError::QuestionCount));
    }
    let mut tx = ctx.tx().await?;
    let survey = db::insert_survey(
        &mut tx,
        title,
        threshold,
        closes_at,
        ctx.access().account_id,
    )
    .await?;
    for (i, q) in questions.iter().enumerate() {
        let prompt = text(&q.prompt, 1, 200, "问题", "A question")?;
        let given: Vec<String> = q
            .options
            .iter()
            .map(|o| text(o, 1, 50, "选项", "An option").map(str::to_owned))
            .collect::<Result<_, _>>()?;
        let options = match q.kind {
            QuestionKind::Single | QuestionKind::Multiple if (1..=30).contains(&given.len()) => {
                given
            }
            // A rating names its own steps (非常满意 … 不满意), or is scored 1 to 5.
            QuestionKind::Rating if given.is_empty() => (1..=5).map(|n| n.to_string()).collect(),
            QuestionKind::Rating if (2..=10).contains(&given.len()) => given,
            QuestionKind::Text | QuestionKind::Talent if given.is_empty() => given,
            _ => return Err(AppError::from(CoursesError::OptionCount)),
        };
        db::insert_question(&mut tx, survey.id, i as i32 + 1, q.kind, prompt, &options).await?;
    }
    tx.commit().await?;
    Ok(survey)
}

pub struct AnswerInput {
    pub question_id: Uuid,
    pub choices: Vec<i32>,
    pub text: Option<String>,
}

/// Answer once per survey; answering again replaces the answer until the survey closes.
/// Talent offers ("I can teach this") make the resident a teacher candidate.
/// Check answers against the survey's questions: the response document and the talents
/// offered (for the teacher pool).
fn response_of(
    questions: &HashMap<Uuid, Question>,
    answers: Vec<AnswerInput>,
) -> AppResult<(serde_json::Value, Vec<String>)> {
    let mut doc = serde_json::Map::new();
    let mut talents = Vec::new();
    for a in answers {
        let q = questions
            .get(&a.question_id)
            .ok_or(CoursesError::BadAnswer)?;
        let kind = q.kind;
        let value = match kind {
            QuestionKind::Single | QuestionKind::Multiple | QuestionKind::Rating => {
                let mut c = a.choices.clone();
                c.sort_unstable();
                c.dedup();
                let in_range = c.iter().all(|i| (0..q.options.len() as i32).contains(i));
                if c.is_empty()
                    || !in_range
                    || (kind != QuestionKind::Multiple && c.len() != 1)
                    || a.text.is_some()
                {
                    return Err(CoursesError::BadAnswer.into());
                }
                json!({ "choices": c })
            }
            QuestionKind::Text | QuestionKind::Talent => {
                let t = text(
                    a.text.as_deref().unwrap_or(""),
                    1,
                    500,
                    "回答",
                    "The answer",
                )?;
                if kind == QuestionKind::Talent {
                    talents.push(t.chars().take(30).collect::<String>());
                }
                json!({ "text": t })
            }
        };
        doc.insert(q.id.to_string(), value);
    }
    Ok((serde_json::Value::Object(doc), talents))
}

/// The open survey and its questions.
async fn open_survey(
    tx: &mut infra::TenantTx,
    survey_id: Uuid,
) -> AppResult<(Survey, HashMap<Uuid, Question>)> {
    let survey = db::survey(tx, survey_id)
        .await?
        .ok_or_else(|| not_found("survey"))?;
    if !survey.is_open() {
        return Err(CoursesError::SurveyClosed.into());
    }
    let questions = db::questions(tx, &[survey.id])
        .await?
        .into_iter()
        .map(|q| (q.id, q))
        .collect();
    Ok((survey, questions))
}

/// Answer a survey; answering again replaces the earlier answer while the survey is open.
pub async fn answer_survey(
    ctx: &CommunityCtx,
    survey_id: Uuid,
    answers: Vec<AnswerInput>,
    channel: SurveyChannel,
) -> AppResult<()> {
    ctx.require(Roles::MEMBERS)?;
    let mut tx = ctx.tx().await?;
    let (survey, questions) = open_survey(&mut tx, survey_id).await?;
    let (doc, talents) = response_of(&questions, answers)?;
    let me = ctx.access().account_id;
    // A worker's own channel is the door; a resident's is the link they came by.
    let channel = match channel {
        SurveyChannel::DoorToDoor => SurveyChannel::InApp,
        c => c,
    };
    db::upsert_response(
        &mut tx,
        survey.id,
        db::Respondent::Account(me),
        None,
        &doc,
        channel,
    )
    .await?;
    for skill in talents {
        crate::teachers::db::upsert_candidate(&mut tx, me, &ctx.access().display_name, &skill)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Enter a resident's answers for them (入户摸底; staff, grid workers and 居民小组长 within
/// their reach, or a guardian for a child): the response is the resident's — their account's if they have one, else their
/// learner record's — and records who entered it. Talents offered this way are not added to
/// the teacher pool: the resident has not offered them themselves.
pub async fn answer_survey_for(
    ctx: &CommunityCtx,
    survey_id: Uuid,
    learner_id: Uuid,
    answers: Vec<AnswerInput>,
) -> AppResult<()> {
    let mut tx = ctx.tx().await?;
    let learner = entering_for(&mut tx, ctx, Some(learner_id)).await?;
    let (survey, questions) = open_survey(&mut tx, survey_id).await?;
    let (doc, _) = response_of(&questions, answers)?;
    let respondent = match learner.account_id {
        Some(a) => db::Respondent::Account(a),
        None => db::Respondent::Learner(learner.id),
    };
    let by = Some(ctx.access().account_id);
    db::upsert_response(
        &mut tx,
        survey.id,
        respondent,
        by,
        &doc,
        SurveyChannel::DoorToDoor,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A survey as its public page shows it to anyone with the link: title, questions and
/// options — no tallies, no answers. Public by design (金竹苑 posted its survey to WeChat and
/// QQ groups); answering still needs an account. `None` for an unknown survey.
pub async fn public_survey(
    ctx: &CommunityCtx,
    survey_id: Uuid,
) -> AppResult<Option<(Survey, Vec<Question>)>> {
    let mut tx = ctx.tx().await?;
    let Some(survey) = db::survey(&mut tx, survey_id).await? else {
        return Ok(None);
    };
    let questions = db::questions(&mut tx, &[survey.id]).await?;
    tx.commit().await?;
    Ok(Some((survey, questions)))
}

pub async fn close_survey(ctx: &CommunityCtx, survey_id: Uuid) -> AppResult<Survey> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let s = db::close_survey(&mut tx, survey_id)
        .await?
        .ok_or_else(|| not_found("survey"))?;
    tx.commit().await?;
    Ok(s)
}

#[derive(Debug, Clone)]
pub struct SurveyView {
    pub survey: Survey,
    pub questions: Vec<(Question, Vec<i64>)>,
    pub responses: i64,
    /// Responses by the channel they came by (only channels with any).
    pub by_channel: Vec<(SurveyChannel, i64)>,
    pub my_answers: Option<serde_json::Value>,
}

/// What a page of surveys loads beside the surveys: one statement each, when asked for.
#[derive(Debug, Clone, Copy)]
pub struct SurveyParts {
    pub questions: bool,
    pub tallies: bool,
    pub response_counts: bool,
    pub my_answers: bool,
}

impl SurveyParts {
    pub const ALL: SurveyParts = SurveyParts {
        questions: true,
        tallies: true,
        response_counts: true,
        my_answers: true,
    };
}

pub async fn surveys(
    ctx: &CommunityCtx,
    after: Option<Uuid>,
    limit: i64,
    parts: SurveyParts,
) -> AppResult<Vec<SurveyView>> {
    let mut tx = ctx.tx().await?;
    let rows = db::surveys_page(&mut tx, after, limit + 1).await?;
    let ids: Vec<Uuid> = rows.iter().map(|s| s.id).collect();
    let mut questions: HashMap<Uuid, Vec<Question>> = HashMap::new();
    if parts.questions {
        for q in db::questions(&mut tx, &ids).await? {
            questions.entry(q.survey_id).or_default().push(q);
        }
    }
    let mut tally: HashMap<(Uuid, i32), i64> = HashMap::new();
    if parts.questions && parts.tallies {
        for (q, i, n) in db::tallies(&mut tx, &ids).await? {
            tally.insert((q, i), n);
        }
    }
    let mut counts: HashMap<Uuid, Vec<(SurveyChannel, i64)>> = HashMap::new();
    if parts.response_counts {
        for (survey, channel, n) in db::response_counts(&mut tx, &ids).await? {
            counts.entry(survey).or_default().push((channel, n));
        }
    }
    let mut mine: HashMap<Uuid, serde_json::Value> = if parts.my_answers {
        db::responses_of(&mut tx, &ids, ctx.access().account_id)
            .await?
            .into_iter()
            .collect()
    } else {
        HashMap::new()
    };
    let mut out = Vec::new();
    for s in rows {
        let my_answers = mine.remove(&s.id);
        let qs = questions
            .remove(&s.id)
            .unwrap_or_default()
            .into_iter()
            .map(|q| {
                let t = (0..q.options.len() as i32)
                    .map(|i| tally.get(&(q.id, i)).copied().unwrap_or(0))
                    .collect();
                (q, t)
            })
            .collect();
        let by_channel = counts.remove(&s.id).unwrap_or_default();
        out.push(SurveyView {
            responses: by_channel.iter().map(|(_, n)| n).sum(),
            by_channel,
            survey: s,
            questions: qs,
            my_answers,
        });
    }
    tx.commit().await?;
    Ok(out)
}

/// Turn a survey option that reached the threshold into a proposed course, in one step.
pub async fn propose_course(
    ctx: &CommunityCtx,
    survey_id: Uuid,
    question_id: Uuid,
    option: i32,
    mut input: CourseInput,
    parts: crate::catalogue::service::CourseParts,
) -> AppResult<crate::catalogue::service::CourseView> {
    ctx.require(Roles::STAFF)?;
    let mut tx = ctx.tx().await?;
    let survey = db::survey(&mut tx, survey_id)
        .await?
        .ok_or_else(|| not_found("survey"))?;
    let q = db::questions(&mut tx, &[survey.id])
        .await?
        .into_iter()
        .find(|q| q.id == question_id)
        .ok_or_else(|| not_found("question"))?;
    let label = q
        .options
        .get(option as usize)
        .filter(|_| option >= 0)
        .ok_or(CoursesError::BadAnswer)?
        .clone();
    let count = db::tallies(&mut tx, &[survey.id])
        .await?
        .into_iter()
        .find(|(qid, i, _)| *qid == q.id && *i == option)
        .map(|t| t.2)
        .unwrap_or(0);
    if count < i64::from(survey.threshold) {
        return Err(CoursesError::ThresholdNotReached {
            count,
            threshold: survey.threshold,
        }
        .into());
    }
    if input.title.trim().is_empty() {
        input.title = label;
    }
    let demand = format!("{}:{}:{}", survey.id, q.id, option);
    let c = insert_course(&mut tx, &input, CourseStatus::Proposed, Some(&demand)).await?;
    let view = crate::catalogue::service::view_of(ctx, &mut tx, c, parts).await?;
    tx.commit().await?;
    Ok(view)
}
