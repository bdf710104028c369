//! QR check-in: signed, time-boxed, per session and community; roster marking; rates.

use chrono::{Duration, Utc};
use courses::model::Audience;
use courses::qr::CheckInCode;
use courses::service::{self as svc, SessionsInput};

use crate::{Env, code, course_input};

#[tokio::test]
async fn qr_codes_are_refused_when_replayed_forged_foreign_or_out_of_time() {
    let env = Env::new().await;
    let staff = env.staff();
    let course = svc::create_course(
        &staff,
        course_input("摄影", 10, Audience::All),
        svc::CourseParts::ALL,
    )
    .await
    .unwrap()
    .course;
    let teacher = env.teacher_of(course.id, "李老师").await;
    let now = Utc::now();
    let add = |start| SessionsInput {
        course_id: course.id,
        first_starts_at: start,
        duration_minutes: 90,
        weeks: 1,
        place: "百文斋".into(),
    };
    let today = svc::add_sessions(&staff, add(now - Duration::minutes(10)))
        .await
        .unwrap()
        .remove(0);
    let next_week = svc::add_sessions(&staff, add(now + Duration::days(7)))
        .await
        .unwrap()
        .remove(0);

    let learner = env.scope(&env.alpha, "张阿姨", &[]);
    let outsider = env.scope(&env.alpha, "路人", &[]);
    svc::enrol(&learner, course.id, None).await.unwrap();

    assert_eq!(
        code(svc::check_in_code(&learner, today.id, None).await),
        "FORBIDDEN",
        "residents cannot print codes"
    );
    let issued = svc::check_in_code(&teacher, today.id, None).await.unwrap();
    assert!(issued.svg.contains("<svg"));
    assert_eq!(
        image::guess_format(&issued.png).unwrap(),
        image::ImageFormat::Png
    );

    assert_eq!(
        code(svc::check_in(&outsider, &issued.token, None).await),
        "FORBIDDEN",
        "not enrolled"
    );
    // A photo of the screen taken five minutes ago, sent home: the code has rotated since.
    let forwarded = CheckInCode::for_session(
        env.alpha.community_id,
        today.id,
        today.starts_at,
        today.ends_at,
        Utc::now() - Duration::minutes(5),
    )
    .sign(&env.secrets);
    assert_eq!(
        code(svc::check_in(&learner, &forwarded, None).await),
        "BAD_USER_INPUT",
        "an expired code"
    );
    svc::check_in(&learner, &issued.token, None).await.unwrap();
    assert_eq!(
        code(svc::check_in(&learner, &issued.token, None).await),
        "CONFLICT",
        "replayed"
    );

    let mut forged = issued.token.clone();
    let last = forged.pop().unwrap();
    forged.push(if last == 'A' { 'B' } else { 'A' });
    assert_eq!(
        code(svc::check_in(&learner, &forged, None).await),
        "BAD_USER_INPUT"
    );
    // Signed with another key: refused.
    let other_key = CheckInCode::for_session(
        env.alpha.community_id,
        today.id,
        today.starts_at,
        today.ends_at,
        Utc::now(),
    )
    .sign(&infra::crypto::Secrets::from_master(b"someone else"));
    assert_eq!(
        code(svc::check_in(&learner, &other_key, None).await),
        "BAD_USER_INPUT"
    );
    // A genuine code of community beta, presented in alpha.
    let foreign = CheckInCode::for_session(
        env.beta.community_id,
        today.id,
        today.starts_at,
        today.ends_at,
        Utc::now(),
    )
    .sign(&env.secrets);
    assert_eq!(
        code(svc::check_in(&learner, &foreign, None).await),
        "BAD_USER_INPUT"
    );
    // Next week's code is not valid today.
    let early = svc::check_in_code(&teacher, next_week.id, None)
        .await
        .unwrap();
    assert_eq!(
        code(svc::check_in(&learner, &early.token, None).await),
        "BAD_USER_INPUT"
    );

    let rates = svc::attendance(&staff, course.id).await.unwrap();
    assert_eq!(rates.len(), 1);
    assert_eq!(
        (rates[0].2, rates[0].3),
        (1, 1),
        "one session held, attended"
    );
}

#[tokio::test]
async fn teachers_mark_attendance_from_the_roster() {
    let env = Env::new().await;
    let staff = env.staff();
    let course = svc::create_course(
        &staff,
        course_input("合唱", 10, Audience::All),
        svc::CourseParts::ALL,
    )
    .await
    .unwrap()
    .course;
    let teacher = env.teacher_of(course.id, "李老师").await;
    let sessions = svc::add_sessions(
        &staff,
        SessionsInput {
            course_id: course.id,
            first_starts_at: Utc::now() - Duration::weeks(3),
            duration_minutes: 60,
            weeks: 4,
            place: "夕阳乐".into(),
        },
    )
    .await
    .unwrap();
    assert_eq!(sessions.len(), 4);
    let far = SessionsInput {
        course_id: course.id,
        first_starts_at: chrono::DateTime::<Utc>::MAX_UTC - Duration::days(1),
        duration_minutes: 60,
        weeks: 52,
        place: "x".into(),
    };
    assert_eq!(code(svc::add_sessions(&staff, far).await), "BAD_USER_INPUT");
    let elder = env.scope(&env.alpha, "刘大爷", &[]);
    let e = svc::enrol(&elder, course.id, None).await.unwrap();
    let learner = e.enrolment.learner_id;
    svc::mark_attendance(&teacher, sessions[0].id, learner, true)
        .await
        .unwrap();
    svc::mark_attendance(&teacher, sessions[1].id, learner, false)
        .await
        .unwrap();
    svc::mark_attendance(&teacher, sessions[2].id, learner, true)
        .await
        .unwrap();
    assert_eq!(
        code(svc::mark_attendance(&elder, sessions[3].id, learner, true).await),
        "FORBIDDEN"
    );
    assert_eq!(
        code(svc::attendance(&elder, course.id).await),
        "FORBIDDEN",
        "residents do not see others' attendance"
    );
    let rates = svc::attendance(&staff, course.id).await.unwrap();
    assert_eq!(
        (rates[0].2, rates[0].3),
        (4, 2),
        "4 sessions held (the 4th started now), 2 attended"
    );
    // The roster's marks per session: present where marked so, not where marked absent;
    // a resident may not read them.
    assert_eq!(
        svc::present_at(&teacher, sessions[0].id).await.unwrap(),
        vec![learner]
    );
    assert!(
        svc::present_at(&staff, sessions[1].id)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        code(svc::present_at(&elder, sessions[0].id).await),
        "FORBIDDEN"
    );
}
