//! SQL of surveys on the community schema; every function takes a tenant transaction.

use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

use crate::model::*;

pub async fn insert_survey(
    conn: &mut PgConnection,
    title: &str,
    threshold: i32,
    closes_at: Option<DateTime<Utc>>,
    by: Uuid,
) -> sqlx::Result<Survey> {
    sqlx::query_as(
        "INSERT INTO surveys (id, title, threshold, closes_at, created_by) VALUES ($1, $2, $3, $4, $5)
         RETURNING id, title, threshold, closes_at, closed",
    )
    .bind(Uuid::now_v7())
    .bind(title)
    .bind(threshold)
    .bind(closes_at)
    .bind(by)
    .fetch_one(conn)
    .await
}

pub async fn insert_question(
    conn: &mut PgConnection,
    survey: Uuid,
    position: i32,
    kind: QuestionKind,
    prompt: &str,
    options: &[String],
) -> sqlx::Result<Question> {
    sqlx::query_as(
        "INSERT INTO survey_questions (id, survey_id, position, kind, prompt, options)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, survey_id, position, kind, prompt, options",
    )
    .bind(Uuid::now_v7())
    .bind(survey)
    .bind(position)
    .bind(kind)
    .bind(prompt)
    .bind(options)
    .fetch_one(conn)
    .await
}

pub async fn survey(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Survey>> {
    sqlx::query_as("SELECT id, title, threshold, closes_at, closed FROM surveys WHERE id = $1")
        .bind(id)
        .fetch_optional(conn)
        .await
}

pub async fn surveys_page(
    conn: &mut PgConnection,
    after: Option<Uuid>,
    limit: i64,
) -> sqlx::Result<Vec<Survey>> {
    sqlx::query_as(
        "SELECT id, title, threshold, closes_at, closed FROM surveys
          WHERE $1::uuid IS NULL OR id > $1 ORDER BY id LIMIT $2",
    )
    .bind(after)
    .bind(limit)
    .fetch_all(conn)
    .await
}

pub async fn close_survey(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<Survey>> {
    sqlx::query_as(
        "UPDATE surveys SET closed = true WHERE id = $1
         RETURNING id, title, threshold, closes_at, closed",
    )
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn questions(conn: &mut PgConnection, surveys: &[Uuid]) -> sqlx::Result<Vec<Question>> {
    sqlx::query_as(
        "SELECT id, survey_id, position, kind, prompt, options FROM survey_questions
          WHERE survey_id = ANY($1) ORDER BY survey_id, position",
    )
    .bind(surveys)
    .fetch_all(conn)
    .await
}

/// Who answered: an account (the resident, or a worker typing in for a resident who has
/// one), or the learner record of a resident without an account.
#[derive(Debug, Clone, Copy)]
pub enum Respondent {
    Account(Uuid),
    Learner(Uuid),
}

pub async fn upsert_response(
    conn: &mut PgConnection,
    survey: Uuid,
    respondent: Respondent,
    entered_by: Option<Uuid>,
    answers: &serde_json::Value,
    channel: SurveyChannel,
) -> sqlx::Result<()> {
    let (sql, who) = match respondent {
        Respondent::Account(a) => (
            "INSERT INTO survey_responses (survey_id, account_id, answers, entered_by, channel)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (survey_id, account_id) WHERE account_id IS NOT NULL
             DO UPDATE SET answers = EXCLUDED.answers, entered_by = EXCLUDED.entered_by,
                           channel = EXCLUDED.channel, updated_at = now()",
            a,
        ),
        Respondent::Learner(l) => (
            "INSERT INTO survey_responses (survey_id, learner_id, answers, entered_by, channel)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (survey_id, learner_id) WHERE account_id IS NULL
             DO UPDATE SET answers = EXCLUDED.answers, entered_by = EXCLUDED.entered_by,
                           channel = EXCLUDED.channel, updated_at = now()",
            l,
        ),
    };
    sqlx::query(sql)
        .bind(survey)
        .bind(who)
        .bind(answers)
        .bind(entered_by)
        .bind(channel)
        .execute(conn)
        .await?;
    Ok(())
}

/// An account's answers to each of the given surveys it answered.
pub async fn responses_of(
    conn: &mut PgConnection,
    surveys: &[Uuid],
    account: Uuid,
) -> sqlx::Result<Vec<(Uuid, serde_json::Value)>> {
    sqlx::query_as(
        "SELECT survey_id, answers FROM survey_responses WHERE survey_id = ANY($1) AND account_id = $2",
    )
    .bind(surveys)
    .bind(account)
    .fetch_all(conn)
    .await
}

/// (question id, option index, count) for the choice questions of the surveys.
pub async fn tallies(
    conn: &mut PgConnection,
    surveys: &[Uuid],
) -> sqlx::Result<Vec<(Uuid, i32, i64)>> {
    sqlx::query_as(
        "SELECT q.id, c.choice::int, count(*)
           FROM survey_questions q
           JOIN survey_responses r ON r.survey_id = q.survey_id
           CROSS JOIN LATERAL jsonb_array_elements_text(r.answers -> q.id::text -> 'choices') AS c(choice)
          WHERE q.survey_id = ANY($1) AND q.kind IN ('single', 'multiple', 'rating')
          GROUP BY q.id, c.choice::int",
    )
    .bind(surveys)
    .fetch_all(conn)
    .await
}

/// Responses per survey and channel.
pub async fn response_counts(
    conn: &mut PgConnection,
    surveys: &[Uuid],
) -> sqlx::Result<Vec<(Uuid, SurveyChannel, i64)>> {
    sqlx::query_as(
        "SELECT survey_id, channel, count(*) FROM survey_responses
          WHERE survey_id = ANY($1) GROUP BY survey_id, channel ORDER BY survey_id, channel",
    )
    .bind(surveys)
    .fetch_all(conn)
    .await
}

/// Surveys an account answered: (survey id, title, answered at).
pub async fn surveys_answered(
    conn: &mut PgConnection,
    account: Uuid,
) -> sqlx::Result<Vec<(Uuid, String, DateTime<Utc>)>> {
    sqlx::query_as(
        "SELECT s.id, s.title, r.updated_at FROM survey_responses r JOIN surveys s ON s.id = r.survey_id
          WHERE r.account_id = $1 ORDER BY r.updated_at",
    )
    .bind(account)
    .fetch_all(conn)
    .await
}
