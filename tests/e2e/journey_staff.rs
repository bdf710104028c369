//! Community staff's day in a real browser: a course made with the keyboard, its timetable and
//! QR code, volunteer hours verified, a room's request approved, and every staff page — checked
//! through the API, accessibility checked on every page.

use serde_json::json;

use crate::TestApp;
use crate::console::{district_with_officer, onboard_liuli};
use crate::console_browser::Browser;

#[tokio::test]
async fn staff_run_a_course_the_time_bank_and_the_rooms() {
    let app = TestApp::spawn().await;
    let root = district_with_officer(&app).await;
    onboard_liuli(&app, &root).await;

    // People of 琉璃社区: staff, a resident who is also a guardian, a volunteer with hours.
    let staff = app.member(&root, "liuli-staff", "STAFF", "liuli").await;
    let _resident = app
        .member(&root, "liuli-resident", "RESIDENT", "liuli")
        .await;
    let volunteer = app
        .member(&root, "liuli-volunteer", "RESIDENT", "liuli")
        .await;
    let v = app
        .ok(
            Some(&volunteer),
            Some("liuli"),
            "mutation { registerVolunteer(skills: [\"助老\"]) { id } }",
            json!({}),
        )
        .await;
    let volunteer_id = v["registerVolunteer"]["id"].as_str().unwrap().to_string();
    app.ok(
        Some(&staff),
        Some("liuli"),
        "mutation($v: ID!) { setVolunteerStatus(volunteerId: $v, status: ACTIVE) { id } }",
        json!({"v": volunteer_id}),
    )
    .await;
    app.ok(
        Some(&staff),
        Some("liuli"),
        "mutation { createVolunteerPostType(code: \"elder\", name: \"助老\") { code } }",
        json!({}),
    )
    .await;
    let post = app.ok(Some(&staff), Some("liuli"), "mutation { createVolunteerPost(typeCode: \"elder\", title: \"助老探访\", pointsPerHour: 10) { id } }", json!({})).await;
    let today = (chrono::Utc::now() + chrono::Duration::hours(8))
        .date_naive()
        .to_string();
    app.ok(Some(&volunteer), Some("liuli"), "mutation($p: ID!, $d: Date!) { recordVolunteerHours(input: {postId: $p, servedOn: $d, minutes: 90}) { id } }", json!({"p": post["createVolunteerPost"]["id"], "d": today})).await;

    // A survey with an answer, an exhibition with a work, a demand: the staff pages have data.
    let survey = app.ok(Some(&staff), Some("liuli"), "mutation { createSurvey(input: {title: \"想学什么\", threshold: 1, questions: [{kind: MULTIPLE, prompt: \"想学的课\", options: [\"书法\", \"太极\"]}]}) }", json!({})).await;
    let survey_id = survey["createSurvey"].clone();
    let question = app
        .ok(
            Some(&volunteer),
            Some("liuli"),
            "{ surveys(first: 5) { edges { node { questions { id } } } } }",
            json!({}),
        )
        .await;
    app.ok(Some(&volunteer), Some("liuli"), "mutation($s: ID!, $q: ID!) { answerSurvey(surveyId: $s, answers: [{questionId: $q, choices: [1]}]) }", json!({"s": survey_id, "q": question["surveys"]["edges"][0]["node"]["questions"][0]["id"]})).await;
    let author = app
        .ok(
            Some(&staff),
            Some("liuli"),
            "mutation { registerResident(input: {name: \"李秀兰\"}) { id } }",
            json!({}),
        )
        .await;
    let exhibition = app.ok(Some(&staff), Some("liuli"), "mutation { createExhibition(title: \"迎春书画展\", kind: PAINTING, startsOn: \"2026-12-01\", endsOn: \"2027-01-31\") { id } }", json!({})).await;
    app.ok(Some(&staff), Some("liuli"), "mutation($x: ID!, $l: ID!) { addWork(exhibitionId: $x, learnerId: $l, title: \"墨竹\") { id } }", json!({"x": exhibition["createExhibition"]["id"], "l": author["registerResident"]["id"]})).await;
    app.ok(
        Some(&volunteer),
        Some("liuli"),
        "mutation { submitDemand(input: {title: \"楼道灯不亮\", category: \"设施维修\"}) { id } }",
        json!({}),
    )
    .await;

    // A room that needs approval, and a resident's request for it.
    let room = app.open_space(&staff, "liuli", "书画室").await;
    app.ok(Some(&staff), Some("liuli"), "mutation($s: ID!) { setSpaceRules(input: {spaceId: $s, capacity: 20, bookableBy: RESIDENTS, windowDays: 30, minMinutes: 30, maxMinutes: 240, needsApproval: true}) { id } }", json!({"s": room})).await;
    let asked = app.ok(Some(&volunteer), Some("liuli"), "mutation($s: ID!, $t: DateTime!) { bookSpace(input: {spaceId: $s, startsAt: $t, minutes: 60, purpose: \"书法练习\", attendance: 6}) { id status } }", json!({"s": room, "t": crate::two_days_ahead()})).await;
    assert_eq!(asked["bookSpace"][0]["status"], "REQUESTED");

    let dir = crate::temp_dir("console-staff");
    let b = Browser::open(&app.base(), &dir).await;
    b.goto("").await;
    // Staff: a new course, its first session, its QR code on the whole screen.
    b.sign_in("liuli-staff", "password-123").await;
    b.wait_text("琉璃社区").await;
    // The keyboard reaches 新建课程 and opens it.
    let mut reached = false;
    for _ in 0..40 {
        b.client
            .active_element()
            .await
            .unwrap()
            .send_keys(crate::console_browser::TAB)
            .await
            .unwrap();
        if b.eval("return document.activeElement.innerText").await == json!("新建课程") {
            reached = true;
            break;
        }
    }
    assert!(reached, "Tab reaches 新建课程");
    b.client
        .active_element()
        .await
        .unwrap()
        .send_keys(crate::console_browser::ENTER)
        .await
        .unwrap();
    b.fill("title", "太极拳").await;
    b.choose("category", "健康养生").await;
    b.fill("capacity", "12").await;
    b.assert_accessible("new course").await;
    b.screenshot("03-staff-new-course").await;
    b.click("创建").await;
    b.wait_text("课程已创建").await;
    // Its first session tomorrow at 09:00 (the scheduler's defaults), once.
    b.row_button("太极拳", "课表与名单")
        .await
        .click()
        .await
        .unwrap();
    b.click("排课").await;
    b.fill("place", "百文斋").await;
    b.fill("count", "1").await;
    b.click("保存课表").await;
    b.wait_text("已排 1 次课").await;
    b.click("签到二维码").await;
    b.css(".qr-code svg").await;
    b.screenshot("04-staff-qr-code").await;
    b.click("关闭").await;
    b.assert_accessible("course timetable and roster").await;

    // Staff verify the volunteer's hours: the points are paid.
    b.goto("#/c/liuli/hours").await;
    b.wait_text("助老探访").await;
    b.assert_accessible("volunteer hours").await;
    b.screenshot("05-staff-hours").await;
    b.css(".ant-table-tbody .ant-checkbox-input")
        .await
        .click()
        .await
        .unwrap();
    b.click("核验所选（1）").await;
    b.wait_text("已核验 1 条，发放 15 积分").await;
    let statement = app
        .ok(
            Some(&volunteer),
            Some("liuli"),
            "{ volunteerStatement { verifiedMinutes pointsEarned } }",
            json!({}),
        )
        .await;
    assert_eq!(
        statement["volunteerStatement"],
        json!({"verifiedMinutes": 90, "pointsEarned": 15})
    );
    // Staff approve the room's request from the bookings page.
    b.goto("#/c/liuli/bookings").await;
    b.wait_text("书法练习").await;
    b.assert_accessible("bookings").await;
    b.screenshot("09-staff-bookings").await;
    b.click("同意").await;
    b.wait_text("没有待审批的预约").await;
    let mine = app
        .ok(
            Some(&volunteer),
            Some("liuli"),
            "{ myBookings { status } }",
            json!({}),
        )
        .await;
    assert_eq!(mine["myBookings"], json!([{"status": "APPROVED"}]));
    for (tab, shows) in [
        ("surveys", "太极：1"),
        ("exhibitions", "墨竹 · 李秀兰"),
        ("accounts", "张三"),
        ("partners", "没有待审批的申请"),
        ("demands", "楼道灯不亮"),
    ] {
        b.goto(&format!("#/c/liuli/{tab}")).await;
        b.wait_text(shows).await;
        b.assert_accessible(tab).await;
        b.screenshot(&format!("10-staff-{tab}")).await;
    }
    b.sign_out().await;
}
