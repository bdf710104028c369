//! A resident's and a guardian's day in a real browser: enrolling oneself and a child, then the
//! resident's pages at 200% zoom — checked through the API, accessibility checked on every page.

use serde_json::json;

use crate::TestApp;
use crate::console::{course_id, district_with_officer, onboard_liuli, taichi};
use crate::console_browser::Browser;

#[tokio::test]
async fn a_resident_and_a_guardian_enrol_and_read_at_200_percent() {
    let app = TestApp::spawn().await;
    let root = district_with_officer(&app).await;
    onboard_liuli(&app, &root).await;
    let staff = app.member(&root, "liuli-staff", "STAFF", "liuli").await;
    app.member(&root, "liuli-resident", "RESIDENT", "liuli")
        .await;
    taichi(&app, &staff).await;
    let dir = crate::temp_dir("console-resident");
    let b = Browser::open(&app.base(), &dir).await;
    b.goto("").await;

    // A resident enrols; then, as a guardian, enrols a child. Large type, and at 200% zoom
    // (half the CSS width) nothing scrolls sideways.
    b.sign_in("liuli-resident", "password-123").await;
    b.wait_text("我的课表").await;
    b.goto("#/r/liuli/courses").await;
    b.wait_text("太极拳").await;
    b.assert_accessible("resident courses").await;
    b.click("报名").await;
    b.wait_text("报名成功：太极拳").await;
    b.click("添加孩子").await;
    b.fill("name", "小明").await;
    b.set_value("birthDate", "2018-05-01").await;
    b.click("添加").await;
    b.click("小明").await;
    b.wait_text("为小明报名").await;
    let choices = b
        .eval("return [...document.querySelectorAll('[role=radio]')].map(l => l.innerText.trim())")
        .await;
    assert_eq!(
        choices,
        json!(["我自己", "小明"]),
        "one's own record is not a child in care"
    );
    b.click("报名").await;
    b.wait_text("报名成功：太极拳").await;
    // The message of the first enrolment may still be on screen: wait for the child's seat
    // through the API rather than for the words.
    let course = course_id(&app, &staff).await;
    let started = std::time::Instant::now();
    let seats = loop {
        let seats = app
            .ok(
                Some(&staff),
                Some("liuli"),
                "query($c: ID!) { course(id: $c) { capacity enrolledCount sessions { place } } }",
                json!({"c": course}),
            )
            .await;
        if seats["course"]["enrolledCount"] == 2 || started.elapsed().as_secs() > 15 {
            break seats;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    };
    assert_eq!(
        seats["course"],
        json!({"capacity": 12, "enrolledCount": 2, "sessions": [{"place": "百文斋"}]}),
        "the course as staff typed it, with the resident and the child"
    );
    let roster = app
        .ok(
            Some(&staff),
            Some("liuli"),
            "query($c: ID!) { courseRoster(courseId: $c) { learnerName status } }",
            json!({"c": course}),
        )
        .await;
    let names: Vec<&str> = roster["courseRoster"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["learnerName"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 2, "{roster}");
    assert!(names.contains(&"小明"), "{roster}");
    b.screenshot("06-resident").await;
    b.client.set_window_size(640, 900).await.unwrap();
    b.goto("#/r/liuli/courses").await;
    b.wait_text("我已报名的课程").await;
    b.assert_no_sideways_scroll("resident courses at 200%")
        .await;
    b.assert_accessible("resident courses at 200%").await;
    b.screenshot("07-resident-200-percent").await;
    for tab in ["bookings", "points", "demands"] {
        b.goto(&format!("#/r/liuli/{tab}")).await;
        tokio::time::sleep(std::time::Duration::from_millis(800)).await;
        b.assert_no_sideways_scroll(tab).await;
        b.assert_accessible(tab).await;
        b.screenshot(&format!("11-resident-{tab}-200-percent"))
            .await;
    }
    b.client.set_window_size(1280, 900).await.unwrap();
    b.sign_out().await;
}
