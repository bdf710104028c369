//! A term of the college from staff's pages (issue 31, second part), in a real browser and
//! checked through the API: a course edited whole (more seats promote the waiting list); its
//! weekly timetable scheduled with a clash shown before saving, a session moved (调课) and one
//! cancelled with a reason, all seen on the community's calendar; a club in a federation with
//! its leader and a weekly booking; an exhibition shared with surnames only and every link
//! revoked; a cadence target; a meeting with a decision followed up and closed; a learner
//! nominated from their record; the invitation made. Every page is checked by axe, and the
//! pages reflow at 640 px (1280 px at 200% zoom).

use chrono::Datelike;
use serde_json::{Value, json};

use crate::TestApp;
use crate::console::{district_with_officer, onboard_liuli};
use crate::console_browser::{Browser, ENTER};
use fantoccini::Locator;

async fn read(app: &TestApp, staff: &str, query: &str, vars: Value) -> Value {
    app.ok(Some(staff), Some("liuli"), query, vars).await
}

/// China's calendar day `days` from today.
fn china_day(days: i64) -> chrono::NaiveDate {
    (chrono::Utc::now() + chrono::Duration::hours(8) + chrono::Duration::days(days)).date_naive()
}

/// China's wall-clock "HH:MM" of an RFC 3339 instant.
fn china_time(at: &Value) -> String {
    let t = chrono::DateTime::parse_from_rfc3339(at.as_str().unwrap()).unwrap()
        + chrono::Duration::hours(8);
    t.naive_utc().format("%H:%M").to_string()
}

#[tokio::test]
async fn staff_run_a_term_timetable_clubs_exhibition_targets_and_meetings() {
    let app = TestApp::spawn().await;
    let root = district_with_officer(&app).await;
    onboard_liuli(&app, &root).await;
    let staff = app.member(&root, "liuli-staff", "STAFF", "liuli").await;
    let q = |query: &'static str, vars: Value| {
        let (app, staff) = (&app, &staff);
        async move { read(app, staff, query, vars).await }
    };
    q(
        r#"mutation { addCourseCategory(code: "art", name: "书画") { code } }"#,
        json!({}),
    )
    .await;
    let course = q(
        r#"mutation { createCourse(input: {title: "书法", category: "art", audience: ALL, format: LECTURE, capacity: 1}) { id } }"#,
        json!({}),
    )
    .await["createCourse"]["id"]
        .clone();
    let mut residents = Vec::new();
    for (name, born) in [("王秀英", None), ("张桂芳", Some("1950-03-01"))] {
        let id = q(
            "mutation($n: String!, $b: Date) { registerResident(input: {name: $n, birthDate: $b}) { id } }",
            json!({"n": name, "b": born}),
        )
        .await["registerResident"]["id"]
            .clone();
        q(
            "mutation($c: ID!, $l: ID!) { enrol(courseId: $c, learnerId: $l) { status } }",
            json!({"c": course, "l": id}),
        )
        .await;
        residents.push(id);
    }
    // An event in the 书画室 tomorrow 14:00–16:00: the timetable's first try clashes with it.
    let tomorrow = china_day(1);
    q(
        r#"mutation($at: DateTime!) { createEvent(input: {title: "重阳游园", kind: ACTIVITY, startsAt: $at, durationMinutes: 120, place: "书画室", capacity: 30}) { id } }"#,
        json!({"at": format!("{tomorrow}T14:00:00+08:00")}),
    )
    .await;
    // A talk on now, open to walk-ins; a survey staff answer for a resident at the door.
    let talk = q(
        r#"mutation($at: DateTime!) { createEvent(input: {title: "今日讲座", kind: EXCHANGE, startsAt: $at, durationMinutes: 60, place: "活动室"}) { id walkInPath } }"#,
        json!({"at": (chrono::Utc::now() - chrono::Duration::minutes(10)).to_rfc3339()}),
    )
    .await["createEvent"]
        .clone();
    let survey = q(
        r#"mutation { createSurvey(input: {title: "社区食堂意见", threshold: 5, questions: [{kind: SINGLE, prompt: "想在食堂吃午饭吗", options: ["想", "不想"]}]}) }"#,
        json!({}),
    )
    .await["createSurvey"]
        .clone();
    app.member(&root, "liuli-resident", "RESIDENT", "liuli")
        .await;
    let room = app.open_space(&staff, "liuli", "书画室").await;
    q(
        "mutation($s: ID!) { setSpaceRules(input: {spaceId: $s, capacity: 20, bookableBy: RESIDENTS, windowDays: 60, minMinutes: 30, maxMinutes: 240, needsApproval: false}) { id } }",
        json!({"s": room}),
    )
    .await;
    let exhibition = q(
        r#"mutation { createExhibition(title: "迎春书画展", kind: PAINTING, startsOn: "2026-12-01", endsOn: "2027-01-31") { id } }"#,
        json!({}),
    )
    .await["createExhibition"]["id"]
        .clone();
    q(
        r#"mutation($x: ID!, $l: ID!) { addWork(exhibitionId: $x, learnerId: $l, title: "墨竹") { id } }"#,
        json!({"x": exhibition, "l": residents[1]}),
    )
    .await;
    // A child's work, shown only once a guardian's consent is recorded.
    let child = q(
        r#"mutation { registerResident(input: {name: "李小明", birthDate: "2016-05-01"}) { id } }"#,
        json!({}),
    )
    .await["registerResident"]["id"]
        .clone();
    q(
        r#"mutation($x: ID!, $l: ID!) { addWork(exhibitionId: $x, learnerId: $l, title: "小猫") { id } }"#,
        json!({"x": exhibition, "l": child}),
    )
    .await;
    q(
        "mutation($x: ID!) { publishExhibition(exhibitionId: $x) }",
        json!({"x": exhibition}),
    )
    .await;
    let me =
        q("{ me { account { displayName } } }", json!({})).await["me"]["account"]["displayName"]
            .as_str()
            .unwrap()
            .to_owned();

    let dir = crate::temp_dir("console-term");
    let b = Browser::open(&app.base(), &dir).await;
    b.goto("").await;
    b.sign_in("liuli-staff", "password-123").await;
    b.wait_text("琉璃社区").await;

    // The course edited whole: a second seat goes to the waiting resident.
    b.row_button("书法", "编辑").await.click().await.unwrap();
    b.fill("capacity", "2").await;
    b.choose("format", "工作坊").await;
    b.fill("materials", "毛笔、宣纸自备").await;
    b.assert_accessible("course editor").await;
    b.screenshot("36-staff-course-edit").await;
    b.click("保存").await;
    b.wait_text("已保存；已报 2 / 2，候补 0").await;
    let c = q(
        "query($c: ID!) { course(id: $c) { capacity enrolledCount waitlistCount format materials } }",
        json!({"c": course}),
    )
    .await;
    assert_eq!(
        c["course"],
        json!({"capacity": 2, "enrolledCount": 2, "waitlistCount": 0, "format": "WORKSHOP", "materials": "毛笔、宣纸自备"})
    );

    // The timetable: weekly from tomorrow, four times; 14:00 clashes with the event, 16:30
    // does not.
    b.row_button("书法", "课表与名单")
        .await
        .click()
        .await
        .unwrap();
    b.click("排课").await;
    b.set_value("startTime", "14:00").await;
    b.fill("place", "书画室").await;
    b.fill("count", "4").await;
    b.wait_text("时间冲突").await;
    b.wait_text("与「重阳游园」冲突").await;
    b.assert_accessible("scheduler with a clash").await;
    b.screenshot("37-staff-schedule-clash").await;
    b.set_value("startTime", "16:30").await;
    b.wait_gone("时间冲突").await;
    b.click("保存课表").await;
    b.wait_text("已排 4 次课").await;
    let sessions = || async {
        q(
            "query($c: ID!) { course(id: $c) { sessions { id startsAt status cancelReason movedFrom } } }",
            json!({"c": course}),
        )
        .await["course"]["sessions"]
            .as_array()
            .unwrap()
            .clone()
    };
    let s = sessions().await;
    assert_eq!(s.len(), 4);
    assert!(s.iter().all(|x| china_time(&x["startsAt"]) == "16:30"));

    // The first session's roster: 王秀英 marked present, which the page reads back later.
    b.click_css("[aria-label='到课: 王秀英']").await;
    wait_api(|| async {
        q(
            "query($s: ID!) { sessionAttendance(sessionId: $s) }",
            json!({"s": s[0]["id"]}),
        )
        .await["sessionAttendance"]
            == json!([residents[0]])
    })
    .await;

    // 调课: the first session to 18:00; 停课: the next, with a reason.
    b.click("调课").await;
    b.set_value("move_startTime", "18:00").await;
    b.click("调课并通知学员").await;
    b.wait_text("已调课，已通知学员").await;
    // The second session's 停课 (the first, just moved, stays).
    let stop = b
        .eval(
            "const bs = [...document.querySelectorAll('.ant-drawer-body button')]
               .filter(b => b.innerText.trim() === '停课');
             bs[1].click(); return bs.length",
        )
        .await;
    assert_eq!(stop, json!(4));
    b.fill("reason", "老师生病").await;
    b.click("停课并通知学员").await;
    b.wait_text("已停课，已通知学员").await;
    let s = sessions().await;
    let moved: Vec<_> = s.iter().filter(|x| !x["movedFrom"].is_null()).collect();
    assert_eq!(moved.len(), 1);
    assert_eq!(china_time(&moved[0]["startsAt"]), "18:00");
    let cancelled: Vec<_> = s.iter().filter(|x| x["status"] == "CANCELLED").collect();
    assert_eq!(cancelled.len(), 1);
    assert_eq!(cancelled[0]["cancelReason"], "老师生病");
    assert_eq!(
        cancelled[0]["id"], s[1]["id"],
        "the second session, not the moved one"
    );
    assert_eq!(moved[0]["status"], "SCHEDULED");
    b.assert_accessible("timetable with a move and a cancellation")
        .await;
    b.screenshot("38-staff-timetable").await;
    b.client.refresh().await.unwrap();
    b.row_button("书法", "课表与名单")
        .await
        .click()
        .await
        .unwrap();
    // The roster shows the mark made before (it comes with the session's marks).
    b.css(".ant-checkbox-wrapper-checked [aria-label='到课: 王秀英']")
        .await;
    b.client.refresh().await.unwrap();

    // The calendar: the course's sessions and the event together, week and month.
    b.tab("课表日历").await;
    b.wait_text("周视图").await;
    if tomorrow.weekday() == chrono::Weekday::Mon {
        b.click("下一周").await;
    }
    b.wait_text("重阳游园").await;
    b.wait_text("书法").await;
    b.assert_accessible("calendar, week").await;
    b.screenshot("39-staff-calendar-week").await;
    b.segment("月视图").await;
    if tomorrow.month() != china_day(0).month() {
        b.click("下个月").await;
    }
    b.wait_text(&format!("{} 年 {} 月", tomorrow.year(), tomorrow.month()))
        .await;
    b.wait_text("重阳游园").await;
    b.assert_accessible("calendar, month").await;
    b.screenshot("40-staff-calendar-month").await;

    // A federation, a club in it, its leader (社长), and the room booked weekly for two weeks.
    b.tab("社团").await;
    b.click("新建社团联盟").await;
    b.fill("name", "书画联盟").await;
    b.click("建立").await;
    b.wait_text("联盟「书画联盟」已建立").await;
    b.click("新建社团").await;
    b.fill("name", "书法社").await;
    b.choose("federationId", "书画联盟").await;
    b.click("建立").await;
    b.wait_text("社团「书法社」已建立").await;
    b.click("添加成员").await;
    b.choose("learner", "王秀英").await;
    b.choose("role", "社长").await;
    b.click("添加").await;
    b.wait_text("已添加").await;
    b.click("预约场地").await;
    b.choose("spaceId", "书画室").await;
    b.fill("purpose", "书法社练习").await;
    b.fill("weeks", "2").await;
    b.click("预约").await;
    b.wait_text("已为社团预约场地").await;
    b.wait_text("书法社练习").await;
    b.assert_accessible("clubs").await;
    b.screenshot("41-staff-clubs").await;
    let clubs = q(
        "{ clubs(first: 5) { edges { node { id name federation { name } members { name role } } } } }",
        json!({}),
    )
    .await;
    let club = &clubs["clubs"]["edges"][0]["node"];
    assert_eq!(club["federation"]["name"], "书画联盟");
    assert_eq!(
        club["members"],
        json!([{"name": "王秀英", "role": "LEADER"}])
    );
    let booked = q(
        "query($from: Date!, $c: ID) { bookings(from: $from, days: 30, clubId: $c) { purpose status } }",
        json!({"from": china_day(0).to_string(), "c": club["id"]}),
    )
    .await;
    assert_eq!(
        booked["bookings"],
        json!([{"purpose": "书法社练习", "status": "APPROVED"}, {"purpose": "书法社练习", "status": "APPROVED"}])
    );

    // The exhibition shared with surnames only: the public page names 张 and not 张桂芳;
    // revoked, the link stops working.
    b.tab("展览").await;
    b.click("分享").await;
    b.click("生成公开链接").await;
    b.css(".share-link").await;
    let link = b
        .eval("return document.querySelector('.share-link .ant-typography').textContent")
        .await;
    let link = link.as_str().unwrap().to_owned();
    let page = reqwest::get(&link).await.unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("墨竹 · 张**") && !html.contains("张桂芳") && !html.contains("小猫"),
        "{html}"
    );
    b.assert_accessible("exhibition shared").await;
    b.screenshot("42-staff-exhibition-share").await;
    // The guardian's signed form in hand, staff record it: the child's work joins the page.
    b.css(".ant-modal-close").await.click().await.unwrap();
    b.click("登记监护人同意").await;
    b.click("是").await;
    b.wait_text("监护人已同意").await;
    let html = reqwest::get(&link).await.unwrap().text().await.unwrap();
    assert!(html.contains("小猫 · 李**"), "{html}");
    b.click("分享").await;
    b.click("停止全部分享").await;
    b.click("停止分享").await;
    b.wait_text("已停止 1 个分享链接").await;
    assert_eq!(reqwest::get(&link).await.unwrap().status(), 404);
    let shares = q(
        "query($x: ID!) { exhibitionShares(exhibitionId: $x) { names revoked } }",
        json!({"x": exhibition}),
    )
    .await;
    assert_eq!(
        shares["exhibitionShares"],
        json!([{"names": "SURNAME", "revoked": true}])
    );
    b.client.refresh().await.unwrap();

    // A cadence target: a public-benefit session every week.
    b.tab("频次目标").await;
    b.click("新建频次目标").await;
    b.fill("name", "每周一次公益课").await;
    b.click("设定").await;
    b.wait_text("目标已设定").await;
    b.wait_text("每周一次公益课").await;
    b.assert_accessible("cadence targets").await;
    b.screenshot("43-staff-cadence").await;
    let month = china_day(0).format("%Y-%m").to_string();
    let report = q(
        "query($m: String!) { cadenceReport(month: $m) { target { name period minSessions } } }",
        json!({"m": month}),
    )
    .await;
    assert_eq!(
        report["cadenceReport"],
        json!([{"target": {"name": "每周一次公益课", "period": "WEEK", "minSessions": 1}}])
    );

    // A 坝坝会 with a topic and a decision owned by me; the decision then closed as done.
    b.tab("会议").await;
    b.click("记录会议").await;
    b.fill("title", "坝坝会：院里停车").await;
    b.fill("place", "院坝").await;
    b.css("#topics")
        .await
        .send_keys(&format!("停车{ENTER}"))
        .await
        .unwrap();
    b.click("添加事项").await;
    b.fill("decisions_0_decision", "画停车线").await;
    b.choose("decisions_0_owner", &format!("我（{me}）")).await;
    b.assert_accessible("meeting form").await;
    b.click("保存会议记录").await;
    b.wait_text("会议已记录").await;
    b.click("纪要与跟进").await;
    b.wait_text("画停车线").await;
    b.click_in("ant-drawer-body", "办结").await;
    b.click("确定").await;
    b.wait_text("已办结").await;
    b.assert_accessible("meeting with its follow-up").await;
    b.screenshot("44-staff-meeting").await;
    let meetings = q("{ meetings { id title kind topics } }", json!({})).await;
    let meeting = &meetings["meetings"][0];
    assert_eq!(
        (&meeting["title"], &meeting["kind"], &meeting["topics"]),
        (
            &json!("坝坝会：院里停车"),
            &json!("COURTYARD_MEETING"),
            &json!(["停车"])
        )
    );
    let record = q(
        "query($m: ID!) { meeting(id: $m) { followUps { decision ownerName status } } }",
        json!({"m": meeting["id"]}),
    )
    .await;
    assert_eq!(
        record["meeting"]["followUps"],
        json!([{"decision": "画停车线", "ownerName": me, "status": "DONE"}])
    );
    b.client.refresh().await.unwrap();

    // 代办 in the registry: 张桂芳 registered for the outing and her survey answered at the door.
    b.tab("居民库与代办").await;
    b.row_button("张桂芳", "代报名活动")
        .await
        .click()
        .await
        .unwrap();
    b.choose_starting("event", "重阳游园").await;
    b.click("确定").await;
    b.wait_text("已代报名活动").await;
    b.row_button("张桂芳", "代填问卷")
        .await
        .click()
        .await
        .unwrap();
    b.choose("survey", "社区食堂意见").await;
    b.find(Locator::XPath(
        "//label[contains(@class,'ant-radio-wrapper') and normalize-space(.)='想']",
    ))
    .await
    .click()
    .await
    .unwrap();
    b.assert_accessible("a survey answered for a resident")
        .await;
    b.click("确定").await;
    b.wait_text("问卷已代为填写（入户）").await;
    let outing = q(
        "query($from: Date!) { events(from: $from, days: 3) { title registered } }",
        json!({"from": china_day(0).to_string()}),
    )
    .await;
    assert!(
        outing["events"]
            .as_array()
            .unwrap()
            .contains(&json!({"title": "重阳游园", "registered": 1}))
    );
    let answered = q(
        "{ surveys(first: 5) { nodes { id responsesByChannel { channel responses } } } }",
        json!({}),
    )
    .await;
    let answered = answered["surveys"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == survey)
        .unwrap()
        .clone();
    assert_eq!(
        answered["responsesByChannel"],
        json!([{"channel": "DOOR_TO_DOOR", "responses": 1}])
    );
    b.tab("问卷").await;
    b.wait_text("入户 1").await;

    // The talk's walk-in code for the door.
    b.tab("活动").await;
    b.row_button("今日讲座", "到场二维码")
        .await
        .click()
        .await
        .unwrap();
    b.css(".qr-full svg").await;
    b.assert_accessible("walk-in code").await;
    b.screenshot("48-staff-walk-in-code").await;
    b.click("关闭").await;

    // A learner's record, and a nomination to 千人故事 from it.
    b.tab("居民库与代办").await;

    b.row_button("王秀英", "学习档案")
        .await
        .click()
        .await
        .unwrap();
    b.wait_text("王秀英的学习档案").await;
    b.click("推荐").await;
    b.fill("reason", "坚持习字三年，带动邻里").await;
    b.click("提交推荐").await;
    b.wait_text("已推荐到「千人故事」").await;
    b.set_value("birthDate", "1948-06-01").await;
    b.fill("reason", "居民持户口本到窗口更正").await;
    b.click("更正").await;
    b.wait_text("档案已更正").await;
    // The correction kept with the record: which field and why.
    b.wait_text("出生日期 · 居民持户口本到窗口更正").await;
    b.assert_accessible("learner record").await;
    b.screenshot("45-staff-learner-record").await;
    let nominated = q(
        "query($l: ID!, $n: String!) { learnerRecord(learnerId: $l) { nominations { pool reason } }
           residents(name: $n) { edges { node { birthDate } } } }",
        json!({"l": residents[0], "n": "王秀英"}),
    )
    .await;
    assert_eq!(
        nominated["learnerRecord"]["nominations"],
        json!([{"pool": "千人故事", "reason": "坚持习字三年，带动邻里"}])
    );
    assert_eq!(
        nominated["residents"]["edges"][0]["node"]["birthDate"],
        "1948-06-01"
    );
    b.client.refresh().await.unwrap();

    // The invitation residents sign up by.
    b.tab("注册与邀请").await;
    b.click("生成注册邀请").await;
    b.wait_text("邀请已生成").await;
    b.css(".qr-small svg").await;
    b.assert_accessible("sign-ups").await;
    b.screenshot("46-staff-sign-ups").await;
    let invitation = q("{ invitation { confirmByStaff path } }", json!({})).await;
    assert!(
        invitation["invitation"]["path"]
            .as_str()
            .unwrap()
            .contains("liuli")
    );

    // 200% zoom of a 1280 px screen: the page list becomes a select, nothing scrolls sideways.
    b.client.set_window_size(640, 900).await.unwrap();
    for page in [
        "courses", "calendar", "clubs", "meetings", "registry", "events", "surveys",
    ] {
        b.goto(&format!("#/c/liuli/{page}")).await;
        b.css("[aria-label='页面']").await;
        b.assert_no_sideways_scroll(page).await;
    }
    b.assert_accessible("courses at 200%").await;
    b.screenshot("47-staff-at-200-percent").await;
    b.client.set_window_size(1280, 900).await.unwrap();
    b.sign_out().await;

    // A resident scans the talk's code: it opens their walk-in page, and one tap counts them.
    b.sign_in("liuli-resident", "password-123").await;
    let path = talk["walkInPath"].as_str().unwrap();
    b.goto(path.trim_start_matches("/console/")).await;
    b.click("我到场了").await;
    b.wait_text("已登记到场").await;
    b.assert_accessible("resident walk-in").await;
    // (Signing out in the browser ended staff's other sessions too: a new one reads.)
    let staff = app.login("liuli-staff", "password-123").await;
    let counted = read(
        &app,
        &staff,
        "query($from: Date!) { events(from: $from, days: 1) { id attendance } }",
        json!({"from": china_day(0).to_string()}),
    )
    .await;
    assert!(
        counted["events"]
            .as_array()
            .unwrap()
            .contains(&json!({"id": talk["id"], "attendance": 1}))
    );
    b.sign_out().await;
}

/// Wait up to 10 s for `check` (an API read) to hold.
async fn wait_api<F, Fut>(check: F)
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let started = std::time::Instant::now();
    while !check().await {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "the API never showed it"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}
