//! The community college's own failures, in the words a community worker reads.

use infra::{AppError, ErrorCode};

#[derive(Debug, thiserror::Error)]
pub enum CoursesError {
    #[error("invalid category code")]
    InvalidCategoryCode,
    #[error("invalid category name")]
    InvalidCategoryName,
    #[error("category exists")]
    CategoryExists,
    #[error("unknown category")]
    UnknownCategory,
    #[error("bad age range")]
    BadAgeRange,
    #[error("not found: {0}")]
    NotFound(&'static str),
    #[error("course not open")]
    CourseNotOpen,
    #[error("already enrolled")]
    AlreadyEnrolled,
    #[error("already cancelled")]
    AlreadyCancelled,
    #[error("audience")]
    Audience,
    #[error("birth date needed")]
    BirthDateNeeded,
    #[error("not your learner")]
    NotYourLearner,
    #[error("not a course the teacher teaches")]
    NotYourCourse,
    #[error("a child is under 18")]
    NotAChild,
    #[error("too many children")]
    TooManyChildren,
    #[error("birth date already set")]
    BirthDateSet,
    #[error("invalid check-in code")]
    InvalidCode,
    #[error("check-in code expired")]
    CodeExpired,
    #[error("code of another community")]
    OtherCommunity,
    #[error("outside the check-in window")]
    OutsideWindow,
    #[error("not enrolled")]
    NotEnrolled,
    #[error("already checked in")]
    AlreadyCheckedIn,
    #[error("survey closed")]
    SurveyClosed,
    #[error("bad answer")]
    BadAnswer,
    #[error("threshold not reached")]
    ThresholdNotReached { count: i64, threshold: i32 },
    #[error("did not attend")]
    DidNotAttend,
    #[error("rating out of range")]
    Rating,
    #[error("bad sessions")]
    BadSessions,
    #[error("bad month")]
    BadMonth,
    #[error("bad period")]
    BadPeriod,
    #[error("bad schedule")]
    BadSchedule,
    #[error("a session at that time exists")]
    SessionClash,
    #[error("session cancelled")]
    SessionCancelled,
    #[error("session already held")]
    SessionPast,
    #[error("event full")]
    EventFull,
    #[error("invalid phone")]
    InvalidPhone,
    #[error("resident exists")]
    ResidentExists,
    #[error("record taken")]
    RecordTaken,
    #[error("no resident with that name and phone number")]
    FamilyNoRecord,
    #[error("family help for oneself")]
    FamilyOfSelf,
    #[error("family help for a child")]
    FamilyOfChild,
    #[error("family help already asked")]
    FamilyAsked,
    #[error("family help already answered")]
    FamilyAnswered,
    #[error("not a party to the family help")]
    FamilyNotYours,
    #[error("bad date")]
    BadDate,
    #[error("exhibition not published")]
    NotPublished,
    #[error("space taken")]
    SpaceTaken { occurrence: String },
    #[error("capacity below seats taken")]
    CapacityBelowSeats { taken: i32 },
    #[error("“Public-benefit only” applies to targets counting sessions")]
    PublicBenefitOnlyForSessions,
    #[error("The count must be 1 to 1,000")]
    CountOver1000,
    #[error("Capacity must be 1 to 10,000")]
    CapacityOutOfRange,
    #[error("Public-benefit courses are free; fees cannot be negative")]
    NegativeFee,
    #[error("A federation with this name exists")]
    FederationNameExists,
    #[error("A club with this name exists")]
    ClubNameExists,
    #[error("Give exactly one of eventId and sessionId")]
    EventOrSession,
    #[error("The time, duration (1 minute to 24 hours) or capacity (1 to 100,000) is not valid")]
    BadEventTimes,
    #[error("1 to 366 days at a time")]
    SpanOver366Days,
    #[error("The count must be 1 to 10,000")]
    CountOver10000,
    #[error("The `after` cursor is not valid")]
    BadCursor,
    #[error("A birth date cannot be in the future")]
    BirthDateInFuture,
    #[error("`first` must be between 1 and 100")]
    PageSizeOutOfRange,
    #[error("The birth date is not valid")]
    BadBirthDate,
    #[error("Change at least one field of the record")]
    NothingToCorrect,
    #[error("The record has an account: its holder erases it")]
    RecordHasAccount,
    #[error("The record is erased")]
    RecordErased,
    #[error("The request was already decided")]
    RequestDecided,
    #[error("Choose the registry record to link")]
    RecordToLinkNeeded,
    #[error("The threshold is at least 1")]
    ThresholdBelowOne,
    #[error("A survey has 1 to 50 questions")]
    QuestionCount,
    #[error("Choice questions have 1–30 options, others none")]
    OptionCount,
    #[error("The phone number is not valid")]
    BadPhone,
    #[error("This resident is already in the teacher pool")]
    AlreadyATeacher,
    #[error("The start time is hours:minutes, e.g. 19:00")]
    BadStartTime,
    #[error("A timetable covers 1 to 92 days")]
    TimetableSpanOutOfRange,
    /// A file refused, with what is wrong in it (the row, the column).
    #[error("{en}")]
    BadFile { zh: String, en: String },
    #[error("a grid worker reached outside their grids")]
    OutsideGrids,
}

impl From<CoursesError> for AppError {
    fn from(e: CoursesError) -> Self {
        use CoursesError as E;
        use ErrorCode::*;
        // The kind of input an error is about, for a form to show it beside its field.
        let field = match &e {
            E::InvalidCategoryCode | E::CategoryExists => Some("code"),
            E::InvalidCategoryName => Some("name"),
            E::UnknownCategory => Some("category"),
            E::BadAgeRange => Some("minAge"),
            E::CapacityBelowSeats { .. } | E::CapacityOutOfRange => Some("capacity"),
            E::NegativeFee => Some("feeCents"),
            E::BadStartTime => Some("startTime"),
            _ => None,
        };
        let (code, zh, en): (ErrorCode, String, String) = match e {
            E::InvalidCategoryCode => (
                BadUserInput,
                "类别代码只能包含小写字母、数字和下划线，2 到 32 个字符".into(),
                "A category code is 2–32 lower-case letters, digits or underscores".into(),
            ),
            E::InvalidCategoryName => (
                BadUserInput,
                "类别名称不能为空，且不超过 50 个字".into(),
                "A category name must be 1–50 characters".into(),
            ),
            E::CategoryExists => (
                Conflict,
                "该课程类别已存在".into(),
                "This course category already exists".into(),
            ),
            E::UnknownCategory => (
                BadUserInput,
                "没有这个课程类别".into(),
                "There is no such course category".into(),
            ),
            E::BadAgeRange => (
                BadUserInput,
                "年龄范围不正确".into(),
                "The age range is not valid".into(),
            ),
            E::NotFound(what) => (
                NotFound,
                format!("找不到该{}", zh_name(what)),
                format!("{what} not found"),
            ),
            E::CourseNotOpen => (
                Conflict,
                "该课程目前不接受报名".into(),
                "This course is not open for enrolment".into(),
            ),
            E::AlreadyEnrolled => (
                Conflict,
                "已经报名（或在候补名单中）".into(),
                "Already enrolled or on the waiting list".into(),
            ),
            E::AlreadyCancelled => (
                Conflict,
                "该报名已取消".into(),
                "This enrolment is already cancelled".into(),
            ),
            E::Audience => (
                BadUserInput,
                "该学员的年龄不符合课程的对象要求".into(),
                "The learner's age does not fit this course's audience".into(),
            ),
            E::BirthDateNeeded => (
                BadUserInput,
                "此课程有年龄要求，请先登记学员的出生日期".into(),
                "This course has an age rule: record the learner's birth date first".into(),
            ),
            E::NotYourLearner => (
                Forbidden,
                "只能为本人、自己监护的孩子或同意由您代办的家人办理".into(),
                "You can act only for yourself, a child in your care or a family member who agreed".into(),
            ),
            E::NotYourCourse => (
                Forbidden,
                "老师只能管理自己任教的课程".into(),
                "Teachers act only on the courses they teach".into(),
            ),
            E::NotAChild => (
                BadUserInput,
                "登记的孩子需未满 18 周岁".into(),
                "A child registered by a guardian must be under 18".into(),
            ),
            E::TooManyChildren => (
                Conflict,
                "每位监护人最多登记 6 名孩子，如有特殊情况请联系社区工作人员".into(),
                "A guardian registers at most 6 children; please ask the community staff".into(),
            ),
            E::BirthDateSet => (
                Forbidden,
                "出生日期已登记，如需更正请联系社区工作人员".into(),
                "The birth date is already recorded; ask the community staff to correct it".into(),
            ),
            E::CodeExpired => (
                BadUserInput,
                "二维码已过期，请扫描老师屏幕上正在显示的二维码".into(),
                "This code has expired; scan the one on the teacher's screen now".into(),
            ),
            E::InvalidCode => (
                BadUserInput,
                "签到二维码无效".into(),
                "This check-in code is not valid".into(),
            ),
            E::OtherCommunity => (
                BadUserInput,
                "这是其他社区的签到二维码".into(),
                "This check-in code belongs to another community".into(),
            ),
            E::OutsideWindow => (
                BadUserInput,
                "现在不在签到时间内（课前 30 分钟至下课）".into(),
                "Check-in is open from 30 minutes before the session to its end".into(),
            ),
            E::NotEnrolled => (
                Forbidden,
                "该学员没有报名这门课".into(),
                "The learner is not enrolled in this course".into(),
            ),
            E::AlreadyCheckedIn => (Conflict, "已经签到过了".into(), "Already checked in".into()),
            E::SurveyClosed => (
                Conflict,
                "问卷已结束".into(),
                "This survey is closed".into(),
            ),
            E::BadAnswer => (
                BadUserInput,
                "答案与问题不匹配".into(),
                "An answer does not fit its question".into(),
            ),
            E::ThresholdNotReached { count, threshold } => (
                Conflict,
                format!("报名意向 {count} 人，未达到开课门槛 {threshold} 人"),
                format!("{count} residents asked; the threshold is {threshold}"),
            ),
            E::DidNotAttend => (
                Forbidden,
                "上过这门课才能评价".into(),
                "Only learners who attended can rate a course".into(),
            ),
            E::Rating => (
                BadUserInput,
                "评分为 1 到 5 分".into(),
                "A rating is 1 to 5".into(),
            ),
            E::BadSchedule => (
                BadUserInput,
                "排课规则不正确：按日、按周或按月，间隔 1 到 12，给出次数（1 到 366）或截止日期（两年内），每次 1 到 600 分钟".into(),
                "The schedule is not valid: daily, weekly or monthly, interval 1–12, a count (1–366) or an end date (within two years), 1–600 minutes each".into(),
            ),
            E::SessionClash => (
                Conflict,
                "该课程在这个时间已有一节课".into(),
                "The course already has a session at that time".into(),
            ),
            E::SessionCancelled => (
                Conflict,
                "这节课已取消".into(),
                "This session was cancelled".into(),
            ),
            E::SessionPast => (
                Conflict,
                "这节课已经开始或结束，不能再调整".into(),
                "This session has started or ended; it cannot be changed".into(),
            ),
            E::InvalidPhone => (
                BadUserInput,
                "手机号应为 11 位数字".into(),
                "A phone number is 11 digits".into(),
            ),
            E::ResidentExists => (
                Conflict,
                "名册中已有这个手机号的居民".into(),
                "A resident with this phone number is in the registry already".into(),
            ),
            E::RecordTaken => (
                Conflict,
                "这份档案已关联账号，或您已有自己的学员档案".into(),
                "This record has an account already, or you have a record of your own".into(),
            ),
            E::FamilyNoRecord => (
                NotFound,
                "没有找到姓名和手机号都相符的居民，请先请社区工作人员为家人登记".into(),
                "No resident here has that name and phone number: ask the community's staff to register them first".into(),
            ),
            E::FamilyOfSelf => (
                BadUserInput,
                "不能为自己申请家人代办".into(),
                "You cannot ask to act for yourself".into(),
            ),
            E::FamilyOfChild => (
                BadUserInput,
                "孩子请在“添加孩子”中登记".into(),
                "Register a child with “Add a child”".into(),
            ),
            E::FamilyAsked => (
                Conflict,
                "已经申请过，正在等待家人同意（或已同意）".into(),
                "Already asked: waiting for the family member's consent (or given)".into(),
            ),
            E::FamilyAnswered => (
                Conflict,
                "这条申请已经处理过了".into(),
                "This request has been answered already".into(),
            ),
            E::FamilyNotYours => (
                Forbidden,
                "只有家人本人、提出申请的家属或社区工作人员可以处理".into(),
                "Only the resident, the family member who asked, or staff may do this".into(),
            ),
            E::BadDate => (
                BadUserInput,
                "日期格式不正确（如 1950-03-05）".into(),
                "The date is not valid (e.g. 1950-03-05)".into(),
            ),
            E::SpaceTaken { occurrence } => (
                Conflict,
                format!("场地在该时段已被占用：{occurrence}"),
                format!("The space is taken then: {occurrence}"),
            ),
            E::NotPublished => (
                Conflict,
                "展览发布后才能分享".into(),
                "An exhibition can be shared once it is published".into(),
            ),
            E::EventFull => (
                Conflict,
                "活动名额已满".into(),
                "The event is full".into(),
            ),
            E::CapacityBelowSeats { taken } => (
                Conflict,
                format!("名额不能少于已报名人数（{taken} 人）"),
                format!("Capacity cannot be below the seats taken ({taken})"),
            ),
            E::BadSessions => (
                BadUserInput,
                "课次时间不正确".into(),
                "The session times are not valid".into(),
            ),
            E::BadMonth => (
                BadUserInput,
                "月份格式应为 YYYY-MM".into(),
                "A month is written YYYY-MM".into(),
            ),
            E::BadPeriod => (
                BadUserInput,
                "展期不正确".into(),
                "The period is not valid".into(),
            ),
            E::PublicBenefitOnlyForSessions => (BadUserInput, "“仅公益课”只适用于统计课程的目标".into(), "“Public-benefit only” applies to targets counting sessions".into()),
            E::CountOver1000 => (BadUserInput, "次数为 1 到 1000".into(), "The count must be 1 to 1,000".into()),
            E::CapacityOutOfRange => (BadUserInput, "名额为 1 到 10000".into(), "Capacity must be 1 to 10,000".into()),
            E::NegativeFee => (BadUserInput, "公益课程不收费，收费不能为负数".into(), "Public-benefit courses are free; fees cannot be negative".into()),
            E::FederationNameExists => (Conflict, "同名的社团联盟已存在".into(), "A federation with this name exists".into()),
            E::ClubNameExists => (Conflict, "同名的社团已存在".into(), "A club with this name exists".into()),
            E::EventOrSession => (BadUserInput, "请指定一个活动或一节课".into(), "Give exactly one of eventId and sessionId".into()),
            E::BadEventTimes => (BadUserInput, "活动时间、时长（1 分钟到 24 小时）、名额或人次目标（1 到 100000）不正确".into(), "The time, duration (1 minute to 24 hours), capacity or attendance target (1 to 100,000) is not valid".into()),
            E::SpanOver366Days => (BadUserInput, "一次查看 1 到 366 天".into(), "1 to 366 days at a time".into()),
            E::CountOver10000 => (BadUserInput, "人数为 1 到 10000".into(), "The count must be 1 to 10,000".into()),
            E::BadCursor => (BadUserInput, "分页游标无效".into(), "The `after` cursor is not valid".into()),
            E::BirthDateInFuture => (BadUserInput, "出生日期不能晚于今天".into(), "A birth date cannot be in the future".into()),
            E::PageSizeOutOfRange => (BadUserInput, "每页数量为 1 到 100".into(), "`first` must be between 1 and 100".into()),
            E::BadBirthDate => (BadUserInput, "出生日期不正确".into(), "The birth date is not valid".into()),
            E::NothingToCorrect => (BadUserInput, "请至少更正一项".into(), "Change at least one field of the record".into()),
            E::RecordHasAccount => (Conflict, "该居民有自己的账号，请本人在手机上注销（我的 → 注销账号）".into(), "This resident has an account: they erase it themselves (Me → Erase my account)".into()),
            E::RecordErased => (Conflict, "该档案已注销".into(), "This record is already erased".into()),
            E::RequestDecided => (Conflict, "该申请已处理".into(), "The request was already decided".into()),
            E::RecordToLinkNeeded => (BadUserInput, "请选择要关联的居民档案".into(), "Choose the registry record to link".into()),
            E::ThresholdBelowOne => (BadUserInput, "开课门槛至少 1 人".into(), "The threshold is at least 1".into()),
            E::QuestionCount => (BadUserInput, "问卷需要 1 到 50 个问题".into(), "A survey has 1 to 50 questions".into()),
            E::OptionCount => (BadUserInput, "选择题需要 1 到 30 个选项，其他题型没有选项".into(), "Choice questions have 1–30 options, others none".into()),
            E::BadPhone => (BadUserInput, "手机号码格式不正确".into(), "The phone number is not valid".into()),
            E::AlreadyATeacher => (Conflict, "该居民已在师资库中".into(), "This resident is already in the teacher pool".into()),
            E::BadStartTime => (BadUserInput, "开始时间的格式为 时:分，如 19:00".into(), "The start time is hours:minutes, e.g. 19:00".into()),
            E::TimetableSpanOutOfRange => (BadUserInput, "课表一次查看 1 到 92 天".into(), "A timetable covers 1 to 92 days".into()),
            E::BadFile { zh, en } => (BadUserInput, zh, en),
            E::OutsideGrids => (
                Forbidden,
                "网格员只能登记、查找、代办自己负责网格的居民".into(),
                "A grid worker enters, finds and acts for residents of their own grids only".into(),
            ),
        };
        let error = AppError::new(code, zh, en);
        match field {
            Some(f) => error.on_field(f),
            None => error,
        }
    }
}

fn zh_name(what: &str) -> &'static str {
    match what {
        "course" => "课程",
        "session" => "课次",
        "learner" => "学员",
        "volunteer" => "志愿者",
        "teacher" => "老师",
        "enrolment" => "报名",
        "survey" => "问卷",
        "question" => "问题",
        "club" => "社团",
        "federation" => "社团联盟",
        "exhibition" => "展览",
        "work" => "作品",
        "event" => "活动",
        "courtyard" => "院落或网格",
        "space" => "场地",
        "occasion" => "活动或课次",
        _ => "记录",
    }
}

/// A thing of the college that is not there (or not in this community).
pub(crate) fn not_found(what: &'static str) -> AppError {
    CoursesError::NotFound(what).into()
}
