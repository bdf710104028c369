//! A teacher who is not staff, in a real browser (issue 31: "teachers, for their own
//! courses"): they land on the courses they teach — not another course, no staff page — take
//! the roster of their own course and see their calendar; axe on each page.

use serde_json::{Value, json};

use crate::TestApp;
use crate::console::{district_with_officer, onboard_liuli};
use crate::console_browser::Browser;

#[tokio::test]
async fn a_teacher_sees_only_their_own_courses() {
    let app = TestApp::spawn().await;
    let root = district_with_officer(&app).await;
    onboard_liuli(&app, &root).await;
    let staff = app.member(&root, "liuli-staff", "STAFF", "liuli").await;
    let teacher = app.member(&root, "liuli-teacher", "TEACHER", "liuli").await;
    let q = |token: &str, query: &str, vars: Value| {
        let (app, token, query) = (&app, token.to_owned(), query.to_owned());
        async move { app.ok(Some(&token), Some("liuli"), &query, vars).await }
    };
    let account =
        q(&teacher, "{ me { account { id } } }", json!({})).await["me"]["account"]["id"].clone();
    let record = q(
        &staff,
        r#"mutation($a: ID!) { createTeacher(input: {name: "周老师", kind: EXPERT, accountId: $a}) { id } }"#,
        json!({"a": account}),
    )
    .await["createTeacher"]["id"]
        .clone();
    q(
        &staff,
        r#"mutation { addCourseCategory(code: "art", name: "书画") { code } }"#,
        json!({}),
    )
    .await;
    let mut courses = Vec::new();
    for (title, teachers) in [("书法", json!([record])), ("合唱", json!([]))] {
        let c = q(
            &staff,
            "mutation($t: String!, $ts: [ID!]!) { createCourse(input: {title: $t, category: \"art\", audience: ALL, format: LECTURE, capacity: 20, teacherIds: $ts}) { id } }",
            json!({"t": title, "ts": teachers}),
        )
        .await["createCourse"]["id"]
            .clone();
        courses.push(c);
    }
    let learner = q(
        &staff,
        r#"mutation { registerResident(input: {name: "王秀英"}) { id } }"#,
        json!({}),
    )
    .await["registerResident"]["id"]
        .clone();
    q(
        &staff,
        "mutation($c: ID!, $l: ID!) { enrol(courseId: $c, learnerId: $l) { status } }",
        json!({"c": courses[0], "l": learner}),
    )
    .await;
    q(
        &staff,
        "mutation($c: ID!, $at: DateTime!) { addSessions(input: {courseId: $c, firstStartsAt: $at, durationMinutes: 90, place: \"书画室\"}) { id } }",
        json!({"c": courses[0], "at": crate::two_days_ahead()}),
    )
    .await;
    // The API's own list agrees: the teacher's holds 书法 alone.
    let mine = q(
        &teacher,
        "{ courses(first: 10, taughtByMe: true) { nodes { title } } }",
        json!({}),
    )
    .await;
    assert_eq!(mine["courses"]["nodes"], json!([{"title": "书法"}]));

    let dir = crate::temp_dir("console-teacher");
    let b = Browser::open(&app.base(), &dir).await;
    b.sign_in("liuli-teacher", "password-123").await;
    b.wait_text("书法").await;
    let page = b.body_text().await;
    assert!(
        !page.contains("合唱") && !page.contains("新建课程") && !page.contains("居民库与代办"),
        "{page}"
    );
    b.row_button("书法", "课表与名单")
        .await
        .click()
        .await
        .unwrap();
    b.wait_text("名单与点名").await;
    b.wait_text("王秀英").await;
    assert!(
        !b.body_text().await.contains("停课"),
        "no staff's timetable work"
    );
    b.click_css("[aria-label='到课: 王秀英']").await;
    b.assert_accessible("a teacher's course").await;
    b.screenshot("49-teacher-course").await;
    b.goto("#/c/liuli/calendar").await;
    b.wait_text("周视图").await;
    b.assert_accessible("a teacher's calendar").await;
    let sessions = q(
        &staff,
        "query($c: ID!) { course(id: $c) { sessions { id } } }",
        json!({"c": courses[0]}),
    )
    .await;
    // The mark the teacher made, once its request has landed.
    let started = std::time::Instant::now();
    while q(
        &teacher,
        "query($s: ID!) { sessionAttendance(sessionId: $s) }",
        json!({"s": sessions["course"]["sessions"][0]["id"]}),
    )
    .await["sessionAttendance"]
        != json!([learner])
    {
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    b.sign_out().await;
}
