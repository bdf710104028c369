//! Community staff run the college from pages (issue 31, first part), in a real browser and
//! checked through the API: a survey built with two kinds of question, shared by its link and
//! QR code, answered, and its leading option made a course and opened in one step; the 达人 it
//! found confirmed into the teacher pool and a teacher added; an elderly neighbour registered,
//! found by phone and enrolled by the worker (代办), a spreadsheet imported; the month's ledger
//! downloaded and read back; a monthly 达人服务日 with an exception, its walk-ins tallied. Accessibility is checked on every page; screenshots go to
//! docs/console/.

use calamine::Reader;
use serde_json::{Value, json};

use crate::TestApp;
use crate::console::{district_with_officer, onboard_liuli};
use crate::console_browser::Browser;

/// A query as the community's staff, read back after a step in the browser.
async fn read(app: &TestApp, staff: &str, query: &str) -> Value {
    app.ok(Some(staff), Some("liuli"), query, json!({})).await
}

#[tokio::test]
async fn staff_build_a_survey_open_its_course_and_keep_the_teacher_pool() {
    let app = TestApp::spawn().await;
    let root = district_with_officer(&app).await;
    onboard_liuli(&app, &root).await;
    let staff = app.member(&root, "liuli-staff", "STAFF", "liuli").await;
    read(
        &app,
        &staff,
        r#"mutation { addCourseCategory(code: "art", name: "书画") { code } }"#,
    )
    .await;
    let dir = crate::temp_dir("console-college");
    let b = Browser::open(&app.base(), &dir).await;
    b.goto("").await;
    b.sign_in("liuli-staff", "password-123").await;
    b.wait_text("琉璃社区").await;

    // The builder: a choice question and a 达人 question, threshold two.
    b.tab("问卷").await;
    b.click("新建问卷").await;
    b.fill("title", "下学期想学什么").await;
    b.fill("threshold", "2").await;
    b.choose("questions_0_kind", "单选").await;
    b.fill("questions_0_prompt", "最想学的课").await;
    b.fill("questions_0_options", "书法\n太极").await;
    b.click("添加一题").await;
    b.choose("questions_1_kind", "我能教（达人）").await;
    b.fill("questions_1_prompt", "您能教大家什么？").await;
    b.click("发布").await;
    b.wait_text("问卷已发布").await;
    let surveys = read(
        &app,
        &staff,
        "{ surveys(first: 5) { edges { node { id title questions { id kind options } } } } }",
    )
    .await;
    let survey = &surveys["surveys"]["edges"][0]["node"];
    assert_eq!(survey["title"], "下学期想学什么");
    assert_eq!(
        survey["questions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| q["kind"].clone())
            .collect::<Vec<_>>(),
        vec![json!("SINGLE"), json!("TALENT")]
    );
    assert_eq!(survey["questions"][0]["options"], json!(["书法", "太极"]));

    // Two neighbours answer; one of them can teach 剪纸.
    for (login, talent) in [("liuli-wang", Some("剪纸")), ("liuli-li", None)] {
        let resident = app.member(&root, login, "RESIDENT", "liuli").await;
        let mut answers = vec![json!({"questionId": survey["questions"][0]["id"], "choices": [0]})];
        if let Some(t) = talent {
            answers.push(json!({"questionId": survey["questions"][1]["id"], "text": t}));
        }
        app.ok(
            Some(&resident),
            Some("liuli"),
            "mutation($s: ID!, $a: [AnswerInputGql!]!) { answerSurvey(surveyId: $s, answers: $a, channel: WECHAT_GROUP) }",
            json!({"s": survey["id"], "a": answers}),
        )
        .await;
    }
    // Tallies refresh by themselves.
    b.wait_text("书法：2").await;
    b.wait_text("达到开课门槛").await;
    b.wait_text("微信群 2").await;

    // Its link and QR code for the WeChat group.
    b.click("分享与二维码").await;
    b.css(".qr svg").await;
    let link = b
        .eval("return document.querySelector('.share-link').textContent")
        .await;
    assert!(
        link.as_str()
            .unwrap()
            .contains(&format!("/survey/liuli/{}", survey["id"].as_str().unwrap())),
        "{link}"
    );
    b.assert_accessible("survey share").await;
    b.screenshot("30-staff-survey-share").await;
    b.eval("document.querySelector('.ant-modal-close').click(); return 1")
        .await;

    // 书法 past its threshold: a course, opened in the same step.
    b.click("开成课程：书法").await;
    b.choose("category", "书画").await;
    b.click("开课").await;
    b.wait_text("已开课并开放报名：书法").await;
    b.assert_accessible("surveys").await;
    b.screenshot("31-staff-survey-builder").await;
    let courses = read(
        &app,
        &staff,
        "{ courses(first: 5) { edges { node { title category status } } } }",
    )
    .await;
    assert_eq!(
        courses["courses"]["edges"],
        json!([{"node": {"title": "书法", "category": "art", "status": "OPEN"}}])
    );

    // The registry: an elderly neighbour registered, found by her phone number and enrolled
    // in 书法 by the worker (代办); a spreadsheet imported with its bad row named.
    b.tab("居民库与代办").await;
    b.click("登记居民").await;
    b.fill("name", "王秀英").await;
    b.set_value("birthDate", "1946-03-08").await;
    b.fill("household", "3栋2单元501").await;
    b.fill("phone", "13900001111").await;
    b.click("登记").await;
    b.wait_text("已登记 王秀英").await;
    b.fill("p", "13900001111").await;
    b.click("查找").await;
    b.wait_text("139****1111").await;
    b.row_button("王秀英", "代报名")
        .await
        .click()
        .await
        .unwrap();
    b.wait_text("代办人：张三").await;
    b.choose("course", "书法").await;
    b.click("确定").await;
    b.wait_text("已代报名").await;
    let course_id = read(
        &app,
        &staff,
        "{ courses(first: 5) { edges { node { id } } } }",
    )
    .await["courses"]["edges"][0]["node"]["id"]
        .clone();
    let roster = app
        .ok(
            Some(&staff),
            Some("liuli"),
            "query($c: ID!) { courseRoster(courseId: $c) { learnerName status } }",
            json!({"c": course_id}),
        )
        .await;
    assert_eq!(
        roster["courseRoster"],
        json!([{"learnerName": "王秀英", "status": "ENROLLED"}])
    );
    let csv = dir.join("residents.csv");
    std::fs::write(
        &csv,
        "姓名,出生日期,手机号,户\n李大爷,1940-01-02,13900002222,5栋101\n,1950-01-01,,\n",
    )
    .unwrap();
    b.upload(&csv).await;
    b.wait_text("导入结果：新增 1，已有 0，有误 1").await;
    b.assert_accessible("registry").await;
    b.screenshot("34-staff-registry").await;
    let found = read(
        &app,
        &staff,
        r#"{ residents(name: "李大爷", first: 5) { edges { node { age household } } } }"#,
    )
    .await;
    assert_eq!(
        found["residents"]["edges"][0]["node"]["household"],
        "5栋101"
    );

    // The teacher pool: the 达人 the survey found, confirmed; a teacher added.
    b.tab("师资库").await;
    b.wait_text("达人候选（1）").await;
    b.segment("达人候选（1）").await;
    b.row_button("剪纸", "确认入库")
        .await
        .click()
        .await
        .unwrap();
    b.choose("kind", "本土能人").await;
    b.click("确定").await;
    b.wait_text("暂无数据").await;
    b.segment("全部").await;
    b.click("添加教师").await;
    b.fill("name", "周老师").await;
    b.choose("kind", "专家").await;
    b.fill("skills", "书法，篆刻").await;
    b.click("添加").await;
    b.wait_text("周老师").await;
    b.assert_accessible("teacher pool").await;
    b.screenshot("32-staff-teachers").await;
    let pool = read(
        &app,
        &staff,
        "{ teachers(first: 10) { edges { node { name kind candidate skills } } } }",
    )
    .await;
    let pool: Vec<Value> = pool["teachers"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"].clone())
        .collect();
    assert!(pool.contains(&json!({"name": "周老师", "kind": "EXPERT", "candidate": false, "skills": ["书法", "篆刻"]})), "{pool:?}");
    assert!(
        pool.iter().any(|t| t["candidate"] == false
            && t["kind"] == "LOCAL_TALENT"
            && t["skills"] == json!(["剪纸"])),
        "{pool:?}"
    );

    // A monthly 达人服务日 on the 15th, six times with the first left out: the page shows the
    // dates before saving; the series is made; a tally of walk-ins counts on one of them.
    b.tab("活动").await;
    b.click("新建活动").await;
    b.fill("title", "达人服务日").await;
    b.choose("kind", "达人服务日").await;
    b.fill("place", "社区广场").await;
    b.css("#repeats").await.click().await.unwrap();
    b.fill("monthDay", "15").await;
    b.fill("count", "6").await;
    b.wait_text("共 6 场").await;
    let first = b
        .eval("return document.querySelector('.series-preview').textContent.split('：')[1].split('、')[0]")
        .await;
    let first = first.as_str().unwrap().to_string();
    b.css(".repeat-rule .ant-picker-multiple")
        .await
        .click()
        .await
        .unwrap();
    for _ in 0..3 {
        let found = b
            .eval(&format!("const c = document.querySelector(\"td[title='{first}']\"); if (c) c.click(); return !!c"))
            .await;
        if found == json!(true) {
            break;
        }
        b.eval("document.querySelector('.ant-picker-header-next-btn').click(); return 1")
            .await;
    }
    // The picker keeps its choice until it closes: a click beside it.
    b.css(".series-preview").await.click().await.unwrap();
    b.wait_text("共 5 场").await;
    b.click("发布").await;
    b.wait_text("已排 5 场").await;
    let today = (chrono::Utc::now() + chrono::Duration::hours(8))
        .date_naive()
        .to_string();
    let events = app
        .ok(
            Some(&staff),
            Some("liuli"),
            "query($d: Date!) { events(from: $d, days: 366) { id kind seriesId startsAt } }",
            json!({"d": today}),
        )
        .await;
    let series: Vec<&Value> = events["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "SERVICE_DAY")
        .collect();
    assert_eq!(series.len(), 5, "{events}");
    assert!(series.iter().all(|e| e["seriesId"] == series[0]["seriesId"]
        && !e["startsAt"].as_str().unwrap().starts_with(&first)));
    b.row_button("达人服务日", "记录人次")
        .await
        .click()
        .await
        .unwrap();
    b.fill("people", "12").await;
    b.click("记录").await;
    b.wait_text("已记录，共 12 人次").await;
    b.assert_accessible("events").await;
    b.screenshot("35-staff-events").await;

    // Paper: last month's ledger, downloaded and opened.
    b.tab("台账").await;
    b.click("下载台账（Excel）").await;
    let xlsx = b.downloaded("xlsx").await;
    let book = calamine::open_workbook_auto(&xlsx).expect("the ledger opens as a workbook");
    assert!(book.sheet_names().len() > 1, "{:?}", book.sheet_names());
    b.assert_accessible("paper").await;
    b.screenshot("33-staff-paper").await;
}
