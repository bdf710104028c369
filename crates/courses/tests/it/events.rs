//! Events with registration, and walk-ins counted as 人次 once per person per occasion.

use chrono::{Duration, Utc};
use courses::model::{Audience, EventKind, Format};
use courses::service::{self as svc, CourseParts, EventInput, Occasion};

use crate::{Env, code, course_input};

fn input(capacity: Option<i32>, starts_in: Duration) -> EventInput {
    EventInput {
        title: "百姓舞台迎新春展演".into(),
        kind: EventKind::Performance,
        starts_at: Utc::now() + starts_in,
        duration_minutes: 120,
        place: "百姓舞台".into(),
        capacity,
        attendance_target: None,
    }
}

#[tokio::test]
async fn a_person_counts_once_per_event_however_often_they_are_counted() {
    let env = Env::new().await;
    let staff = env.staff();
    // Under way now: residents count themselves in on the spot.
    let e = svc::create_event(&staff, input(None, Duration::minutes(-10)))
        .await
        .unwrap();
    let at = Occasion::Event(e.id);
    let resident = env.scope(&env.alpha, "李大爷", &[]);
    let tries: Vec<_> = (0..8)
        .map(|_| {
            let r = resident.clone();
            tokio::spawn(async move { svc::walk_in(&r, at, None).await })
        })
        .collect();
    let mut counted = 0;
    for t in tries {
        match t.await.unwrap() {
            Ok(_) => counted += 1,
            Err(e) => assert_eq!(e.code.as_str(), "CONFLICT"),
        }
    }
    assert_eq!(counted, 1);
    // Staff count a neighbour in for her (代办) and add a head count of 40.
    let neighbour = env.scope(&env.alpha, "张阿姨", &[]);
    let learner = svc::register_child(
        &neighbour,
        "张小妹",
        chrono::NaiveDate::from_ymd_opt(2016, 1, 1).unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(svc::walk_in(&staff, at, Some(learner.id)).await.unwrap(), 2);
    assert_eq!(svc::tally_walk_ins(&staff, at, 40).await.unwrap(), 42);
    assert_eq!(
        code(svc::tally_walk_ins(&resident, at, 40).await),
        "FORBIDDEN"
    );
    let listed = svc::events(&staff, (Utc::now() - Duration::days(1)).date_naive(), 3)
        .await
        .unwrap();
    assert_eq!(
        listed.iter().find(|(x, _)| x.id == e.id).map(|(_, n)| *n),
        Some(42)
    );

    // Tomorrow's event: a resident cannot count in yet; staff can (a paper list typed in later).
    let later = svc::create_event(&staff, input(None, Duration::days(1)))
        .await
        .unwrap();
    assert_eq!(
        code(svc::walk_in(&resident, Occasion::Event(later.id), None).await),
        "BAD_USER_INPUT"
    );
}

#[tokio::test]
async fn registration_holds_capacity_and_open_lectures_take_walk_ins() {
    let env = Env::new().await;
    let staff = env.staff();
    let e = svc::create_event(&staff, input(Some(5), Duration::days(2)))
        .await
        .unwrap();
    let residents: Vec<_> = (0..20)
        .map(|i| env.scope(&env.alpha, &format!("居民{i}"), &[]))
        .collect();
    let tasks: Vec<_> = residents
        .iter()
        .cloned()
        .map(|r| tokio::spawn(async move { svc::register_for_event(&r, e.id, None).await }))
        .collect();
    let mut ok = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(_) => ok += 1,
            Err(e) => assert_eq!(e.code.as_str(), "CONFLICT"),
        }
    }
    assert_eq!(ok, 5);
    let listed = svc::events(&staff, Utc::now().date_naive(), 7)
        .await
        .unwrap();
    assert_eq!(listed[0].0.registered, 5);

    // A lecture's session takes walk-ins without enrolment; a workshop's does not.
    let mut lecture = course_input("健康养生讲座", 30, Audience::All);
    lecture.format = Format::Lecture;
    let lecture = svc::create_course(&staff, lecture, CourseParts::ALL)
        .await
        .unwrap()
        .course;
    let workshop = svc::create_course(
        &staff,
        course_input("剪纸", 30, Audience::All),
        CourseParts::ALL,
    )
    .await
    .unwrap()
    .course;
    let session_of = |course| {
        let staff = staff.clone();
        async move {
            svc::add_sessions(
                &staff,
                svc::SessionsInput {
                    course_id: course,
                    first_starts_at: Utc::now() + Duration::minutes(10),
                    duration_minutes: 60,
                    weeks: 1,
                    place: "百文斋".into(),
                },
            )
            .await
            .unwrap()[0]
                .id
        }
    };
    let ls = session_of(lecture.id).await;
    let ws = session_of(workshop.id).await;
    assert_eq!(
        svc::walk_in(&residents[0], Occasion::Session(ls), None)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        code(svc::walk_in(&residents[0], Occasion::Session(ws), None).await),
        "FORBIDDEN"
    );
}

/// 季季有交流、年年有展演: targets over quarters and years counting events of a kind.
#[tokio::test]
async fn cadence_counts_events_by_kind_over_quarters_and_years() {
    use chrono::{NaiveDate, TimeZone};
    use courses::model::{CadenceCounts, CadencePeriod};
    let env = Env::new().await;
    let staff = env.staff();
    let at = |m: u32, d: u32| Utc.with_ymd_and_hms(2031, m, d, 6, 0, 0).unwrap();
    for (kind, when) in [
        (EventKind::Exchange, at(2, 10)),
        (EventKind::Performance, at(3, 1)),
        (EventKind::Performance, at(11, 20)),
        (EventKind::Market, at(2, 15)),
    ] {
        svc::create_event(
            &staff,
            EventInput {
                kind,
                starts_at: when,
                ..input(None, Duration::zero())
            },
        )
        .await
        .unwrap();
    }
    for (name, period, min, counts) in [
        (
            "季季有交流",
            CadencePeriod::Quarter,
            1,
            CadenceCounts::Exchange,
        ),
        (
            "年年有展演",
            CadencePeriod::Year,
            2,
            CadenceCounts::Performance,
        ),
        ("每月有活动", CadencePeriod::Month, 2, CadenceCounts::Events),
        (
            "每月两堂课",
            CadencePeriod::Month,
            2,
            CadenceCounts::Sessions,
        ),
    ] {
        svc::create_cadence_target(&staff, name, period, min, false, counts)
            .await
            .unwrap();
    }
    let bad = svc::create_cadence_target(
        &staff,
        "公益活动",
        CadencePeriod::Month,
        1,
        true,
        CadenceCounts::Events,
    )
    .await;
    assert_eq!(code(bad), "BAD_USER_INPUT");
    let report = |m| {
        let staff = staff.clone();
        async move {
            svc::cadence_report(&staff, NaiveDate::from_ymd_opt(2031, m, 1).unwrap())
                .await
                .unwrap()
                .into_iter()
                .map(|r| {
                    (
                        r.target.name,
                        r.periods.iter().map(|p| p.1).collect::<Vec<_>>(),
                        r.met,
                    )
                })
                .collect::<Vec<_>>()
        }
    };
    let feb = report(2).await;
    assert!(
        feb.contains(&("季季有交流".into(), vec![1], true)),
        "{feb:?}"
    );
    assert!(
        feb.contains(&("年年有展演".into(), vec![2], true)),
        "{feb:?}"
    );
    assert!(
        feb.contains(&("每月有活动".into(), vec![2], true)),
        "{feb:?}"
    );
    assert!(
        feb.contains(&("每月两堂课".into(), vec![0], false)),
        "{feb:?}"
    );
    let may = report(5).await;
    assert!(
        may.contains(&("季季有交流".into(), vec![0], false)),
        "Q2 has no exchange: {may:?}"
    );
    assert!(
        may.contains(&("每月有活动".into(), vec![0], false)),
        "{may:?}"
    );
}

/// An open lecture's QR code counts a resident without a seat as a walk-in, once.
#[tokio::test]
async fn a_lecture_qr_code_counts_walk_ins_once() {
    let env = Env::new().await;
    let staff = env.staff();
    let mut lecture = course_input("法律法规进院落", 200, Audience::All);
    lecture.format = Format::Forum;
    let c = svc::create_course(&staff, lecture, CourseParts::ALL)
        .await
        .unwrap()
        .course;
    let s = svc::add_sessions(
        &staff,
        svc::SessionsInput {
            course_id: c.id,
            first_starts_at: Utc::now() - Duration::minutes(5),
            duration_minutes: 60,
            weeks: 1,
            place: "百姓舞台".into(),
        },
    )
    .await
    .unwrap()
    .remove(0);
    let code_now = svc::check_in_code(&staff, s.id, None).await.unwrap();
    let passer_by = env.scope(&env.alpha, "路过的居民", &[]);
    svc::check_in(&passer_by, &code_now.token, None)
        .await
        .unwrap();
    assert_eq!(
        code(svc::check_in(&passer_by, &code_now.token, None).await),
        "CONFLICT"
    );
    svc::check_in(&env.scope(&env.alpha, "另一位", &[]), &code_now.token, None)
        .await
        .unwrap();
    assert_eq!(
        svc::tally_walk_ins(&staff, Occasion::Session(s.id), 50)
            .await
            .unwrap(),
        52
    );
}

/// 达人服务日 on the 15th of each month: one series by rule, each with a 人次 target the
/// month's report checks against the 人次 counted.
#[tokio::test]
async fn a_service_day_repeats_monthly_and_its_attendance_target_is_checked() {
    use chrono::{Datelike, NaiveDate, NaiveTime};
    use courses::timetable::schedule::{Frequency, ScheduleRequest};
    let env = Env::new().await;
    let staff = env.staff();
    let rule = |count| ScheduleRequest {
        frequency: Frequency::Monthly,
        interval: 1,
        weekdays: Vec::new(),
        month_day: Some(15),
        starts_on: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        start_time: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        duration_minutes: 180,
        count,
        until: None,
        except: vec![NaiveDate::from_ymd_opt(2026, 2, 15).unwrap()],
    };
    let series = |count, target| svc::EventSeriesInput {
        title: "达人服务日".into(),
        kind: EventKind::ServiceDay,
        place: "社区广场".into(),
        capacity: None,
        attendance_target: target,
        rule: rule(count),
    };
    let days = svc::schedule_events(&staff, series(Some(6), Some(200)))
        .await
        .unwrap();
    // Six dates from the rule, the Spring Festival one (15 February) taken out.
    let dates: Vec<(u32, u32)> = days
        .iter()
        .map(|e| {
            let local = infra::local_time::date_of(e.starts_at);
            (local.month(), local.day())
        })
        .collect();
    assert_eq!(dates, vec![(1, 15), (3, 15), (4, 15), (5, 15), (6, 15)]);
    assert!(days.iter().all(|e| e.series_id == days[0].series_id
        && e.series_id.is_some()
        && e.attendance_target == Some(200)));
    assert_eq!(
        days[0]
            .starts_at
            .with_timezone(&infra::local_time::china())
            .time(),
        NaiveTime::from_hms_opt(9, 0, 0).unwrap()
    );
    // Nobody but staff schedules; a target of 0 and a rule without an end are mistakes.
    let resident = env.scope(&env.alpha, "李大爷", &[]);
    assert_eq!(
        code(svc::schedule_events(&resident, series(Some(2), None)).await),
        "FORBIDDEN"
    );
    assert_eq!(
        code(svc::schedule_events(&staff, series(Some(2), Some(0))).await),
        "BAD_USER_INPUT"
    );
    assert_eq!(
        code(svc::schedule_events(&staff, series(None, None)).await),
        "BAD_USER_INPUT"
    );

    // January: 210 人次 (met); March: 50 (not met); an event without a target is left out.
    svc::tally_walk_ins(&staff, Occasion::Event(days[0].id), 210)
        .await
        .unwrap();
    svc::tally_walk_ins(&staff, Occasion::Event(days[1].id), 50)
        .await
        .unwrap();
    let report = |m: &'static str| {
        let staff = staff.clone();
        async move {
            svc::event_targets_report(&staff, svc::parse_month(m).unwrap())
                .await
                .unwrap()
                .into_iter()
                .map(|r| (r.attendance, r.met))
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(report("2026-01").await, vec![(210, true)]);
    assert_eq!(report("2026-03").await, vec![(50, false)]);
    assert_eq!(report("2026-02").await, vec![]);
}
