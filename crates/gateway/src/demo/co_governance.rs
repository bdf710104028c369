//! Co-governance as the seed reports tell it, with their names and figures and nothing they do
//! not say: no amounts the reports do not give (the funds open empty), no meetings beyond the
//! ones they describe.
//! - 东环路 (seed 001): 院落改造微基金; 坝坝会 and 院落夜话 led by the courtyard's 35 party
//!   members (20 余场, 150 余条意见建议) — one of each recorded.
//! - 白莲 (seed 002): 白莲社区发展治理共享基金 (四社联动).
//! - 新华 (seed 000): 民主协商 on the 5 spaces' governance scenes; 黄金时代小区's 三位一体 of
//!   party organisation, property company and owners.
//! - 金竹苑 and 邢家桥 (seed 003, 淄博's 1+3×N): 发展、治理、服务 三大自治共同体, to be joined
//!   by the partners approved there.
//! - 博园 (seed 004): 4 grids and 23 micro-grids, a 红色管家 post in each for the 25 registered
//!   party members to claim (每周一夜查); the 三方 of community, 业委会 and 物业 meeting each
//!   week (每周一碰头), as over 求知公寓截污纳管; 慈善工作室's fund for 为爱而购's takings; each
//!   grid's next 每周一夜查 scheduled; the 三方's cadence (每周一碰头, 每月一例会, 每季一通报,
//!   每年一评议) as targets.

use chrono::{Duration, Utc};
use governance::api::{funds, meetings, patrols, posts};
use infra::AppError;
use infra::storage::ObjectStore;
use tenancy::Tenancy;
use tenancy::model::CourtyardKind;

/// (community, fund, what it is for)
const FUNDS: [(&str, &str, &str); 3] = [
    (
        "donghuanlu",
        "院落改造微基金",
        "院落公共空间微更新，一院一特色",
    ),
    (
        "bailian",
        "白莲社区发展治理共享基金",
        "四社联动：以慈善、公益、自治、互助的方式解决民生问题",
    ),
    (
        "boyuan",
        "慈善工作室基金",
        "“校社联动 为爱而购”爱心义卖所得善款",
    ),
];

/// 三大自治共同体 (seed 003).
const ALLIANCES: [(&str, &str); 3] = [
    (
        "发展自治共同体",
        "社区发展：吸纳企业、商户、物业、学校、医院、社会组织等各方力量进驻",
    ),
    (
        "治理自治共同体",
        "社区治理：吸纳企业、商户、物业、学校、医院、社会组织等各方力量进驻",
    ),
    (
        "服务自治共同体",
        "社区服务：吸纳企业、商户、物业、学校、医院、社会组织等各方力量进驻",
    ),
];

/// The micro-grids of 博园's four grids: 23 in all.
const MICRO_GRIDS_PER_GRID: [(&str, usize); 4] = [
    ("第一网格", 6),
    ("第二网格", 6),
    ("第三网格", 6),
    ("第四网格", 5),
];

pub async fn seed(t: &Tenancy, store: &ObjectStore) -> Result<(), AppError> {
    let scope = |slug: &'static str| super::office(t, store, slug);
    for (slug, name, purpose) in FUNDS {
        // A fund that exists already is a CONFLICT: the idempotent case.
        let _ = funds::create_fund(&scope(slug).await?, name, purpose).await;
    }
    // 淄博's 3×N (seed 003): each community forms 发展、治理、服务 三大自治共同体 that companies,
    // merchants, property companies, schools, hospitals and social organisations join.
    for slug in ["jinzhuyuan", "xingjiaqiao"] {
        let ctx = scope(slug).await?;
        for (name, purpose) in ALLIANCES {
            // One that exists already is a CONFLICT: the idempotent case.
            let _ = partners::alliances::service::create(&ctx, name, purpose).await;
        }
    }
    let boyuan = scope("boyuan").await?;
    let grids = t.courtyards(&boyuan).await?;
    for (grid, count) in MICRO_GRIDS_PER_GRID {
        let Some(grid) = grids
            .iter()
            .find(|c| c.name == grid && c.kind == CourtyardKind::Grid)
        else {
            continue;
        };
        for i in 1..=count {
            let name = format!("{}-{i}号微网格", grid.name.trim_end_matches("网格"));
            // Only a micro-grid made now gets its post (a second run finds it there).
            if let Ok(micro) = posts::create_micro_grid(&boyuan, grid.id, &name).await {
                posts::add_post(&boyuan, micro.id, "红色管家", "每周一夜查；在册党员认领").await?;
            }
        }
    }
    // 每周一碰头、每月一例会、每季一通报、每年一评议: the 三方's cadence, as targets.
    for (kind, per) in [
        (
            meetings::MeetingKind::TripartiteWeekly,
            meetings::CadencePer::Week,
        ),
        (
            meetings::MeetingKind::TripartiteMonthly,
            meetings::CadencePer::Month,
        ),
        (
            meetings::MeetingKind::TripartiteQuarterly,
            meetings::CadencePer::Quarter,
        ),
        (
            meetings::MeetingKind::TripartiteYearly,
            meetings::CadencePer::Year,
        ),
    ] {
        let target = meetings::CadenceTarget {
            kind,
            per,
            at_least: 1,
        };
        meetings::set_cadence_target(&boyuan, target).await?;
    }
    // 每周一夜查: the next night patrol of each grid, scheduled (what it finds is the grid's).
    if patrols::patrols(&boyuan, 1).await?.is_empty() {
        for grid in grids.iter().filter(|c| c.kind == CourtyardKind::Grid) {
            let next = patrols::PatrolInput {
                grid_id: grid.id,
                micro_grid_id: None,
                scheduled_for: Utc::now() + Duration::days(7),
                route: format!("{}夜查", grid.name),
            };
            patrols::schedule(&boyuan, next).await?;
        }
    }
    for (slug, m) in [
        ("boyuan", tripartite()),
        (
            "donghuanlu",
            courtyard_talk(meetings::MeetingKind::CourtyardMeeting, "坝坝会"),
        ),
        (
            "donghuanlu",
            courtyard_talk(meetings::MeetingKind::EveningTalk, "院落夜话"),
        ),
        ("xinhua", consultation()),
    ] {
        let ctx = scope(slug).await?;
        let held = meetings::meetings(&ctx, Some(m.kind), 1).await?;
        if held.is_empty() {
            meetings::record(&ctx, m).await?;
        }
    }
    Ok(())
}

fn meeting(
    kind: meetings::MeetingKind,
    title: &str,
    place: &str,
    attendees: Vec<(meetings::AttendeeRole, &str, i32)>,
    topics: &[&str],
    minutes: &str,
) -> meetings::MeetingInput {
    meetings::MeetingInput {
        kind,
        title: title.into(),
        held_at: Utc::now() - Duration::days(3),
        place: place.into(),
        courtyard_id: None,
        attendees: attendees
            .into_iter()
            .map(|(role, organisation, people)| meetings::Attendees {
                role,
                organisation: organisation.into(),
                people,
            })
            .collect(),
        topics: topics.iter().map(|t| t.to_string()).collect(),
        minutes: minutes.into(),
        decisions: vec![],
    }
}

fn tripartite() -> meetings::MeetingInput {
    use meetings::AttendeeRole::*;
    meeting(
        meetings::MeetingKind::TripartiteWeekly,
        "三方每周一碰头",
        "博园社区党群服务中心",
        vec![
            (PartyOrganisation, "博园社区", 1),
            (OwnersCommittee, "业委会", 1),
            (PropertyCompany, "物业服务企业", 1),
        ],
        &["求知公寓截污纳管"],
        "社区牵头寻求上级相关部门协调；业委会代表业主利益参与决策；物业排摸问题提供数据支撑。",
    )
}

fn courtyard_talk(kind: meetings::MeetingKind, title: &str) -> meetings::MeetingInput {
    use meetings::AttendeeRole::*;
    meeting(
        kind,
        title,
        "花园颐院邻里驿站",
        vec![(PartyOrganisation, "院落小区党支部", 1), (Residents, "", 1)],
        &["院落公共空间微更新", "门前三包"],
        "党员亮身份，收集居民意见建议。",
    )
}

fn consultation() -> meetings::MeetingInput {
    use meetings::AttendeeRole::*;
    meeting(
        meetings::MeetingKind::Consultation,
        "治理场景民主协商",
        "黄金时代小区",
        vec![
            (PartyOrganisation, "小区党组织", 1),
            (PropertyCompany, "物业公司", 1),
            (Residents, "业主", 1),
        ],
        &["5 大空间的治理场景规划"],
        "以“0 投诉、0 陌生”为自治目标。",
    )
}
