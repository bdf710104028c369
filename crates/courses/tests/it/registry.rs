//! The resident registry: entered and found by workers, imported with a report per row, phone
//! numbers never in plaintext, linked to the resident's own account, acted for (代办).

use std::collections::HashMap;

use chrono::NaiveDate;
use courses::model::Audience;
use courses::service::{
    self as svc, CourseParts, LinkOutcome, ResidentInput, ResidentSearch, RowOutcome,
};
use tenancy::Role;
use tenancy::model::CourtyardKind;

use crate::{Env, code, course_input};

fn resident(name: &str, born: Option<(i32, u32, u32)>, phone: Option<&str>) -> ResidentInput {
    ResidentInput {
        name: name.into(),
        birth_date: born.map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap()),
        courtyard_id: None,
        phone: phone.map(Into::into),
        household: None,
    }
}

#[tokio::test]
async fn workers_enter_and_find_residents_and_phone_numbers_stay_encrypted() {
    let env = Env::new().await;
    let t = tenancy::Tenancy::new(env.db.clone(), env.secrets.clone(), Default::default());
    let staff = env.staff();
    let yard = t
        .create_courtyard(&staff, "花园颐院", CourtyardKind::Courtyard, None)
        .await
        .unwrap();
    let (yard2, elsewhere) = (
        t.create_courtyard(&staff, "花园二院", CourtyardKind::Courtyard, None)
            .await
            .unwrap(),
        t.create_courtyard(&staff, "三网格", CourtyardKind::Grid, None)
            .await
            .unwrap(),
    );
    let grid = env.scope(&env.alpha, "网格员小李", &[Role::GridWorker]);
    // 小李 serves two courtyards; 三网格 is another grid worker's.
    env.assign_grids(&env.alpha, grid.access().account_id, &[yard.id, yard2.id])
        .await;
    let in_yard2 = |r: ResidentInput| ResidentInput {
        courtyard_id: Some(yard2.id),
        ..r
    };
    let wang = svc::register_resident(
        &grid,
        ResidentInput {
            courtyard_id: Some(yard.id),
            ..resident("王秀英", Some((1948, 3, 5)), Some("138-1234-5678"))
        },
    )
    .await
    .unwrap();
    assert_eq!(wang.phone_masked.as_deref(), Some("138****5678"));
    assert_eq!(wang.learner.registered_by, Some(grid.access().account_id));
    svc::register_resident(
        &grid,
        in_yard2(resident("王小明", Some((2015, 6, 1)), None)),
    )
    .await
    .unwrap();
    svc::register_resident(
        &grid,
        in_yard2(resident("李建国", Some((1960, 1, 1)), Some("13900001111"))),
    )
    .await
    .unwrap();
    // Outside his grids he enters nobody, with a grid or without one; staff do.
    for courtyard_id in [Some(elsewhere.id), None] {
        let outside = ResidentInput {
            courtyard_id,
            ..resident("王外", Some((1950, 1, 1)), None)
        };
        assert_eq!(
            code(svc::register_resident(&grid, outside).await),
            "FORBIDDEN"
        );
    }
    let neighbour = svc::register_resident(
        &staff,
        ResidentInput {
            courtyard_id: Some(elsewhere.id),
            ..resident("王外婆", Some((1941, 2, 2)), None)
        },
    )
    .await
    .unwrap();
    // The same phone number again: the resident is there already.
    let again = svc::register_resident(
        &grid,
        in_yard2(resident("王秀英", None, Some("13812345678"))),
    )
    .await;
    assert_eq!(code(again), "CONFLICT");

    let find = |s: ResidentSearch| {
        let grid = grid.clone();
        async move {
            let mut names: Vec<String> = svc::residents(&grid, s, None, 50)
                .await
                .unwrap()
                .into_iter()
                .map(|r| r.learner.name)
                .collect();
            names.sort();
            names
        }
    };
    assert_eq!(
        find(ResidentSearch {
            name: Some("王".into()),
            ..Default::default()
        })
        .await,
        ["王小明", "王秀英"]
    );
    assert_eq!(
        find(ResidentSearch {
            courtyard_id: Some(yard.id),
            ..Default::default()
        })
        .await,
        ["王秀英"]
    );
    assert_eq!(
        find(ResidentSearch {
            min_age: Some(70),
            ..Default::default()
        })
        .await,
        ["王秀英"]
    );
    assert_eq!(
        find(ResidentSearch {
            min_age: Some(60),
            max_age: Some(69),
            ..Default::default()
        })
        .await,
        ["李建国"]
    );
    assert_eq!(
        find(ResidentSearch {
            phone: Some("13900001111".into()),
            ..Default::default()
        })
        .await,
        ["李建国"]
    );
    assert_eq!(
        find(ResidentSearch {
            name: Some("%".into()),
            ..Default::default()
        })
        .await,
        Vec::<String>::new()
    );
    // Staff find 王外婆 of 三网格; 小李 does not, by any filter, nor acts for her.
    let everyone = svc::residents(&staff, ResidentSearch::default(), None, 50)
        .await
        .unwrap();
    assert_eq!(everyone.len(), 4);
    for s in [
        ResidentSearch {
            name: Some("王外".into()),
            ..Default::default()
        },
        ResidentSearch {
            courtyard_id: Some(elsewhere.id),
            ..Default::default()
        },
    ] {
        assert_eq!(find(s).await, Vec::<String>::new());
    }
    let c = svc::create_course(
        &staff,
        course_input("八段锦", 10, Audience::All),
        CourseParts::ALL,
    )
    .await
    .unwrap()
    .course;
    assert_eq!(
        code(svc::enrol(&grid, c.id, Some(neighbour.learner.id)).await),
        "FORBIDDEN"
    );
    let resident_ctx = env.scope(&env.alpha, "居民", &[]);
    assert_eq!(
        code(svc::residents(&resident_ctx, ResidentSearch::default(), None, 10).await),
        "FORBIDDEN"
    );

    // In the database the number is neither in plaintext nor reversible without the key.
    let mut tx = env.db.tenant_tx(&env.alpha).await.unwrap();
    let stored: Vec<(Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT phone_encrypted, phone_lookup FROM learners WHERE phone_lookup IS NOT NULL",
    )
    .fetch_all(&mut *tx)
    .await
    .unwrap();
    assert_eq!(stored.len(), 2);
    for (enc, lookup) in stored {
        assert!(!enc.unwrap().contains("5678") && !lookup.unwrap().contains("5678"));
    }
    tx.commit().await.unwrap();

    // A grid worker enrols an elder for her (代办); she links her account later and sees it.
    let c = svc::create_course(
        &staff,
        course_input("太极拳", 10, Audience::All),
        CourseParts::ALL,
    )
    .await
    .unwrap()
    .course;
    let e = svc::enrol(&grid, c.id, Some(wang.learner.id))
        .await
        .unwrap();
    assert_eq!(e.enrolment.learner_id, wang.learner.id);
    // She signs up with the number staff know (an account made by an administrator: its
    // number is verified) and links her record by her name; a wrong name only asks staff.
    let t = tenancy::Tenancy::new(env.db.clone(), env.secrets.clone(), Default::default());
    let account = t
        .create_account(
            tenancy::Actor::Operator,
            tenancy::NewAccountInput {
                login_name: "wang-xiuying".into(),
                display_name: "王秀英".into(),
                password: "password-123".into(),
                phone: Some("13812345678".into()),
            },
        )
        .await
        .unwrap();
    let her = env.account_scope(&env.alpha, account.id, "王秀英");
    assert!(matches!(
        svc::link_my_record(&t, &her, "王秀", None).await.unwrap(),
        LinkOutcome::Pending
    ));
    let LinkOutcome::Linked(linked) = svc::link_my_record(&t, &her, "王秀英", None).await.unwrap()
    else {
        panic!("her verified number links her record")
    };
    assert_eq!(linked.id, wang.learner.id);
    assert_eq!(
        svc::my_enrolments(&her).await.unwrap()[0].course_title,
        "太极拳"
    );
    // Someone who knows her name and number only asks staff; the record stays hers.
    let someone = env.scope(&env.alpha, "冒名者", &[]);
    assert!(matches!(
        svc::link_my_record(&t, &someone, "王秀英", Some("13812345678"))
            .await
            .unwrap(),
        LinkOutcome::Pending
    ));
    // A resident cannot act for another resident.
    assert_eq!(
        code(svc::enrol(&someone, c.id, Some(wang.learner.id)).await),
        "FORBIDDEN"
    );
}

#[tokio::test]
async fn an_import_reports_every_row_and_a_second_run_adds_nothing() {
    let env = Env::new().await;
    let t = tenancy::Tenancy::new(env.db.clone(), env.secrets.clone(), Default::default());
    let staff = env.staff();
    let yard = t
        .create_courtyard(&staff, "花园颐院", CourtyardKind::Courtyard, None)
        .await
        .unwrap();
    let courtyards: HashMap<String, uuid::Uuid> = [("花园颐院".to_string(), yard.id)].into();

    // An XLSX as a worker's spreadsheet would be: a date cell, a number cell for the phone.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, h) in ["姓名", "出生日期", "院落", "手机号"].iter().enumerate() {
        sheet.write_string(0, col as u16, *h).unwrap();
    }
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(1950, 3, 5).unwrap();
    let fmt = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    sheet.write_string(1, 0, "张桂兰").unwrap();
    sheet.write_datetime_with_format(1, 1, &date, &fmt).unwrap();
    sheet.write_string(1, 2, "花园颐院").unwrap();
    sheet.write_number(1, 3, 13700001234.0).unwrap();
    sheet.write_string(2, 0, "赵大爷").unwrap();
    sheet.write_string(2, 1, "1946/12/1").unwrap();
    sheet.write_string(2, 3, "12345").unwrap(); // not a phone number
    sheet.write_string(3, 0, "钱奶奶").unwrap();
    sheet.write_string(3, 2, "不存在的院子").unwrap();
    sheet.write_string(4, 0, "孙阿姨").unwrap();
    sheet.write_string(4, 3, "137 0000 1234").unwrap(); // 张桂兰's number again
    sheet.write_string(5, 0, "").unwrap();
    sheet.write_string(6, 0, "周叔叔").unwrap();
    sheet.write_string(6, 1, "明天").unwrap();
    let xlsx = book.save_to_buffer().unwrap();

    let report = svc::import_residents(&staff, &xlsx, &courtyards)
        .await
        .unwrap();
    let outcomes: Vec<(usize, String)> = report
        .rows
        .iter()
        .map(|(l, o)| {
            (
                *l,
                match o {
                    RowOutcome::Created(_) => "created".to_string(),
                    RowOutcome::Existing(_) => "existing".into(),
                    RowOutcome::Invalid(zh, _) => format!("invalid: {zh}"),
                },
            )
        })
        .collect();
    assert_eq!(outcomes[0], (2, "created".into()));
    assert!(outcomes[1].1.starts_with("invalid: 手机号"), "{outcomes:?}");
    assert!(outcomes[2].1.contains("院落"), "{outcomes:?}");
    assert_eq!(outcomes[3], (5, "existing".into()));
    assert_eq!(
        outcomes[4].0, 7,
        "the empty row is skipped, numbers stay the file's"
    );
    assert!(outcomes[4].1.starts_with("invalid"));
    let zhang = svc::residents(
        &staff,
        ResidentSearch {
            name: Some("张桂兰".into()),
            ..Default::default()
        },
        None,
        5,
    )
    .await
    .unwrap();
    assert_eq!(
        zhang[0].learner.birth_date,
        NaiveDate::from_ymd_opt(1950, 3, 5)
    );
    assert_eq!(zhang[0].learner.courtyard_id, Some(yard.id));

    // The same list as CSV: nothing new.
    let csv = "姓名,出生日期,院落,手机号\n张桂兰,1950-03-05,花园颐院,13700001234\n";
    let again = svc::import_residents(&staff, csv.as_bytes(), &courtyards)
        .await
        .unwrap();
    assert!(matches!(again.rows[0].1, RowOutcome::Existing(_)));
    let all = svc::residents(&staff, ResidentSearch::default(), None, 50)
        .await
        .unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(
        code(
            svc::import_residents(
                &env.scope(&env.alpha, "居民", &[]),
                csv.as_bytes(),
                &courtyards
            )
            .await
        ),
        "FORBIDDEN"
    );
}

/// 入户摸底: a grid worker enters the answers of a resident without an account and of one
/// with an account; each counts once, entering again replaces, a resident cannot answer for a
/// neighbour.
#[tokio::test]
async fn grid_workers_enter_survey_answers_for_residents() {
    use courses::model::QuestionKind;
    use courses::service::{AnswerInput, QuestionInput};
    let env = Env::new().await;
    let staff = env.staff();
    let grid = env.scope(&env.alpha, "网格员", &[Role::GridWorker]);
    let t = tenancy::Tenancy::new(env.db.clone(), env.secrets.clone(), Default::default());
    let yard = t
        .create_courtyard(&staff, "一网格", CourtyardKind::Grid, None)
        .await
        .unwrap();
    env.assign_grids(&env.alpha, grid.access().account_id, &[yard.id])
        .await;
    let survey = svc::create_survey(
        &staff,
        "居民需求摸底",
        2,
        None,
        vec![QuestionInput {
            kind: QuestionKind::Single,
            prompt: "想学什么？".into(),
            options: vec!["太极拳".into(), "智能手机".into()],
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
    let pick = |c: i32| {
        vec![AnswerInput {
            question_id: q,
            choices: vec![c],
            text: None,
        }]
    };
    let no_account = svc::register_resident(
        &grid,
        ResidentInput {
            courtyard_id: Some(yard.id),
            ..resident("赵奶奶", Some((1940, 1, 1)), None)
        },
    )
    .await
    .unwrap();
    let with_account = env.scope(&env.alpha, "钱大爷", &[]);
    let his = svc::enrol(
        &with_account,
        svc::create_course(
            &staff,
            course_input("象棋", 5, Audience::All),
            CourseParts::ALL,
        )
        .await
        .unwrap()
        .course
        .id,
        None,
    )
    .await
    .unwrap()
    .enrolment
    .learner_id;
    env.place(&env.alpha, his, yard.id).await;
    svc::answer_survey_for(&grid, survey.id, no_account.learner.id, pick(0))
        .await
        .unwrap();
    svc::answer_survey_for(&grid, survey.id, no_account.learner.id, pick(1))
        .await
        .unwrap(); // replaces
    svc::answer_survey_for(&grid, survey.id, his, pick(1))
        .await
        .unwrap();
    // His own answer later replaces what the worker entered for him.
    svc::answer_survey(
        &with_account,
        survey.id,
        pick(1),
        courses::model::SurveyChannel::InApp,
    )
    .await
    .unwrap();
    let v = svc::surveys(&staff, None, 5, svc::SurveyParts::ALL)
        .await
        .unwrap()
        .remove(0);
    assert_eq!(v.responses, 2);
    assert_eq!(v.questions[0].1, vec![0, 2], "tallies per option");
    let neighbour = env.scope(&env.alpha, "邻居", &[]);
    assert_eq!(
        code(svc::answer_survey_for(&neighbour, survey.id, no_account.learner.id, pick(0)).await),
        "FORBIDDEN"
    );
}
