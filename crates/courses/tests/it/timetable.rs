//! Schedules, cancelled and moved sessions, the learners told once, webhook deliveries at most
//! once with two workers, capacity edits, my enrolments and my timetable.

use std::sync::{Arc, Mutex};

use chrono::{Duration, NaiveDate, NaiveTime, Utc};
use courses::model::{Audience, CourseEdit, EnrolmentStatus, Format, SessionStatus};
use courses::service::{self as svc, CourseParts, Frequency, ScheduleRequest};
use hmac::{Hmac, Mac};
use notifications::{Webhook, worker::deliver};
use sha2::Sha256;
use tenancy::CommunityCtx;
use uuid::Uuid;

use crate::{Env, code, course_input};

pub(crate) fn rule(frequency: Frequency, starts_on: NaiveDate) -> ScheduleRequest {
    ScheduleRequest {
        frequency,
        interval: 1,
        weekdays: vec![],
        month_day: None,
        starts_on,
        start_time: NaiveTime::from_hms_opt(19, 0, 0).unwrap(),
        duration_minutes: 90,
        count: None,
        until: None,
        except: vec![],
    }
}

#[tokio::test]
async fn a_fourteen_day_summer_class_and_a_clash_refused_whole() {
    let env = Env::new().await;
    let staff = env.staff();
    let c = svc::create_course(
        &staff,
        course_input("暑期班", 30, Audience::Children),
        CourseParts::ALL,
    )
    .await
    .unwrap()
    .course;
    let july = |d| NaiveDate::from_ymd_opt(2027, 7, d).unwrap();
    let rows = svc::schedule_sessions(
        &staff,
        c.id,
        ScheduleRequest {
            until: Some(july(14)),
            ..rule(Frequency::Daily, july(1))
        },
        "百文斋",
        None,
    )
    .await
    .unwrap();
    assert_eq!(rows.len(), 14);
    assert_eq!(rows[0].starts_at.to_rfc3339(), "2027-07-01T11:00:00+00:00");
    assert_eq!(rows[13].starts_at.to_rfc3339(), "2027-07-14T11:00:00+00:00");
    // The 14th again, with two new dates: the whole series is refused, nothing half written.
    let again = svc::schedule_sessions(
        &staff,
        c.id,
        ScheduleRequest {
            until: Some(july(16)),
            ..rule(Frequency::Daily, july(14))
        },
        "百文斋",
        None,
    )
    .await;
    assert_eq!(code(again), "CONFLICT");
    let view = svc::course(&staff, c.id, CourseParts::ALL).await.unwrap();
    assert_eq!(view.sessions.len(), 14);
    // A rule that yields nothing, and residents, are refused.
    let feb30 = ScheduleRequest {
        month_day: Some(30),
        interval: 12,
        until: Some(NaiveDate::from_ymd_opt(2028, 3, 1).unwrap()),
        ..rule(
            Frequency::Monthly,
            NaiveDate::from_ymd_opt(2027, 2, 1).unwrap(),
        )
    };
    assert_eq!(
        code(svc::schedule_sessions(&staff, c.id, feb30, "百文斋", None).await),
        "BAD_USER_INPUT"
    );
    let resident = env.scope(&env.alpha, "居民", &[]);
    let r = svc::schedule_sessions(
        &resident,
        c.id,
        ScheduleRequest {
            count: Some(1),
            ..rule(Frequency::Daily, july(20))
        },
        "百文斋",
        None,
    )
    .await;
    assert_eq!(code(r), "FORBIDDEN");
}

/// A webhook receiver: records each delivery id whose signature verifies; answers 500 to the
/// first `fail_first` requests.
async fn receiver(key: &'static [u8], fail_first: usize) -> (String, Arc<Mutex<Vec<String>>>) {
    use axum::http::{HeaderMap, StatusCode};
    let got = Arc::new(Mutex::new(Vec::<String>::new()));
    let seen = Arc::new(Mutex::new(0usize));
    let app = axum::Router::new().route(
        "/hook",
        axum::routing::post({
            let got = got.clone();
            move |headers: HeaderMap, body: axum::body::Bytes| {
                let got = got.clone();
                let seen = seen.clone();
                async move {
                    let n = {
                        let mut s = seen.lock().unwrap();
                        *s += 1;
                        *s
                    };
                    if n <= fail_first {
                        return StatusCode::INTERNAL_SERVER_ERROR;
                    }
                    let mut mac = Hmac::<Sha256>::new_from_slice(key).unwrap();
                    mac.update(&body);
                    let want = format!("sha256={}", hex::encode(mac.finalize().into_bytes()));
                    let sig = headers
                        .get("x-linli-signature")
                        .and_then(|v| v.to_str().ok());
                    if sig != Some(want.as_str()) {
                        return StatusCode::UNAUTHORIZED;
                    }
                    let id = headers["x-linli-delivery"].to_str().unwrap().to_string();
                    got.lock().unwrap().push(id);
                    StatusCode::NO_CONTENT
                }
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, got)
}

async fn inbox_kinds(ctx: &CommunityCtx) -> Vec<String> {
    notifications::service::my_notifications(ctx, false, None)
        .await
        .unwrap()
        .into_iter()
        .map(|n| format!("{:?}", n.kind))
        .collect()
}

#[tokio::test]
async fn moving_and_cancelling_tell_each_learner_once_and_two_workers_send_once() {
    let env = Env::new().await;
    let staff = env.staff();
    let c = svc::create_course(
        &staff,
        course_input("快板", 10, Audience::All),
        CourseParts::ALL,
    )
    .await
    .unwrap()
    .course;
    let next_week = (Utc::now() + Duration::days(7)).date_naive();
    let sessions = svc::schedule_sessions(
        &staff,
        c.id,
        ScheduleRequest {
            count: Some(4),
            ..rule(Frequency::Weekly, next_week)
        },
        "活动室",
        None,
    )
    .await
    .unwrap();
    let residents: Vec<_> = (0..3)
        .map(|i| env.scope(&env.alpha, &format!("居民{i}"), &[]))
        .collect();
    for r in &residents {
        svc::enrol(r, c.id, None).await.unwrap();
    }
    // A guardian's child: the guardian is told.
    let guardian = env.scope(&env.alpha, "家长", &[]);
    let child = svc::register_child(
        &guardian,
        "小明",
        NaiveDate::from_ymd_opt(2018, 5, 1).unwrap(),
    )
    .await
    .unwrap();
    svc::enrol(&guardian, c.id, Some(child.id)).await.unwrap();

    // Moved twice to the same new time: the learners are told of that move once.
    let new_time = sessions[0].starts_at + Duration::hours(2);
    for _ in 0..2 {
        let moved = svc::move_session(&staff, sessions[0].id, new_time, None, Some("百文斋"))
            .await
            .unwrap();
        assert_eq!(moved.starts_at, new_time);
        assert_eq!(moved.moved_from, Some(sessions[0].starts_at));
        assert_eq!(moved.place, "百文斋");
    }
    let cancelled = svc::cancel_session(&staff, sessions[1].id, Some("场地维修"))
        .await
        .unwrap();
    assert_eq!(cancelled.status, SessionStatus::Cancelled);
    assert_eq!(
        code(svc::cancel_session(&staff, sessions[1].id, None).await),
        "CONFLICT"
    );
    assert_eq!(
        code(
            svc::move_session(
                &staff,
                sessions[1].id,
                new_time + Duration::days(1),
                None,
                None
            )
            .await
        ),
        "CONFLICT",
        "a cancelled session does not move"
    );
    for who in residents.iter().chain([&guardian]) {
        assert_eq!(inbox_kinds(who).await, ["SessionCancelled", "SessionMoved"]);
    }

    // Two workers deliver at once: every notification reaches the webhook exactly once.
    let (url, got) = receiver(b"webhook-secret-for-the-test-0123456789", 0).await;
    let hook = Webhook::new(&url, b"webhook-secret-for-the-test-0123456789".to_vec()).unwrap();
    let other_gateway = env.staff();
    let (a, b) = tokio::join!(deliver(&staff, &hook), deliver(&other_gateway, &hook));
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.sent + b.sent, 8, "{a:?} {b:?}");
    let mut ids = got.lock().unwrap().clone();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 8);
    assert_eq!(got.lock().unwrap().len(), 8, "nothing sent twice");
    assert_eq!(deliver(&staff, &hook).await.unwrap().sent, 0);
}

#[tokio::test]
async fn a_refused_delivery_is_retried_then_sent_and_visible() {
    let env = Env::new().await;
    let staff = env.staff();
    let c = svc::create_course(
        &staff,
        course_input("腰鼓", 10, Audience::All),
        CourseParts::ALL,
    )
    .await
    .unwrap()
    .course;
    let s = svc::schedule_sessions(
        &staff,
        c.id,
        ScheduleRequest {
            count: Some(1),
            ..rule(
                Frequency::Daily,
                (Utc::now() + Duration::days(3)).date_naive(),
            )
        },
        "广场",
        None,
    )
    .await
    .unwrap();
    let resident = env.scope(&env.alpha, "居民", &[]);
    svc::enrol(&resident, c.id, None).await.unwrap();
    svc::cancel_session(&staff, s[0].id, None).await.unwrap();

    let (url, got) = receiver(b"webhook-secret-for-the-test-0123456789", 1).await;
    let mut hook = Webhook::new(&url, b"webhook-secret-for-the-test-0123456789".to_vec()).unwrap();
    hook.retry_base = std::time::Duration::from_secs(1);
    let first = deliver(&staff, &hook).await.unwrap();
    assert_eq!((first.sent, first.failed), (0, 1));
    let failed = notifications::service::deliveries(&staff, None, None)
        .await
        .unwrap();
    assert_eq!(failed.len(), 1);
    assert_eq!(
        failed[0].last_error.as_deref(),
        Some("HTTP 500 Internal Server Error")
    );
    assert_eq!(
        deliver(&staff, &hook).await.unwrap().sent,
        0,
        "not before its retry is due"
    );
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let second = deliver(&staff, &hook).await.unwrap();
    assert_eq!((second.sent, second.failed), (1, 0));
    let log = notifications::service::deliveries(&staff, None, None)
        .await
        .unwrap();
    assert_eq!(
        (log[0].attempts, format!("{:?}", log[0].status)),
        (2, "Sent".into())
    );
    assert_eq!(got.lock().unwrap().len(), 1);
    assert_eq!(
        code(notifications::service::deliveries(&resident, None, None).await),
        "FORBIDDEN"
    );
}

#[tokio::test]
async fn capacity_edits_hold_the_seats_and_promote_the_waiting_list() {
    let env = Env::new().await;
    let staff = env.staff();
    let c = svc::create_course(
        &staff,
        course_input("象棋", 2, Audience::All),
        CourseParts::ALL,
    )
    .await
    .unwrap()
    .course;
    let residents: Vec<_> = (0..4)
        .map(|i| env.scope(&env.alpha, &format!("棋友{i}"), &[]))
        .collect();
    for r in &residents {
        svc::enrol(r, c.id, None).await.unwrap();
    }
    let edit = |capacity| CourseEdit {
        capacity: Some(capacity),
        ..Default::default()
    };
    let below = svc::update_course(&staff, c.id, edit(1), CourseParts::ALL).await;
    assert_eq!(code(below), "CONFLICT");

    let mine = svc::my_enrolments(&residents[3]).await.unwrap();
    assert_eq!((mine.len(), mine[0].waitlist_position), (1, Some(2)));
    assert_eq!(mine[0].course_title, "象棋");

    let v = svc::update_course(&staff, c.id, edit(3), CourseParts::ALL)
        .await
        .unwrap();
    assert_eq!(
        (v.course.capacity, v.course.enrolled, v.waitlisted),
        (3, 3, 1)
    );
    assert_eq!(inbox_kinds(&residents[2]).await, ["WaitlistPromoted"]);
    assert!(inbox_kinds(&residents[3]).await.is_empty());
    let mine = svc::my_enrolments(&residents[3]).await.unwrap();
    assert_eq!(mine[0].waitlist_position, Some(1));

    // A resident cancels from "my enrolments"; the last of the list gets the seat and is told.
    let first = svc::my_enrolments(&residents[0]).await.unwrap();
    svc::cancel(&residents[0], first[0].id).await.unwrap();
    assert!(svc::my_enrolments(&residents[0]).await.unwrap().is_empty());
    let mine = svc::my_enrolments(&residents[3]).await.unwrap();
    assert_eq!(
        (mine[0].status, mine[0].waitlist_position),
        (EnrolmentStatus::Enrolled, None)
    );
    assert_eq!(inbox_kinds(&residents[3]).await, ["WaitlistPromoted"]);

    // Teachers and title change together; an unknown teacher changes nothing.
    let r = svc::update_course(
        &staff,
        c.id,
        CourseEdit {
            title: Some("象棋提高班".into()),
            teacher_ids: Some(vec![Uuid::new_v4()]),
            ..Default::default()
        },
        CourseParts::ALL,
    )
    .await;
    assert_eq!(code(r), "NOT_FOUND");
    let v = svc::course(&staff, c.id, CourseParts::ALL).await.unwrap();
    assert_eq!(v.course.title, "象棋");

    // Category, format, public benefit and fee: a fee on a public-benefit course, or an unknown
    // category, is refused and named by its field; a paid course then changes all together.
    let fee = svc::update_course(
        &staff,
        c.id,
        CourseEdit {
            fee_cents: Some(5000),
            ..Default::default()
        },
        CourseParts::ALL,
    )
    .await
    .unwrap_err();
    assert_eq!(
        (fee.code.as_str(), fee.field),
        ("BAD_USER_INPUT", Some("feeCents"))
    );
    let unknown = CourseEdit {
        category: Some("no_such".into()),
        ..Default::default()
    };
    let e = svc::update_course(&staff, c.id, unknown, CourseParts::ALL)
        .await
        .unwrap_err();
    assert_eq!(e.field, Some("category"));
    let v = svc::update_course(
        &staff,
        c.id,
        CourseEdit {
            format: Some(Format::Workshop),
            public_benefit: Some(false),
            fee_cents: Some(5000),
            ..Default::default()
        },
        CourseParts::ALL,
    )
    .await
    .unwrap();
    assert_eq!(
        (v.course.format, v.course.public_benefit, v.course.fee_cents),
        (Format::Workshop, false, 5000)
    );
}

#[tokio::test]
async fn my_timetable_and_tomorrows_reminders() {
    let env = Env::new().await;
    let staff = env.staff();
    let c = svc::create_course(
        &staff,
        course_input("太极拳", 10, Audience::All),
        CourseParts::ALL,
    )
    .await
    .unwrap()
    .course;
    let start = (Utc::now() + Duration::days(2)).date_naive();
    let sessions = svc::schedule_sessions(
        &staff,
        c.id,
        ScheduleRequest {
            count: Some(3),
            ..rule(Frequency::Daily, start)
        },
        "百文斋",
        None,
    )
    .await
    .unwrap();
    let guardian = env.scope(&env.alpha, "王阿姨", &[]);
    svc::enrol(&guardian, c.id, None).await.unwrap();
    let child = svc::register_child(
        &guardian,
        "小宝",
        NaiveDate::from_ymd_opt(2017, 3, 1).unwrap(),
    )
    .await
    .unwrap();
    svc::enrol(&guardian, c.id, Some(child.id)).await.unwrap();
    svc::cancel_session(&staff, sessions[2].id, None)
        .await
        .unwrap();

    let week = svc::my_timetable(&guardian, start, 7).await.unwrap();
    assert_eq!(week.len(), 6, "three sessions, for her and for the child");
    assert!(week.iter().any(|e| e.learner_name == "小宝"));
    assert_eq!(
        week.iter()
            .filter(|e| e.session.status == SessionStatus::Cancelled)
            .count(),
        2
    );
    assert!(
        svc::my_timetable(&env.scope(&env.alpha, "路人", &[]), start, 7)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        code(svc::my_timetable(&guardian, start, 400).await),
        "BAD_USER_INPUT"
    );

    // The day before the first session: one reminder for the guardian (her and the child's
    // seat on one session tell one account once); again, nothing new.
    let day_before = sessions[0].starts_at - Duration::hours(20);
    assert_eq!(svc::remind_tomorrow(&staff, day_before).await.unwrap(), 1);
    assert_eq!(svc::remind_tomorrow(&staff, day_before).await.unwrap(), 0);
    assert!(
        inbox_kinds(&guardian)
            .await
            .contains(&"SessionReminder".to_string())
    );
}
