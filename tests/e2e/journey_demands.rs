//! Demands from staff's pages (issue 32): one taken in for an elderly resident with their
//! grid, another reported for her from the registry (代办), answered, and confirmed for
//! her; the list by grid, the rates — each read back through the API; axe on each page.

use serde_json::json;

use crate::TestApp;
use crate::console::{district_with_officer, onboard_liuli};
use crate::console_browser::Browser;

#[tokio::test]
async fn a_demand_goes_from_intake_to_the_residents_confirmation() {
    let app = TestApp::spawn().await;
    let root = district_with_officer(&app).await;
    onboard_liuli(&app, &root).await;
    let staff = app.member(&root, "liuli-staff", "STAFF", "liuli").await;
    let read = |query: &'static str| {
        let (app, staff) = (&app, &staff);
        async move { app.ok(Some(staff), Some("liuli"), query, json!({})).await }
    };
    read(r#"mutation { createCourtyard(input: {name: "一网格", kind: GRID}) { id } }"#).await;
    read(r#"mutation { registerResident(input: {name: "李奶奶"}) { id } }"#).await;

    let dir = crate::temp_dir("console-demands");
    let b = Browser::open(&app.base(), &dir).await;
    b.sign_in("liuli-staff", "password-123").await;
    // From the registry: a demand reported for her (代提诉求).
    b.tab("居民库与代办").await;
    b.row_button("李奶奶", "代提诉求")
        .await
        .click()
        .await
        .unwrap();
    b.fill("title", "想参加合唱团").await;
    b.fill("category", "文化活动").await;
    b.click("确定").await;
    b.wait_text("诉求已代为提交").await;

    // On the demands page: another taken in with her grid, answered, confirmed for her.
    b.tab("诉求").await;
    b.click("代居民登记诉求").await;
    b.choose("person", "李奶奶").await;
    b.fill("title", "楼道灯不亮").await;
    b.fill("category", "设施维修").await;
    b.choose("gridId", "一网格").await;
    b.click("登记").await;
    b.wait_text("诉求已登记").await;
    b.row_button("楼道灯不亮", "答复")
        .await
        .click()
        .await
        .unwrap();
    b.fill("r", "物业已换灯泡").await;
    b.click("提交答复").await;
    b.wait_text("已答复").await;
    b.row_button("楼道灯不亮", "代居民确认")
        .await
        .click()
        .await
        .unwrap();
    b.click("确定").await;
    b.wait_text("居民认可，已办结").await;
    b.choose("demand-grid", "一网格").await;
    b.wait_gone("想参加合唱团").await;
    b.assert_accessible("demands by grid").await;
    b.screenshot("53-staff-demands").await;
    let demands = read("{ demands(all: true) { title residentName gridId status steps { step forResident } } demandStats { total confirmed } }").await;
    let lamp = demands["demands"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["title"] == "楼道灯不亮")
        .unwrap()
        .clone();
    assert_eq!(
        (&lamp["residentName"], &lamp["status"]),
        (&json!("李奶奶"), &json!("CONFIRMED"))
    );
    assert!(!lamp["gridId"].is_null());
    assert!(
        lamp["steps"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["forResident"] == true || s["step"] == "RESOLVED"),
        "{lamp}"
    );
    assert_eq!(demands["demandStats"], json!({"total": 2, "confirmed": 1}));
    // The community's own figures, as its district sees them.
    b.tab("本社区数据").await;
    b.wait_text("目标达成").await;
    b.assert_accessible("the community's figures").await;
    b.sign_out().await;
}
