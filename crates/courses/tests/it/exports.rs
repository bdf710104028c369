//! The monthly ledger (XLSX) and the sign-in sheet (PDF) are read back and hold the figures
//! of the database.

use calamine::{Data, Reader, Xlsx};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use courses::model::{Audience, EventKind, Format};
use courses::service::{self as svc, CourseParts, EventInput, Occasion, SessionsInput};
use lopdf::content::Content;

use crate::{Env, course_input};

fn may(day: u32, hour: u32) -> DateTime<Utc> {
    // 2031-05-<day> <hour>:00 in Chengdu
    Utc.with_ymd_and_hms(2031, 5, day, hour - 8, 0, 0).unwrap()
}

async fn sessions(
    staff: &tenancy::CommunityCtx,
    course: uuid::Uuid,
    at: DateTime<Utc>,
    weeks: i32,
) -> Vec<uuid::Uuid> {
    svc::add_sessions(
        staff,
        SessionsInput {
            course_id: course,
            first_starts_at: at,
            duration_minutes: 90,
            weeks,
            place: "百文斋".into(),
        },
    )
    .await
    .unwrap()
    .into_iter()
    .map(|s| s.id)
    .collect()
}

/// The text of every `Tj` of a PDF, decoded from UCS-2, page by page.
fn pdf_text(bytes: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    doc.get_pages()
        .values()
        .map(|page| {
            let content = Content::decode(&doc.get_page_content(*page).unwrap()).unwrap();
            content
                .operations
                .iter()
                .filter(|op| op.operator == "Tj")
                .map(|op| match &op.operands[0] {
                    lopdf::Object::String(b, _) => {
                        let units: Vec<u16> = b
                            .chunks(2)
                            .map(|c| u16::from_be_bytes([c[0], c[1]]))
                            .collect();
                        String::from_utf16(&units).unwrap()
                    }
                    other => panic!("{other:?}"),
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect()
}

#[tokio::test]
async fn the_monthly_ledger_holds_the_figures_of_the_database() {
    let env = Env::new().await;
    let staff = env.staff();
    let a = svc::create_course(
        &staff,
        course_input("太极拳", 10, Audience::All),
        CourseParts::ALL,
    )
    .await
    .unwrap()
    .course;
    let mut paid = course_input("香薰手工", 10, Audience::All);
    paid.public_benefit = false;
    paid.fee_cents = 5000;
    let b = svc::create_course(&staff, paid, CourseParts::ALL)
        .await
        .unwrap()
        .course;
    let mut lecture = course_input("健康养生讲座", 100, Audience::All);
    lecture.format = Format::Lecture;
    let l = svc::create_course(&staff, lecture, CourseParts::ALL)
        .await
        .unwrap()
        .course;

    let sa = sessions(&staff, a.id, may(6, 19), 3).await;
    let sb = sessions(&staff, b.id, may(8, 15), 1).await;
    let sl = sessions(&staff, l.id, may(10, 9), 1).await;
    // A session of June is not in May's ledger.
    sessions(
        &staff,
        a.id,
        Utc.with_ymd_and_hms(2031, 6, 3, 11, 0, 0).unwrap(),
        1,
    )
    .await;
    let residents: Vec<_> = (0..3)
        .map(|i| env.scope(&env.alpha, &format!("学员{i}"), &[]))
        .collect();
    let mut learners = Vec::new();
    for r in &residents {
        learners.push(
            svc::enrol(r, a.id, None)
                .await
                .unwrap()
                .enrolment
                .learner_id,
        );
    }
    let lb = svc::enrol(&residents[0], b.id, None)
        .await
        .unwrap()
        .enrolment
        .learner_id;
    svc::mark_attendance(&staff, sa[0], learners[0], true)
        .await
        .unwrap();
    svc::mark_attendance(&staff, sa[0], learners[1], true)
        .await
        .unwrap();
    svc::mark_attendance(&staff, sa[0], learners[2], false)
        .await
        .unwrap();
    svc::mark_attendance(&staff, sa[1], learners[2], true)
        .await
        .unwrap();
    svc::mark_attendance(&staff, sb[0], lb, true).await.unwrap();
    svc::cancel_session(&staff, sa[2], Some("暴雨"))
        .await
        .unwrap();
    svc::tally_walk_ins(&staff, Occasion::Session(sl[0]), 30)
        .await
        .unwrap();
    let show = svc::create_event(
        &staff,
        EventInput {
            title: "迎新春展演".into(),
            kind: EventKind::Performance,
            starts_at: may(20, 14),
            duration_minutes: 120,
            place: "百姓舞台".into(),
            capacity: None,
            attendance_target: None,
        },
    )
    .await
    .unwrap();
    svc::tally_walk_ins(&staff, Occasion::Event(show.id), 100)
        .await
        .unwrap();
    svc::walk_in(&staff, Occasion::Event(show.id), Some(learners[0]))
        .await
        .unwrap();

    // The figures as the database has them, counted here independently of the ledger.
    let mut tx = env.db.tenant_tx(&env.alpha).await.unwrap();
    let (present, session_walk_ins, event_people): (i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM attendance a JOIN course_sessions s ON s.id = a.session_id
                  WHERE a.present AND s.status = 'scheduled' AND s.starts_at < '2031-06-01'),
                (SELECT sum(head_count)::int8 FROM walk_ins WHERE session_id IS NOT NULL),
                (SELECT sum(head_count)::int8 FROM walk_ins WHERE event_id IS NOT NULL)",
    )
    .fetch_one(&mut *tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
    assert_eq!((present, session_walk_ins, event_people), (4, 30, 101));

    let month = NaiveDate::from_ymd_opt(2031, 5, 1).unwrap();
    let t = svc::monthly_ledger(&staff, month).await.unwrap().totals();
    assert_eq!(
        (t.courses, t.sessions_held, t.sessions_cancelled),
        (3, 4, 1)
    );
    assert_eq!(t.session_attendance, present + session_walk_ins);
    assert_eq!((t.events, t.event_attendance), (1, event_people));
    assert_eq!(t.public_benefit_share, 0.75);

    // The workbook, fetched through its link and read back.
    let file = svc::export_monthly_ledger(&staff, month).await.unwrap();
    assert!(
        file.filename.ends_with("2031年5月台账.xlsx"),
        "{}",
        file.filename
    );
    let bytes = reqwest::get(&file.url)
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let summary = book.worksheet_range("汇总").unwrap();
    let figure = |name: &str| {
        summary
            .rows()
            .find(|r| r[0] == Data::String(name.into()))
            .map(|r| r[1].clone())
            .unwrap_or_else(|| panic!("no {name}"))
    };
    assert_eq!(figure("开课门数"), Data::Float(3.0));
    assert_eq!(figure("上课节次"), Data::Float(4.0));
    assert_eq!(
        figure("课程人次"),
        Data::Float((present + session_walk_ins) as f64)
    );
    assert_eq!(figure("活动人次"), Data::Float(event_people as f64));
    assert_eq!(figure("公益课占比"), Data::Float(0.75));
    let rows = book.worksheet_range("课次").unwrap();
    assert_eq!(rows.height(), 1 + 5, "header and five May sessions");
    let cancelled = rows
        .rows()
        .filter(|r| r[6] == Data::String("已取消".into()))
        .count();
    assert_eq!(cancelled, 1);
    let events = book.worksheet_range("活动").unwrap();
    assert_eq!(events.get((1, 1)), Some(&Data::String("迎新春展演".into())));
    assert_eq!(events.get((1, 5)), Some(&Data::Float(101.0)));
    // Residents cannot export the ledger.
    assert_eq!(
        crate::code(svc::export_monthly_ledger(&residents[0], month).await),
        "FORBIDDEN"
    );
}

#[tokio::test]
async fn the_sign_in_sheet_lists_every_enrolled_learner_across_pages() {
    let env = Env::new().await;
    let staff = env.staff();
    let c = svc::create_course(
        &staff,
        course_input("快板", 40, Audience::All),
        CourseParts::ALL,
    )
    .await
    .unwrap()
    .course;
    let s = sessions(&staff, c.id, may(6, 19), 1).await;
    let mut names = Vec::new();
    for i in 0..30 {
        let name = format!("居民{i:02}");
        let r = env.scope(&env.alpha, &name, &[]);
        let e = svc::enrol(&r, c.id, None).await.unwrap();
        if i < 2 {
            svc::mark_attendance(&staff, s[0], e.enrolment.learner_id, true)
                .await
                .unwrap();
        }
        names.push(name);
    }
    let sheet = svc::sign_in_sheet(&staff, s[0]).await.unwrap();
    let pdf = courses::exports::pdf::sign_in_sheet(&sheet).unwrap();
    // To look at it: SIGN_IN_SHEET_OUT=/tmp/sheet.pdf cargo test … sign_in_sheet
    if let Ok(path) = std::env::var("SIGN_IN_SHEET_OUT") {
        std::fs::write(path, &pdf).unwrap();
    }
    let pages = pdf_text(&pdf);
    assert_eq!(pages.len(), 2, "26 rows on a page");
    let all = pages.join("\n");
    assert!(
        all.contains("社区学院签到表") && all.contains("课程：快板"),
        "{}",
        pages[0]
    );
    assert!(all.contains("2031年05月06日 19:00"), "{}", pages[0]);
    for n in &names {
        assert!(all.contains(n.as_str()), "{n} missing");
    }
    assert_eq!(all.matches("已到").count(), 2);
    assert!(pages[1].contains("共 30 人") && pages[1].contains("第 2 / 2 页"));
    // Through its link too; a resident may not print it.
    let file = svc::print_sign_in_sheet(&staff, s[0]).await.unwrap();
    let fetched = reqwest::get(&file.url)
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(pdf_text(&fetched).join("\n").matches("居民").count(), 30);
    let r = env.scope(&env.alpha, "居民00", &[]);
    assert_eq!(
        crate::code(svc::print_sign_in_sheet(&r, s[0]).await),
        "FORBIDDEN"
    );
}
