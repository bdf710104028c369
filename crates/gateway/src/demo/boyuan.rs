//! 博园社区's 校社联动 (seed 004): five universities of the Wenzhou university town register
//! themselves and are approved by the community, sixteen teams between them (温大知心姐姐,
//! 温商E米阳光 …), a 党建联建 agreement with each and 61 activities (60余场), the three lists
//! 资源/服务/项目, and 24 resident demands through the community's four grids, 21 solved.

use chrono::Utc;
use infra::AppError;
use infra::storage::ObjectStore;
use partners::agreements::model::{ActivityKind, CommitmentKind, Per};
use partners::demands::service::{self as demands, DemandInput, Route};
use partners::lists::model::{ListKind, ListRole};
use partners::lists::service::{self as lists, EntryInput};
use partners::organisations::model::OrganisationKind;
use partners::organisations::service::{self as orgs, OrganisationInput, Target, TeamInput};
use tenancy::model::CourtyardKind;
use tenancy::{Actor, GrantInput, NewAccountInput, Role};
use tenancy::{CommunityCtx, Tenancy};
use uuid::Uuid;

/// (login, university, the teams the report names, how many teams): sixteen teams of five
/// universities signed 党建联建 with the community (seed 004). It names the universities that
/// sent volunteer teams (温州商学院, 温州大学, 温州职业技术学院, 温州医科大学) and 温州科技职业技术学院
/// of 为爱而购, and two teams (温大知心姐姐, 温商E米阳光); the other teams keep a number.
const UNIVERSITIES: [(&str, &str, &[&str], usize); 5] = [
    ("wzu-admin", "温州大学", &["温大知心姐姐"], 4),
    ("wzbc-admin", "温州商学院", &["温商E米阳光"], 3),
    ("wmu-admin", "温州医科大学", &[], 3),
    ("wzvtc-admin", "温州职业技术学院", &[], 3),
    ("wzkj-admin", "温州科技职业技术学院", &[], 3),
];

/// The universities' contacts sign in as these (their own registration, not a grant).
pub(super) const PARTNER_LOGINS: &[(&str, &str)] = &[
    ("wzu-admin", "温州大学联络人"),
    ("wzbc-admin", "温州商学院联络人"),
];

/// A grid worker of 第一网格 (the report names none): the door-to-door pages on a phone.
pub(super) const GRID_LOGIN: (&str, &str) = ("boyuan-grid", "第一网格网格员");

/// 24 demands gathered through the grids this year, 21 solved (seed 004). The report tells
/// what some grid demands led to (乒乓桌, 涂鸦墙, a 舞蹈声乐室) and the matters the three-party
/// mechanism solved (求知公寓's flooding 电井 and sewage, 二次供水, 快递柜, 垃圾屋, 防火门);
/// the rest it does not name, and neither does the demo.
const NAMED_DEMANDS: [(&str, &str); 9] = [
    ("青少年活动阵地增设乒乓桌", "文体设施"),
    ("青少年活动阵地增设涂鸦墙", "文体设施"),
    ("与老年学校合设舞蹈声乐室", "文化教育"),
    ("求知公寓电井雨水倒灌", "设施维修"),
    ("求知公寓污水排放", "设施维修"),
    ("小区二次供水改造", "设施维修"),
    ("快递柜安置", "便民服务"),
    ("垃圾屋建设", "环境卫生"),
    ("防火门更换", "设施维修"),
];

/// 党建联建 activities with the teams this year: 60余场 (seed 004) — 61, spread over the year.
const ACTIVITIES: usize = 61;

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
    let worker = t
        .create_account(
            Actor::Operator,
            NewAccountInput {
                login_name: GRID_LOGIN.0.into(),
                display_name: GRID_LOGIN.1.into(),
                password: super::DEMO_PASSWORD.into(),
                phone: None,
            },
        )
        .await?;
    let grant = GrantInput {
        account_id: worker.id,
        role: Role::GridWorker,
        district_code: None,
        community_slug: Some("boyuan".into()),
    };
    t.grant_role(Actor::Operator, grant).await?;
    t.assign_grids(&office, worker.id, &grids[..1]).await?;
    let mut teams = Vec::new();
    let mut orgs_ids = Vec::new();
    for (login, university, names, count) in UNIVERSITIES {
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
        for n in 0..count {
            let name = match names.get(n) {
                Some(named) => (*named).to_string(),
                None => format!("{university}共建团队 {}", n + 1),
            };
            let team = orgs::create_team(
                t,
                &me,
                org.id,
                TeamInput {
                    name,
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
        orgs_ids.push(org.id);
    }

    // 党建联建协议 with each university for the year to come back to today, and its 61
    // activities: the kinds the report names (精神文明联创, 服务难题联解, 公益事业联办) and the
    // joint ones it tells of.
    let today = infra::local_time::date_of(Utc::now());
    let start = today - chrono::Duration::days(364);
    let mut agreements = Vec::new();
    for org in &orgs_ids {
        agreements.push(
            partners::agreements::service::sign(
                t,
                &office,
                partners::agreements::service::AgreementInput {
                    organisation_id: *org,
                    team_id: None,
                    title: "党建联建协议".into(),
                    starts_on: start,
                    ends_on: start + chrono::Duration::days(729),
                    commitments: vec![(CommitmentKind::Any, Per::Quarter, 3)],
                },
            )
            .await?,
        );
    }
    let kinds = ["精神文明联创", "服务难题联解", "公益事业联办"];
    for n in 0..ACTIVITIES {
        let (agreement, title) = match n {
            0 => (4, "校社联动 为爱而购 绿色农产品爱心义卖".to_string()),
            1 => (0, "周六课堂".to_string()),
            2 => (1, "周六课堂".to_string()),
            _ => (n % agreements.len(), kinds[n % kinds.len()].to_string()),
        };
        let on = start + chrono::Duration::days((n as i64 * 364) / ACTIVITIES as i64);
        partners::agreements::service::record_activity(
            t,
            &office,
            agreements[agreement].id,
            ActivityKind::Other,
            None,
            &title,
            on,
        )
        .await?;
    }

    // 博园's three lists are 资源、服务、项目 (seed 004): the kinds renamed so, and what the
    // report puts on them; 周六课堂 met by the students' teams.
    for (code, name, position, role) in [
        ("resource", "资源清单", 1, ListRole::Offer),
        ("demand", "服务清单", 2, ListRole::Need),
        ("project", "项目清单", 3, ListRole::Offer),
    ] {
        lists::set_list_kind(
            &office,
            ListKind {
                code: code.into(),
                name: name.into(),
                position,
                role,
            },
        )
        .await?;
    }
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
    for (title, category, skills) in [
        ("垃圾分类宣传", "环境", &["环保"][..]),
        ("河道巡查", "环境", &["巡查"][..]),
        ("消防检查", "安全", &["消防"][..]),
    ] {
        lists::add_entry(t, &office, entry("demand", title, category, skills)).await?;
    }
    let offer = lists::add_entry(
        t,
        &office,
        entry(
            "resource",
            "温大知心姐姐、温商E米阳光学生服务团队",
            "教育",
            &["辅导"],
        ),
    )
    .await?;
    for (title, category) in [
        (
            "达人室、自习室、百姓健身房、瑜伽房、百姓舞台等8大共享空间",
            "场地",
        ),
        ("社区达人：李炎、朱瑞君、胡铸鑫、陈新安、刁新华", "达人"),
    ] {
        lists::add_entry(t, &office, entry("resource", title, category, &[])).await?;
    }
    for title in [
        "大学生社区微公益创投（微创投项目）",
        "文明城市点位高校团队助管制",
        "博园学堂全龄课程",
    ] {
        lists::add_entry(t, &office, entry("project", title, "治理", &[])).await?;
    }
    let m = lists::confirm_match(&office, need.id, offer.id).await?;
    lists::close_match(&office, m.id, true, "周六课堂每周开课，并办了 14 天暑期班").await?;

    // 24 demands through the four grids: 21 answered, most confirmed by the residents.
    for i in 0..24 {
        let (title, category) = match NAMED_DEMANDS.get(i) {
            Some((title, category)) => ((*title).to_string(), *category),
            None => (format!("网格收集的群众诉求（第 {} 件）", i + 1), "其他"),
        };
        let resident = Uuid::from_u128(0x0b0e_0000_0000_0000_0000_0000_0000_0000 + i as u128);
        let d = demands::submit(
            t,
            &office,
            DemandInput {
                title,
                detail: String::new(),
                category: category.into(),
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
