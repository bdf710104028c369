//! The loop 兴趣 → 培训 → 活动 → 展示 → 评价: surveys turn into courses, talents into teachers,
//! learners rate what they attended, cadence targets are checked, and one query returns a
//! learner's whole loop.

use chrono::{Datelike, Duration, NaiveDate, TimeZone, Utc};
use courses::model::{
    Audience, CadencePeriod, ClubRole, ExhibitionKind, QuestionKind, TeacherKind,
};
use courses::service::{self as svc, AnswerInput, QuestionInput, SessionsInput, TeacherInput};

use crate::{Env, code, course_input};

#[tokio::test]
async fn a_survey_becomes_a_course_and_a_talent_a_teacher() {
    let env = Env::new().await;
    let staff = env.staff();
    let survey = svc::create_survey(
        &staff,
        "2026 秋季兴趣调查",
        3,
        None,
        vec![
            QuestionInput {
                kind: QuestionKind::Single,
                prompt: "想学什么？".into(),
                options: vec!["非洲鼓".into(), "剪纸".into()],
            },
            QuestionInput {
                kind: QuestionKind::Talent,
                prompt: "我能教".into(),
                options: vec![],
            },
        ],
    )
    .await
    .unwrap();
    let v = svc::surveys(&staff, None, 10, svc::SurveyParts::ALL)
        .await
        .unwrap()
        .remove(0);
    let (choice, talent) = (v.questions[0].0.id, v.questions[1].0.id);
    let answer = |c: i32, t: Option<&str>| {
        let mut a = vec![AnswerInput {
            question_id: choice,
            choices: vec![c],
            text: None,
        }];
        if let Some(t) = t {
            a.push(AnswerInput {
                question_id: talent,
                choices: vec![],
                text: Some(t.into()),
            });
        }
        a
    };
    let residents: Vec<_> = (0..3)
        .map(|i| env.scope(&env.alpha, &format!("居民{i}"), &[]))
        .collect();
    svc::answer_survey(
        &residents[0],
        survey.id,
        answer(1, None),
        courses::model::SurveyChannel::InApp,
    )
    .await
    .unwrap();
    svc::answer_survey(
        &residents[0],
        survey.id,
        answer(0, Some("剪纸")),
        courses::model::SurveyChannel::InApp,
    )
    .await
    .unwrap(); // edited
    svc::answer_survey(
        &residents[1],
        survey.id,
        answer(0, None),
        courses::model::SurveyChannel::InApp,
    )
    .await
    .unwrap();
    svc::answer_survey(
        &residents[2],
        survey.id,
        answer(0, None),
        courses::model::SurveyChannel::InApp,
    )
    .await
    .unwrap();
    let bad = vec![AnswerInput {
        question_id: choice,
        choices: vec![0, 1],
        text: None,
    }];
    assert_eq!(
        code(
            svc::answer_survey(
                &residents[1],
                survey.id,
                bad,
                courses::model::SurveyChannel::InApp
            )
            .await
        ),
        "BAD_USER_INPUT",
        "single choice"
    );

    let v = svc::surveys(&staff, None, 10, svc::SurveyParts::ALL)
        .await
        .unwrap()
        .remove(0);
    assert_eq!(v.responses, 3);
    assert_eq!(
        v.questions[0].1,
        vec![3, 0],
        "live tallies, one answer per resident"
    );

    let proposed = svc::propose_course(
        &staff,
        survey.id,
        choice,
        0,
        course_input("", 20, Audience::All),
        svc::CourseParts::ALL,
    )
    .await
    .unwrap()
    .course;
    assert_eq!(
        (proposed.title.as_str(), proposed.status),
        ("非洲鼓", courses::model::CourseStatus::Proposed)
    );
    assert_eq!(
        code(
            svc::propose_course(
                &staff,
                survey.id,
                choice,
                1,
                course_input("", 20, Audience::All),
                svc::CourseParts::ALL
            )
            .await
        ),
        "CONFLICT"
    );

    let teachers = svc::teachers(&staff, None, 10, true).await.unwrap();
    assert_eq!(teachers.len(), 1);
    assert_eq!(
        (
            teachers[0].teacher.status,
            teachers[0].teacher.skills.clone()
        ),
        (
            courses::model::TeacherStatus::Candidate,
            vec!["剪纸".to_string()]
        )
    );
    // Staff confirm the 达人 into the pool, once; residents cannot.
    let candidate = teachers[0].teacher.id;
    assert_eq!(
        code(svc::confirm_teacher(&residents[1], candidate, TeacherKind::LocalTalent, &[]).await),
        "FORBIDDEN"
    );
    let confirmed = svc::confirm_teacher(&staff, candidate, TeacherKind::LocalTalent, &[])
        .await
        .unwrap();
    assert_eq!(
        confirmed.teacher.status,
        courses::model::TeacherStatus::Active
    );
    assert_eq!(
        code(svc::confirm_teacher(&staff, candidate, TeacherKind::LocalTalent, &[]).await),
        "CONFLICT"
    );
    assert_eq!(
        code(
            svc::confirm_teacher(&staff, uuid::Uuid::now_v7(), TeacherKind::LocalTalent, &[]).await
        ),
        "NOT_FOUND"
    );

    // A proposed course takes no enrolment until staff open it.
    assert_eq!(
        code(svc::enrol(&residents[1], proposed.id, None).await),
        "CONFLICT"
    );
    assert_eq!(
        code(svc::set_course_open(&residents[1], proposed.id, true, svc::CourseParts::ALL).await),
        "FORBIDDEN"
    );
    svc::set_course_open(&staff, proposed.id, true, svc::CourseParts::ALL)
        .await
        .unwrap();
    svc::enrol(&residents[1], proposed.id, None).await.unwrap();

    svc::close_survey(&staff, survey.id).await.unwrap();
    assert_eq!(
        code(
            svc::answer_survey(
                &residents[1],
                survey.id,
                answer(1, None),
                courses::model::SurveyChannel::InApp
            )
            .await
        ),
        "CONFLICT"
    );
}

#[tokio::test]
async fn evaluations_cadence_clubs_and_the_learner_record() {
    let env = Env::new().await;
    let staff = env.staff();
    let teacher = svc::create_teacher(
        &staff,
        TeacherInput {
            name: "李老师".into(),
            kind: TeacherKind::UniversityTeacher,
            skills: vec!["摄影".into()],
            phone: Some("13900001111".into()),
            teaches_in: vec!["alpha".into()],
            learner_id: None,
            account_id: None,
        },
    )
    .await
    .unwrap();
    assert!(
        !teacher
            .teacher
            .phone_encrypted
            .as_deref()
            .unwrap()
            .contains("13900001111"),
        "encrypted at rest"
    );
    assert_eq!(
        teacher.phone.as_deref(),
        Some("13900001111"),
        "staff see it whole"
    );
    let mut input = course_input("手机摄影", 10, Audience::All);
    input.teacher_ids = vec![teacher.teacher.id];
    let course = svc::create_course(&staff, input, svc::CourseParts::ALL)
        .await
        .unwrap()
        .course;
    // A resident sees the teacher's number masked, decided by the service.
    let resident = env.scope(&env.alpha, "居民", &[]);
    let seen = svc::course(&resident, course.id, svc::CourseParts::ALL)
        .await
        .unwrap();
    assert_eq!(seen.teachers[0].phone.as_deref(), Some("139****1111"));
    let start = Utc::now() - Duration::hours(1);
    let sessions = svc::add_sessions(
        &staff,
        SessionsInput {
            course_id: course.id,
            first_starts_at: start,
            duration_minutes: 60,
            weeks: 1,
            place: "百文斋".into(),
        },
    )
    .await
    .unwrap();

    let learner = env.scope(&env.alpha, "张阿姨", &[]);
    let e = svc::enrol(&learner, course.id, None).await.unwrap();
    assert_eq!(
        code(svc::evaluate(&learner, course.id, None, 5, None).await),
        "FORBIDDEN",
        "not attended yet"
    );
    let t = env.teacher_of(course.id, "李老师").await;
    svc::mark_attendance(&t, sessions[0].id, e.enrolment.learner_id, true)
        .await
        .unwrap();
    assert_eq!(
        code(svc::evaluate(&learner, course.id, None, 6, None).await),
        "BAD_USER_INPUT"
    );
    svc::evaluate(&learner, course.id, None, 4, Some("老师很耐心".into()))
        .await
        .unwrap();
    let view = svc::course(&staff, course.id, svc::CourseParts::ALL)
        .await
        .unwrap();
    assert_eq!((view.average_rating, view.ratings), (Some(4.0), 1));
    let pool = svc::teachers(&staff, None, 10, true).await.unwrap();
    assert_eq!(pool[0].average_rating, Some(4.0), "teacher average");

    // Clubs and class roles.
    let fed = svc::create_federation(&staff, "艺术联盟", None)
        .await
        .unwrap();
    let club = svc::create_club(&staff, "非洲鼓社", Some(fed.id))
        .await
        .unwrap();
    svc::set_club_member(&staff, club.id, e.enrolment.learner_id, ClubRole::Monitor)
        .await
        .unwrap();
    let (clubs, members, _) = svc::clubs(&staff, None, 10, true, true).await.unwrap();
    assert_eq!(
        (clubs.len(), members[0].role),
        (1, courses::model::ClubRole::Monitor)
    );

    // Cadence: "每月不少于两堂公益课" for the month of the session.
    svc::create_cadence_target(
        &staff,
        "每月不少于两堂公益课",
        CadencePeriod::Month,
        2,
        true,
        courses::model::CadenceCounts::Sessions,
    )
    .await
    .unwrap();
    let cst = chrono::FixedOffset::east_opt(8 * 3600).unwrap();
    let local = start.with_timezone(&cst);
    let month = NaiveDate::from_ymd_opt(local.year(), local.month(), 1).unwrap();
    let r = svc::cadence_report(&staff, month).await.unwrap();
    assert_eq!((r[0].periods[0].1, r[0].met), (1, false));
    // A second session already held in the same month (on the 1st of a month, the 2nd
    // would still be ahead).
    let month_start = cst
        .from_local_datetime(&month.and_hms_opt(0, 0, 0).unwrap())
        .unwrap()
        .with_timezone(&Utc);
    let second = (start - Duration::hours(2)).max(month_start + Duration::minutes(1));
    svc::add_sessions(
        &staff,
        SessionsInput {
            course_id: course.id,
            first_starts_at: second,
            duration_minutes: 60,
            weeks: 1,
            place: "百文斋".into(),
        },
    )
    .await
    .unwrap();
    let r = svc::cadence_report(&staff, month).await.unwrap();
    assert_eq!((r[0].periods[0].1, r[0].met), (2, true));
    assert_eq!(code(svc::parse_month("2026-13")), "BAD_USER_INPUT");
    assert_eq!(code(svc::parse_month("262143-12")), "BAD_USER_INPUT");

    // The whole loop, and a nomination that keeps a snapshot of it.
    let today = Utc::now().date_naive();
    let ex = svc::create_exhibition(&staff, "摄影展", ExhibitionKind::Photography, today, today)
        .await
        .unwrap();
    svc::add_work(
        &staff,
        ex.id,
        e.enrolment.learner_id,
        Some(course.id),
        "邻里笑脸",
    )
    .await
    .unwrap();
    let n = svc::nominate(
        &staff,
        e.enrolment.learner_id,
        "两江榜样",
        "从学员成长为志愿讲师",
    )
    .await
    .unwrap();
    assert_eq!(n.pool, "两江榜样");
    let record = svc::learner_record(&learner, None).await.unwrap();
    assert_eq!(record.courses.len(), 1);
    assert_eq!(
        (record.courses[0].3, record.courses[0].4),
        (2, 1),
        "two sessions held (both in the past), one attended"
    );
    assert_eq!(record.works.len(), 1);
    assert_eq!(record.evaluations[0].2, 4);
    assert_eq!(record.nominations.len(), 1);
    // A learner who becomes a teacher.
    let promoted = svc::create_teacher(
        &staff,
        TeacherInput {
            name: "张阿姨".into(),
            kind: TeacherKind::LocalTalent,
            skills: vec![],
            phone: None,
            teaches_in: vec![],
            learner_id: Some(e.enrolment.learner_id),
            account_id: None,
        },
    )
    .await
    .unwrap();
    assert_eq!(promoted.teacher.learner_id, Some(e.enrolment.learner_id));
    assert_eq!(
        code(
            svc::learner_record(
                &env.scope(&env.alpha, "路人", &[]),
                Some(e.enrolment.learner_id)
            )
            .await
        ),
        "FORBIDDEN"
    );
}

#[tokio::test]
async fn an_outstanding_volunteer_joins_the_same_role_model_pool() {
    use volunteers::hours::service::{self as hours, HoursInput};
    use volunteers::registry::model::VolunteerStatus;
    use volunteers::registry::service::{self as registry, Registration};
    let env = Env::new().await;
    let staff = env.staff();
    let zhou = env.scope(&env.alpha, "周大姐", &[]);
    let v = registry::register(
        &zhou,
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
    let post = volunteers::posts::service::create_post(&staff, "sanitation", "楼道清洁", "", 10)
        .await
        .unwrap();
    let h = hours::record(
        &staff,
        HoursInput {
            volunteer_id: Some(v.id),
            post_id: Some(post.id),
            shift_id: None,
            served_on: Utc::now().date_naive() - Duration::days(3),
            minutes: 90,
            card_id: None,
        },
    )
    .await
    .unwrap();
    hours::verify(&staff, h.id).await.unwrap();
    assert_eq!(
        code(svc::nominate_volunteer(&zhou, v.id, "两江榜样", "热心公益").await),
        "FORBIDDEN"
    );
    let n = svc::nominate_volunteer(&staff, v.id, "两江榜样", "三年如一日清洁楼道")
        .await
        .unwrap();
    assert_eq!(n.pool, "两江榜样");
    // The same pool as learners': her learner record carries the nomination.
    let record = svc::learner_record(&zhou, None).await.unwrap();
    assert_eq!(record.nominations.len(), 1);
}
