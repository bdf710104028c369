//! A district officer's month in a real browser, every step checked through the API: a street
//! added, communities onboarded into it from a CSV and one placed in it afterwards, a
//! community's staff account created, a target and a pilot group set, a university's
//! district-wide partnership approved, the dashboard read down to one community and exported,
//! and the 数据大屏. Accessibility is checked on every page; screenshots go to docs/console/.

use serde_json::{Value, json};

use crate::TestApp;
use crate::console::district_with_officer;
use crate::console_browser::Browser;

const CSV: &str = "slug,name,kind,street,households
liuli,琉璃社区,老旧院落,东城街道,1200
qingyuan,青苑社区,COMMERCIAL_HOUSING,,800
nowhere,无处社区,MIXED,西城街道,
";

/// A university registers and asks the whole district for a partnership; its id.
async fn university_asks(app: &TestApp) -> Value {
    let org = app
        .ok(
            None,
            None,
            r#"mutation { registerOrganisation(
                admin: {loginName: "wzu-admin", displayName: "温大联络人", password: "password-123"},
                organisation: {name: "温州大学", kind: UNIVERSITY, contact: "0577-86598000"}) { id } }"#,
            json!({}),
        )
        .await["registerOrganisation"]["id"]
        .clone();
    let admin = app.login("wzu-admin", "password-123").await;
    app.ok(
        Some(&admin),
        None,
        "mutation($o: ID!) { requestPartnership(organisationId: $o, districtCode: \"510199\") { id } }",
        json!({"o": org}),
    )
    .await["requestPartnership"]["id"]
        .clone()
}

/// A query as the platform admin, read back after a step in the browser.
async fn read(app: &TestApp, root: &str, query: &str) -> Value {
    app.ok(Some(root), None, query, json!({})).await
}

#[tokio::test]
async fn an_officer_runs_the_district_for_a_month() {
    let app = TestApp::spawn().await;
    let root = district_with_officer(&app).await;
    let partnership = university_asks(&app).await;
    let dir = crate::temp_dir("console-district");
    let b = Browser::open(&app.base(), &dir).await;
    b.goto("").await;
    b.sign_in("officer", "password-123").await;
    b.wait_text("测试新区").await;

    // Structure: a street (街道), then communities onboarded into it from a CSV.
    b.tab("街道与社区").await;
    b.click("添加街道").await;
    b.fill("name", "东城街道").await;
    b.fill("code", "510199001").await;
    b.click("添加").await;
    b.wait_text("东城街道（0）").await;
    let csv = dir.join("communities.csv");
    std::fs::write(&csv, CSV).unwrap();
    b.upload(&csv).await;
    b.wait_text("已处理 3 / 3").await;
    b.wait_text("街道“西城街道”不在本区").await;
    b.wait_text("东城街道（1）").await;
    b.assert_accessible("district structure").await;
    b.screenshot("20-district-structure").await;
    let street = read(
        &app,
        &root,
        r#"{ district(code: "510199001") { parent { code } communities { slug } } }"#,
    )
    .await;
    assert_eq!(
        street["district"],
        json!({"parent": {"code": "510199"}, "communities": [{"slug": "liuli"}]})
    );
    // 青苑社区, onboarded without a street, placed in 东城街道 afterwards (its figures follow).
    b.row_button("qingyuan", "调整街道")
        .await
        .click()
        .await
        .unwrap();
    b.choose("to", "东城街道").await;
    b.click("确定").await;
    b.wait_text("东城街道（2）").await;
    let street = read(
        &app,
        &root,
        r#"{ district(code: "510199001") { communities { slug } } }"#,
    )
    .await;
    assert_eq!(
        street["district"]["communities"],
        json!([{"slug": "liuli"}, {"slug": "qingyuan"}])
    );

    // People: a staff account for 琉璃社区, created and granted from the page.
    b.tab("人员与角色").await;
    b.wait_text("区县干部").await;
    b.segment("社区人员").await;
    b.choose("people-community", "琉璃社区").await;
    b.click("添加人员").await;
    // A taken login name: the API's error shows under that field, and nothing is written.
    b.fill("loginName", "officer").await;
    b.fill("displayName", "张社工").await;
    b.fill("password", "password-123").await;
    b.choose("role", "社区工作者").await;
    b.click("添加").await;
    b.wait_text("该登录名已被使用").await;
    let beside = b
        .eval("return document.querySelector('#loginName').closest('.ant-form-item').innerText")
        .await;
    assert!(
        beside.as_str().unwrap().contains("该登录名已被使用"),
        "{beside}"
    );
    b.fill("loginName", "liuli-zhang").await;
    b.click("添加").await;
    b.wait_text("liuli-zhang").await;
    b.assert_accessible("district people").await;
    b.screenshot("21-district-people").await;
    let zhang = app.login("liuli-zhang", "password-123").await;
    let me = app
        .ok(
            Some(&zhang),
            None,
            "{ me { memberships { role communitySlug } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        me["me"]["memberships"],
        json!([{"role": "STAFF", "communitySlug": "liuli"}])
    );

    // A target for the whole district: 季季有交流.
    b.tab("工作目标").await;
    b.fill("name", "季季有交流").await;
    b.choose("figure", "活动场次：交流").await;
    b.choose("period", "每季度").await;
    b.click("保存").await;
    b.wait_text("季季有交流").await;
    b.assert_accessible("district targets").await;
    b.screenshot("22-district-targets").await;
    let targets = read(
        &app,
        &root,
        r#"{ districtTargets(districtCode: "510199") { name figure period minValue } }"#,
    )
    .await;
    assert_eq!(
        targets["districtTargets"],
        json!([{"name": "季季有交流", "figure": "courses.events_exchange", "period": "QUARTER", "minValue": 1}])
    );

    // A pilot group, compared with the rest.
    b.tab("试点").await;
    b.fill("name", "先行试点").await;
    b.choose("communities", "琉璃社区").await;
    // A multiple select stays open after a choice: Escape closes it.
    b.css("#communities")
        .await
        .send_keys("\u{E00C}")
        .await
        .unwrap();
    b.click("保存").await;
    b.row_button("先行试点", "对比其余社区")
        .await
        .click()
        .await
        .unwrap();
    b.wait_text("试点与其余社区").await;
    b.assert_accessible("district pilot groups").await;
    b.screenshot("23-district-pilots").await;
    let pilots = read(
        &app,
        &root,
        r#"{ pilotGroups(districtCode: "510199") { name communities } }"#,
    )
    .await;
    assert_eq!(
        pilots["pilotGroups"],
        json!([{"name": "先行试点", "communities": ["liuli"]}])
    );

    // The university's district-wide partnership, approved.
    b.tab("共建申请").await;
    b.row_button("温州大学", "同意")
        .await
        .click()
        .await
        .unwrap();
    b.click("确定").await;
    b.wait_text("暂无数据").await;
    let asked = app
        .ok(Some(&root), None, r#"{ districtPartnershipRequests(districtCode: "510199") { partnership { id status } } }"#, json!({}))
        .await;
    assert_eq!(
        asked["districtPartnershipRequests"],
        json!([{"partnership": {"id": partnership, "status": "APPROVED"}}])
    );
    b.segment("已通过").await;
    b.wait_text("温州大学").await;
    b.assert_accessible("district partnerships").await;
    b.screenshot("24-district-partnerships").await;

    // The dashboard, down to one community, exported as CSV.
    b.tab("数据看板").await;
    b.wait_text("社区排名").await;
    b.click("下载 CSV").await;
    let file = b.downloaded("csv").await;
    let csv = std::fs::read_to_string(&file).unwrap();
    assert!(
        csv.contains("琉璃社区") && csv.contains("青苑社区"),
        "{csv}"
    );
    std::fs::remove_file(file).unwrap();
    // The same view of the pilot group alone, exported: only its community.
    b.choose("filter-group", "先行试点").await;
    b.click("下载 CSV").await;
    let csv = std::fs::read_to_string(b.downloaded("csv").await).unwrap();
    assert!(
        csv.contains("琉璃社区") && !csv.contains("青苑社区"),
        "{csv}"
    );
    b.css(".community-tile a").await;
    b.eval("[...document.querySelectorAll('.community-tile a')].find(a => a.textContent === '琉璃社区').click(); return 1").await;
    b.wait_text("目标达成").await;
    b.wait_text("季季有交流").await;
    b.assert_accessible("a community's figures").await;
    b.screenshot("25-district-community-figures").await;

    // The 数据大屏: dark, large, nothing to click, refreshing itself.
    b.goto("#/d/510199/wall").await;
    b.wait_text("本月报名人次前十").await;
    b.assert_accessible("数据大屏").await;
    let look = b
        .eval(
            "const w = document.querySelector('.wall'); const s = getComputedStyle(w);
             return [s.backgroundColor, parseFloat(s.fontSize), Number(w.dataset.refreshMs),
                     document.querySelectorAll('.wall button, .wall input').length,
                     !!document.querySelector('.shell-header')]",
        )
        .await;
    assert_eq!(look, json!(["rgb(11, 18, 32)", 28, 300000, 0, false]));
    b.screenshot("26-district-wall").await;

    // The university's admin, a partner member of the whole district now, lands on the
    // organisation's pages — not on the district's dashboard, which it may not read.
    b.goto("").await;
    b.sign_out().await;
    b.sign_in("wzu-admin", "password-123").await;
    b.wait_text("共建关系").await;
    b.wait_text("已通过").await;
    assert!(!b.body_text().await.contains("数据看板"));
    assert!(
        b.client
            .current_url()
            .await
            .unwrap()
            .as_str()
            .contains("#/p/")
    );
    b.assert_accessible("a partner organisation's pages").await;
    b.screenshot("27-partner-organisation").await;

    // A grid worker of 琉璃社区 lands on the grid worker's pages (on the phone frame).
    app.member(&root, "liuli-grid", "GRID_WORKER", "liuli")
        .await;
    b.sign_out().await;
    b.sign_in("liuli-grid", "password-123").await;
    b.wait_text("入户走访").await;
    assert!(
        b.client
            .current_url()
            .await
            .unwrap()
            .as_str()
            .contains("#/g/liuli")
    );
    b.assert_accessible("a grid worker's pages").await;
}
