//! The spaces crate's own failures, in the words a community worker reads.

use infra::{AppError, ErrorCode};

#[derive(Debug, thiserror::Error)]
pub enum SpacesError {
    #[error("not found: {0}")]
    NotFound(&'static str),
    /// The slot of `occurrence` (local time, "12月3日 19:00–21:00") is taken.
    #[error("taken")]
    Taken { occurrence: String },
    #[error("closed")]
    Closed { occurrence: String },
    #[error("outside window")]
    OutsideWindow { days: i32 },
    #[error("bad length")]
    BadLength { min: i32, max: i32 },
    #[error("over capacity")]
    OverCapacity { capacity: i32 },
    #[error("quota")]
    Quota { what: String },
    #[error("not bookable by you")]
    NotBookable,
    #[error("not changeable")]
    NotChangeable,
    #[error("bad rules")]
    BadRules,
    #[error("suspended")]
    Suspended { until: String },
}

impl From<SpacesError> for AppError {
    fn from(e: SpacesError) -> Self {
        use ErrorCode::*;
        use SpacesError as E;
        let (code, zh, en): (ErrorCode, String, String) = match e {
            E::NotFound(what) => (
                NotFound,
                format!(
                    "找不到该{}",
                    match what {
                        "space" => "场地",
                        "season" => "认领季",
                        "claim" => "地块认领",
                        _ => "预约",
                    }
                ),
                format!("{what} not found"),
            ),
            E::Taken { occurrence } => (
                Conflict,
                format!("该时段已被占用：{occurrence}"),
                format!("That time is taken: {occurrence}"),
            ),
            E::Closed { occurrence } => (
                BadUserInput,
                format!("场地在该时段不开放：{occurrence}"),
                format!("The space is not open then: {occurrence}"),
            ),
            E::OutsideWindow { days } => (
                BadUserInput,
                format!("只能预约未来 {days} 天内的时段"),
                format!("Bookings start within the next {days} days"),
            ),
            E::BadLength { min, max } => (
                BadUserInput,
                format!("每次预约 {min} 到 {max} 分钟"),
                format!("A booking lasts {min} to {max} minutes"),
            ),
            E::OverCapacity { capacity } => (
                BadUserInput,
                format!("预计人数超过场地容量（{capacity} 人）"),
                format!("Expected attendance exceeds the capacity ({capacity})"),
            ),
            E::Quota { what } => (
                Conflict,
                format!("超出预约限额：{what}"),
                format!("Over the booking quota: {what}"),
            ),
            E::NotBookable => (
                Forbidden,
                "您不能预约这个场地".into(),
                "You may not book this space".into(),
            ),
            E::NotChangeable => (
                Conflict,
                "这个预约已经不能再更改".into(),
                "This booking can no longer be changed".into(),
            ),
            E::Suspended { until } => (
                Forbidden,
                format!("因多次预约未到，预约权限暂停至 {until}"),
                format!("Booking is suspended until {until} after repeated no-shows"),
            ),
            E::BadRules => (
                BadUserInput,
                "预约规则不正确".into(),
                "The booking rules are not valid".into(),
            ),
        };
        AppError::new(code, zh, en)
    }
}
