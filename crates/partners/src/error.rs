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
    Alliance,
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
            Alliance => ("找不到该共同体或成员", "Alliance or member not found"),
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
    #[error("Only an approved partnership can be ended")]
    NotApprovedToEnd,
    #[error("An organisation keeps at least one admin")]
    LastAdmin,
    #[error("This person leads a team: give the team another leader first")]
    LeadsATeam,
    #[error("A title of 1 to 100 characters, at most ten years, 1 to 10 commitments of 1 to 1000")]
    BadAgreement,
    #[error("A commitment is given twice")]
    CommitmentGivenTwice,
    #[error("A title of 1 to 100 characters; a course, shift or event names which one")]
    BadActivity,
    #[error("The activity is outside the agreement's period")]
    ActivityOutsidePeriod,
    #[error("That activity is recorded already")]
    ActivityRecorded,
    #[error("The entry is void already")]
    EntryVoid,
    #[error("Acting for a resident needs both their id and name")]
    ActingNeedsIdAndName,
    #[error("Name either a grid or a partner team")]
    GridOrTeam,
    #[error("No such grid")]
    NoSuchGrid,
    #[error("A code of 2 to 32 lower-case letters or underscores, a position of 1 to 100")]
    BadListKind,
    #[error("At most 20 skills")]
    TooManySkills,
    #[error("No such list")]
    NoSuchList,
    #[error("Only needs are matched")]
    OnlyNeedsMatch,
    #[error("A need is matched to an offer")]
    NeedToOffer,
    #[error("The entry is closed")]
    EntryClosed,
    #[error("They are matched already")]
    AlreadyMatched,
    #[error("The match has its outcome")]
    MatchDecided,
    #[error("Name either a district or a community")]
    DistrictOrCommunity,
    #[error("The grade is one of 1A to 5A")]
    BadGrade,
    #[error("A budget of 1 to 10,000,000 yuan and a deadline from today on")]
    BadCall,
    #[error("The call is closed")]
    CallClosed,
    #[error("The team has proposed already")]
    AlreadyProposed,
    #[error("The call is decided")]
    CallDecided,
    #[error("A score of 0 to 100")]
    BadScore,
    #[error("1 to 20 milestones")]
    MilestoneCount,
    #[error("The milestone is done")]
    MilestoneDone,
    #[error("The project is closed")]
    ProjectClosed,
    #[error("Some milestones are not done")]
    MilestonesOpen,
    #[error("a grid worker reached outside their grids")]
    OutsideGrids,
    #[error("at most five photos a demand")]
    TooManyPhotos,
    #[error("alliance name taken")]
    AllianceNameTaken,
    #[error("not a partner here")]
    NotPartnerHere,
    #[error("budget above the call's")]
    BudgetOutOfRange { max: i32 },
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
            E::NotApprovedToEnd => (Conflict, "只能结束已批准的共建".into(), "Only an approved partnership can be ended".into()),
            E::LastAdmin => (BadUserInput, "单位至少要有一位管理员".into(), "An organisation keeps at least one admin".into()),
            E::LeadsATeam => (BadUserInput, "此人是团队负责人，请先更换负责人".into(), "This person leads a team: give the team another leader first".into()),
            E::BadAgreement => (BadUserInput, "协议名称 1 到 100 字，期限不超过十年，承诺 1 到 10 项、每项 1 到 1000 次".into(), "A title of 1 to 100 characters, at most ten years, 1 to 10 commitments of 1 to 1000".into()),
            E::CommitmentGivenTwice => (BadUserInput, "承诺重复".into(), "A commitment is given twice".into()),
            E::BadActivity => (BadUserInput, "活动名称 1 到 100 字；课程、班次、活动须指明是哪一个".into(), "A title of 1 to 100 characters; a course, shift or event names which one".into()),
            E::ActivityOutsidePeriod => (BadUserInput, "活动日期不在协议期限内".into(), "The activity is outside the agreement's period".into()),
            E::ActivityRecorded => (Conflict, "该活动已记录".into(), "That activity is recorded already".into()),
            E::EntryVoid => (Conflict, "该记录已作废".into(), "The entry is void already".into()),
            E::ActingNeedsIdAndName => (BadUserInput, "代办须同时填写居民编号和姓名".into(), "Acting for a resident needs both their id and name".into()),
            E::GridOrTeam => (BadUserInput, "请指定一个网格或一个共建团队".into(), "Name either a grid or a partner team".into()),
            E::AllianceNameTaken => (Conflict, "已有同名共同体".into(), "An alliance of that name exists".into()),
            E::NotPartnerHere => (
                BadUserInput,
                "只有已在本社区（或所在区）共建的单位可以加入共同体".into(),
                "Only an organisation approved here (or in the district) joins an alliance".into(),
            ),
            E::NoSuchGrid => (BadUserInput, "没有该网格".into(), "No such grid".into()),
            E::BadListKind => (BadUserInput, "代码为 2 到 32 个小写字母或下划线，顺序 1 到 100".into(), "A code of 2 to 32 lower-case letters or underscores, a position of 1 to 100".into()),
            E::TooManySkills => (BadUserInput, "专长最多 20 项".into(), "At most 20 skills".into()),
            E::NoSuchList => (BadUserInput, "没有该清单".into(), "No such list".into()),
            E::OnlyNeedsMatch => (BadUserInput, "只能为需求清单的条目匹配".into(), "Only needs are matched".into()),
            E::NeedToOffer => (BadUserInput, "需求只能与资源、服务或项目匹配".into(), "A need is matched to an offer".into()),
            E::EntryClosed => (Conflict, "条目已关闭".into(), "The entry is closed".into()),
            E::AlreadyMatched => (Conflict, "已匹配过".into(), "They are matched already".into()),
            E::MatchDecided => (Conflict, "该匹配已有结果".into(), "The match has its outcome".into()),
            E::DistrictOrCommunity => (BadUserInput, "请指定一个街道（区）或一个社区".into(), "Name either a district or a community".into()),
            E::BadGrade => (BadUserInput, "等级为 1A 到 5A".into(), "The grade is one of 1A to 5A".into()),
            E::BadCall => (BadUserInput, "预算 1 到 1000 万元，截止日期不早于今天".into(), "A budget of 1 to 10,000,000 yuan and a deadline from today on".into()),
            E::CallClosed => (Conflict, "该项目已截止征集".into(), "The call is closed".into()),
            E::AlreadyProposed => (Conflict, "本团队已提交过方案".into(), "The team has proposed already".into()),
            E::CallDecided => (Conflict, "该项目已评定".into(), "The call is decided".into()),
            E::BadScore => (BadUserInput, "评分为 0 到 100".into(), "A score of 0 to 100".into()),
            E::MilestoneCount => (BadUserInput, "里程碑 1 到 20 个".into(), "1 to 20 milestones".into()),
            E::MilestoneDone => (Conflict, "该里程碑已完成".into(), "The milestone is done".into()),
            E::ProjectClosed => (Conflict, "该项目已结项".into(), "The project is closed".into()),
            E::MilestonesOpen => (Conflict, "还有里程碑未完成".into(), "Some milestones are not done".into()),
            E::TooManyPhotos => (BadUserInput, "每条诉求最多 5 张照片".into(), "At most 5 photos a demand".into()),
            E::OutsideGrids => (
                Forbidden,
                "网格员只能受理、办理自己负责网格的诉求".into(),
                "A grid worker takes in and answers demands of their own grids only".into(),
            ),
            E::BudgetOutOfRange { max } => (
                BadUserInput,
                format!("预算须在 1 到 {max} 元之间"),
                format!("The budget must be 1 to {max} yuan"),
            ),
        };
        AppError::new(code, zh, en)
    }
}
