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
    /// 共治：会议协商、微网格、基金
    Governance,
}

impl Family {
    pub const ALL: [Family; 6] = [
        Family::Courses,
        Family::Volunteers,
        Family::Spaces,
        Family::Partners,
        Family::Demands,
        Family::Governance,
    ];

    pub fn zh(self) -> &'static str {
        match self {
            Family::Courses => "社区学院",
            Family::Volunteers => "志愿服务",
            Family::Spaces => "共享空间",
            Family::Partners => "共建合作",
            Family::Demands => "民生诉求",
            Family::Governance => "共治",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Family::Courses => "Community college",
            Family::Volunteers => "Volunteers",
            Family::Spaces => "Shared spaces",
            Family::Partners => "Partners",
            Family::Demands => "Demands",
            Family::Governance => "Co-governance",
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
        "courses.households_visited",
        Family::Courses,
        "入户摸底新增户数",
        "Households newly visited",
    ),
    fig("courses.events", Family::Courses, "活动场次", "Events"),
    fig(
        "courses.events_activity",
        Family::Courses,
        "活动场次：活动",
        "Events: activities",
    ),
    fig(
        "courses.events_exchange",
        Family::Courses,
        "活动场次：交流",
        "Events: exchanges",
    ),
    fig(
        "courses.events_performance",
        Family::Courses,
        "活动场次：展演",
        "Events: performances",
    ),
    fig(
        "courses.events_market",
        Family::Courses,
        "活动场次：服务集市",
        "Events: service markets",
    ),
    fig(
        "courses.events_service_day",
        Family::Courses,
        "活动场次：达人服务日",
        "Events: service days",
    ),
    fig(
        "courses.event_attendance",
        Family::Courses,
        "活动人次",
        "Event attendance",
    ),
    fig("courses.clubs", Family::Courses, "新建社团", "Clubs formed"),
    fig(
        "courses.club_members",
        Family::Courses,
        "社团新增成员",
        "Club members joined",
    ),
    fig(
        "courses.teachers_expert",
        Family::Courses,
        "师资库新增：专家",
        "Teachers added: experts",
    ),
    fig(
        "courses.teachers_local_talent",
        Family::Courses,
        "师资库新增：本土达人",
        "Teachers added: local talents",
    ),
    fig(
        "courses.teachers_university_teacher",
        Family::Courses,
        "师资库新增：高校教师",
        "Teachers added: university teachers",
    ),
    fig(
        "courses.teachers_university_student",
        Family::Courses,
        "师资库新增：高校学生",
        "Teachers added: university students",
    ),
    fig(
        "courses.teachers_social_organisation",
        Family::Courses,
        "师资库新增：社会组织",
        "Teachers added: social organisations",
    ),
    fig(
        "volunteers.people_served",
        Family::Volunteers,
        "服务人次",
        "People served",
    ),
    fig(
        "volunteers.party_members",
        Family::Volunteers,
        "新注册党员志愿者",
        "Party-member volunteers registered",
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
    fig(
        "volunteers.stars_one",
        Family::Volunteers,
        "一星志愿者（增减）",
        "One-star volunteers (change)",
    ),
    fig(
        "volunteers.stars_two",
        Family::Volunteers,
        "二星志愿者（增减）",
        "Two-star volunteers (change)",
    ),
    fig(
        "volunteers.stars_three",
        Family::Volunteers,
        "三星志愿者（增减）",
        "Three-star volunteers (change)",
    ),
    fig(
        "volunteers.stars_four",
        Family::Volunteers,
        "四星志愿者（增减）",
        "Four-star volunteers (change)",
    ),
    fig(
        "volunteers.stars_five",
        Family::Volunteers,
        "五星志愿者（增减）",
        "Five-star volunteers (change)",
    ),
    fig(
        "governance.meetings",
        Family::Governance,
        "召开会议与协商（次）",
        "Meetings held",
    ),
    fig(
        "governance.meetings_consultation",
        Family::Governance,
        "民主协商会（次）",
        "Consultations",
    ),
    fig(
        "governance.meetings_courtyard_meeting",
        Family::Governance,
        "坝坝会（次）",
        "Courtyard meetings",
    ),
    fig(
        "governance.meetings_evening_talk",
        Family::Governance,
        "院落夜话（次）",
        "Evening talks",
    ),
    fig(
        "governance.meetings_tripartite_weekly",
        Family::Governance,
        "三方周碰头（次）",
        "Tripartite weekly meetings",
    ),
    fig(
        "governance.meetings_tripartite_monthly",
        Family::Governance,
        "三方月例会（次）",
        "Tripartite monthly meetings",
    ),
    fig(
        "governance.meetings_tripartite_quarterly",
        Family::Governance,
        "三方季通报（次）",
        "Tripartite quarterly reports",
    ),
    fig(
        "governance.meetings_tripartite_yearly",
        Family::Governance,
        "三方年评议（次）",
        "Tripartite yearly reviews",
    ),
    fig(
        "governance.cadence_periods_met",
        Family::Governance,
        "会议达到频次的周期（个）",
        "Meeting periods on cadence",
    ),
    fig(
        "governance.follow_ups_done",
        Family::Governance,
        "决议事项办结（项）",
        "Follow-ups done",
    ),
    fig(
        "governance.follow_ups_on_time",
        Family::Governance,
        "按期办结（项）",
        "Follow-ups done on time",
    ),
    fig(
        "governance.posts_claimed",
        Family::Governance,
        "微网格岗位认领（次）",
        "Grid posts claimed",
    ),
    fig(
        "governance.patrols_held",
        Family::Governance,
        "网格巡查（次）",
        "Patrols held",
    ),
    fig(
        "governance.patrol_findings",
        Family::Governance,
        "巡查发现（条）",
        "Patrol findings",
    ),
    fig(
        "governance.party_reported",
        Family::Governance,
        "在职党员双报到（人）",
        "Party members reported in",
    ),
    fig(
        "governance.honours_awarded",
        Family::Governance,
        "评优表彰（人次）",
        "Honours awarded",
    ),
    fig(
        "governance.party_minutes",
        Family::Governance,
        "在职党员服务时长（分钟）",
        "Party members' verified service (minutes)",
    ),
    fig(
        "governance.fund_income",
        Family::Governance,
        "基金收入（元）",
        "Fund income (yuan)",
    ),
    fig(
        "governance.fund_spending",
        Family::Governance,
        "基金支出（元）",
        "Fund spending (yuan)",
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
