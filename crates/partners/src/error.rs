//! The partners crate's own failures, in the words a community worker reads.

use infra::{AppError, ErrorCode};

#[derive(Debug, thiserror::Error)]
pub enum PartnersError {
    #[error("not found: {0}")]
    NotFound(&'static str),
    #[error("organisation name taken")]
    NameTaken,
    /// A registration's organisation name or login name is taken: one answer for both.
    #[error("registration names taken")]
    RegistrationTaken,
    #[error("team name taken")]
    TeamNameTaken,
    #[error("not a member")]
    NotAMember,
    #[error("already decided")]
    AlreadyDecided,
    #[error("already requested")]
    AlreadyRequested,
    #[error("reason needed")]
    ReasonNeeded,
    #[error("not approved")]
    NotApproved,
}

impl From<PartnersError> for AppError {
    fn from(e: PartnersError) -> Self {
        use ErrorCode::*;
        use PartnersError as E;
        let (code, zh, en): (ErrorCode, String, String) = match e {
            E::NotFound(what) => (
                NotFound,
                format!(
                    "找不到该{}",
                    match what {
                        "organisation" => "单位",
                        "team" => "团队",
                        "agreement" => "联建协议",
                        _ => "共建申请",
                    }
                ),
                format!("{what} not found"),
            ),
            E::NameTaken => (
                Conflict,
                "已有同名单位注册".into(),
                "An organisation of that name is registered".into(),
            ),
            E::RegistrationTaken => (
                Conflict,
                "单位名称或登录名已被使用，请换一个".into(),
                "The organisation's name or the login name is taken; choose another".into(),
            ),
            E::TeamNameTaken => (
                Conflict,
                "本单位已有同名团队".into(),
                "The organisation has a team of that name".into(),
            ),
            E::NotAMember => (
                BadUserInput,
                "团队负责人和成员须是本单位的人员".into(),
                "A team's leader and members must belong to the organisation".into(),
            ),
            E::AlreadyDecided => (
                Conflict,
                "该申请已处理".into(),
                "The request was already decided".into(),
            ),
            E::AlreadyRequested => (
                Conflict,
                "已提交过共建申请".into(),
                "A partnership was already requested there".into(),
            ),
            E::ReasonNeeded => (
                BadUserInput,
                "不同意时请写明原因（200 字以内）".into(),
                "Give a reason (at most 200 characters) when declining".into(),
            ),
            E::NotApproved => (
                Forbidden,
                "该单位尚未获准在本社区开展共建".into(),
                "The organisation is not approved to work in this community".into(),
            ),
        };
        AppError::new(code, zh, en)
    }
}
