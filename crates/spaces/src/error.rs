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
    #[error("No such calendar")]
    NoSuchCalendar,
    #[error("Give the purpose (at most 200 characters)")]
    BadPurpose,
    #[error("Repeat for 1 to 52 weeks, attendance at least 1")]
    BadRepeatOrAttendance,
    #[error("1 to 62 days at a time")]
    SpanOver62Days,
    #[error("The entry code is not valid")]
    BadEntryCode,
    #[error("Entry is open from 15 minutes before the start until the end")]
    EntryNotOpen,
    #[error("Already checked in, or the booking is no longer valid")]
    AlreadyCheckedIn,
    #[error("A season of that name exists")]
    SeasonNameTaken,
    #[error("A plot code is used twice")]
    PlotCodeTwice,
    #[error("That plot is taken, or you hold a plot this season already")]
    PlotTaken,
    #[error("Times are hours:minutes, e.g. 08:30")]
    BadTimeOfDay,
    #[error("The month is like 2026-12")]
    BadMonth,
    #[error("A space of that name exists")]
    SpaceNameTaken,
    #[error("A space's name is 1–100 characters, its capacity 1 to 10,000")]
    BadSpace,
    #[error("Courtyard not found")]
    CourtyardNotFound,
    #[error("claims open on {opens}")]
    ClaimsNotOpen { opens: chrono::NaiveDate },
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
            E::NoSuchCalendar => (NotFound, "找不到这个日历".into(), "No such calendar".into()),
            E::BadPurpose => (
                BadUserInput,
                "请填写用途（200 字以内）".into(),
                "Give the purpose (at most 200 characters)".into(),
            ),
            E::BadRepeatOrAttendance => (
                BadUserInput,
                "重复 1 到 52 周，人数至少 1 人".into(),
                "Repeat for 1 to 52 weeks, attendance at least 1".into(),
            ),
            E::SpanOver62Days => (
                BadUserInput,
                "一次查看 1 到 62 天".into(),
                "1 to 62 days at a time".into(),
            ),
            E::BadEntryCode => (
                BadUserInput,
                "入场码无效".into(),
                "The entry code is not valid".into(),
            ),
            E::EntryNotOpen => (
                BadUserInput,
                "现在不在入场时间内（开始前 15 分钟至结束）".into(),
                "Entry is open from 15 minutes before the start until the end".into(),
            ),
            E::AlreadyCheckedIn => (
                Conflict,
                "已经入场，或预约已失效".into(),
                "Already checked in, or the booking is no longer valid".into(),
            ),
            E::SeasonNameTaken => (
                Conflict,
                "已有同名季节".into(),
                "A season of that name exists".into(),
            ),
            E::PlotCodeTwice => (
                Conflict,
                "地块编号重复".into(),
                "A plot code is used twice".into(),
            ),
            E::PlotTaken => (
                Conflict,
                "该地块已被认领，或您本季已认领一块地".into(),
                "That plot is taken, or you hold a plot this season already".into(),
            ),
            E::BadTimeOfDay => (
                BadUserInput,
                "时间格式为 时:分，如 08:30".into(),
                "Times are hours:minutes, e.g. 08:30".into(),
            ),
            E::BadMonth => (
                BadUserInput,
                "月份格式为 2026-12".into(),
                "The month is like 2026-12".into(),
            ),
            E::SpaceNameTaken => (
                Conflict,
                "已有同名场地".into(),
                "A space of that name exists".into(),
            ),
            E::BadSpace => (
                BadUserInput,
                "场地名称 1 到 100 字，容量 1 到 10000 人".into(),
                "A space's name is 1–100 characters, its capacity 1 to 10,000".into(),
            ),
            E::CourtyardNotFound => (
                NotFound,
                "找不到该院落".into(),
                "Courtyard not found".into(),
            ),
            E::ClaimsNotOpen { opens } => (
                BadUserInput,
                format!("{opens} 起开放认领（之前只可续租）"),
                format!("Claims open on {opens} (renewals only before)"),
            ),
        };
        AppError::new(code, zh, en)
    }
}
