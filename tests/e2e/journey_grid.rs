//! A grid worker at a 390 × 844 phone (issue 34): three 入户摸底 visits recorded in a dead spot
//! (the network switched off), kept on the phone and shown as waiting; staff register one of
//! those residents meanwhile; the network returns and the phone sends: each visit, answer and
//! resident written exactly once, the conflicting one shown to resolve and resolved (its
//! answers given to the resident already registered). Then 代办 (an enrolment), a demand taken
//! in and a patrol scheduled — each read back through the API, axe on every page.

use fantoccini::Locator;
use serde_json::{Value, json};

use crate::TestApp;
use crate::console::{district_with_officer, onboard_liuli, taichi};
use crate::console_browser::Browser;

const VISITS: [(&str, &str, &str); 3] = [
    ("3栋2单元501", "张桂兰", "13900000031"),
    ("3栋2单元502", "李淑芬", "13900000032"),
    ("5栋1单元101", "王德明", "13900000033"),
];

/// Tick an antd-mobile radio or checkbox by its text.
async fn tick(b: &Browser, text: &str) {
    let xpath = format!(
        "//label[(contains(@class,'adm-radio') or contains(@class,'adm-checkbox')) and normalize-space(.)='{text}']"
    );
    let el = b.find(Locator::XPath(&xpath)).await;
    // Clear of the fixed bottom navigation.
    b.client
        .execute(
            "arguments[0].scrollIntoView({block: 'center'})",
            vec![serde_json::to_value(&el).unwrap()],
        )
        .await
        .unwrap();
    el.click().await.unwrap();
}

async fn named(app: &TestApp, staff: &str, name: &str) -> Vec<Value> {
    app.ok(
        Some(staff),
        Some("liuli"),
        "query($n: String) { residents(name: $n) { nodes { id name household } } }",
        json!({"n": name}),
    )
    .await["residents"]["nodes"]
        .as_array()
        .unwrap()
        .clone()
}

async fn door_answers(app: &TestApp, staff: &str) -> Value {
    app.ok(
        Some(staff),
        Some("liuli"),
        "{ surveys(first: 5) { nodes { responseCount responsesByChannel { channel responses } } } }",
        json!({}),
    )
    .await["surveys"]["nodes"][0]
        .clone()
}

#[tokio::test]
async fn a_grid_worker_records_three_visits_offline_and_each_is_written_once() {
    let app = TestApp::spawn().await;
    let root = district_with_officer(&app).await;
    onboard_liuli(&app, &root).await;
    let staff = app.member(&root, "liuli-staff", "STAFF", "liuli").await;
    let (_, grid) = app
        .grid_worker(&root, &staff, "liuli-grid", "liuli", "一网格")
        .await;
    app.ok(Some(&staff), Some("liuli"),
        r#"mutation { createSurvey(input: {title: "入户摸底", threshold: 1, questions: [{kind: SINGLE, prompt: "家里有几位老人", options: ["没有", "一位", "两位及以上"]}, {kind: MULTIPLE, prompt: "需要哪些服务", options: ["助餐", "助浴", "陪诊"]}]}) }"#,
        json!({})).await;
    let course = taichi(&app, &staff).await;

    let dir = crate::temp_dir("console-grid");
    let b = Browser::open_phone(&app.base(), &dir).await;
    b.sign_in("liuli-grid", "password-123").await;
    b.wait_text("入户走访").await;
    b.wait_text("家里有几位老人").await;
    assert!(
        b.client
            .current_url()
            .await
            .unwrap()
            .as_str()
            .contains("#/g/liuli")
    );
    b.assert_accessible("the visit page").await;
    b.assert_no_sideways_scroll("the visit page").await;

    // A dead spot: three visits recorded with no network, each kept and shown as waiting.
    b.set_offline(true).await;
    for (i, (door, name, phone)) in VISITS.iter().enumerate() {
        b.fill("household", door).await;
        b.fill("name", name).await;
        b.fill("phone", phone).await;
        tick(&b, "一位").await;
        tick(&b, "助餐").await;
        b.click("保存走访").await;
        b.wait_text(&format!("{} 条待发送", i + 1)).await;
    }
    b.wait_text("没有网络").await;
    b.assert_accessible("visits kept offline").await;
    b.screenshot("85-grid-visits-offline").await;
    assert!(
        named(&app, &staff, "张桂兰").await.is_empty(),
        "nothing reached the server"
    );

    // Meanwhile staff register 王德明 at the office, with the number of the third visit.
    app.ok(Some(&staff), Some("liuli"),
        "mutation($g: ID!) { registerResident(input: {name: \"王德明\", phone: \"13900000033\", courtyardId: $g, household: \"5栋1单元101\"}) { id } }",
        json!({"g": grid})).await;

    // The network returns: the phone sends; the third is refused and shown to resolve.
    b.set_offline(false).await;
    b.click_css("a.m-outbox").await;
    b.wait_text("待发送").await;
    // Sent by itself: when the browser says the network is back (or the next try).
    b.wait_text("1 条需要处理").await;
    b.wait_text("没有被接受").await;
    b.wait_text("5栋1单元101 王德明").await;
    b.assert_accessible("the outbox").await;
    b.screenshot("86-grid-outbox-conflict").await;
    for (door, name, _) in &VISITS[..2] {
        let found = named(&app, &staff, name).await;
        assert_eq!(found.len(), 1, "{name} written once: {found:?}");
        assert_eq!(found[0]["household"], *door);
    }
    assert_eq!(
        named(&app, &staff, "王德明").await.len(),
        1,
        "not registered twice"
    );
    let answers = door_answers(&app, &staff).await;
    assert_eq!(answers["responseCount"], 2, "{answers}");
    assert_eq!(
        answers["responsesByChannel"],
        json!([{"channel": "DOOR_TO_DOOR", "responses": 2}])
    );

    // Resolved: the answers go to the 王德明 staff registered.
    b.click("这位居民已登记：问卷记到他名下").await;
    b.wait_text("都已发送").await;
    let wang = named(&app, &staff, "王德明").await;
    assert_eq!(wang.len(), 1);
    // (A learner's record lists the surveys of residents with accounts; 王德明 has none, so
    // the door-to-door count says his answers arrived, once.)
    let answers = door_answers(&app, &staff).await;
    assert_eq!(answers["responseCount"], 3, "{answers}");
    assert_eq!(
        answers["responsesByChannel"],
        json!([{"channel": "DOOR_TO_DOOR", "responses": 3}])
    );

    // 代办: 张桂兰 enrolled in 太极拳 from her row on 居民.
    b.click_css(".m-tabbar a[href$='/residents']").await;
    b.wait_text("共 3 人").await; // the visit list: the grid's residents, door by door
    b.fill("residents-search", "张桂兰").await;
    b.click("查找").await;
    b.wait_text("3栋2单元501").await;
    b.assert_accessible("residents").await;
    b.click_css("a[href*='/help/']").await;
    b.wait_text("为张桂兰代办").await;
    b.click_css("button[aria-label='为张桂兰报名太极拳']").await;
    b.wait_text("已为张桂兰报名").await;
    b.assert_accessible("acting for a resident").await;
    let roster = app
        .ok(
            Some(&staff),
            Some("liuli"),
            "query($c: ID!) { courseRoster(courseId: $c) { learnerName status } }",
            json!({"c": course}),
        )
        .await;
    assert_eq!(
        roster["courseRoster"],
        json!([{"learnerName": "张桂兰", "status": "ENROLLED"}])
    );

    // A demand taken in at the door, and a patrol scheduled.
    b.click_css(".m-tabbar a[href$='/demands']").await;
    b.fill("forName", "李淑芬").await;
    b.fill("title", "楼道灯坏了").await;
    b.click("登记诉求").await;
    b.wait_text("诉求已登记").await;
    b.wait_text("楼道灯坏了").await;
    b.assert_accessible("demands").await;
    let demands = app
        .ok(
            Some(&staff),
            Some("liuli"),
            "{ demands(all: true) { title detail gridId } }",
            json!({}),
        )
        .await;
    assert_eq!(
        demands["demands"],
        json!([{"title": "楼道灯坏了", "detail": "居民：李淑芬", "gridId": grid}])
    );
    b.click_css(".m-tabbar a[href$='/patrols']").await;
    b.fill("patrol-route", "3栋—5栋—车棚").await;
    b.click("安排").await;
    b.wait_text("巡查已安排").await;
    b.wait_text("3栋—5栋—车棚").await;
    b.assert_accessible("patrols").await;
    b.screenshot("87-grid-patrols").await;
    b.sign_out().await;
}

/// A 居民小组长 gets the pages of what they may do: visits, residents and walk-ins — no
/// demands or patrols, no enrolments for others (the API refuses those to them).
#[tokio::test]
async fn a_group_leader_sees_only_what_a_group_leader_may_do() {
    let app = TestApp::spawn().await;
    let root = district_with_officer(&app).await;
    onboard_liuli(&app, &root).await;
    app.member(&root, "liuli-leader", "GROUP_LEADER", "liuli")
        .await;
    let dir = crate::temp_dir("console-group-leader");
    let b = Browser::open_phone(&app.base(), &dir).await;
    b.sign_in("liuli-leader", "password-123").await;
    b.wait_text("入户走访").await;
    let nav = b
        .eval("return [...document.querySelectorAll('.m-tabbar a')].map(a => a.textContent)")
        .await;
    assert_eq!(nav, json!(["走访", "居民", "代办"]));
    b.assert_accessible("a group leader's visit page").await;
    b.sign_out().await;
}
