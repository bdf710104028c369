//! The volunteers crate's own failures, in the words a community worker reads.

use infra::{AppError, ErrorCode};

#[derive(Debug, thiserror::Error)]
pub enum VolunteersError {
    #[error("not found: {0}")]
    NotFound(&'static str),
    #[error("bad star thresholds")]
    BadStarThresholds,
    #[error("bad idempotency key")]
    BadKey,
    #[error("key used for something else")]
    KeyReused,
    #[error("insufficient points")]
    InsufficientPoints,
    #[error("out of stock")]
    OutOfStock,
    #[error("already reversed")]
    AlreadyReversed,
    #[error("not reversible")]
    NotReversible,
    #[error("bad amount")]
    BadAmount,
    #[error("over limit")]
    OverLimit { what: String },
    #[error("not a member of the card")]
    NotCardMember,
    #[error("name taken")]
    NameTaken,
    #[error("shift full")]
    ShiftFull,
    #[error("not changeable")]
    NotChangeable,
    #[error("not active")]
    NotActive,
    #[error("already registered")]
    AlreadyRegistered,
    #[error("already signed up")]
    AlreadySignedUp,
    #[error("already recorded")]
    AlreadyRecorded,
    #[error("The period starts after it ends")]
    PeriodReversed,
    #[error("The shift has not started yet")]
    ShiftNotStarted,
    #[error("People served are 0 to 100,000 on a day not after today")]
    BadPeopleServed,
    #[error("1 minute to 24 hours, on a day not after today")]
    BadHoursOnDay,
    #[error("You did not sign up for this shift")]
    NotSignedUp,
    #[error("Name a post or a shift")]
    PostOrShiftNeeded,
    #[error("1 minute to 24 hours")]
    BadMinutes,
    #[error("1 to 500 people, 1 minute to 24 hours each, on a day not after today")]
    BadBatchHours,
    #[error("Give a reason (at most 200 characters)")]
    ReasonNeeded,
    #[error("Points last 30 to 3650 days")]
    BadExpiry,
    #[error("Name either an account or a person")]
    AccountOrPerson,
    #[error("Please retry")]
    PleaseRetry,
    #[error("A memo is at most 200 characters")]
    MemoTooLong,
    #[error("You cannot send points to yourself")]
    SendToSelf,
    #[error("The per-transfer limit is at least 1 and at most the monthly limit")]
    BadTransferLimits,
    #[error("The name must be 1 to 100 characters")]
    BadName,
    #[error("The time is out of range")]
    TimeOutOfRange,
    #[error("A type code is 2 to 32 lower-case letters or underscores")]
    BadTypeCode,
    #[error("A description of at most 1000 characters and 0 to 1000 points an hour")]
    BadPostDescription,
    #[error("No such post type")]
    NoSuchPostType,
    #[error("A shift of 15 minutes to 24 hours needing 1 to 500 people")]
    BadShift,
    #[error("Registering someone needs both their id and name")]
    RegisteringNeedsIdAndName,
    #[error("At most 20 skills")]
    TooManySkills,
    #[error("Each skill is 1 to 30 characters")]
    BadSkill,
    #[error("A name of 1 to 50 characters")]
    BadTypeName,
    #[error("A title of 1 to 100 characters and 0 to 100 hours")]
    BadTraining,
    #[error("Give either the redemption or its code")]
    RedemptionOrCode,
    #[error("A name of 1 to 100 characters and a price of 1 to 100,000 points")]
    BadReward,
    #[error("Goods need a stock (0 or more); a service has none")]
    StockMismatch,
    #[error("Add 0 to 100,000")]
    BadRestock,
    #[error("Quantity 1 to 100")]
    BadQuantity,
    #[error("A reason is at most 200 characters")]
    ReasonTooLong,
    #[error("A redemption handed over cannot be cancelled; please ask the community's staff")]
    HandedOverNotCancellable,
    #[error("Cancelling a redemption handed over is a correction: give its reason")]
    CorrectionNeedsReason,
    #[error("The redemption code is not valid")]
    BadRedemptionCode,
    #[error("This redemption was handed over or cancelled already")]
    RedemptionClosed,
}

impl From<VolunteersError> for AppError {
    fn from(e: VolunteersError) -> Self {
        use ErrorCode::*;
        use VolunteersError as E;
        let (code, zh, en): (ErrorCode, String, String) = match e {
            E::NotFound(what) => (
                NotFound,
                format!(
                    "找不到该{}",
                    match what {
                        "account" => "积分账户",
                        "transfer" => "积分记录",
                        "volunteer" => "志愿者",
                        "post" => "岗位",
                        "shift" => "班次",
                        "hours" => "服务时长记录",
                        "reward" => "兑换项目",
                        _ => "兑换记录",
                    }
                ),
                format!("{what} not found"),
            ),
            E::BadStarThresholds => (
                BadUserInput,
                "星级门槛须为 5 个逐级升高的小时数（1 到 100000）".into(),
                "Five rising thresholds of 1 to 100,000 hours".into(),
            ),
            E::BadKey => (
                BadUserInput,
                "幂等键须为 8 到 100 个字母、数字或 _ : . -".into(),
                "The idempotency key must be 8 to 100 letters, digits or _ : . -".into(),
            ),
            E::KeyReused => (
                Conflict,
                "该幂等键已用于另一笔不同的操作".into(),
                "This idempotency key was used for a different movement".into(),
            ),
            E::InsufficientPoints => (
                InsufficientPoints,
                "积分余额不足".into(),
                "Not enough points".into(),
            ),
            E::OutOfStock => (OutOfStock, "库存不足".into(), "Out of stock".into()),
            E::AlreadyReversed => (
                Conflict,
                "该笔积分已冲正过".into(),
                "This transfer was already reversed".into(),
            ),
            E::NotReversible => (
                BadUserInput,
                "冲正记录不能再冲正".into(),
                "A reversal cannot be reversed".into(),
            ),
            E::BadAmount => (
                BadUserInput,
                "积分数须为 1 到 1000000 之间的整数".into(),
                "Points must be a whole number from 1 to 1,000,000".into(),
            ),
            E::OverLimit { what } => (
                Conflict,
                format!("超出积分流转限额：{what}"),
                format!("Over the transfer limit: {what}"),
            ),
            E::NotCardMember => (
                Forbidden,
                "你不是该集体卡的成员".into(),
                "You are not a member of this card".into(),
            ),
            E::NameTaken => (Conflict, "名称已被使用".into(), "The name is taken".into()),
            E::ShiftFull => (Conflict, "该班次已满员".into(), "The shift is full".into()),
            E::NotChangeable => (
                Conflict,
                "当前状态下不能这样修改".into(),
                "It cannot be changed in its current state".into(),
            ),
            E::NotActive => (
                Forbidden,
                "志愿者尚未通过审核或已停用".into(),
                "The volunteer is not active".into(),
            ),
            E::AlreadyRegistered => (
                Conflict,
                "已登记为志愿者".into(),
                "Already registered as a volunteer".into(),
            ),
            E::AlreadySignedUp => (
                Conflict,
                "已报名该班次".into(),
                "Already signed up for this shift".into(),
            ),
            E::AlreadyRecorded => (
                Conflict,
                "该班次的服务时长已登记".into(),
                "Hours for this shift are recorded already".into(),
            ),
            E::PeriodReversed => (
                BadUserInput,
                "开始日期晚于结束日期".into(),
                "The period starts after it ends".into(),
            ),
            E::BadPeopleServed => (
                BadUserInput,
                "服务人次须为 0 到 100000，日期不能晚于今天".into(),
                "People served are 0 to 100,000, on a day not after today".into(),
            ),
            E::ShiftNotStarted => (
                BadUserInput,
                "班次尚未开始，不能登记时长".into(),
                "The shift has not started yet".into(),
            ),
            E::BadHoursOnDay => (
                BadUserInput,
                "时长 1 分钟到 24 小时，日期不能晚于今天".into(),
                "1 minute to 24 hours, on a day not after today".into(),
            ),
            E::NotSignedUp => (
                BadUserInput,
                "你没有报名该班次".into(),
                "You did not sign up for this shift".into(),
            ),
            E::PostOrShiftNeeded => (
                BadUserInput,
                "请选择岗位或班次".into(),
                "Name a post or a shift".into(),
            ),
            E::BadMinutes => (
                BadUserInput,
                "时长 1 分钟到 24 小时".into(),
                "1 minute to 24 hours".into(),
            ),
            E::BadBatchHours => (
                BadUserInput,
                "每次 1 到 500 人，每人 1 分钟到 24 小时，日期不能晚于今天".into(),
                "1 to 500 people, 1 minute to 24 hours each, on a day not after today".into(),
            ),
            E::ReasonNeeded => (
                BadUserInput,
                "请写明原因（200 字以内）".into(),
                "Give a reason (at most 200 characters)".into(),
            ),
            E::BadExpiry => (
                BadUserInput,
                "有效期为 30 到 3650 天".into(),
                "Points last 30 to 3650 days".into(),
            ),
            E::AccountOrPerson => (
                BadUserInput,
                "请指定一个积分账户或一位居民".into(),
                "Name either an account or a person".into(),
            ),
            E::PleaseRetry => (Conflict, "请重试".into(), "Please retry".into()),
            E::MemoTooLong => (
                BadUserInput,
                "备注最多 200 字".into(),
                "A memo is at most 200 characters".into(),
            ),
            E::SendToSelf => (
                BadUserInput,
                "不能转给自己".into(),
                "You cannot send points to yourself".into(),
            ),
            E::BadTransferLimits => (
                BadUserInput,
                "每次限额至少 1 分，且不超过每月限额".into(),
                "The per-transfer limit is at least 1 and at most the monthly limit".into(),
            ),
            E::BadName => (
                BadUserInput,
                "名称须为 1 到 100 个字".into(),
                "The name must be 1 to 100 characters".into(),
            ),
            E::TimeOutOfRange => (
                BadUserInput,
                "时间超出范围".into(),
                "The time is out of range".into(),
            ),
            E::BadTypeCode => (
                BadUserInput,
                "类型代码为 2 到 32 个小写字母或下划线".into(),
                "A type code is 2 to 32 lower-case letters or underscores".into(),
            ),
            E::BadPostDescription => (
                BadUserInput,
                "说明最多 1000 字，每小时积分 0 到 1000".into(),
                "A description of at most 1000 characters and 0 to 1000 points an hour".into(),
            ),
            E::NoSuchPostType => (
                BadUserInput,
                "没有该岗位类型".into(),
                "No such post type".into(),
            ),
            E::BadShift => (
                BadUserInput,
                "班次 15 分钟到 24 小时，需要 1 到 500 人".into(),
                "A shift of 15 minutes to 24 hours needing 1 to 500 people".into(),
            ),
            E::RegisteringNeedsIdAndName => (
                BadUserInput,
                "代办登记须同时填写人员编号和姓名".into(),
                "Registering someone needs both their id and name".into(),
            ),
            E::TooManySkills => (
                BadUserInput,
                "专长最多 20 项".into(),
                "At most 20 skills".into(),
            ),
            E::BadSkill => (
                BadUserInput,
                "每项专长 1 到 30 字".into(),
                "Each skill is 1 to 30 characters".into(),
            ),
            E::BadTypeName => (
                BadUserInput,
                "姓名 1 到 50 字".into(),
                "A name of 1 to 50 characters".into(),
            ),
            E::BadTraining => (
                BadUserInput,
                "培训名称 1 到 100 字，时长 0 到 100 小时".into(),
                "A title of 1 to 100 characters and 0 to 100 hours".into(),
            ),
            E::RedemptionOrCode => (
                BadUserInput,
                "请给出兑换记录或兑换码之一".into(),
                "Give either the redemption or its code".into(),
            ),
            E::BadReward => (
                BadUserInput,
                "名称 1 到 100 字，积分 1 到 100000".into(),
                "A name of 1 to 100 characters and a price of 1 to 100,000 points".into(),
            ),
            E::StockMismatch => (
                BadUserInput,
                "实物须填写库存（不小于 0），服务不填库存".into(),
                "Goods need a stock (0 or more); a service has none".into(),
            ),
            E::BadRestock => (
                BadUserInput,
                "补货数量 0 到 100000".into(),
                "Add 0 to 100,000".into(),
            ),
            E::BadQuantity => (
                BadUserInput,
                "数量 1 到 100".into(),
                "Quantity 1 to 100".into(),
            ),
            E::ReasonTooLong => (
                BadUserInput,
                "原因最多 200 字".into(),
                "A reason is at most 200 characters".into(),
            ),
            E::HandedOverNotCancellable => (
                Conflict,
                "已领取的兑换不能取消，请联系社区工作人员".into(),
                "A redemption handed over cannot be cancelled; please ask the community's staff"
                    .into(),
            ),
            E::CorrectionNeedsReason => (
                BadUserInput,
                "已领取的兑换需填写更正原因".into(),
                "Cancelling a redemption handed over is a correction: give its reason".into(),
            ),
            E::BadRedemptionCode => (
                BadUserInput,
                "兑换码无效".into(),
                "The redemption code is not valid".into(),
            ),
            E::RedemptionClosed => (
                Conflict,
                "该兑换已领取或已取消".into(),
                "This redemption was handed over or cancelled already".into(),
            ),
        };
        AppError::new(code, zh, en)
    }
}
