//! `serve --demo`: the districts and communities of the seed reports, with demo accounts.
//! Idempotent: a second run finds everything in place and changes nothing.

use infra::{AppError, CommunityAccess, CommunityScope, Role};
use tenancy::Tenancy;
use tenancy::model::{CommunityKind, Name, Slug};
use tenancy::service::{GrantInput, NewAccountInput, NewCommunityParams};

pub const DEMO_PASSWORD: &str = "linli-demo-2026";

/// (code, name, parent code)
const DISTRICTS: &[(&str, &str, Option<&str>)] = &[
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

struct DemoCommunity {
    district: &'static str,
    slug: &'static str,
    name: &'static str,
    kind: CommunityKind,
    households: Option<i32>,
    residents: Option<i32>,
    courtyards: &'static [&'static str],
    spaces: &'static [(&'static str, &'static str, i32)],
}

const COMMUNITIES: &[DemoCommunity] = &[
    DemoCommunity {
        district: "510109-zhonghe",
        slug: "xinhua",
        name: "新华社区",
        kind: CommunityKind::OldCourtyard,
        households: None,
        residents: None,
        courtyards: &["新华院落一", "新华院落二"],
        spaces: &[
            ("党群服务", "party_service", 40),
            ("童趣园", "children", 20),
            ("舞之魅", "dance", 30),
            ("百文斋", "reading", 25),
            ("夕阳乐", "elderly", 30),
        ],
    },
    DemoCommunity {
        district: "510114-xindu",
        slug: "donghuanlu",
        name: "东环路社区",
        kind: CommunityKind::OldCourtyard,
        households: None,
        residents: None,
        courtyards: &["老城区属院（50户）"],
        spaces: &[
            ("书画室", "painting", 20),
            ("心理咨询室", "counselling", 6),
            ("棋牌室", "games", 16),
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
        spaces: &[("生态农场", "farm", 40)],
    },
    DemoCommunity {
        district: "500192-kangmei",
        slug: "jinzhuyuan",
        name: "金竹苑社区",
        kind: CommunityKind::CommercialHousing,
        households: None,
        residents: None,
        courtyards: &[],
        spaces: &[("社区学院教室", "classroom", 40)],
    },
    DemoCommunity {
        district: "500192-renhe",
        slug: "xingjiaqiao",
        name: "邢家桥社区",
        kind: CommunityKind::OldCourtyard,
        households: None,
        residents: None,
        courtyards: &[],
        spaces: &[("生态花园", "garden", 30)],
    },
    DemoCommunity {
        district: "330304-chashan",
        slug: "boyuan",
        name: "博园社区",
        kind: CommunityKind::UniversityTown,
        households: None,
        residents: Some(7000),
        courtyards: &[],
        spaces: &[("百姓舞台", "stage", 200)],
    },
];

/// (login, display name, role, district code, community slug)
type DemoAccount = (
    &'static str,
    &'static str,
    Role,
    Option<&'static str>,
    Option<&'static str>,
);

const ACCOUNTS: &[DemoAccount] = &[
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
];

pub fn demo_logins() -> impl Iterator<Item = (&'static str, &'static str)> {
    ACCOUNTS.iter().map(|a| (a.0, a.1))
}

pub async fn seed(t: &Tenancy) -> anyhow::Result<()> {
    let fail = |e: AppError| anyhow::anyhow!("demo seed: {e:?}");
    let mut conn = t.db().pool().acquire().await?;
    for (code, name, parent) in DISTRICTS {
        if tenancy::db::district_by_code(&mut conn, code)
            .await?
            .is_some()
        {
            continue;
        }
        let parent = match parent {
            Some(p) => tenancy::db::district_by_code(&mut conn, p).await?,
            None => None,
        };
        tenancy::db::insert_district(&mut conn, uuid::Uuid::now_v7(), code, name, parent.as_ref())
            .await?;
    }
    for c in COMMUNITIES {
        let district = tenancy::db::district_by_code(&mut conn, c.district)
            .await?
            .ok_or_else(|| anyhow::anyhow!("demo district {} missing", c.district))?;
        let params = NewCommunityParams {
            district_id: district.id,
            slug: Slug::parse(c.slug).map_err(|e| anyhow::anyhow!("{e}"))?,
            name: Name::parse(c.name).map_err(|e| anyhow::anyhow!("{e}"))?,
            kind: c.kind,
            households: c.households,
            residents: c.residents,
        };
        let (community, _) = t
            .onboard_unchecked(&params, &infra::migrations::community())
            .await
            .map_err(fail)?;
        let scope = CommunityScope {
            tenant: community.tenant(),
            access: CommunityAccess {
                account_id: uuid::Uuid::nil(),
                display_name: "演示数据".into(),
                roles: vec![Role::CommunityAdmin],
                admin_above: true,
                viewer_above: false,
            },
        };
        for name in c.courtyards {
            // A courtyard that exists already is a CONFLICT: that is the idempotent case.
            let _ = t
                .create_courtyard(&scope.tenant, &scope.access, name, "courtyard", None)
                .await;
        }
        for (name, kind, capacity) in c.spaces {
            spaces::service::create_space(t.db(), &scope, name, kind, *capacity)
                .await
                .map_err(fail)?;
        }
    }
    for (login, display, role, district, community) in ACCOUNTS {
        let account = match tenancy::db::account_for_login(&mut conn, login).await? {
            Some((id, _, _)) => id,
            None => {
                t.create_account_unchecked(NewAccountInput {
                    login_name: login.to_string(),
                    display_name: display.to_string(),
                    password: DEMO_PASSWORD.to_string(),
                    phone: None,
                })
                .await
                .map_err(fail)?
                .id
            }
        };
        let grant = GrantInput {
            account_id: account,
            role: *role,
            district_code: district.map(str::to_string),
            community_slug: community.map(str::to_string),
        };
        t.grant_role(None, grant).await.map_err(fail)?;
    }
    Ok(())
}
