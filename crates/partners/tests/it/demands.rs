//! Resident demands through the grid: intake (also for a resident), routing to a grid or an
//! approved team, resolution, confirmation or reopening, and the rate per community.

use partners::demands::model::DemandStatus;
use partners::demands::service::{self as demands, DemandInput, Route};
use partners::organisations::model::{MemberRole, OrganisationKind};
use partners::organisations::service::{self as orgs, OrganisationInput, Target, TeamInput};
use tenancy::Role;
use tenancy::model::CourtyardKind;

use crate::{Env, code};

fn demand(title: &str) -> DemandInput {
    DemandInput {
        title: title.into(),
        detail: "三单元楼道灯坏了一个月".into(),
        category: "设施维修".into(),
        for_resident: None,
        grid_id: None,
    }
}

#[tokio::test]
async fn a_demand_goes_from_intake_to_the_residents_confirmation() {
    let env = Env::new().await;
    let t = &env.t;
    let staff = env
        .account_with("xinhua-staff", Role::Staff, None, Some("xinhua"))
        .await;
    let staff = env.enter(&staff, "xinhua").await.unwrap();
    let worker = env
        .account_with("xinhua-grid", Role::GridWorker, None, Some("xinhua"))
        .await;
    let worker = env.enter(&worker, "xinhua").await.unwrap();
    let zhang = env
        .account_with("xinhua-zhang", Role::Resident, None, Some("xinhua"))
        .await;
    let zhang = env.enter(&zhang, "xinhua").await.unwrap();
    let wang = env
        .account_with("xinhua-wang", Role::Resident, None, Some("xinhua"))
        .await;
    let wang_ctx = env.enter(&wang, "xinhua").await.unwrap();
    let grid = t
        .create_courtyard(&staff, "第三网格", CourtyardKind::Grid, None)
        .await
        .unwrap();
    let other_grid = t
        .create_courtyard(&staff, "第四网格", CourtyardKind::Grid, None)
        .await
        .unwrap();
    t.assign_grids(&staff, worker.access().account_id, &[grid.id])
        .await
        .unwrap();
    // A grid worker of another grid.
    let stranger = env
        .account_with("xinhua-grid-4", Role::GridWorker, None, Some("xinhua"))
        .await;
    t.assign_grids(&staff, stranger.account_id(), &[other_grid.id])
        .await
        .unwrap();
    let stranger = env.enter(&stranger, "xinhua").await.unwrap();
    assert_eq!(
        code(
            t.assign_grids(&staff, zhang.access().account_id, &[grid.id])
                .await
        ),
        "BAD_USER_INPUT",
        "only a grid worker is given grids"
    );

    // 张 raises one; the grid worker takes one in for 王, who is at home.
    let mine = demands::submit(
        t,
        &zhang,
        DemandInput {
            grid_id: Some(grid.id),
            ..demand("楼道灯不亮")
        },
    )
    .await
    .unwrap()
    .demand;
    assert_eq!(mine.status, DemandStatus::Submitted);
    let for_wang = DemandInput {
        for_resident: Some((wang.account_id(), "王大爷".into())),
        grid_id: Some(grid.id),
        ..demand("下水道堵塞")
    };
    assert_eq!(
        code(demands::submit(t, &zhang, for_wang).await),
        "FORBIDDEN"
    );
    let for_wang = DemandInput {
        for_resident: Some((wang.account_id(), "王大爷".into())),
        grid_id: Some(grid.id),
        ..demand("下水道堵塞")
    };
    let taken_by_stranger = DemandInput {
        for_resident: Some((wang.account_id(), "王大爷".into())),
        grid_id: Some(grid.id),
        ..demand("下水道堵塞")
    };
    assert_eq!(
        code(demands::submit(t, &stranger, taken_by_stranger).await),
        "FORBIDDEN",
        "not the stranger's grid"
    );
    let his = demands::submit(t, &worker, for_wang).await.unwrap().demand;
    // The stranger sees none of this grid's demands and answers none.
    let (seen, _) = demands::demands(&stranger, true, None, false)
        .await
        .unwrap();
    assert!(seen.is_empty(), "{seen:?}");
    assert_eq!(
        code(demands::resolve(t, &stranger, his.id, "已疏通").await),
        "FORBIDDEN"
    );
    assert_eq!(
        code(demands::answer(&stranger, his.id, true, None).await),
        "NOT_FOUND"
    );
    let (seen, _) = demands::demands(&worker, true, None, false).await.unwrap();
    assert_eq!(seen.len(), 2, "his grid's two");
    let (seen, steps) = demands::demands(&wang_ctx, false, None, true)
        .await
        .unwrap();
    assert_eq!((seen.len(), seen[0].id), (1, his.id));
    assert!(steps[0].for_resident, "taken in by the worker for him");
    assert_eq!(
        code(demands::demands(&zhang, true, None, false).await),
        "FORBIDDEN"
    );

    // Routed to a partner team: only once its organisation is approved here.
    let (org, admin) = orgs::register(
        t,
        Env::ADDR,
        Env::person("swjtu-admin"),
        OrganisationInput {
            name: "西南交通大学".into(),
            kind: OrganisationKind::University,
            grade: None,
            description: String::new(),
            contact: "028-87600000".into(),
        },
    )
    .await
    .unwrap();
    let admin = env.principal(admin.id).await;
    let volunteer = orgs::add_member(
        t,
        &admin,
        org.id,
        Env::person("swjtu-li"),
        MemberRole::Member,
    )
    .await
    .unwrap();
    let team = |name: &str, leader| TeamInput {
        name: name.into(),
        leader_id: leader,
        skills: vec!["水电维修".into()],
        contact: "028-87600000".into(),
        members: vec![],
    };
    let fixers = orgs::create_team(t, &admin, org.id, team("水电维修队", volunteer.id))
        .await
        .unwrap();
    let _science = orgs::create_team(t, &admin, org.id, team("科普队", admin.account_id()))
        .await
        .unwrap();
    assert_eq!(
        code(demands::route(t, &staff, mine.id, Route::Team(fixers.id)).await),
        "FORBIDDEN"
    );
    let asked = orgs::request_partnership(t, &admin, org.id, Target::Community("xinhua".into()))
        .await
        .unwrap();
    let staff_principal = env.principal(staff.access().account_id).await;
    orgs::decide(t, &staff_principal, Some(&staff), asked.id, true, None)
        .await
        .unwrap();
    let routed = demands::route(t, &staff, mine.id, Route::Team(fixers.id))
        .await
        .unwrap()
        .demand;
    assert_eq!(routed.team_name.as_deref(), Some("水电维修队"));

    // The team it went to answers; another team of the same university may not.
    let other_team = env
        .enter(&env.principal(admin.account_id()).await, "xinhua")
        .await
        .unwrap();
    assert_eq!(
        code(demands::resolve(t, &other_team, mine.id, "已修好").await),
        "FORBIDDEN"
    );
    let fixer = env
        .enter(&env.principal(volunteer.id).await, "xinhua")
        .await
        .unwrap();
    let done = demands::resolve(t, &fixer, mine.id, "已更换灯泡")
        .await
        .unwrap()
        .demand;
    assert_eq!(done.status, DemandStatus::Resolved);

    // 王 cannot answer for 张; 张 reopens, the grid worker resolves again, 张 confirms.
    assert_eq!(
        code(demands::answer(&wang_ctx, mine.id, true, None).await),
        "NOT_FOUND"
    );
    assert_eq!(
        code(demands::answer(&zhang, mine.id, false, None).await),
        "BAD_USER_INPUT"
    );
    demands::answer(&zhang, mine.id, false, Some("二楼的还是不亮"))
        .await
        .unwrap();
    demands::resolve(t, &worker, mine.id, "二楼灯具已更换")
        .await
        .unwrap();
    let closed = demands::answer(&zhang, mine.id, true, None)
        .await
        .unwrap()
        .demand;
    assert!(closed.status == DemandStatus::Confirmed && closed.closed_at.is_some());
    assert_eq!(
        code(demands::answer(&zhang, mine.id, true, None).await),
        "CONFLICT"
    );
    let (_, steps) = demands::demands(&zhang, false, None, true).await.unwrap();
    assert_eq!(
        steps.len(),
        6,
        "submitted, routed, resolved, reopened, resolved, confirmed"
    );

    let s = demands::stats(&worker).await.unwrap();
    assert_eq!((s.total, s.resolved, s.confirmed), (2, 1, 1));
    assert_eq!(s.resolution_rate(), Some(0.5));
    assert!(s.mean_hours_to_resolve.is_some());
    assert_eq!(code(demands::stats(&zhang).await), "FORBIDDEN");
}
