//! 双报到: one open report a person, service counted for the workplace, a notice to everyone
//! reported in; a suggestion at a meeting entering as a demand linked to it.

use chrono::{Duration, Utc};
use futures::future::join_all;
use governance::meetings::model::MeetingKind;
use governance::meetings::service::{self as meetings, MeetingInput};
use governance::party_reports::service::{self as party, ReportInput};
use notifications::NoticeKind;
use volunteers::hours::service::{self as hours, HoursInput};
use volunteers::registry::model::VolunteerStatus;
use volunteers::registry::service::{self as registry, Registration};

use crate::{Env, code};

fn report(workplace: &str) -> ReportInput {
    ReportInput {
        workplace: workplace.into(),
        organisation_id: None,
        party_organisation: format!("{workplace}党委"),
        skills: vec!["法律咨询".into()],
        services: vec!["论语一百亲子阅读".into()],
    }
}

#[tokio::test]
async fn party_members_report_in_once_and_their_service_counts_for_their_workplace() {
    let env = Env::new(20).await;
    let staff = env.staff(1);
    let (teacher, nurse) = (env.resident(1), env.resident(2));

    // The same person reporting five times at once: one report.
    let outcomes = join_all((0..5).map(|_| party::report_in(&teacher, report("温州大学")))).await;
    assert_eq!(outcomes.iter().filter(|o| o.is_ok()).count(), 1);
    assert!(
        outcomes
            .into_iter()
            .filter(|o| o.is_err())
            .all(|o| code(o) == "CONFLICT")
    );
    party::report_in(&nurse, report("温州医科大学附属医院"))
        .await
        .unwrap();
    assert_eq!(code(party::reports(&teacher).await), "FORBIDDEN");
    assert_eq!(party::reports(&staff).await.unwrap().len(), 2);
    let mut bad = report("x");
    bad.skills = (0..21).map(|i| format!("技能{i}")).collect();
    assert_eq!(
        code(party::report_in(&env.resident(3), bad).await),
        "BAD_USER_INPUT"
    );

    // The teacher volunteers two verified hours: counted for 温州大学.
    let v = registry::register(
        &teacher,
        Registration {
            person: None,
            skills: vec![],
            party_member: true,
            team_id: None,
        },
    )
    .await
    .unwrap();
    registry::set_status(&staff, v.id, VolunteerStatus::Active)
        .await
        .unwrap();
    let post =
        volunteers::posts::service::create_post(&staff, "civility_patrol", "文明劝导", "", 10)
            .await
            .unwrap();
    let h = hours::record(
        &teacher,
        HoursInput {
            volunteer_id: None,
            post_id: Some(post.id),
            shift_id: None,
            served_on: infra::local_time::date_of(Utc::now()) - Duration::days(1),
            minutes: 120,
            card_id: None,
        },
    )
    .await
    .unwrap();
    hours::verify(&staff, h.id).await.unwrap();
    // The district's figure of their service, from the trigger and from the recount alike.
    let mut tx = env
        .community
        .db
        .tenant_tx(&env.community.tenant)
        .await
        .unwrap();
    let events: i64 = sqlx::query_scalar(
        "SELECT coalesce(sum(delta), 0)::bigint FROM figure_events WHERE figure = 'governance.party_minutes'",
    )
    .fetch_one(&mut *tx)
    .await
    .unwrap();
    let recount: i64 = party::figures(&mut tx)
        .await
        .unwrap()
        .iter()
        .filter(|f| f.0 == "governance.party_minutes")
        .map(|f| f.2)
        .sum();
    assert_eq!((events, recount), (120, 120));
    drop(tx);
    let tally = party::by_workplace(&staff).await.unwrap();
    assert_eq!(
        tally
            .iter()
            .map(|w| (w.workplace.as_str(), w.members, w.verified_minutes))
            .collect::<Vec<_>>(),
        [("温州大学", 1, 120), ("温州医科大学附属医院", 1, 0)]
    );

    // A notice reaches everyone reported in, and only them.
    assert_eq!(
        party::notify(&staff, "本周六志愿服务", "请到党群服务中心报到")
            .await
            .unwrap(),
        2
    );
    let inbox = notifications::service::my_notifications(&nurse, false, None)
        .await
        .unwrap();
    assert_eq!(inbox[0].kind, NoticeKind::PartyNotice);
    assert!(
        notifications::service::my_notifications(&env.resident(3), false, None)
            .await
            .unwrap()
            .is_empty()
    );

    // Ended by the member (not by another), once; then they may report again.
    let mine = party::my_report(&nurse).await.unwrap().unwrap();
    assert_eq!(code(party::end(&teacher, mine.id).await), "FORBIDDEN");
    party::end(&nurse, mine.id).await.unwrap();
    assert_eq!(code(party::end(&nurse, mine.id).await), "CONFLICT");
    assert!(party::my_report(&nurse).await.unwrap().is_none());
    party::report_in(&nurse, report("温州医科大学附属医院"))
        .await
        .unwrap();
    assert!(
        env.raw(format!(
            "UPDATE party_reports SET ended_at = NULL WHERE id = '{}'",
            mine.id
        ))
        .await
        .is_err()
    );
}

#[tokio::test]
async fn a_suggestion_at_a_meeting_enters_as_a_demand_linked_to_it() {
    let env = Env::new(8).await;
    let staff = env.staff(1);
    let view = meetings::record(
        &staff,
        MeetingInput {
            kind: MeetingKind::EveningTalk,
            title: "院落夜话".into(),
            held_at: Utc::now(),
            place: "邻里驿站".into(),
            courtyard_id: None,
            attendees: vec![],
            topics: vec!["停车".into()],
            minutes: String::new(),
            decisions: vec![],
        },
    )
    .await
    .unwrap();
    assert_eq!(
        code(
            meetings::raise_suggestion(&env.resident(1), view.meeting.id, "加装路灯", "设施").await
        ),
        "FORBIDDEN"
    );
    let demand = meetings::raise_suggestion(&staff, view.meeting.id, "3 号院加装路灯", "设施")
        .await
        .unwrap();
    assert_eq!(
        meetings::suggestions(&staff, view.meeting.id)
            .await
            .unwrap(),
        [demand]
    );
    let mut tx = env
        .community
        .db
        .tenant_tx(&env.community.tenant)
        .await
        .unwrap();
    let title: String = sqlx::query_scalar("SELECT title FROM demands WHERE id = $1")
        .bind(demand)
        .fetch_one(&mut *tx)
        .await
        .unwrap();
    assert_eq!(title, "3 号院加装路灯");
}
