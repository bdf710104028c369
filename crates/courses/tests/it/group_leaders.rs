//! 居民小组长 (issue 29): a resident leading a courtyard enters residents, survey answers and
//! walk-ins for the courtyards staff gave them — and nothing else, nowhere else.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate, Utc};
use courses::model::{Audience, EventKind, QuestionKind, SurveyChannel};
use courses::service::{
    self as svc, AnswerInput, CourseParts, EventInput, Occasion, QuestionInput, ResidentInput,
    ResidentSearch,
};
use tenancy::Role;
use tenancy::model::CourtyardKind;

use crate::{Env, code, course_input};

fn resident(name: &str, courtyard: uuid::Uuid) -> ResidentInput {
    ResidentInput {
        name: name.into(),
        birth_date: NaiveDate::from_ymd_opt(1946, 5, 1),
        courtyard_id: Some(courtyard),
        phone: None,
        household: None,
    }
}

#[tokio::test]
async fn a_group_leader_enters_their_courtyard_only() {
    let env = Env::new().await;
    let t = tenancy::Tenancy::new(env.db.clone(), env.secrets.clone(), Default::default());
    let staff = env.staff();
    let ours = t
        .create_courtyard(&staff, "花园颐院", CourtyardKind::Courtyard, Some(120))
        .await
        .unwrap();
    let theirs = t
        .create_courtyard(&staff, "东环路357号", CourtyardKind::Courtyard, None)
        .await
        .unwrap();
    let leader = env.scope(&env.alpha, "小组长张阿姨", &[Role::GroupLeader]);
    env.assign_grids(&env.alpha, leader.access().account_id, &[ours.id])
        .await;

    // Residents: in her courtyard, yes; in another, or in none, no.
    let wang = svc::register_resident(&leader, resident("王秀英", ours.id))
        .await
        .unwrap();
    assert_eq!(
        code(svc::register_resident(&leader, resident("李四", theirs.id)).await),
        "FORBIDDEN"
    );
    let li = svc::register_resident(&staff, resident("李四", theirs.id))
        .await
        .unwrap();
    let found = svc::residents(&leader, ResidentSearch::default(), None, 50)
        .await
        .unwrap();
    assert_eq!(
        found
            .iter()
            .map(|r| r.learner.name.as_str())
            .collect::<Vec<_>>(),
        vec!["王秀英"]
    );

    // Survey answers: for her courtyard's residents only.
    let survey = svc::create_survey(
        &staff,
        "院落需求摸底",
        1,
        None,
        vec![QuestionInput {
            kind: QuestionKind::Rating,
            prompt: "对院落环境满意吗".into(),
            options: Vec::new(),
        }],
    )
    .await
    .unwrap();
    let q = svc::surveys(&staff, None, 5, svc::SurveyParts::ALL)
        .await
        .unwrap()[0]
        .questions[0]
        .0
        .id;
    let answer = || {
        vec![AnswerInput {
            question_id: q,
            choices: vec![4],
            text: None,
        }]
    };
    svc::answer_survey_for(&leader, survey.id, wang.learner.id, answer())
        .await
        .unwrap();
    assert_eq!(
        code(svc::answer_survey_for(&leader, survey.id, li.learner.id, answer()).await),
        "FORBIDDEN"
    );
    let v = svc::surveys(&staff, None, 5, svc::SurveyParts::ALL)
        .await
        .unwrap()
        .remove(0);
    assert_eq!(v.by_channel, vec![(SurveyChannel::DoorToDoor, 1)]);

    // Walk-ins at an event under way: her neighbour counts, another courtyard's does not.
    let e = svc::create_event(
        &staff,
        EventInput {
            title: "院坝坝会".into(),
            kind: EventKind::Activity,
            starts_at: Utc::now() - Duration::minutes(5),
            duration_minutes: 60,
            place: "花园颐院".into(),
            capacity: None,
            attendance_target: None,
        },
    )
    .await
    .unwrap();
    let at = Occasion::Event(e.id);
    assert_eq!(
        svc::walk_in(&leader, at, Some(wang.learner.id))
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        code(svc::walk_in(&leader, at, Some(li.learner.id)).await),
        "FORBIDDEN"
    );

    // Nothing else: no enrolling neighbours (代办 is staff's and grid workers'), no imports.
    let course = svc::create_course(
        &staff,
        course_input("太极拳", 10, Audience::All),
        CourseParts::ALL,
    )
    .await
    .unwrap();
    assert_eq!(
        code(svc::enrol(&leader, course.course.id, Some(wang.learner.id)).await),
        "FORBIDDEN"
    );
    let csv = "姓名,出生日期,院落,电话\n赵六,1950-01-01,花园颐院,\n";
    assert_eq!(
        code(svc::import_residents(&leader, csv.as_bytes(), &HashMap::new()).await),
        "FORBIDDEN"
    );
}
