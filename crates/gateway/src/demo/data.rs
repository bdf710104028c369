//! The demo's data, from the seed reports: districts, communities with their courtyards and
//! spaces, accounts, 金竹苑's clubs and each community's courses.

use courses::model::{Audience, Format, TeacherKind};
use spaces::api::rooms::SpaceKind;
use tenancy::Role;
use tenancy::model::CommunityKind;

/// (code, name, parent code)
pub(super) const DISTRICTS: &[(&str, &str, Option<&str>)] = &[
    ("510100", "成都市", None),
    ("510109", "成都高新区", Some("510100")),
    ("510109-zhonghe", "中和街道", Some("510109")),
    ("510114", "新都区", Some("510100")),
    ("510114-xindu", "新都街道", Some("510114")),
    ("510108", "成华区", Some("510100")),
    ("510108-bailianchi", "白莲池街道", Some("510108")),
    ("500100", "重庆市", None),
    ("500192", "两江新区", Some("500100")),
    ("500192-kangmei", "康美街道", Some("500192")),
    ("500192-renhe", "人和街道", Some("500192")),
    ("330300", "温州市", None),
    ("330304", "瓯海区", Some("330300")),
    ("330304-chashan", "茶山街道", Some("330304")),
];

pub(super) struct DemoCommunity {
    pub(super) district: &'static str,
    pub(super) slug: &'static str,
    pub(super) name: &'static str,
    pub(super) kind: CommunityKind,
    pub(super) households: Option<i32>,
    pub(super) residents: Option<i32>,
    pub(super) courtyards: &'static [&'static str],
    pub(super) spaces: &'static [(&'static str, SpaceKind, i32)],
}

pub(super) const COMMUNITIES: &[DemoCommunity] = &[
    DemoCommunity {
        district: "510109-zhonghe",
        slug: "xinhua",
        name: "新华社区",
        kind: CommunityKind::OldCourtyard,
        households: None,
        residents: None,
        // 黄金时代小区 lent its 物管用房 and 架空层 to the five shared spaces (seed 002).
        courtyards: &["黄金时代小区"],
        spaces: &[
            ("党群服务", SpaceKind::FunctionRoom, 40),
            ("童趣园", SpaceKind::CourtyardSpace, 20),
            ("舞之魅", SpaceKind::FunctionRoom, 30),
            ("百文斋", SpaceKind::CourtyardSpace, 25),
            ("夕阳乐", SpaceKind::CourtyardSpace, 30),
        ],
    },
    DemoCommunity {
        district: "510114-xindu",
        slug: "donghuanlu",
        name: "东环路社区",
        kind: CommunityKind::OldCourtyard,
        households: None,
        residents: None,
        // 花园颐院, 东环路355号: a 1980s 机关 family compound (seed 004).
        courtyards: &["花园颐院"],
        spaces: &[
            ("书画室", SpaceKind::FunctionRoom, 20),
            ("心理咨询室", SpaceKind::FunctionRoom, 6),
            ("棋牌室", SpaceKind::FunctionRoom, 16),
        ],
    },
    DemoCommunity {
        district: "510108-bailianchi",
        slug: "bailian",
        name: "白莲社区",
        kind: CommunityKind::Resettlement,
        households: Some(2786),
        residents: Some(6977),
        courtyards: &["农转非安置小区", "驻区单位院落"],
        spaces: &[("生态农场", SpaceKind::Farm, 40)],
    },
    DemoCommunity {
        district: "500192-kangmei",
        slug: "jinzhuyuan",
        name: "金竹苑社区",
        kind: CommunityKind::CommercialHousing,
        households: None,
        residents: None,
        courtyards: &[],
        spaces: &[("社区学院教室", SpaceKind::FunctionRoom, 40)],
    },
    DemoCommunity {
        district: "500192-renhe",
        slug: "xingjiaqiao",
        name: "邢家桥社区",
        kind: CommunityKind::OldCourtyard,
        households: None,
        residents: None,
        courtyards: &[],
        spaces: &[("生态花园", SpaceKind::OutdoorYard, 30)],
    },
    DemoCommunity {
        district: "330304-chashan",
        slug: "boyuan",
        name: "博园社区",
        kind: CommunityKind::UniversityTown,
        households: None,
        residents: Some(7000),
        courtyards: &[],
        spaces: &[("百姓舞台", SpaceKind::Stage, 200)],
    },
];

/// (login, display name, role, district code, community slug)
pub(super) type DemoAccount = (
    &'static str,
    &'static str,
    Role,
    Option<&'static str>,
    Option<&'static str>,
);

pub(super) const ACCOUNTS: &[DemoAccount] = &[
    ("admin", "平台管理员", Role::PlatformAdmin, None, None),
    (
        "gaoxin-admin",
        "高新区管理员",
        Role::DistrictAdmin,
        Some("510109"),
        None,
    ),
    (
        "liangjiang-viewer",
        "两江新区观察员",
        Role::DistrictViewer,
        Some("500192"),
        None,
    ),
    (
        "xinhua-admin",
        "刘丽",
        Role::CommunityAdmin,
        None,
        Some("xinhua"),
    ),
    (
        "jinzhuyuan-staff",
        "金竹苑社工",
        Role::Staff,
        None,
        Some("jinzhuyuan"),
    ),
    (
        "chen-qihui",
        "陈启惠",
        Role::Resident,
        None,
        Some("jinzhuyuan"),
    ),
    (
        "bailian-farmer",
        "白莲种植户",
        Role::Resident,
        None,
        Some("bailian"),
    ),
    // 陈立萍, a retired resident of 东环路 and a time-bank volunteer (seed 001).
    (
        "donghuan-chen",
        "陈立萍",
        Role::Resident,
        None,
        Some("donghuanlu"),
    ),
    (
        "boyuan-staff",
        "博园社工",
        Role::Staff,
        None,
        Some("boyuan"),
    ),
];

/// 金竹苑's five federations and 34 clubs (seed report 003).
pub(super) const JINZHUYUAN_CLUBS: &[(&str, &[&str])] = &[
    (
        "艺术联盟",
        &[
            "非洲鼓社",
            "合唱团",
            "民族舞蹈队",
            "书法社",
            "国画社",
            "巧心思手工",
            "旗袍秀",
            "川剧票友会",
        ],
    ),
    (
        "体育联盟",
        &[
            "太极拳队",
            "乒乓球社",
            "羽毛球社",
            "健步走队",
            "瑜伽社",
            "广场舞队",
            "门球队",
        ],
    ),
    (
        "科技联盟",
        &[
            "智能手机课堂",
            "少儿编程社",
            "无人机社",
            "启迪智慧",
            "摄影社",
            "短视频社",
        ],
    ),
    (
        "文化联盟",
        &[
            "读书会",
            "诗词社",
            "碗碗茶闲聊",
            "红色宣讲团",
            "邻里小剧场",
            "英语角",
            "亲子阅读社",
        ],
    ),
    (
        "便民服务联盟",
        &[
            "义剪队",
            "家电维修队",
            "法律咨询组",
            "健康义诊队",
            "邻里调解队",
            "志愿巡逻队",
        ],
    ),
];

/// (title, category, audience, format, teacher, kind, skill) per seed community.
pub(super) type DemoCourse = (
    &'static str,
    &'static str,
    Audience,
    Format,
    &'static str,
    TeacherKind,
);

pub(super) fn courses_for(slug: &str) -> &'static [DemoCourse] {
    match slug {
        "xinhua" => &[
            (
                "院落瑜伽",
                "yoga",
                Audience::Adults,
                Format::Workshop,
                "瑜伽达人周老师",
                TeacherKind::LocalTalent,
            ),
            (
                "健康养生讲座",
                "health",
                Audience::Elderly,
                Format::Lecture,
                "社区医院王医生",
                TeacherKind::Expert,
            ),
            (
                "童趣园自然课",
                "nature",
                Audience::Children,
                Format::Workshop,
                "自然教育社工",
                TeacherKind::SocialOrganisation,
            ),
            (
                "法律法规进院落",
                "law",
                Audience::All,
                Format::Forum,
                "律师事务所张律师",
                TeacherKind::Expert,
            ),
        ],
        "jinzhuyuan" => &[
            (
                "非洲鼓",
                "skills",
                Audience::All,
                Format::Performance,
                "非洲鼓达人",
                TeacherKind::LocalTalent,
            ),
            (
                "剪纸",
                "life_skills",
                Audience::All,
                Format::Workshop,
                "剪纸老师",
                TeacherKind::LocalTalent,
            ),
        ],
        // 邢家桥's interest classes, chosen by residents' own survey (seed 003).
        "xingjiaqiao" => &[
            (
                "太极拳",
                "health",
                Audience::All,
                Format::Workshop,
                "国家一级太极教练",
                TeacherKind::Expert,
            ),
            (
                "快板",
                "skills",
                Audience::All,
                Format::Performance,
                "快板达人",
                TeacherKind::LocalTalent,
            ),
            (
                "腰鼓",
                "skills",
                Audience::Elderly,
                Format::Performance,
                "何开碧",
                TeacherKind::LocalTalent,
            ),
            (
                "象棋",
                "skills",
                Audience::All,
                Format::Salon,
                "象棋达人",
                TeacherKind::LocalTalent,
            ),
            (
                "生态花园认养课",
                "nature",
                Audience::All,
                Format::Workshop,
                "驻地艺术家",
                TeacherKind::SocialOrganisation,
            ),
        ],
        // 东环路's 香薰 workshop (seed 004).
        "donghuanlu" => &[(
            "香薰手工",
            "life_skills",
            Audience::Adults,
            Format::Workshop,
            "香薰老师",
            TeacherKind::LocalTalent,
        )],
        "boyuan" => &[
            (
                "智能手机使用",
                "skills",
                Audience::Elderly,
                Format::Workshop,
                "温州大学志愿者",
                TeacherKind::UniversityStudent,
            ),
            (
                "社区心理健康",
                "health",
                Audience::Adults,
                Format::Salon,
                "温州医科大学李老师",
                TeacherKind::UniversityTeacher,
            ),
        ],
        "bailian" => &[(
            "生态农场种植课",
            "nature",
            Audience::All,
            Format::Workshop,
            "农场老把式",
            TeacherKind::LocalTalent,
        )],
        _ => &[(
            "党建教育",
            "party",
            Audience::All,
            Format::Lecture,
            "党校讲师",
            TeacherKind::Expert,
        )],
    }
}
