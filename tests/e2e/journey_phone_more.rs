//! More of a resident's phone (issue 33): volunteering from registering to a shift, an event's
//! registration, a micro-grid post taken on and handed back, the calendar link of one's
//! bookings, a registry record linked, her name corrected, a copy of her data (issue 36) —
//! each checked through the API, axe on every page.

use serde_json::{Value, json};

use crate::TestApp;
use crate::console::{district_with_officer, onboard_liuli};
use crate::console_browser::Browser;

#[tokio::test]
async fn a_resident_volunteers_registers_and_takes_on_a_post_on_a_phone() {
    let app = TestApp::spawn().await;
    let root = district_with_officer(&app).await;
    onboard_liuli(&app, &root).await;
    let staff = app.member(&root, "liuli-staff", "STAFF", "liuli").await;
    let resident = app
        .named_member(&root, "liuli-res", "周阿姨", "RESIDENT", "liuli")
        .await;
    let s = |query: &'static str, vars: Value| {
        let staff = staff.clone();
        let app = &app;
        async move { app.ok(Some(&staff), Some("liuli"), query, vars).await }
    };
    let mine = |query: &'static str| {
        let resident = resident.clone();
        let app = &app;
        async move {
            app.ok(Some(&resident), Some("liuli"), query, json!({}))
                .await
        }
    };
    s(
        "mutation { createVolunteerPostType(code: \"elder\", name: \"助老\") { code } }",
        json!({}),
    )
    .await;
    let post = s("mutation { createVolunteerPost(typeCode: \"elder\", title: \"助老探访\", pointsPerHour: 10) { id } }", json!({})).await
        ["createVolunteerPost"]["id"]
        .clone();
    let tomorrow = (chrono::Utc::now() + chrono::Duration::days(1))
        .format("%Y-%m-%dT02:00:00Z")
        .to_string();
    s("mutation($p: ID!, $t: DateTime!) { addVolunteerShift(input: {postId: $p, startsAt: $t, minutes: 120, place: \"三号院\", needed: 2}) { id } }",
        json!({"p": post, "t": tomorrow})).await;
    s("mutation($t: DateTime!) { createEvent(input: {title: \"邻里百家宴\", kind: ACTIVITY, startsAt: $t, durationMinutes: 120, place: \"广场\", capacity: 30}) { id } }",
        json!({"t": tomorrow})).await;
    let yard = s(
        "mutation { createCourtyard(input: {name: \"三号网格\", kind: GRID}) { id } }",
        json!({}),
    )
    .await["createCourtyard"]["id"]
        .clone();
    let micro = s(
        "mutation($g: ID!) { createMicroGrid(gridId: $g, name: \"3栋\") { id } }",
        json!({"g": yard}),
    )
    .await["createMicroGrid"]["id"]
        .clone();
    s("mutation($m: ID!) { addGridPost(microGridId: $m, title: \"楼栋长\", duties: \"通知到户\") { id } }", json!({"m": micro})).await;
    s("mutation($y: ID!) { registerResident(input: {name: \"周阿姨\", phone: \"13700001234\", courtyardId: $y}) { id } }", json!({"y": yard})).await;

    let dir = crate::temp_dir("console-phone-more");
    let b = Browser::open_phone(&app.base(), &dir).await;
    b.sign_in("liuli-res", "password-123").await;

    // Volunteering: register; staff accept; sign up for the shift.
    b.goto("#/r/liuli/volunteer").await;
    b.fill("skills", "陪聊、理发").await;
    b.click("登记成为志愿者").await;
    b.wait_text("已登记，等待社区确认").await;
    b.assert_accessible("volunteering, registered").await;
    let volunteer =
        s("{ volunteers { id name status } }", json!({})).await["volunteers"][0].clone();
    assert_eq!(volunteer["status"], "APPLICANT", "{volunteer}");
    s(
        "mutation($v: ID!) { setVolunteerStatus(volunteerId: $v, status: ACTIVE) { status } }",
        json!({"v": volunteer["id"]}),
    )
    .await;
    b.reload().await;
    b.wait_text("助老探访").await;
    b.click("报名").await;
    b.wait_text("报名成功").await;
    b.wait_text("退出这个岗位").await;
    b.assert_accessible("volunteering, shifts").await;
    b.screenshot("79-phone-volunteering").await;
    let shifts = s(
        "query($f: DateTime!) { volunteerShifts(from: $f) { signedUp } }",
        json!({"f": chrono::Utc::now().to_rfc3339()}),
    )
    .await;
    assert_eq!(shifts["volunteerShifts"], json!([{"signedUp": 1}]));

    // An event: register.
    b.goto("#/r/liuli/events").await;
    b.wait_text("邻里百家宴").await;
    b.click("报名").await;
    b.wait_text("已报名：邻里百家宴").await;
    b.assert_accessible("events").await;
    let events = s(
        "query($f: Date!) { events(from: $f, days: 3) { title registered } }",
        json!({"f": (chrono::Utc::now() + chrono::Duration::hours(8)).date_naive().to_string()}),
    )
    .await;
    assert_eq!(events["events"][0]["registered"], 1, "{events}");

    // A post of her micro-grid: take it on as a party member, then hand it back.
    b.goto("#/r/liuli/together").await;
    b.choose_native("micro-grid", "3栋").await;
    b.find(fantoccini::Locator::XPath(
        "//label[normalize-space(.)='我是党员']",
    ))
    .await
    .click()
    .await
    .unwrap();
    b.click("认领").await;
    b.wait_text("我担任：楼栋长").await;
    b.assert_accessible("working together").await;
    b.screenshot("80-phone-together").await;
    let held = mine("{ myGridPosts { title heldByPartyMember } }").await;
    assert_eq!(
        held["myGridPosts"],
        json!([{"title": "楼栋长", "heldByPartyMember": true}])
    );
    b.click("交还").await;
    b.wait_text("已交还").await;
    assert_eq!(
        mine("{ myGridPosts { id } }").await["myGridPosts"],
        json!([])
    );

    // Her record, entered by staff, linked (staff confirm: her account has no verified number).
    b.goto("#/r/liuli/record").await;
    b.fill("record-name", "周阿姨").await;
    b.fill("record-phone", "13700001234").await;
    b.click("关联").await;
    b.wait_text("社区工作人员核实后关联").await;
    b.assert_accessible("linking my record").await;
    let asked = s("{ recordLinkRequests { claimedName } }", json!({})).await;
    assert_eq!(asked["recordLinkRequests"][0]["claimedName"], "周阿姨");

    // The calendar link of her bookings.
    b.goto("#/r/liuli/bookings").await;
    b.click("订阅到手机日历").await;
    let feed = mine("{ myCalendarFeed }").await["myCalendarFeed"]
        .as_str()
        .unwrap()
        .to_string();
    b.wait_text(&feed).await;
    b.assert_accessible("my bookings").await;

    // The name Linli shows for her, corrected by herself (PIPL art. 46).
    b.goto("#/r/liuli/profile").await;
    b.fill("name", "周阿姨（三号院）").await;
    b.click("保存").await;
    b.wait_text("已改为「周阿姨（三号院）」").await;
    b.assert_accessible("my details").await;
    let me = mine("{ me { account { displayName } } }").await;
    assert_eq!(me["me"]["account"]["displayName"], "周阿姨（三号院）");
    // Her birth date, recorded once (courses check ages by it).
    b.set_value("birthDate", "1950-03-01").await;
    b.click("记录出生日期").await;
    b.wait_text("出生日期：1950-03-01").await;
    let born = mine("{ myLearners { inCare birthDate } }").await;
    assert_eq!(
        born["myLearners"],
        json!([{"inCare": false, "birthDate": "1950-03-01"}])
    );

    // A copy of her data (PIPL art. 45): the archive the page made holds her volunteer record.
    b.goto("#/r/liuli/my-data").await;
    b.click("下载我的数据").await;
    b.wait_text("已生成").await;
    b.assert_accessible("my data").await;
    b.screenshot("88-phone-my-data").await;
    let link = b
        .find(fantoccini::Locator::LinkText("再次下载"))
        .await
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    let archive = app.zip_at(&link).await;
    let volunteers = String::from_utf8_lossy(&archive["liuli/volunteers.json"]);
    assert!(volunteers.contains("陪聊"), "{volunteers}");
    b.sign_out().await;
}
