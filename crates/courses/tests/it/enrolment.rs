//! Capacity can never be exceeded, the waiting list is served in order, audience rules hold.

use chrono::NaiveDate;
use courses::model::{Audience, EnrolmentStatus};
use courses::service as svc;

use crate::{Env, code, course_input};

#[tokio::test]
async fn two_hundred_residents_racing_for_ten_seats() {
    let env = Env::new().await;
    let staff = env.staff();
    let course = svc::create_course(
        &staff,
        course_input("太极拳", 10, Audience::All),
        svc::CourseParts::ALL,
    )
    .await
    .unwrap()
    .course;

    let residents: Vec<_> = (0..200)
        .map(|i| env.scope(&env.alpha, &format!("居民{i}"), &[]))
        .collect();
    let tasks: Vec<_> = residents
        .iter()
        .cloned()
        .map(|s| tokio::spawn(async move { svc::enrol(&s, course.id, None).await }))
        .collect();
    let mut enrolled = 0;
    let mut waitlisted = 0;
    for t in tasks {
        let v = t.await.unwrap().unwrap();
        match v.enrolment.status {
            courses::model::EnrolmentStatus::Enrolled => enrolled += 1,
            courses::model::EnrolmentStatus::Waitlisted => waitlisted += 1,
            s => panic!("unexpected status {s:?}"),
        }
    }
    assert_eq!((enrolled, waitlisted), (10, 190));
    let roster = svc::roster(&staff, course.id).await.unwrap();
    assert_eq!(
        roster
            .iter()
            .filter(|(e, _)| e.status == EnrolmentStatus::Enrolled)
            .count(),
        10
    );
    let waiting: Vec<i64> = roster
        .iter()
        .filter(|(e, _)| e.status == EnrolmentStatus::Waitlisted)
        .map(|(e, _)| e.queued)
        .collect();
    assert_eq!(waiting.len(), 190);
    assert!(
        waiting.windows(2).all(|w| w[0] < w[1]),
        "the waiting list is in arrival order"
    );
    let view = svc::course(&staff, course.id, svc::CourseParts::ALL)
        .await
        .unwrap();
    assert_eq!((view.course.enrolled, view.waitlisted), (10, 190));

    // One cancelled seat promotes exactly one: the first of the list.
    let first_waiting = roster
        .iter()
        .find(|(e, _)| e.status == EnrolmentStatus::Waitlisted)
        .unwrap()
        .0
        .id;
    let seat = roster
        .iter()
        .find(|(e, _)| e.status == EnrolmentStatus::Enrolled)
        .unwrap()
        .0
        .id;
    let promoted = svc::cancel(&staff, seat).await.unwrap();
    assert_eq!(promoted, Some(first_waiting));
    let view = svc::course(&staff, course.id, svc::CourseParts::ALL)
        .await
        .unwrap();
    assert_eq!((view.course.enrolled, view.waitlisted), (10, 189));
    assert_eq!(
        code(svc::cancel(&staff, seat).await),
        "CONFLICT",
        "cancelling twice"
    );

    // Twenty seats freed at once: twenty promoted, never more than ten seated.
    let roster = svc::roster(&staff, course.id).await.unwrap();
    let seats: Vec<_> = roster
        .iter()
        .filter(|(e, _)| e.status == EnrolmentStatus::Enrolled)
        .map(|(e, _)| e.id)
        .take(10)
        .collect();
    let tasks: Vec<_> = seats
        .into_iter()
        .map(|id| {
            let s = staff.clone();
            tokio::spawn(async move { svc::cancel(&s, id).await })
        })
        .collect();
    let mut promotions = 0;
    for t in tasks {
        promotions += usize::from(t.await.unwrap().unwrap().is_some());
    }
    assert_eq!(promotions, 10);
    let view = svc::course(&staff, course.id, svc::CourseParts::ALL)
        .await
        .unwrap();
    assert_eq!((view.course.enrolled, view.waitlisted), (10, 179));
}

#[tokio::test]
async fn the_database_refuses_a_seat_past_capacity_even_from_raw_sql() {
    let env = Env::new().await;
    let staff = env.staff();
    let course = svc::create_course(
        &staff,
        course_input("书法", 1, Audience::All),
        svc::CourseParts::ALL,
    )
    .await
    .unwrap()
    .course;
    svc::enrol(&env.scope(&env.alpha, "甲", &[]), course.id, None)
        .await
        .unwrap();
    let mut tx = env.db.tenant_tx(&env.alpha).await.unwrap();
    let learner: uuid::Uuid = sqlx::query_scalar("INSERT INTO learners (id, account_id, name) VALUES (gen_random_uuid(), gen_random_uuid(), '乙') RETURNING id")
        .fetch_one(&mut *tx)
        .await
        .unwrap();
    let err = sqlx::query("INSERT INTO enrolments (id, course_id, learner_id, status, enrolled_by) VALUES (gen_random_uuid(), $1, $2, 'enrolled', gen_random_uuid())")
        .bind(course.id)
        .bind(learner)
        .execute(&mut *tx)
        .await
        .unwrap_err();
    assert_eq!(
        err.as_database_error().and_then(|d| d.constraint()),
        Some("courses_capacity")
    );
}

#[tokio::test]
async fn audience_and_age_rules_and_guardians() {
    let env = Env::new().await;
    let staff = env.staff();
    let elderly = svc::create_course(
        &staff,
        course_input("老年智能手机课", 20, Audience::Elderly),
        svc::CourseParts::ALL,
    )
    .await
    .unwrap()
    .course;
    let children = svc::create_course(
        &staff,
        course_input("童趣园剪纸", 20, Audience::Children),
        svc::CourseParts::ALL,
    )
    .await
    .unwrap()
    .course;
    let grandma = env.scope(&env.alpha, "陈启惠", &[]);
    let parent = env.scope(&env.alpha, "王女士", &[]);

    assert_eq!(
        code(svc::enrol(&grandma, elderly.id, None).await),
        "BAD_USER_INPUT",
        "birth date needed"
    );
    svc::set_birth_date(&grandma, None, NaiveDate::from_ymd_opt(1955, 5, 1).unwrap())
        .await
        .unwrap();
    svc::enrol(&grandma, elderly.id, None).await.unwrap();
    assert_eq!(
        code(svc::enrol(&grandma, elderly.id, None).await),
        "CONFLICT",
        "twice"
    );
    assert_eq!(
        code(svc::enrol(&grandma, children.id, None).await),
        "BAD_USER_INPUT"
    );

    svc::set_birth_date(&parent, None, NaiveDate::from_ymd_opt(1990, 1, 1).unwrap())
        .await
        .unwrap();
    assert_eq!(
        code(svc::enrol(&parent, elderly.id, None).await),
        "BAD_USER_INPUT"
    );
    let child = svc::register_child(
        &parent,
        "小明",
        NaiveDate::from_ymd_opt(2017, 6, 1).unwrap(),
    )
    .await
    .unwrap();
    assert!(child.is_minor());
    svc::enrol(&parent, children.id, Some(child.id))
        .await
        .unwrap();
    // Another resident cannot act for this child; staff can (代办).
    assert_eq!(
        code(svc::enrol(&grandma, children.id, Some(child.id)).await),
        "FORBIDDEN"
    );
    let e = svc::enrol(&staff, elderly.id, Some(child.id)).await;
    assert_eq!(code(e), "BAD_USER_INPUT", "a child is not 老朋友");
}

/// A status the code does not know is a decoding error, never a silent default.
#[tokio::test]
async fn an_unknown_status_is_an_error_not_a_default() {
    let env = Env::new().await;
    let mut tx = env.db.tenant_tx(&env.alpha).await.unwrap();
    let known: EnrolmentStatus = sqlx::query_scalar("SELECT 'waitlisted'::text")
        .fetch_one(&mut *tx)
        .await
        .unwrap();
    assert_eq!(known, EnrolmentStatus::Waitlisted);
    let unknown: Result<EnrolmentStatus, _> = sqlx::query_scalar("SELECT 'paused'::text")
        .fetch_one(&mut *tx)
        .await;
    assert!(unknown.is_err(), "{unknown:?}");
}
