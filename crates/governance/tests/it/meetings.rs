//! Meetings: recorded whole; their follow-ups close once, by their owner or staff.

use chrono::{NaiveDate, Utc};
use futures::future::join_all;
use governance::meetings::model::{
    AttendeeRole, Attendees, FollowUpStatus, MeetingKind, OwnerKind,
};
use governance::meetings::service::{self as meetings, DecisionInput, MeetingInput};
use tenancy::Role;
use tenancy::grids::model::CourtyardKind;
use uuid::Uuid;

use crate::{Env, code};

fn input(courtyard: Option<Uuid>, owner: Uuid, decisions: usize) -> MeetingInput {
    MeetingInput {
        kind: MeetingKind::TripartiteWeekly,
        title: "三方周碰头".into(),
        held_at: Utc::now(),
        place: "社区党群服务中心".into(),
        courtyard_id: courtyard,
        attendees: vec![
            Attendees {
                role: AttendeeRole::PartyOrganisation,
                organisation: "新华社区党委".into(),
                people: 2,
            },
            Attendees {
                role: AttendeeRole::PropertyCompany,
                organisation: "某物业公司".into(),
                people: 1,
            },
            Attendees {
                role: AttendeeRole::OwnersCommittee,
                organisation: String::new(),
                people: 3,
            },
        ],
        topics: vec!["电梯维修".into(), "垃圾分类".into()],
        minutes: "议定：物业两周内维修 2 号楼电梯。".into(),
        decisions: (0..decisions)
            .map(|i| DecisionInput {
                decision: format!("决议 {i}"),
                owner_kind: OwnerKind::GridWorker,
                owner_id: owner,
                owner_name: "李网格员".into(),
                courtyard_id: courtyard,
                due_on: NaiveDate::from_ymd_opt(2099, 1, 1).unwrap(),
            })
            .collect(),
    }
}

#[tokio::test]
async fn a_follow_up_closes_once_by_its_owner_or_staff() {
    let env = Env::new(20).await;
    let staff = env.staff(1);
    let grid_worker_id = Uuid::from_u128(0x6e1d);
    let grid_worker = env.as_account(grid_worker_id, "李网格员", &[Role::GridWorker]);
    let resident = env.resident(1);
    let yard = env
        .community
        .tenancy
        .create_courtyard(&staff, "2 号院", CourtyardKind::Courtyard, None)
        .await
        .unwrap();

    assert_eq!(
        code(meetings::record(&resident, input(None, grid_worker_id, 1)).await),
        "FORBIDDEN"
    );
    let mut bad = input(None, grid_worker_id, 0);
    bad.topics.clear();
    assert_eq!(code(meetings::record(&staff, bad).await), "BAD_USER_INPUT");
    let mut twice = input(None, grid_worker_id, 0);
    twice.attendees.push(Attendees {
        role: AttendeeRole::OwnersCommittee,
        organisation: String::new(),
        people: 1,
    });
    assert_eq!(
        code(meetings::record(&staff, twice).await),
        "BAD_USER_INPUT"
    );
    // A decision that names no such courtyard leaves nothing of the meeting.
    let mut ghost = input(Some(Uuid::now_v7()), grid_worker_id, 1);
    ghost.courtyard_id = None;
    ghost.decisions[0].courtyard_id = Some(Uuid::now_v7());
    assert_eq!(code(meetings::record(&staff, ghost).await), "NOT_FOUND");
    assert!(
        meetings::meetings(&staff, None, 10)
            .await
            .unwrap()
            .is_empty()
    );

    let view = meetings::record(&grid_worker, input(Some(yard.id), grid_worker_id, 3))
        .await
        .unwrap();
    assert_eq!((view.attendees.len(), view.follow_ups.len()), (3, 3));
    let again = meetings::meeting(&staff, view.meeting.id).await.unwrap();
    assert_eq!(again.follow_ups.len(), 3);
    assert_eq!(
        code(meetings::meeting(&resident, view.meeting.id).await),
        "FORBIDDEN"
    );
    // Residents read the decisions of their courtyard.
    assert_eq!(
        meetings::courtyard_decisions(&resident, yard.id)
            .await
            .unwrap()
            .len(),
        3
    );

    let [a, b, c] = [0, 1, 2].map(|i| view.follow_ups[i].id);
    assert_eq!(
        code(meetings::close(&resident, a, true, None).await),
        "FORBIDDEN"
    );
    assert_eq!(
        code(meetings::close(&grid_worker, b, false, None).await),
        "BAD_USER_INPUT"
    );
    assert_eq!(
        meetings::my_follow_ups(&grid_worker, true)
            .await
            .unwrap()
            .len(),
        3
    );
    // Ten closing at once: one closes it, nine hear it is closed.
    let outcomes = join_all((0..10).map(|_| meetings::close(&grid_worker, a, true, None))).await;
    assert_eq!(outcomes.iter().filter(|o| o.is_ok()).count(), 1);
    assert!(
        outcomes
            .into_iter()
            .filter(|o| o.is_err())
            .all(|o| code(o) == "CONFLICT")
    );
    let dropped = meetings::close(&staff, b, false, Some("业主大会另议"))
        .await
        .unwrap();
    assert_eq!(dropped.status, FollowUpStatus::Dropped);
    assert_eq!(
        meetings::my_follow_ups(&grid_worker, true)
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        meetings::my_follow_ups(&grid_worker, false)
            .await
            .unwrap()
            .len(),
        3
    );

    // Past the services: a closed follow-up is never reopened or closed again.
    for attack in [
        format!(
            "UPDATE follow_ups SET status = 'open', closed_at = NULL, closed_by = NULL WHERE id = '{a}'"
        ),
        format!("UPDATE follow_ups SET status = 'dropped', drop_reason = 'x' WHERE id = '{a}'"),
        format!("UPDATE follow_ups SET status = 'done', closed_at = now() WHERE id = '{c}'"),
    ] {
        assert!(
            env.raw(attack.clone()).await.is_err(),
            "{attack} went through"
        );
    }
}

/// 每周一碰头 held in three of four weeks: three periods met, one not.
#[tokio::test]
async fn the_weekly_meeting_is_counted_week_by_week_against_its_target() {
    use governance::meetings::model::{CadencePer, CadenceTarget};
    let env = Env::new(8).await;
    let staff = env.staff(1);
    let target = CadenceTarget {
        kind: MeetingKind::TripartiteWeekly,
        per: CadencePer::Week,
        at_least: 1,
    };
    assert_eq!(
        code(meetings::set_cadence_target(&env.resident(1), target.clone()).await),
        "FORBIDDEN"
    );
    meetings::set_cadence_target(&staff, target).await.unwrap();
    // Mondays 2026-11-02 … 2026-11-23: meetings on the Wednesdays of weeks 1, 2 and 4.
    for day in [4, 11, 25] {
        let mut m = input(None, Uuid::now_v7(), 0);
        m.held_at = NaiveDate::from_ymd_opt(2026, 11, day)
            .unwrap()
            .and_hms_opt(2, 0, 0)
            .unwrap()
            .and_utc();
        meetings::record(&staff, m).await.unwrap();
    }
    let from = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
    let to = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let (t, periods, met) = meetings::cadence(&staff, MeetingKind::TripartiteWeekly, from, to)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(t.at_least, 1);
    assert_eq!(
        periods
            .iter()
            .map(|p| (p.starts_on.to_string(), p.held))
            .collect::<Vec<_>>(),
        [
            ("2026-11-02".to_string(), 1),
            ("2026-11-09".to_string(), 1),
            ("2026-11-16".to_string(), 0),
            ("2026-11-23".to_string(), 1)
        ]
    );
    assert_eq!(met, 3);
    // The district's figure: the three weeks met, once each, from the trigger and the recount.
    let mut tx = env
        .community
        .db
        .tenant_tx(&env.community.tenant)
        .await
        .unwrap();
    let events: Vec<(NaiveDate, i64)> = sqlx::query_as(
        "SELECT day, sum(delta)::bigint FROM figure_events
          WHERE figure = 'governance.cadence_periods_met' GROUP BY day ORDER BY day",
    )
    .fetch_all(&mut *tx)
    .await
    .unwrap();
    let mut recount: Vec<(NaiveDate, i64)> = meetings::figures(&mut tx)
        .await
        .unwrap()
        .into_iter()
        .filter(|f| f.0 == "governance.cadence_periods_met")
        .map(|f| (f.1, f.2))
        .collect();
    recount.sort();
    assert_eq!(events.len(), 3);
    assert_eq!(events, recount);
    drop(tx);
    assert!(
        meetings::cadence(&staff, MeetingKind::Consultation, from, to)
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(
        code(meetings::cadence(&staff, MeetingKind::Consultation, to, from).await),
        "BAD_USER_INPUT"
    );
}
