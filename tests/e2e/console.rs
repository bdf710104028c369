//! The web console: served from the binary with nothing from a CDN, and a district officer,
//! community staff, a resident and a guardian doing their work in a real browser.

use calamine::Reader;
use serde_json::json;

use crate::TestApp;
use crate::console_browser::Browser;

/// Every page and asset comes from the binary: the console's index names only its own
/// assets, each served with its type; GraphiQL loads nothing from elsewhere.
#[tokio::test]
async fn the_console_and_graphiql_come_from_the_binary() {
    let app = TestApp::spawn_with(&[("LINLI_GRAPHIQL", "true")]).await;
    let base = app.base();
    let http = &app.http;

    let root = http.get(format!("{base}/")).send().await.unwrap();
    assert!(
        root.url().path().starts_with("/console/"),
        "/ leads to the console"
    );
    let index = http.get(format!("{base}/console/")).send().await.unwrap();
    assert_eq!(index.status(), 200);
    let csp = index.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(csp.contains("script-src 'self'"), "{csp}");
    let html = index.text().await.unwrap();
    let refs: Vec<&str> = html
        .split(['"', '\''])
        .filter(|s| s.starts_with("/console/assets/"))
        .collect();
    assert!(refs.iter().any(|r| r.ends_with(".js")), "{html}");
    for r in refs {
        let res = http.get(format!("{base}{r}")).send().await.unwrap();
        assert_eq!(res.status(), 200, "{r}");
        let ty = res.headers()["content-type"].to_str().unwrap().to_string();
        assert!(
            ty.starts_with("text/javascript") || ty.starts_with("text/css"),
            "{r}: {ty}"
        );
        assert!(
            res.headers()["cache-control"]
                .to_str()
                .unwrap()
                .contains("immutable")
        );
    }

    let graphiql = http
        .get(&app.url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        graphiql.contains("/console/graphiql/graphiql.min.js"),
        "{graphiql}"
    );
    for external in ["unpkg.com", "cdn.", "https://", "http://"] {
        assert!(
            !graphiql.contains(external),
            "GraphiQL refers to {external}"
        );
    }
    for file in [
        "graphiql.min.js",
        "graphiql.min.css",
        "react.production.min.js",
        "react-dom.production.min.js",
        "init.js",
    ] {
        let res = http
            .get(format!("{base}/console/graphiql/{file}"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{file}");
    }
    // Its introspection (type references 13 deep) is allowed where GraphiQL is on, and still
    // refused as too deep where it is off.
    const DEEP: &str = "{ __schema { types { fields { args { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } }";
    let schema = app.gql(None, None, DEEP, json!({})).await;
    assert!(schema.get("errors").is_none(), "{schema}");
    let plain = TestApp::spawn().await;
    let refused = plain.gql(None, None, DEEP, json!({})).await;
    assert_eq!(crate::code(&refused), "BAD_USER_INPUT", "{refused}");

    let missing = http
        .get(format!("{base}/console/assets/nope.js"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
}

const CSV: &str = "slug,name,kind,households,residents
liuli,琉璃社区,老旧院落,1200,3600
qingyuan,青苑社区,COMMERCIAL_HOUSING,,5000
bad-row,无名社区,城堡,,
";

/// The whole day in one browser: an officer onboards from a CSV, staff create a course and
/// show its QR code, a resident and a guardian enrol, staff verify hours, the officer sees the
/// chart and opens the Excel download. Accessibility is checked on every page.
#[tokio::test]
async fn a_day_in_the_console() {
    let app = TestApp::spawn().await;
    let root = app.root().await;
    app.ok(
        Some(&root),
        None,
        r#"mutation { createDistrict(input: {code: "510199", name: "测试新区"}) { id } }"#,
        json!({}),
    )
    .await;
    let officer = app.ok(Some(&root), None, r#"mutation { createAccount(input: {loginName: "officer", displayName: "区县干部", password: "password-123"}) { id } }"#, json!({})).await;
    app.ok(Some(&root), None, r#"mutation($id: ID!) { grantRole(input: {accountId: $id, role: DISTRICT_ADMIN, districtCode: "510199"}) }"#, json!({"id": officer["createAccount"]["id"]})).await;

    let dir = crate::temp_dir("console");
    let b = Browser::open(&app.base(), &dir).await;

    // Sign in with the keyboard; the officer's one district opens.
    b.goto("").await;
    b.css("#loginName").await;
    b.assert_accessible("sign-in").await;
    b.screenshot("01-sign-in").await;
    b.sign_in("officer", "password-123").await;
    b.wait_text("测试新区").await;

    // Onboard from a CSV: a progress bar, a result per row, the bad row named.
    b.tab("社区管理").await;
    let csv = dir.join("communities.csv");
    std::fs::write(&csv, CSV).unwrap();
    b.css("input[type=file]")
        .await
        .send_keys(&csv.display().to_string())
        .await
        .unwrap();
    b.wait_text("已处理 3 / 3").await;
    let rows = b
        .eval("return [...document.querySelectorAll('.batch-rows tbody tr')].map(r => r.innerText)")
        .await;
    let rows: Vec<String> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap().to_string())
        .collect();
    assert!(
        rows[0].contains("liuli") && rows[0].contains("已开通"),
        "{rows:?}"
    );
    assert!(
        rows[1].contains("qingyuan") && rows[1].contains("已开通"),
        "{rows:?}"
    );
    assert!(
        rows[2].contains("格式有误") && rows[2].contains("城堡"),
        "{rows:?}"
    );
    b.wait_text("琉璃社区").await;
    b.assert_accessible("district communities").await;
    b.screenshot("02-district-onboarding").await;
    b.sign_out().await;

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
    b.row_button("太极拳", "排课").await.click().await.unwrap();
    let tomorrow =
        (chrono::Utc::now() + chrono::Duration::hours(8) + chrono::Duration::days(1)).date_naive();
    b.set_value("firstStartsAt", &format!("{tomorrow}T09:00"))
        .await;
    b.fill("place", "百文斋").await;
    b.click("保存").await;
    b.wait_text("已排课").await;
    b.row_button("太极拳", "课表与名单")
        .await
        .click()
        .await
        .unwrap();
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

    // A resident enrols; then, as a guardian, enrols a child. Large type, and at 200% zoom
    // (half the CSS width) nothing scrolls sideways.
    b.sign_in("liuli-resident", "password-123").await;
    b.wait_text("太极拳").await;
    b.assert_accessible("resident courses").await;
    b.click("报名").await;
    b.wait_text("报名成功：太极拳").await;
    b.click("添加孩子").await;
    b.fill("name", "小明").await;
    b.set_value("birthDate", "2018-05-01").await;
    b.click("添加").await;
    b.find(fantoccini::Locator::XPath(
        "//label[normalize-space(.)='小明']",
    ))
    .await
    .click()
    .await
    .unwrap();
    b.wait_text("为小明报名").await;
    let choices = b
        .eval("return [...document.querySelectorAll('.ant-radio-button-wrapper')].map(l => l.innerText.trim())")
        .await;
    assert_eq!(
        choices,
        json!(["我自己", "小明"]),
        "one's own record is not a child in care"
    );
    b.click("报名").await;
    b.wait_text("报名成功：太极拳").await;
    // Signing out in the browser ended every session of the staff account.
    let staff = app.login("liuli-staff", "password-123").await;
    let course = course_id(&app, &staff).await;
    let seats = app
        .ok(
            Some(&staff),
            Some("liuli"),
            "query($c: ID!) { course(id: $c) { capacity enrolledCount sessions { place } } }",
            json!({"c": course}),
        )
        .await;
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

    // The officer sees the enrolments on the dashboard, then downloads the Excel file.
    b.sign_in("officer", "password-123").await;
    let started = std::time::Instant::now();
    loop {
        b.goto("#/d/510199/dashboard").await;
        b.wait_text("社区排名").await;
        let tile = b.eval("return [...document.querySelectorAll('.community-tile')].find(t => t.innerText.includes('琉璃社区'))?.querySelector('.value')?.innerText").await;
        if tile == json!("2") {
            break;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(30),
            "enrolments never reached the dashboard: {tile}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
    let bars = b
        .eval("return document.querySelectorAll('.chart svg path').length")
        .await;
    assert!(bars.as_i64().unwrap() > 2, "the charts drew: {bars}");
    let ranking = b.eval("return [...document.querySelectorAll('details table tbody tr')].map(r => r.textContent)").await;
    assert!(ranking.to_string().contains("琉璃社区"), "{ranking}");
    b.assert_accessible("district dashboard").await;
    b.screenshot("08-district-dashboard").await;
    b.click("下载 Excel").await;
    let xlsx = b.downloaded("xlsx").await;
    let mut book = calamine::open_workbook_auto(&xlsx).expect("the download opens as a workbook");
    let sheets = book.sheet_names();
    assert!(sheets.len() > 1, "{sheets:?}");
    let found = sheets.iter().any(|s| {
        book.worksheet_range(s).is_ok_and(|r| {
            r.cells()
                .any(|(_, _, c)| c.to_string().contains("琉璃社区"))
        })
    });
    assert!(found, "the workbook names 琉璃社区 ({sheets:?})");

    // Suspend a community from the list: its status shows (and still reads at AA contrast).
    b.tab("社区管理").await;
    b.row_button("qingyuan", "暂停")
        .await
        .click()
        .await
        .unwrap();
    b.row_button("qingyuan", "恢复").await;
    b.assert_accessible("communities with one suspended").await;
    let status = app
        .ok(
            Some(&root),
            None,
            "{ district(code: \"510199\") { communities { slug status } } }",
            json!({}),
        )
        .await;
    assert!(
        status["district"]["communities"]
            .as_array()
            .unwrap()
            .contains(&json!({"slug": "qingyuan", "status": "SUSPENDED"})),
        "{status}"
    );

    // English on request.
    b.click("English").await;
    b.wait_text("Dashboard").await;
    b.assert_accessible("district dashboard in English").await;
}

async fn course_id(app: &TestApp, staff: &str) -> String {
    let d = app
        .ok(
            Some(staff),
            Some("liuli"),
            "{ courses(first: 10) { edges { node { id title } } } }",
            json!({}),
        )
        .await;
    d["courses"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["node"]["title"] == "太极拳")
        .unwrap()["node"]["id"]
        .as_str()
        .unwrap()
        .to_string()
}
