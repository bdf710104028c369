//! Demand surveys as types: surveys and their questions.

use chrono::{DateTime, Utc};
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "QuestionKind")
)]
pub enum QuestionKind {
    Single,
    Multiple,
    Text,
    /// 达人: "I can teach …" — the answer puts the resident among the teacher candidates.
    Talent,
    /// A score on a scale (1–5 unless the question names its own steps), answered as one
    /// choice.
    Rating,
}

/// How an answer reached the survey: the link it came by (金竹苑 posted its survey to its
/// 公众号, 微信群 and QQ群), the app itself, or a grid worker at the door.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, sqlx::Type)]
#[sqlx(type_name = "text", rename_all = "snake_case")]
#[cfg_attr(
    feature = "graphql",
    derive(async_graphql::Enum),
    graphql(name = "SurveyChannel")
)]
pub enum SurveyChannel {
    /// In the app, from the community's list of surveys.
    InApp,
    /// 公众号
    WechatAccount,
    /// 微信群
    WechatGroup,
    /// QQ群
    QqGroup,
    /// 入户: entered by a grid worker or staff for the resident.
    DoorToDoor,
}

impl SurveyChannel {
    /// The channel as a link carries it (`?from=`).
    pub fn as_str(self) -> &'static str {
        match self {
            SurveyChannel::InApp => "in_app",
            SurveyChannel::WechatAccount => "wechat_account",
            SurveyChannel::WechatGroup => "wechat_group",
            SurveyChannel::QqGroup => "qq_group",
            SurveyChannel::DoorToDoor => "door_to_door",
        }
    }

    /// A link's `from`; unknown values are no channel.
    pub fn parse(s: &str) -> Option<SurveyChannel> {
        [
            SurveyChannel::InApp,
            SurveyChannel::WechatAccount,
            SurveyChannel::WechatGroup,
            SurveyChannel::QqGroup,
            SurveyChannel::DoorToDoor,
        ]
        .into_iter()
        .find(|c| c.as_str() == s)
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Survey {
    pub id: Uuid,
    pub title: String,
    pub threshold: i32,
    pub closes_at: Option<DateTime<Utc>>,
    pub closed: bool,
}

impl Survey {
    pub fn is_open(&self) -> bool {
        !self.closed && self.closes_at.is_none_or(|c| c > Utc::now())
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Question {
    pub id: Uuid,
    pub survey_id: Uuid,
    pub position: i32,
    pub kind: QuestionKind,
    pub prompt: String,
    pub options: Vec<String>,
}
