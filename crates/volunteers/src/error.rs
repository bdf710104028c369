//! The volunteers crate's own failures, in the words a community worker reads.

use infra::{AppError, ErrorCode};

#[derive(Debug, thiserror::Error)]
pub enum VolunteersError {
    #[error("not found: {0}")]
    NotFound(&'static str),
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
        };
        AppError::new(code, zh, en)
    }
}
