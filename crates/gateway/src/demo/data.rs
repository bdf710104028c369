//! The demo's data, from the seed reports: districts, communities with their courtyards and
//! spaces, accounts and 金竹苑's clubs (each community's courses are `courses_data`). Seed 000
//! is 新华, 001 东环路, 002 白莲, 003 金竹苑 and 邢家桥, 004 博园.

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
    /// (name, households where the report gives them)
    pub(super) courtyards: &'static [(&'static str, Option<i32>)],
    pub(super) spaces: &'static [(&'static str, SpaceKind, i32)],
}

pub(super) const COMMUNITIES: &[DemoCommunity] = &[
    DemoCommunity {
        district: "510109-zhonghe",
        slug: "xinhua",
        name: "新华社区",
        // A property-managed estate: 黄金时代小区 lent its 物管用房, 架空层 and idle rooms to the
        // five shared spaces, paid for by the street, the community and the 物业 (seed 000).
        kind: CommunityKind::CommercialHousing,
        households: None,
        residents: None,
        courtyards: &[("黄金时代小区", None)],
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
        // 花园颐院, 东环路355号: a 1980s 机关 family compound of 50 households, 150 people
        // (seed 001).
        courtyards: &[("花园颐院", Some(50))],
        spaces: &[
            ("书画室", SpaceKind::FunctionRoom, 20),
            ("心理咨询室", SpaceKind::FunctionRoom, 6),
            ("棋牌室", SpaceKind::FunctionRoom, 16),
            ("茶艺室", SpaceKind::FunctionRoom, 12),
            ("社区书吧", SpaceKind::FunctionRoom, 20),
        ],
    },
    DemoCommunity {
        district: "510108-bailianchi",
        slug: "bailian",
        name: "白莲社区",
        // 农转非安置小区, 驻区单位及院落 and 商品房小区 together (seed 002).
        kind: CommunityKind::Mixed,
        households: Some(2786),
        residents: Some(6977),
        courtyards: &[
            ("农转非安置小区", None),
            ("驻区单位院落", None),
            ("商品房小区", None),
        ],
        spaces: &[
            ("生态农场", SpaceKind::Farm, 40),
            ("儿童之家", SpaceKind::FunctionRoom, 30),
        ],
    },
    DemoCommunity {
        district: "500192-kangmei",
        slug: "jinzhuyuan",
        name: "金竹苑社区",
        // 康美街道 "has many 公租房 residents" to bring together (seed 003).
        kind: CommunityKind::PublicRental,
        households: None,
        residents: None,
        courtyards: &[],
        spaces: &[
            ("社区学院教室", SpaceKind::FunctionRoom, 40),
            ("社区广场", SpaceKind::OutdoorYard, 100),
        ],
    },
    DemoCommunity {
        district: "500192-renhe",
        slug: "xingjiaqiao",
        name: "邢家桥社区",
        // 两江新区's earliest mixed community (混合型社区, seed 003).
        kind: CommunityKind::Mixed,
        households: None,
        residents: None,
        courtyards: &[],
        spaces: &[
            ("街边门市画室", SpaceKind::FunctionRoom, 15),
            ("原工商所活动室", SpaceKind::FunctionRoom, 40),
            ("小区坝坝", SpaceKind::OutdoorYard, 60),
            ("生态花园", SpaceKind::OutdoorYard, 30),
        ],
    },
    DemoCommunity {
        district: "330304-chashan",
        slug: "boyuan",
        name: "博园社区",
        kind: CommunityKind::UniversityTown,
        households: None,
        residents: Some(7000),
        courtyards: &[],
        // Five of its eight shared spaces the report names (seed 004).
        spaces: &[
            ("百姓舞台", SpaceKind::Stage, 200),
            ("达人室", SpaceKind::FunctionRoom, 20),
            ("自习室", SpaceKind::FunctionRoom, 30),
            ("百姓健身房", SpaceKind::FunctionRoom, 20),
            ("瑜伽房", SpaceKind::FunctionRoom, 20),
        ],
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
    // 杨鑫, 金竹苑's 党委副书记 since 2008 (seed 003).
    (
        "jinzhuyuan-staff",
        "杨鑫",
        Role::Staff,
        None,
        Some("jinzhuyuan"),
    ),
    // 邹敏, 东环路's 党委书记 (seed 001).
    (
        "donghuan-admin",
        "邹敏",
        Role::CommunityAdmin,
        None,
        Some("donghuanlu"),
    ),
    // 廖成发, 白莲's 书记, and 林功涛, its 主任 (seed 002).
    (
        "bailian-admin",
        "廖成发",
        Role::CommunityAdmin,
        None,
        Some("bailian"),
    ),
    (
        "bailian-staff",
        "林功涛",
        Role::Staff,
        None,
        Some("bailian"),
    ),
    // 谢兰, 邢家桥's 党委书记 (seed 003).
    (
        "xingjiaqiao-admin",
        "谢兰",
        Role::CommunityAdmin,
        None,
        Some("xingjiaqiao"),
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

/// 金竹苑's five federations and 34 clubs (seed 003): (federation, the clubs the report names
/// in it, how many clubs it has). The report names three clubs and the 非洲鼓 club; the others
/// stay unnamed ("艺术联盟社团 2"), and the 34 are spread evenly, which it does not say.
pub(super) const JINZHUYUAN_CLUBS: &[(&str, &[&str], usize)] = &[
    ("艺术联盟", &["非洲鼓社", "巧心思手工"], 7),
    ("体育联盟", &[], 7),
    ("科技联盟", &["启迪智慧"], 7),
    ("文化联盟", &["碗碗茶闲聊"], 7),
    ("便民服务联盟", &[], 6),
];
