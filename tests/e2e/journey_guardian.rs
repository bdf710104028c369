//! A guardian on a phone (issue 36): consents to show a child's work, then withdraws the
//! consent and the work leaves a neighbour's page at once; staff make a resident's copy of
//! their data at the counter — each checked through the API, axe on every page.

use serde_json::{Value, json};

use crate::TestApp;
use crate::console::{district_with_officer, onboard_liuli};
use crate::console_browser::Browser;

#[tokio::test]
async fn a_guardian_withdraws_consent_and_staff_copy_a_record_at_the_counter() {
    let app = TestApp::spawn().await;
    let root = district_with_officer(&app).await;
    onboard_liuli(&app, &root).await;
    let staff = app.member(&root, "liuli-staff", "STAFF", "liuli").await;
    let parent = app
        .named_member(&root, "liuli-parent", "李妈妈", "RESIDENT", "liuli")
        .await;
    let neighbour = app
        .member(&root, "liuli-neighbour", "RESIDENT", "liuli")
        .await;
    let q = |token: &str, query: &'static str, vars: Value| {
        let (app, token) = (&app, token.to_owned());
        async move { app.ok(Some(&token), Some("liuli"), query, vars).await }
    };
    let kid = q(
        &parent,
        "mutation { registerChild(name: \"李小花\", birthDate: \"2016-03-01\") { id } }",
        json!({}),
    )
    .await["registerChild"]["id"]
        .clone();
    let today = infra::local_time::today();
    let ex = q(
        &staff,
        "mutation($s: Date!, $e: Date!) { createExhibition(title: \"少儿画展\", kind: PAINTING, startsOn: $s, endsOn: $e) { id } }",
        json!({"s": today.to_string(), "e": (today + chrono::Duration::days(30)).to_string()}),
    )
    .await["createExhibition"]["id"]
        .clone();
    q(
        &staff,
        "mutation($x: ID!, $l: ID!) { addWork(exhibitionId: $x, learnerId: $l, title: \"小花的画\") { id } }",
        json!({"x": ex, "l": kid}),
    )
    .await;
    q(
        &staff,
        "mutation($x: ID!) { publishExhibition(exhibitionId: $x) }",
        json!({"x": ex}),
    )
    .await;
    let neighbour_sees = || async {
        let d = q(
            &neighbour,
            "{ exhibitions(first: 10) { nodes { works { title } } } }",
            json!({}),
        )
        .await;
        d["exhibitions"]["nodes"][0]["works"]
            .as_array()
            .map_or(0, Vec::len)
    };
    assert_eq!(
        neighbour_sees().await,
        0,
        "a minor's work waits for consent"
    );

    let dir = crate::temp_dir("console-guardian");
    let b = Browser::open_phone(&app.base(), &dir).await;
    b.sign_in("liuli-parent", "password-123").await;
    b.goto("#/r/liuli/events").await;
    b.click("同意展出李小花的作品").await;
    b.wait_text("已同意展出").await;
    assert_eq!(neighbour_sees().await, 1);
    b.click("撤回同意（不再展出李小花的作品）").await;
    b.wait_text("已撤回同意，作品不再展出").await;
    b.assert_accessible("events, consent withdrawn").await;
    b.screenshot("90-phone-consent-withdrawn").await;
    assert_eq!(neighbour_sees().await, 0, "withdrawn: gone at once");
    b.sign_out().await;

    // At the counter: staff make 李妈妈's copy from her record's drawer.
    let record = q(
        &staff,
        "mutation { registerResident(input: {name: \"王秀英\", phone: \"13700005555\"}) { id } }",
        json!({}),
    )
    .await;
    let desk = Browser::open(&app.base(), &crate::temp_dir("console-guardian-desk")).await;
    desk.sign_in("liuli-staff", "password-123").await;
    desk.tab("居民库与代办").await;
    desk.row_button("王秀英", "学习档案")
        .await
        .click()
        .await
        .unwrap();
    desk.wait_text("王秀英的学习档案").await;
    desk.click("导出个人信息副本").await;
    desk.assert_accessible("learner record, copy made").await;
    let pool = app.pool().await;
    let started = std::time::Instant::now();
    let copies = loop {
        let n: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM platform.audit_log
              WHERE operation = 'exportRegistryRecordData' AND outcome = 'ok' AND target::text LIKE $1",
        )
        .bind(format!("%{}%", record["registerResident"]["id"].as_str().unwrap()))
        .fetch_one(&pool)
        .await
        .unwrap();
        if n > 0 || started.elapsed().as_secs() > 15 {
            break n;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    };
    assert_eq!(
        copies, 1,
        "the counter's copy is audited with the record it is of"
    );
}
