//! The governance crate's own failures, in the words a community worker reads.

use infra::{AppError, ErrorCode};

/// What could not be found.
#[derive(Debug, Clone, Copy)]
pub enum Missing {
    Fund,
    Request,
    Movement,
    Grid,
    MicroGrid,
    Post,
    Meeting,
    FollowUp,
    Patrol,
    Finding,
    PartyReport,
    Round,
    Nomination,
}

#[derive(Debug, thiserror::Error)]
pub enum GovernanceError {
    #[error("not found")]
    NotFound(Missing),
    #[error("a fund of that name exists")]
    FundNameTaken,
    #[error("the fund cannot pay this")]
    InsufficientFunds,
    #[error("amount out of range")]
    BadAmount,
    #[error("decided already")]
    AlreadyDecided,
    #[error("own request")]
    OwnRequest,
    #[error("reversed already")]
    AlreadyReversed,
    #[error("a reversal is not reversed")]
    NotReversible,
    #[error("the post is held")]
    PostTaken,
    #[error("not the holder")]
    NotHolder,
    #[error("not a grid")]
    NotAGrid,
    #[error("name taken in the grid")]
    MicroGridNameTaken,
    #[error("closed already")]
    AlreadyClosed,
    #[error("not the owner")]
    NotOwner,
    #[error("bad attendees")]
    BadAttendees,
    #[error("bad topics")]
    BadTopics,
    #[error("too many decisions")]
    TooManyDecisions,
    #[error("a patrol walks a grid and its own micro-grids")]
    PatrolOutsideGrid,
    #[error("logged already")]
    AlreadyLogged,
    #[error("raised already")]
    AlreadyRaised,
    #[error("outside the grid worker's grids")]
    OutsideMyGrids,
    #[error("reported already")]
    AlreadyReported,
    #[error("not the reporter")]
    NotReporter,
    #[error("ended already")]
    AlreadyEnded,
    #[error("bad list")]
    BadList,
    #[error("bad round")]
    BadRound,
    #[error("round taken")]
    RoundTaken,
    #[error("not at this step")]
    NotAtThisStep,
    #[error("nominated already")]
    AlreadyNominated,
    #[error("no such honour")]
    NoSuchAward,
    #[error("bad score")]
    BadScore,
    #[error("bad cadence")]
    BadCadence,
    #[error("bad patrollers")]
    BadPatrollers,
    #[error("bad findings")]
    BadFindings,
}

impl From<GovernanceError> for AppError {
    fn from(e: GovernanceError) -> Self {
        use ErrorCode::*;
        use GovernanceError as E;
        let (code, zh, en): (ErrorCode, &str, &str) = match e {
            E::NotFound(what) => {
                let (zh, en) = match what {
                    Missing::Fund => ("找不到该基金", "Fund not found"),
                    Missing::Request => ("找不到该支出申请", "Spending request not found"),
                    Missing::Movement => ("找不到该收支记录", "Fund movement not found"),
                    Missing::Grid => ("找不到该网格", "Grid not found"),
                    Missing::MicroGrid => ("找不到该微网格", "Micro-grid not found"),
                    Missing::Post => ("找不到该岗位", "Post not found"),
                    Missing::Meeting => ("找不到该会议", "Meeting not found"),
                    Missing::FollowUp => ("找不到该跟进事项", "Follow-up not found"),
                    Missing::Patrol => ("找不到该巡查", "Patrol not found"),
                    Missing::Finding => ("找不到该巡查发现", "Finding not found"),
                    Missing::PartyReport => ("找不到该报到记录", "Report not found"),
                    Missing::Round => ("找不到该评优", "Round of honours not found"),
                    Missing::Nomination => ("找不到该推荐", "Nomination not found"),
                };
                (NotFound, zh, en)
            }
            E::FundNameTaken => (Conflict, "已有同名基金", "A fund of that name exists"),
            E::InsufficientFunds => (
                InsufficientFunds,
                "基金余额不足，无法支出",
                "The fund does not hold enough for this",
            ),
            E::BadAmount => (
                BadUserInput,
                "金额须为 0.01 元到 1000 万元",
                "The amount must be 0.01 to 10,000,000 yuan",
            ),
            E::AlreadyDecided => (Conflict, "该申请已处理", "The request was decided already"),
            E::OwnRequest => (
                Forbidden,
                "不能审批自己提出的申请，请由其他工作人员审批",
                "Another staff member must decide your own request",
            ),
            E::AlreadyReversed => (
                Conflict,
                "该记录已冲正",
                "The movement was reversed already",
            ),
            E::NotReversible => (
                BadUserInput,
                "冲正记录不能再冲正",
                "A reversal cannot be reversed",
            ),
            E::PostTaken => (
                Conflict,
                "该岗位已有人认领",
                "Somebody holds this post already",
            ),
            E::NotHolder => (
                Forbidden,
                "只有认领人或工作人员可以交还",
                "Only its holder or staff can hand a post back",
            ),
            E::NotAGrid => (
                BadUserInput,
                "微网格须建在网格下",
                "A micro-grid belongs to a grid",
            ),
            E::MicroGridNameTaken => (
                Conflict,
                "该网格下已有同名微网格",
                "The grid has a micro-grid of that name",
            ),
            E::AlreadyClosed => (
                Conflict,
                "该事项已办结或撤销",
                "The follow-up is closed already",
            ),
            E::NotOwner => (
                Forbidden,
                "只有责任人或工作人员可以办结",
                "Only its owner or staff can close a follow-up",
            ),
            E::BadAttendees => (
                BadUserInput,
                "参会方最多 20 项，每项 1 到 10000 人，同一角色和单位只填一次",
                "At most 20 attendee groups of 1 to 10,000 people, each role and organisation once",
            ),
            E::BadTopics => (
                BadUserInput,
                "议题 1 到 20 项，每项 1 到 100 个字",
                "1 to 20 topics of 1 to 100 characters",
            ),
            E::PatrolOutsideGrid => (
                BadUserInput,
                "巡查须在一个网格及其微网格内",
                "A patrol walks a grid and its own micro-grids",
            ),
            E::AlreadyLogged => (Conflict, "该巡查已登记", "The patrol was logged already"),
            E::AlreadyRaised => (
                Conflict,
                "该发现已转为诉求",
                "The finding was raised as a demand already",
            ),
            E::OutsideMyGrids => (
                Forbidden,
                "只能巡查自己负责的网格",
                "A grid worker patrols their own grids",
            ),
            E::AlreadyReported => (
                Conflict,
                "您已向本社区报到",
                "You have reported in to this community already",
            ),
            E::NotReporter => (
                Forbidden,
                "只有本人或工作人员可以结束报到",
                "Only the member or staff can end a report",
            ),
            E::AlreadyEnded => (Conflict, "该报到已结束", "The report has ended already"),
            E::BadList => (
                BadUserInput,
                "特长和认领服务各最多 20 项",
                "At most 20 skills and 20 services",
            ),
            E::BadRound => (
                BadUserInput,
                "年度须在 2000 到 2100 之间，奖项 1 到 20 个",
                "A year from 2000 to 2100 and 1 to 20 honours",
            ),
            E::RoundTaken => (
                Conflict,
                "本年度已有同名评优",
                "That year has a round of that title",
            ),
            E::NotAtThisStep => (
                Conflict,
                "评优不在这一阶段（推荐 → 评审 → 公示），或该推荐尚未评分",
                "The round is not at this step (open → reviewing → published), or the nomination has no score",
            ),
            E::AlreadyNominated => (
                Conflict,
                "该人已被推荐该奖项",
                "Already nominated for that honour",
            ),
            E::NoSuchAward => (
                BadUserInput,
                "该评优没有这个奖项",
                "The round gives no such honour",
            ),
            E::BadScore => (BadUserInput, "评分须为 0 到 100", "A score is 0 to 100"),
            E::BadCadence => (
                BadUserInput,
                "每期 1 到 100 次；报告区间不超过十年且起止有序",
                "1 to 100 a period; a report spans at most ten years, start before end",
            ),
            E::BadPatrollers => (
                BadUserInput,
                "巡查人数须为 1 到 1000",
                "1 to 1,000 patrollers",
            ),
            E::BadFindings => (
                BadUserInput,
                "巡查发现最多 50 条，每条 1 到 500 个字",
                "At most 50 findings of 1 to 500 characters",
            ),
            E::TooManyDecisions => (
                BadUserInput,
                "一次会议的决议最多 50 项",
                "At most 50 decisions a meeting",
            ),
        };
        AppError::new(code, zh, en)
    }
}
