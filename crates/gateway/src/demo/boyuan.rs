//! 博园社区's 校社联动 (seed 004 and the brief): five universities of the Wenzhou university
//! town register themselves and are approved by the community, sixteen teams between them
//! (温大知心姐姐, 温商E米阳光 …), a co-building agreement, the three lists, and 24 resident
//! demands through the community's four grids, 21 of them resolved.

use chrono::{Datelike, NaiveDate, Utc};
use infra::AppError;
use infra::storage::ObjectStore;
use partners::agreements::model::{ActivityKind, CommitmentKind, Per};
use partners::demands::service::{self as demands, DemandInput, Route};
use partners::lists::service::{self as lists, EntryInput};
use partners::organisations::model::OrganisationKind;
use partners::organisations::service::{self as orgs, OrganisationInput, Target, TeamInput};
use tenancy::NewAccountInput;
use tenancy::model::CourtyardKind;
use tenancy::{CommunityCtx, Tenancy};
use uuid::Uuid;

/// (login, university, its teams)
const UNIVERSITIES: [(&str, &str, &[&str]); 5] = [
    (
        "wzu-admin",
        "温州大学",
        &[
            "温大知心姐姐",
            "温大青年志愿者协会",
            "温大法律援助队",
            "温大科普服务队",
        ],
    ),
    (
        "wzbc-admin",
        "温州商学院",
        &["温商E米阳光", "温商创业帮扶队", "温商文艺服务队"],
    ),
    (
        "wmu-admin",
        "温州医科大学",
        &["中医药健康服务队", "温医护理志愿队", "温医心理健康队"],
    ),
    (
        "kean-admin",
        "温州肯恩大学",
        &["肯恩英语角", "肯恩国际文化队", "肯恩环保社"],
    ),
    (
        "wzvtc-admin",
        "温州职业技术学院",
        &["温职家电维修队", "温职数字助老队", "温职手工坊"],
    ),
];

const DEMANDS: [(&str, &str); 24] = [
    ("求知公寓电井雨水倒灌", "设施维修"),
    ("楼道灯不亮", "设施维修"),
    ("小区路面破损", "设施维修"),
    ("垃圾分类点异味", "环境卫生"),
    ("绿化带杂草多", "环境卫生"),
    ("楼道堆物", "环境卫生"),
    ("电动车乱停放", "停车管理"),
    ("非机动车棚不够", "停车管理"),
    ("夜间广场舞噪音", "邻里纠纷"),
    ("楼上漏水", "邻里纠纷"),
    ("宠物扰民", "邻里纠纷"),
    ("独居老人需要助浴", "养老服务"),
    ("老人不会用智能手机", "养老服务"),
    ("希望开设老年书法课", "文化教育"),
    ("孩子放学后无人看管", "文化教育"),
    ("暑期想上英语课", "文化教育"),
    ("社区缺少健身器材", "文体设施"),
    ("篮球场灯光不足", "文体设施"),
    ("快递柜不够用", "便民服务"),
    ("想要便民理发", "便民服务"),
    ("家电维修难", "便民服务"),
    ("希望开展中医义诊", "健康服务"),
    ("心理咨询需求", "健康服务"),
    ("污水排放不畅", "设施维修"),
];

fn missing() -> AppError {
    AppError::not_found("找不到演示账号", "Demo account missing")
}

pub(super) async fn seed(t: &Tenancy, store: &ObjectStore) -> Result<(), AppError> {
    if t.account_by_login(UNIVERSITIES[0].0).await?.is_some() {
        return Ok(());
    }
    let staff = t
        .account_by_login("boyuan-staff")
        .await?
        .ok_or_else(missing)?;
    let staff = t.principal_of(staff.id).await?;
    let office = CommunityCtx::new(
        t.db().clone(),
        t.secrets().clone(),
        store.clone(),
        t.enter_community(Some(&staff), "boyuan").await?,
    );
    let mut grids = Vec::new();
    for name in ["第一网格", "第二网格", "第三网格", "第四网格"] {
        grids.push(
            t.create_courtyard(&office, name, CourtyardKind::Grid, None)
                .await?
                .id,
        );
    }
    let mut teams = Vec::new();
    let mut first_org = None;
    for (login, university, names) in UNIVERSITIES {
        let admin = NewAccountInput {
            login_name: login.into(),
            display_name: format!("{university}联络人"),
            password: super::DEMO_PASSWORD.into(),
            phone: None,
        };
        let (org, account) = orgs::register(
            t,
            super::SEED_ADDRESS,
            admin,
            OrganisationInput {
                name: university.into(),
                kind: OrganisationKind::University,
                grade: None,
                description: "温州大学城高校，校社联动共建单位".into(),
                contact: "0577-86680000".into(),
            },
        )
        .await?;
        let me = t.principal_of(account.id).await?;
        for name in names {
            let team = orgs::create_team(
                t,
                &me,
                org.id,
                TeamInput {
                    name: (*name).into(),
                    leader_id: account.id,
                    skills: vec![],
                    contact: "0577-86680000".into(),
                    members: vec![],
                },
            )
            .await?;
            teams.push(team);
        }
        let asked =
            orgs::request_partnership(t, &me, org.id, Target::Community("boyuan".into())).await?;
        orgs::decide(t, &staff, Some(&office), asked.id, true, None).await?;
        first_org.get_or_insert(org.id);
    }

    // 党建联建协议 with 温州大学: four activities a quarter this year.
    let year = Utc::now().year();
    let on = |m, d| NaiveDate::from_ymd_opt(year, m, d).expect("date");
    let agreement = partners::agreements::service::sign(
        t,
        &office,
        partners::agreements::service::AgreementInput {
            organisation_id: first_org.ok_or_else(missing)?,
            team_id: None,
            title: "党建联建协议".into(),
            starts_on: on(1, 1),
            ends_on: on(12, 31),
            commitments: vec![(CommitmentKind::Any, Per::Quarter, 4)],
        },
    )
    .await?;
    for (title, m, d) in [
        ("周六课堂", 1, 13),
        ("暑期班开班", 7, 8),
        ("论语一百亲子阅读", 9, 20),
    ] {
        if on(m, d) <= infra::local_time::date_of(Utc::now()) {
            partners::agreements::service::record_activity(
                t,
                &office,
                agreement.id,
                ActivityKind::Other,
                None,
                title,
                on(m, d),
            )
            .await?;
        }
    }

    // The three lists, and one need met.
    let entry = |kind: &str, title: &str, category: &str, skills: &[&str]| EntryInput {
        kind_code: kind.into(),
        title: title.into(),
        detail: String::new(),
        category: category.into(),
        skills: skills.iter().map(|s| (*s).to_string()).collect(),
        organisation_id: None,
    };
    let need = lists::add_entry(
        t,
        &office,
        entry("demand", "小朋友周六作业辅导", "教育", &["辅导"]),
    )
    .await?;
    lists::add_entry(
        t,
        &office,
        entry("demand", "老人智能手机培训", "养老", &["数字助老"]),
    )
    .await?;
    lists::add_entry(
        t,
        &office,
        entry("demand", "中医义诊进社区", "健康", &["中医"]),
    )
    .await?;
    let offer = lists::add_entry(
        t,
        &office,
        entry(
            "resource",
            "温大知心姐姐学生团队",
            "教育",
            &["辅导", "心理"],
        ),
    )
    .await?;
    lists::add_entry(
        t,
        &office,
        entry("resource", "温医中医药健康课程", "健康", &["中医"]),
    )
    .await?;
    lists::add_entry(
        t,
        &office,
        entry("project", "博园学堂全龄课程", "教育", &["辅导", "书法"]),
    )
    .await?;
    let m = lists::confirm_match(&office, need.id, offer.id).await?;
    lists::close_match(&office, m.id, true, "周六课堂每周开课，并办了 14 天暑期班").await?;

    // 24 demands through the four grids: 21 answered, most confirmed by the residents.
    for (i, (title, category)) in DEMANDS.iter().enumerate() {
        let resident = Uuid::from_u128(0x0b0e_0000_0000_0000_0000_0000_0000_0000 + i as u128);
        let d = demands::submit(
            t,
            &office,
            DemandInput {
                title: (*title).into(),
                detail: String::new(),
                category: (*category).into(),
                for_resident: Some((resident, format!("博园居民{}", i + 1))),
                grid_id: Some(grids[i % 4]),
            },
        )
        .await?
        .demand;
        let route = if i % 6 == 5 {
            Route::Team(teams[i % teams.len()].id)
        } else {
            Route::Grid(grids[i % 4])
        };
        demands::route(t, &office, d.id, route).await?;
        if i < 21 {
            demands::resolve(t, &office, d.id, "已协调相关方处理完毕").await?;
            if i % 4 != 3 {
                demands::answer(&office, d.id, true, None).await?;
            }
        }
    }
    Ok(())
}
