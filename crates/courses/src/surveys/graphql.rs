//! The GraphQL face of surveys: types and resolvers, nothing else.

use crate::surveys::model::{QuestionKind, SurveyChannel};
use async_graphql::connection::Connection;
use async_graphql::{ComplexObject, Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use infra::AppResult;

use crate::catalogue::graphql::{CourseGql, CreateCourseInput, course, parts_selected};
use crate::graphql::*;
use crate::service::{self as svc, AnswerInput, QuestionInput};

#[derive(SimpleObject)]
#[graphql(name = "SurveyQuestion")]
pub struct QuestionGql {
    id: ID,
    position: i32,
    kind: QuestionKind,
    prompt: String,
    options: Vec<String>,
    tallies: Vec<i64>,
    threshold_reached: Vec<bool>,
}

/// Responses that came by one channel.
#[derive(SimpleObject)]
pub struct SurveyChannelCount {
    channel: SurveyChannel,
    responses: i64,
}

#[derive(SimpleObject)]
#[graphql(name = "Survey", complex)]
pub struct SurveyGql {
    #[graphql(skip)]
    uuid: uuid::Uuid,
    id: ID,
    title: String,
    threshold: i32,
    closes_at: Option<DateTime<Utc>>,
    open: bool,
    response_count: i64,
    /// Responses by the channel they came by (channels with none are left out).
    responses_by_channel: Vec<SurveyChannelCount>,
    questions: Vec<QuestionGql>,
    my_answers: Option<async_graphql::Json<serde_json::Value>>,
}

pub(crate) fn survey(v: svc::SurveyView) -> SurveyGql {
    let threshold = i64::from(v.survey.threshold);
    SurveyGql {
        uuid: v.survey.id,
        id: id(v.survey.id),
        open: v.survey.is_open(),
        title: v.survey.title,
        threshold: v.survey.threshold,
        closes_at: v.survey.closes_at,
        response_count: v.responses,
        responses_by_channel: v
            .by_channel
            .into_iter()
            .map(|(channel, responses)| SurveyChannelCount { channel, responses })
            .collect(),
        questions: v
            .questions
            .into_iter()
            .map(|(q, t)| QuestionGql {
                id: id(q.id),
                position: q.position,
                kind: q.kind,
                prompt: q.prompt,
                options: q.options,
                threshold_reached: t.iter().map(|n| *n >= threshold).collect(),
                tallies: t,
            })
            .collect(),
        my_answers: v.my_answers.map(async_graphql::Json),
    }
}

/// The survey's public page (`GET /survey/{community}/{id}`), which anyone may open: its
/// questions, and the way to sign in or sign up to answer. `from` names the channel the link
/// is posted to, so the answers it brings are counted by channel.
fn share_path(slug: &str, survey: uuid::Uuid, channel: SurveyChannel) -> String {
    format!("/survey/{slug}/{survey}?from={}", channel.as_str())
}

#[ComplexObject]
impl SurveyGql {
    /// The survey's public page for a channel (公众号, 微信群, QQ群 …), from the server's root.
    async fn share_path(
        &self,
        ctx: &Context<'_>,
        #[graphql(default_with = "SurveyChannel::WechatGroup")] channel: SurveyChannel,
    ) -> Res<String> {
        Ok(share_path(
            &community(ctx)?.tenant().slug,
            self.uuid,
            channel,
        ))
    }

    /// The public page as an SVG QR code: `origin` is the address people reach this server at.
    async fn qr_svg(
        &self,
        ctx: &Context<'_>,
        origin: String,
        #[graphql(default_with = "SurveyChannel::WechatGroup")] channel: SurveyChannel,
    ) -> Res<String> {
        let path = share_path(&community(ctx)?.tenant().slug, self.uuid, channel);
        Ok(infra::qr::link_svg(&origin, &path)?)
    }
}

#[derive(InputObject)]
pub struct QuestionInputGql {
    kind: QuestionKind,
    prompt: String,
    #[graphql(default)]
    options: Vec<String>,
}

#[derive(InputObject)]
pub struct CreateSurveyInput {
    title: String,
    threshold: i32,
    closes_at: Option<DateTime<Utc>>,
    questions: Vec<QuestionInputGql>,
}

#[derive(InputObject)]
pub struct AnswerInputGql {
    question_id: ID,
    #[graphql(default)]
    choices: Vec<i32>,
    text: Option<String>,
}

#[derive(Default)]
pub struct SurveysQuery;

#[Object]
impl SurveysQuery {
    /// Demand surveys (订单式) with live tallies.
    async fn surveys(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Res<Connection<String, SurveyGql>> {
        let s = community(ctx)?;
        let limit = svc::page_limit(first)?;
        let a = self::after(&after)?;
        let parts = svc::SurveyParts {
            questions: node_selected(ctx, &["questions"]),
            tallies: node_selected(ctx, &["questions", "tallies"])
                || node_selected(ctx, &["questions", "thresholdReached"]),
            response_counts: node_selected(ctx, &["responseCount"])
                || node_selected(ctx, &["responsesByChannel"]),
            my_answers: node_selected(ctx, &["myAnswers"]),
        };
        let rows = svc::surveys(s, a, limit, parts).await?;
        Ok(page(rows, limit, a.is_some(), |v| v.survey.id, survey))
    }
}

#[derive(Default)]
pub struct SurveysMutation;

#[Object]
impl SurveysMutation {
    async fn create_survey(&self, ctx: &Context<'_>, input: CreateSurveyInput) -> Res<ID> {
        let qs = input
            .questions
            .into_iter()
            .map(|q| QuestionInput {
                kind: q.kind,
                prompt: q.prompt,
                options: q.options,
            })
            .collect();
        Ok(id(svc::create_survey(
            community(ctx)?,
            &input.title,
            input.threshold,
            input.closes_at,
            qs,
        )
        .await?
        .id))
    }

    /// Answer a survey; answering again replaces the earlier answer while the survey is open.
    /// `channel` is the link the resident came by (the public page's `from`). With
    /// `learnerId`, staff and grid workers enter a resident's answers for them (入户摸底, counted
    /// as door to door), a guardian a child's.
    async fn answer_survey(
        &self,
        ctx: &Context<'_>,
        survey_id: ID,
        answers: Vec<AnswerInputGql>,
        learner_id: Option<ID>,
        #[graphql(default_with = "SurveyChannel::InApp")] channel: SurveyChannel,
    ) -> Res<bool> {
        let answers = answers
            .into_iter()
            .map(|a| {
                Ok(AnswerInput {
                    question_id: uuid(&a.question_id)?,
                    choices: a.choices,
                    text: a.text,
                })
            })
            .collect::<AppResult<_>>()?;
        match opt_uuid(&learner_id)? {
            Some(l) => {
                svc::answer_survey_for(community(ctx)?, uuid(&survey_id)?, l, answers).await?
            }
            None => {
                svc::answer_survey(community(ctx)?, uuid(&survey_id)?, answers, channel).await?
            }
        }
        Ok(true)
    }

    async fn close_survey(&self, ctx: &Context<'_>, survey_id: ID) -> Res<bool> {
        svc::close_survey(community(ctx)?, uuid(&survey_id)?).await?;
        Ok(true)
    }

    /// Turn an option that reached the survey's threshold into a proposed course.
    async fn propose_course_from_survey(
        &self,
        ctx: &Context<'_>,
        survey_id: ID,
        question_id: ID,
        option: i32,
        input: CreateCourseInput,
    ) -> Res<CourseGql> {
        let s = community(ctx)?;
        let v = svc::propose_course(
            s,
            uuid(&survey_id)?,
            uuid(&question_id)?,
            option,
            input.into_input()?,
            parts_selected(|f| ctx.look_ahead().field(f).exists()),
        )
        .await?;
        Ok(course(v))
    }
}
