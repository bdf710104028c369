//! The figures a district reads, grouped into the families of its report (one sheet each in
//! the export), with their Chinese and English names. A figure name in the rollups that is not
//! here is not shown: the catalogue is the contract between the domains and the district.

/// A family of figures (the export's sheets).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    /// 社区学院
    Courses,
    /// 志愿服务与时间银行
    Volunteers,
    /// 共享空间
    Spaces,
    /// 共建合作
    Partners,
    /// 民生诉求
    Demands,
}

impl Family {
    pub const ALL: [Family; 5] = [
        Family::Courses,
        Family::Volunteers,
        Family::Spaces,
        Family::Partners,
        Family::Demands,
    ];

    pub fn zh(self) -> &'static str {
        match self {
            Family::Courses => "社区学院",
            Family::Volunteers => "志愿服务",
            Family::Spaces => "共享空间",
            Family::Partners => "共建合作",
            Family::Demands => "民生诉求",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Family::Courses => "Community college",
            Family::Volunteers => "Volunteers",
            Family::Spaces => "Shared spaces",
            Family::Partners => "Partners",
            Family::Demands => "Demands",
        }
    }
}

/// One figure: summed over a period (a flow).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figure {
    pub name: &'static str,
    pub family: Family,
    pub zh: &'static str,
    pub en: &'static str,
}

const fn fig(name: &'static str, family: Family, zh: &'static str, en: &'static str) -> Figure {
    Figure {
        name,
        family,
        zh,
        en,
    }
}

pub const FIGURES: &[Figure] = &[
    fig(
        "courses.courses",
        Family::Courses,
        "新开课程（门）",
        "Courses created",
    ),
    fig("courses.sessions", Family::Courses, "开课场次", "Sessions"),
    fig(
        "courses.public_sessions",
        Family::Courses,
        "公益课场次",
        "Public-benefit sessions",
    ),
    fig(
        "courses.enrolments",
        Family::Courses,
        "报名人次",
        "Enrolments",
    ),
    fig(
        "courses.attendance_marked",
        Family::Courses,
        "点名人次",
        "Attendance marked",
    ),
    fig(
        "courses.attendance_present",
        Family::Courses,
        "到课人次",
        "Attendances",
    ),
    fig(
        "courses.exhibitions",
        Family::Courses,
        "成果展览（场）",
        "Exhibitions",
    ),
    fig(
        "courses.nominations",
        Family::Courses,
        "推荐典型（人次）",
        "Nominations",
    ),
    fig(
        "volunteers.registered",
        Family::Volunteers,
        "新注册志愿者",
        "Volunteers registered",
    ),
    fig(
        "volunteers.serving",
        Family::Volunteers,
        "服务志愿者（人·月）",
        "Volunteers serving (person-months)",
    ),
    fig(
        "volunteers.minutes_verified",
        Family::Volunteers,
        "认定服务时长（分钟）",
        "Service minutes verified",
    ),
    fig(
        "volunteers.points_earned",
        Family::Volunteers,
        "发放积分",
        "Points issued",
    ),
    fig(
        "volunteers.points_redeemed",
        Family::Volunteers,
        "兑换积分",
        "Points redeemed",
    ),
    fig(
        "spaces.bookings",
        Family::Spaces,
        "场地预约（次）",
        "Bookings made",
    ),
    fig(
        "spaces.minutes_booked",
        Family::Spaces,
        "场地使用时长（分钟）",
        "Minutes booked",
    ),
    fig(
        "spaces.minutes_open",
        Family::Spaces,
        "场地开放时长（分钟）",
        "Minutes open",
    ),
    fig(
        "spaces.no_shows",
        Family::Spaces,
        "预约爽约（次）",
        "No-shows",
    ),
    fig(
        "spaces.plots_claimed",
        Family::Spaces,
        "认领菜地（块）",
        "Farm plots claimed",
    ),
    fig(
        "partners.commitments",
        Family::Partners,
        "共建承诺活动（次）",
        "Activities committed",
    ),
    fig(
        "partners.agreement_activities",
        Family::Partners,
        "共建开展活动（次）",
        "Activities delivered",
    ),
    fig(
        "partners.ventures_awarded",
        Family::Partners,
        "微创投立项",
        "Micro-venture projects awarded",
    ),
    fig(
        "partners.ventures_closed",
        Family::Partners,
        "微创投结项",
        "Micro-venture projects closed",
    ),
    fig(
        "partners.demands_received",
        Family::Demands,
        "受理诉求（件）",
        "Demands received",
    ),
    fig(
        "partners.demands_resolved",
        Family::Demands,
        "办结诉求（件）",
        "Demands resolved",
    ),
];

/// The distribution whose median the dashboards show: hours to a demand's first resolution.
pub const RESOLUTION_HOURS: &str = "partners.resolution_hours";

pub fn find(name: &str) -> Option<&'static Figure> {
    FIGURES.iter().find(|f| f.name == name)
}

/// Ratios of two figures over the same period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    pub name: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub numerator: &'static str,
    pub denominator: &'static str,
}

pub const RATES: &[Rate] = &[
    Rate {
        name: "attendance_rate",
        zh: "到课率",
        en: "Attendance rate",
        numerator: "courses.attendance_present",
        denominator: "courses.attendance_marked",
    },
    Rate {
        name: "public_benefit_share",
        zh: "公益课占比",
        en: "Public-benefit share",
        numerator: "courses.public_sessions",
        denominator: "courses.sessions",
    },
    Rate {
        name: "space_utilisation",
        zh: "场地利用率",
        en: "Space utilisation",
        numerator: "spaces.minutes_booked",
        denominator: "spaces.minutes_open",
    },
    Rate {
        name: "no_show_rate",
        zh: "爽约率",
        en: "No-show rate",
        numerator: "spaces.no_shows",
        denominator: "spaces.bookings",
    },
    Rate {
        name: "delivery_rate",
        zh: "共建承诺兑现率",
        en: "Commitments delivered",
        numerator: "partners.agreement_activities",
        denominator: "partners.commitments",
    },
    Rate {
        name: "resolution_rate",
        zh: "诉求办结率",
        en: "Demand resolution rate",
        numerator: "partners.demands_resolved",
        denominator: "partners.demands_received",
    },
];

/// The district's cadence rule: at least two public-benefit sessions a month
/// (每月不少于两堂公益课).
pub const CADENCE_PUBLIC_SESSIONS: i64 = 2;

/// `n / d`, none when `d` is zero (a rate is divided at read time).
pub fn ratio(n: i64, d: i64) -> Option<f64> {
    (d != 0).then(|| n as f64 / d as f64)
}
