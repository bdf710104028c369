//! Patrols: a grid worker walks their own grids, a patrol is logged once, a finding becomes
//! one demand to its grid whatever the race, and the figures recount from the rows.

use chrono::{NaiveDate, Utc};
use futures::future::join_all;
use governance::patrols::service::{self as patrols, PatrolInput};
use governance::posts::service as posts;
use tenancy::Role;
use tenancy::grids::model::CourtyardKind;
use uuid::Uuid;

use crate::{Env, code};

#[tokio::test]
async fn a_finding_becomes_one_demand_to_its_grid() {
    let env = Env::new(20).await;
    let staff = env.staff(1);
    let t = &env.community.tenancy;
    let mine = t
        .create_courtyard(&staff, "第一网格", CourtyardKind::Grid, None)
        .await
        .unwrap();
    let other = t
        .create_courtyard(&staff, "第二网格", CourtyardKind::Grid, None)
        .await
        .unwrap();
    let yard = t
        .create_courtyard(&staff, "1 号院", CourtyardKind::Courtyard, None)
        .await
        .unwrap();
    let elsewhere = posts::create_micro_grid(&staff, other.id, "二-1号微网格")
        .await
        .unwrap();
    let worker_id = Uuid::from_u128(0x6e1d);
    let worker = env.as_account(worker_id, "李网格员", &[Role::GridWorker]);
    env.raw(format!(
        "INSERT INTO grid_assignments (account_id, courtyard_id, assigned_by)
         VALUES ('{worker_id}', '{}', '{}')",
        mine.id,
        staff.access().account_id
    ))
    .await
    .unwrap();
    let input = |grid, micro| PatrolInput {
        grid_id: grid,
        micro_grid_id: micro,
        scheduled_for: Utc::now(),
        route: "1 栋 → 5 栋 → 地下车库".into(),
    };
    assert_eq!(
        code(patrols::schedule(&env.resident(1), input(mine.id, None)).await),
        "FORBIDDEN"
    );
    assert_eq!(
        code(patrols::schedule(&worker, input(other.id, None)).await),
        "FORBIDDEN"
    );
    assert_eq!(
        code(patrols::schedule(&staff, input(mine.id, Some(elsewhere.id))).await),
        "BAD_USER_INPUT"
    );
    assert_eq!(
        code(patrols::schedule(&staff, input(yard.id, None)).await),
        "BAD_USER_INPUT"
    );
    let p = patrols::schedule(&worker, input(mine.id, None))
        .await
        .unwrap();
    assert_eq!(p.leader_name, "李网格员");
    assert!(p.held_at.is_none());
    // Staff see every grid's patrols; the grid worker theirs.
    patrols::schedule(&staff, input(other.id, None))
        .await
        .unwrap();
    assert_eq!(patrols::patrols(&staff, 10).await.unwrap().len(), 2);
    assert_eq!(patrols::patrols(&worker, 10).await.unwrap().len(), 1);

    let found = vec![
        ("3 栋楼道堆放杂物".to_string(), "3 栋 2 单元".to_string()),
        ("路灯不亮".to_string(), String::new()),
    ];
    let logged = patrols::log(&worker, p.id, 4, "每周一夜查", &found)
        .await
        .unwrap();
    assert_eq!(
        (logged.patrol.patrollers, logged.findings.len()),
        (Some(4), 2)
    );
    assert_eq!(
        code(patrols::log(&worker, p.id, 4, "又查", &[]).await),
        "CONFLICT"
    );

    // Ten raising the same finding at once: one demand, nine told it is raised already.
    let finding = logged.findings[0].id;
    let outcomes = join_all((0..10).map(|_| patrols::raise(&worker, finding, "环境卫生"))).await;
    assert_eq!(outcomes.iter().filter(|o| o.is_ok()).count(), 1);
    assert!(
        outcomes
            .into_iter()
            .filter(|o| o.is_err())
            .all(|o| code(o) == "CONFLICT")
    );
    let mut tx = env
        .community
        .db
        .tenant_tx(&env.community.tenant)
        .await
        .unwrap();
    let demands: Vec<(Option<Uuid>, String)> = sqlx::query_as("SELECT grid_id, title FROM demands")
        .fetch_all(&mut *tx)
        .await
        .unwrap();
    assert_eq!(demands, [(Some(mine.id), "3 栋楼道堆放杂物".to_string())]);

    // The figures the triggers wrote equal the recount from the rows.
    let events: Vec<(String, NaiveDate, i64)> = sqlx::query_as(
        "SELECT figure, day, sum(delta)::bigint FROM figure_events
          WHERE figure IN ('governance.patrols_held', 'governance.patrol_findings')
          GROUP BY 1, 2 ORDER BY 1, 2",
    )
    .fetch_all(&mut *tx)
    .await
    .unwrap();
    let mut recount = patrols::figures(&mut tx).await.unwrap();
    recount.sort();
    assert_eq!(events, recount);
    assert_eq!(events.iter().map(|e| e.2).sum::<i64>(), 3);
    drop(tx);

    // Past the services: a log is not rewritten, a finding not re-pointed.
    for attack in [
        format!("UPDATE patrols SET patrollers = 40 WHERE id = '{}'", p.id),
        format!("UPDATE patrol_findings SET demand_id = NULL WHERE id = '{finding}'"),
        format!("UPDATE patrol_findings SET what = '没事' WHERE id = '{finding}'"),
    ] {
        assert!(
            env.raw(attack.clone()).await.is_err(),
            "{attack} went through"
        );
    }
}
