//! Roles are no wider than their names: teachers act on the courses they teach, a district
//! viewer only reads, a query writes nothing, a guardian cannot pass adults off as children,
//! and an unknown age is a minor's for consent.

use chrono::{Duration, NaiveDate, Utc};
use courses::model::{Audience, ExhibitionKind};
use courses::service::{self as svc, SessionsInput};
use tenancy::{CommunityAccess, CommunityCtx, CommunityScope};
use uuid::Uuid;

use crate::{Env, code, course_input};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

async fn course_with_session(env: &Env, title: &str) -> (Uuid, Uuid) {
    let staff = env.staff();
    let c = svc::create_course(
        &staff,
        course_input(title, 10, Audience::All),
        svc::CourseParts::ALL,
    )
    .await
    .unwrap()
    .course;
    let s = svc::add_sessions(
        &staff,
        SessionsInput {
            course_id: c.id,
            first_starts_at: Utc::now() - Duration::minutes(5),
            duration_minutes: 60,
            weeks: 1,
            place: "书画室".into(),
        },
    )
    .await
    .unwrap()
    .remove(0);
    (c.id, s.id)
}

#[tokio::test]
async fn teachers_act_only_on_the_courses_they_teach() {
    let env = Env::new().await;
    let staff = env.staff();
    let (mine, my_session) = course_with_session(&env, "书法").await;
    let (theirs, their_session) = course_with_session(&env, "国画").await;
    let teacher = env.teacher_of(mine, "王老师").await;
    let resident = env.scope(&env.alpha, "张阿姨", &[]);
    let learner = svc::enrol(&resident, mine, None)
        .await
        .unwrap()
        .enrolment
        .learner_id;
    svc::enrol(&resident, theirs, None).await.unwrap();
    let today = Utc::now().date_naive();
    let ex = svc::create_exhibition(
        &staff,
        "书画展",
        ExhibitionKind::Painting,
        today,
        today + Duration::days(9),
    )
    .await
    .unwrap();

    // Their own course: all of it.
    svc::roster(&teacher, mine).await.unwrap();
    svc::attendance(&teacher, mine).await.unwrap();
    svc::check_in_code(&teacher, my_session, None)
        .await
        .unwrap();
    svc::mark_attendance(&teacher, my_session, learner, true)
        .await
        .unwrap();
    let work = svc::add_work(&teacher, ex.id, learner, Some(mine), "兰亭序")
        .await
        .unwrap();

    // Another teacher's course: nothing.
    assert_eq!(code(svc::roster(&teacher, theirs).await), "FORBIDDEN");
    assert_eq!(code(svc::attendance(&teacher, theirs).await), "FORBIDDEN");
    assert_eq!(
        code(svc::check_in_code(&teacher, their_session, None).await),
        "FORBIDDEN"
    );
    assert_eq!(
        code(svc::mark_attendance(&teacher, their_session, learner, true).await),
        "FORBIDDEN"
    );
    assert_eq!(
        code(svc::add_work(&teacher, ex.id, learner, Some(theirs), "x").await),
        "FORBIDDEN"
    );
    assert_eq!(
        code(svc::add_work(&teacher, ex.id, learner, None, "x").await),
        "FORBIDDEN",
        "a teacher's work belongs to a course they teach"
    );
    // A learner not in their course.
    let stranger = svc::register_child(&resident, "小红", day(2018, 5, 1))
        .await
        .unwrap();
    assert_eq!(
        code(svc::add_work(&teacher, ex.id, stranger.id, Some(mine), "x").await),
        "FORBIDDEN"
    );
    // A photo for a work of another course.
    let other_work = svc::add_work(&staff, ex.id, learner, Some(theirs), "山水")
        .await
        .unwrap();
    assert_eq!(
        code(svc::upload_photo(&teacher, other_work.id, vec![0xFF, 0xD8]).await),
        "FORBIDDEN"
    );
    // Staff act on every course.
    svc::roster(&staff, theirs).await.unwrap();
    assert_eq!(work.course_id, Some(mine));
}

fn viewer(env: &Env) -> CommunityCtx {
    env.ctx(CommunityScope::for_tests(
        env.alpha.clone(),
        CommunityAccess {
            account_id: Uuid::new_v4(),
            display_name: "区观察员".into(),
            roles: Vec::new(),
            admin_above: false,
            viewer_above: true,
        },
    ))
}

#[tokio::test]
async fn a_district_viewer_only_reads() {
    let env = Env::new().await;
    let staff = env.staff();
    let (course, session) = course_with_session(&env, "太极").await;
    let v = viewer(&env);
    assert_eq!(
        svc::courses(&v, None, 10, None, false, svc::CourseParts::ALL)
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(code(svc::enrol(&v, course, None).await), "FORBIDDEN");
    assert_eq!(
        code(svc::register_child(&v, "小明", day(2018, 1, 1)).await),
        "FORBIDDEN"
    );
    assert_eq!(
        code(svc::set_birth_date(&v, None, day(1960, 1, 1)).await),
        "FORBIDDEN"
    );
    let teacher = env.teacher_of(course, "李老师").await;
    // A teacher's own list holds the course they teach, not another; nobody else's holds any.
    course_with_session(&env, "书法").await;
    let mine = svc::courses(&teacher, None, 10, None, true, svc::CourseParts::ALL)
        .await
        .unwrap();
    assert_eq!(
        mine.iter().map(|c| c.course.id).collect::<Vec<_>>(),
        vec![course]
    );
    assert!(
        svc::courses(&v, None, 10, None, true, svc::CourseParts::ALL)
            .await
            .unwrap()
            .is_empty()
    );
    let token = svc::check_in_code(&teacher, session, None)
        .await
        .unwrap()
        .token;
    assert_eq!(code(svc::check_in(&v, &token, None).await), "FORBIDDEN");
    let question = svc::QuestionInput {
        kind: courses::model::QuestionKind::Text,
        prompt: "想学什么？".into(),
        options: Vec::new(),
    };
    let survey = svc::create_survey(&staff, "兴趣调查", 1, None, vec![question])
        .await
        .unwrap();
    assert_eq!(
        code(
            svc::answer_survey(
                &v,
                survey.id,
                Vec::new(),
                courses::model::SurveyChannel::InApp
            )
            .await
        ),
        "FORBIDDEN"
    );
    // Unpublished exhibitions are drafts: staff see them, a viewer does not.
    let today = Utc::now().date_naive();
    svc::create_exhibition(&staff, "草稿展", ExhibitionKind::Photography, today, today)
        .await
        .unwrap();
    assert_eq!(
        svc::exhibitions(&staff, None, 10, svc::ExhibitionParts::ALL)
            .await
            .unwrap()
            .len(),
        1
    );
    assert!(
        svc::exhibitions(&v, None, 10, svc::ExhibitionParts::ALL)
            .await
            .unwrap()
            .is_empty()
    );
}

async fn learner_count(env: &Env) -> i64 {
    let mut tx = env.db.tenant_tx(&env.alpha).await.unwrap();
    let n = sqlx::query_scalar("SELECT count(*) FROM learners")
        .fetch_one(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    n
}

#[tokio::test]
async fn my_learners_is_a_query_and_writes_nothing() {
    let env = Env::new().await;
    let resident = env.scope(&env.alpha, "张阿姨", &[]);
    assert!(svc::my_learners(&resident).await.unwrap().is_empty());
    assert_eq!(learner_count(&env).await, 0);
}

#[tokio::test]
async fn a_guardian_cannot_register_adults_or_unbounded_children() {
    let env = Env::new().await;
    let staff = env.staff();
    let parent = env.scope(&env.alpha, "王女士", &[]);
    assert_eq!(
        code(svc::register_child(&parent, "老王", day(1950, 1, 1)).await),
        "BAD_USER_INPUT"
    );
    // Ten at once: the cap holds under concurrency.
    let tries = (0..10).map(|i| {
        let parent = parent.clone();
        async move { svc::register_child(&parent, &format!("孩子{i}"), day(2015, 1, 1)).await }
    });
    let results = futures::future::join_all(tries).await;
    let ok = results.iter().filter(|r| r.is_ok()).count();
    assert_eq!(ok, 6, "a guardian registers at most six children");
    assert!(
        results
            .into_iter()
            .filter_map(Result::err)
            .all(|e| e.code.as_str() == "CONFLICT")
    );
    assert_eq!(learner_count(&env).await, 6);

    // A birth date, once set, is changed by staff only.
    let me = svc::set_birth_date(&parent, None, day(1985, 6, 1))
        .await
        .unwrap();
    assert_eq!(
        code(svc::set_birth_date(&parent, None, day(1950, 6, 1)).await),
        "FORBIDDEN"
    );
    let child = svc::my_learners(&parent)
        .await
        .unwrap()
        .into_iter()
        .find(|l| l.account_id.is_none())
        .unwrap();
    assert_eq!(
        code(svc::set_birth_date(&parent, Some(child.id), day(1950, 6, 1)).await),
        "FORBIDDEN"
    );
    let fixed = svc::set_birth_date(&staff, Some(me.id), day(1984, 6, 1))
        .await
        .unwrap();
    assert_eq!(fixed.birth_date, Some(day(1984, 6, 1)));
}

#[tokio::test]
async fn an_unknown_age_counts_as_a_minor_until_a_birth_date_says_otherwise() {
    let env = Env::new().await;
    let staff = env.staff();
    let (course, _) = course_with_session(&env, "摄影").await;
    let author = env.scope(&env.alpha, "小李", &[]);
    let neighbour = env.scope(&env.alpha, "邻居", &[]);
    let learner = svc::enrol(&author, course, None)
        .await
        .unwrap()
        .enrolment
        .learner_id;
    let today = Utc::now().date_naive();
    let ex = svc::create_exhibition(&staff, "摄影展", ExhibitionKind::Photography, today, today)
        .await
        .unwrap();
    svc::publish_exhibition(&staff, ex.id).await.unwrap();
    let work = svc::add_work(&staff, ex.id, learner, Some(course), "晨光")
        .await
        .unwrap();
    assert!(work.minor, "no birth date: treated as a minor's work");
    let shown = |scope| async move {
        svc::exhibitions(scope, None, 10, svc::ExhibitionParts::ALL)
            .await
            .unwrap()[0]
            .works
            .len()
    };
    assert_eq!(shown(&neighbour).await, 0, "hidden without consent");
    // Staff record the birth date from an ID card: decided when shown, so it shows now.
    svc::set_birth_date(&staff, Some(learner), day(1990, 1, 1))
        .await
        .unwrap();
    assert_eq!(shown(&neighbour).await, 1);
}
