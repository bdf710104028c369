//! The partners crate's own failures, in the words a community worker reads.

use infra::{AppError, ErrorCode};

/// What a caller named that is not there (or not theirs to see), by its noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    Organisation,
    Team,
    Partnership,
    Agreement,
    /// An activity recorded under an agreement.
    Activity,
    /// The course, shift or event an activity names.
    ActivityReference,
    Demand,
    ListEntry,
    Match,
    VentureCall,
    Proposal,
    Project,
    Milestone,
}

impl Missing {
    fn words(self) -> (&'static str, &'static str) {
        use Missing::*;
        match self {
            Organisation => ("找不到该单位", "Organisation not found"),
            Team => ("找不到该团队", "Team not found"),
            Partnership => ("找不到该共建申请", "Partnership not found"),
            Agreement => ("找不到该联建协议", "Agreement not found"),
            Activity => ("找不到该活动记录", "Activity not found"),
            ActivityReference => (
                "找不到所指的课程、班次或活动",
                "The course, shift or event named is not in this community",
            ),
            Demand => ("找不到该诉求", "Demand not found"),
            ListEntry => ("找不到该清单条目", "List entry not found"),
            Match => ("找不到该匹配", "Match not found"),
            VentureCall => ("找不到该微创投项目征集", "Call not found"),
            Proposal => ("找不到该方案", "Proposal not found"),
            Project => ("找不到该项目", "Project not found"),
            Milestone => ("找不到该里程碑", "Milestone not found"),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PartnersError {
    #[error("not found: {0:?}")]
    NotFound(Missing),
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
            E::NotFound(what) => {
                let (zh, en) = what.words();
                (NotFound, zh.into(), en.into())
            }
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
