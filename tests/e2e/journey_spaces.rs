//! Staff set up a space from its page (issue 32, first part), in a real browser and checked
//! through the API: a room made, its rules and weekly hours saved, the no-show rules and a
//! quota set, and a resident's booking checked in at the door by scanning its entry code with
//! the camera (Chromium's fake camera films the code); axe on each page.

use serde_json::{Value, json};

use crate::TestApp;
use crate::console::{district_with_officer, onboard_liuli};
use crate::console_browser::Browser;

#[tokio::test]
async fn staff_set_up_a_space_and_check_a_booking_in_at_the_door() {
    let app = TestApp::spawn().await;
    let root = district_with_officer(&app).await;
    onboard_liuli(&app, &root).await;
    let staff = app.member(&root, "liuli-staff", "STAFF", "liuli").await;
    let resident = app
        .member(&root, "liuli-resident", "RESIDENT", "liuli")
        .await;
    let q = |token: &str, query: &str, vars: Value| {
        let (app, token, query) = (&app, token.to_owned(), query.to_owned());
        async move { app.ok(Some(&token), Some("liuli"), &query, vars).await }
    };

    let dir = crate::temp_dir("console-spaces");
    let b = Browser::open(&app.base(), &dir).await;
    b.sign_in("liuli-staff", "password-123").await;
    b.tab("场地设置").await;
    b.click("新建场地").await;
    b.fill("name", "多功能厅").await;
    b.click("建立").await;
    b.wait_text("场地「多功能厅」已建立").await;
    b.row_button("多功能厅", "设置")
        .await
        .click()
        .await
        .unwrap();
    b.fill("windowDays", "30").await;
    b.fill("maxMinutes", "180").await;
    b.click("保存规则").await;
    b.wait_text("规则已保存").await;
    b.click("添加一段").await;
    b.click("保存开放时间").await;
    b.wait_text("开放时间已保存").await;
    b.assert_accessible("a space set up").await;
    b.screenshot("50-staff-space-setup").await;
    let spaces = q(
        &staff,
        "{ spaces { id name windowDays maxMinutes } }",
        json!({}),
    )
    .await;
    let room = &spaces["spaces"][0];
    assert_eq!(
        (&room["name"], &room["windowDays"], &room["maxMinutes"]),
        (&json!("多功能厅"), &json!(30), &json!(180))
    );
    let opening = q(
        &staff,
        "query($s: ID!, $from: Date!) { spaceOpening(spaceId: $s, from: $from) { hours { weekday opens closes } } }",
        json!({"s": room["id"], "from": "2026-01-01"}),
    )
    .await;
    assert_eq!(
        opening["spaceOpening"]["hours"],
        json!([{"weekday": 1, "opens": "08:30", "closes": "21:00"}])
    );
    b.client.refresh().await.unwrap();

    // The community's no-show rules and a weekly quota.
    b.fill("graceMinutes", "20").await;
    b.click("保存").await;
    b.wait_text("爽约规则已保存").await;
    b.click("设定限额").await;
    b.wait_text("限额已设定").await;
    let rules = q(
        &staff,
        "{ bookingRules { noShow { graceMinutes } quotas { appliesTo period unit max } } }",
        json!({}),
    )
    .await;
    assert_eq!(
        rules["bookingRules"],
        json!({"noShow": {"graceMinutes": 20}, "quotas": [{"appliesTo": "PERSON", "period": "WEEK", "unit": "BOOKINGS", "max": 3}]})
    );

    // A resident books the room from in ten minutes (open all day now); at the door the
    // entry code is entered and the booking is checked in.
    let spans: Vec<Value> = (1..=7)
        .map(|d| json!({"weekday": d, "opens": "00:00", "closes": "23:59"}))
        .collect();
    q(
        &staff,
        "mutation($s: ID!, $h: [OpeningSpanInput!]!) { setOpeningHours(spaceId: $s, spans: $h) { weekday } }",
        json!({"s": room["id"], "h": spans}),
    )
    .await;
    let (at, minutes) = door_slot().await;
    let booked = q(
        &resident,
        "mutation($s: ID!, $t: DateTime!, $m: Int!) { bookSpace(input: {spaceId: $s, startsAt: $t, minutes: $m, purpose: \"合唱排练\", attendance: 8}) { id } }",
        json!({"s": room["id"], "t": at, "m": minutes}),
    )
    .await;
    let booking = booked["bookSpace"][0]["id"].clone();
    let code = q(
        &resident,
        "mutation($b: ID!) { bookingEntryCode(bookingId: $b) { token } }",
        json!({"b": booking}),
    )
    .await["bookingEntryCode"]["token"]
        .as_str()
        .unwrap()
        .to_owned();
    // The resident's phone shows the code; staff scan it with the desk's camera.
    b.show_camera(&code);
    b.click("用摄像头扫入场码").await;
    b.wait_text("已入场：合唱排练").await;
    b.assert_accessible("a booking checked in").await;
    let mine = q(&resident, "{ myBookings { id checkedInAt } }", json!({})).await;
    assert!(!mine["myBookings"][0]["checkedInAt"].is_null(), "{mine}");
    b.sign_out().await;
}

/// A booking the door can check in now — it starts at most 15 minutes ahead (check-in opens
/// then) — lying within one China day (spaces close at 23:59; a booking never crosses
/// midnight): from in ten minutes for an hour, shorter late in the evening, the next day's
/// first hour once it is 15 minutes away; between 23:28 and 23:45 China time there is none, so
/// the test waits for one.
async fn door_slot() -> (String, i64) {
    use chrono::{Duration, DurationRound, Utc};
    loop {
        let now = Utc::now().duration_trunc(Duration::minutes(1)).unwrap();
        let day_ends =
            infra::local_time::midnight(infra::local_time::date_of(now) + Duration::days(1))
                - Duration::minutes(1);
        for (start, longest) in [
            (now + Duration::minutes(10), 60),
            (now + Duration::minutes(1), 60),
        ] {
            let minutes = (day_ends - start).num_minutes().min(longest);
            if minutes >= 30 {
                return (start.format("%Y-%m-%dT%H:%M:00Z").to_string(), minutes);
            }
        }
        let next_day = day_ends + Duration::minutes(1);
        if next_day - Utc::now() < Duration::minutes(14) {
            return (next_day.format("%Y-%m-%dT%H:%M:00Z").to_string(), 60);
        }
        tokio::time::sleep(std::time::Duration::from_secs(20)).await;
    }
}
