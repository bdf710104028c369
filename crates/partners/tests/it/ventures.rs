//! Micro-venture calls: proposals by approved teams, reviews, the award, milestones and the
//! closing report.

use chrono::Duration;
use partners::organisations::model::{MemberRole, OrganisationKind};
use partners::organisations::service::{self as orgs, OrganisationInput, Target, TeamInput};
use partners::ventures::model::ProjectStatus;
use partners::ventures::service::{self as ventures, ProposalInput};
use tenancy::Role;
use uuid::Uuid;

use crate::{Env, code};

#[tokio::test]
async fn a_call_goes_from_proposals_to_a_closed_project() {
    let env = Env::new().await;
    let t = &env.t;
    let staff = env
        .account_with("boyuan-staff", Role::Staff, None, Some("boyuan"))
        .await;
    let office = env.enter(&staff, "boyuan").await.unwrap();
    // Two universities, each with a team, both approved in 博园.
    let mut teams = Vec::new();
    for (name, login) in [("温州医科大学", "wmu"), ("温州大学", "wzu")] {
        let (org, admin) = orgs::register(
            t,
            Env::ADDR,
            Env::person(&format!("{login}-admin")),
            OrganisationInput {
                name: name.into(),
                kind: OrganisationKind::University,
                grade: None,
                description: String::new(),
                contact: "0577-00000000".into(),
            },
        )
        .await
        .unwrap();
        let admin = env.principal(admin.id).await;
        let member = orgs::add_member(
            t,
            &admin,
            org.id,
            Env::person(&format!("{login}-member")),
            MemberRole::Member,
        )
        .await
        .unwrap();
        let team = orgs::create_team(
            t,
            &admin,
            org.id,
            TeamInput {
                name: format!("{name}社会实践队"),
                leader_id: member.id,
                skills: vec![],
                contact: "0577-00000000".into(),
                members: vec![],
            },
        )
        .await
        .unwrap();
        let asked =
            orgs::request_partnership(t, &admin, org.id, Target::Community("boyuan".into()))
                .await
                .unwrap();
        orgs::decide(t, &staff, Some(&office), asked.id, true, None)
            .await
            .unwrap();
        let leader = env
            .enter(&env.principal(member.id).await, "boyuan")
            .await
            .unwrap();
        let outsider = env
            .enter(&env.principal(admin.account_id()).await, "boyuan")
            .await
            .unwrap();
        teams.push((team.id, leader, outsider));
    }
    let today = infra::local_time::date_of(chrono::Utc::now());
    let call = ventures::post_call(
        &office,
        "楼道堆物治理",
        "老旧楼道堆物多，消防隐患大",
        50_000,
        today + Duration::days(30),
    )
    .await
    .unwrap();
    let proposal = |team: Uuid, budget| ProposalInput {
        call_id: call.id,
        team_id: team,
        title: "楼道微更新".into(),
        plan: "清理、共治公约、月度巡查".into(),
        budget_yuan: budget,
    };
    let (wmu_team, wmu, wmu_outsider) = &teams[0];
    let (wzu_team, wzu, _) = &teams[1];
    assert_eq!(
        code(ventures::propose(t, wmu, proposal(*wmu_team, 60_000)).await),
        "BAD_USER_INPUT"
    );
    assert_eq!(
        code(ventures::propose(t, wmu_outsider, proposal(*wmu_team, 30_000)).await),
        "FORBIDDEN"
    );
    let first = ventures::propose(t, wmu, proposal(*wmu_team, 30_000))
        .await
        .unwrap();
    assert_eq!(
        code(ventures::propose(t, wmu, proposal(*wmu_team, 20_000)).await),
        "CONFLICT"
    );
    let second = ventures::propose(t, wzu, proposal(*wzu_team, 45_000))
        .await
        .unwrap();

    ventures::review(&office, first, 88, "方案务实，预算合理")
        .await
        .unwrap();
    ventures::review(&office, second, 75, "预算偏高")
        .await
        .unwrap();
    assert_eq!(
        code(ventures::review(wmu, first, 100, "自评").await),
        "FORBIDDEN"
    );
    // Staff see both proposals with their scores; a team sees only its own.
    let seen = ventures::calls(t, &office).await.unwrap();
    assert_eq!((seen[0].proposals.len(), seen[0].reviews.len()), (2, 2));
    let theirs = ventures::calls(t, wzu).await.unwrap();
    assert_eq!(theirs[0].proposals.len(), 1);
    assert!(theirs[0].reviews.is_empty());

    let project = ventures::award(
        &office,
        first,
        &[
            ("清理堆物".into(), today + Duration::days(40)),
            ("签订楼道公约".into(), today + Duration::days(60)),
        ],
    )
    .await
    .unwrap();
    assert_eq!(
        code(ventures::award(&office, second, &[("x".into(), today)]).await),
        "CONFLICT"
    );
    assert_eq!(
        code(ventures::review(&office, second, 80, "改").await),
        "CONFLICT"
    );
    assert_eq!(
        code(ventures::close_project(t, wmu, project.id, "完成").await),
        "CONFLICT"
    );
    let milestones: Vec<_> = ventures::calls(t, &office).await.unwrap()[0]
        .milestones
        .iter()
        .map(|(m, photo)| {
            assert!(photo.is_none(), "no photo yet");
            m.clone()
        })
        .collect();
    assert_eq!(
        code(ventures::complete_milestone(t, wzu, milestones[0].id, None, None).await),
        "FORBIDDEN"
    );
    for m in &milestones {
        ventures::complete_milestone(t, wmu, m.id, Some("已完成"), None)
            .await
            .unwrap();
    }
    let closed = ventures::close_project(t, wmu, project.id, "楼道堆物清零，居民自治公约已签订")
        .await
        .unwrap();
    assert_eq!(closed.status, ProjectStatus::Done);
}
