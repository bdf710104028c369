//! The three lists (三张清单) from staff's page (issue 32), in a real browser and checked
//! through the API: a need entered, the offer that fits suggested for it, the match confirmed
//! and closed with its outcome; axe on each page.

use serde_json::json;

use crate::TestApp;
use crate::console::{district_with_officer, onboard_liuli};
use crate::console_browser::{Browser, ENTER};

#[tokio::test]
async fn a_need_is_matched_from_the_three_lists_and_closed() {
    let app = TestApp::spawn().await;
    let root = district_with_officer(&app).await;
    onboard_liuli(&app, &root).await;
    let staff = app.member(&root, "liuli-staff", "STAFF", "liuli").await;
    app.ok(
        Some(&staff),
        Some("liuli"),
        r#"mutation { addListEntry(input: {kindCode: "resource", title: "爱心食堂送餐队", category: "助老", skills: ["送餐"]}) { id } }"#,
        json!({}),
    )
    .await;

    let dir = crate::temp_dir("console-lists");
    let b = Browser::open(&app.base(), &dir).await;
    b.sign_in("liuli-staff", "password-123").await;
    b.tab("三张清单").await;
    b.wait_text("爱心食堂送餐队").await;
    b.click("登记一条").await;
    b.choose("kindCode", "需求清单（需求）").await;
    b.fill("title", "独居老人午餐送餐").await;
    b.fill("category", "助老").await;
    b.css("#skills")
        .await
        .send_keys(&format!("送餐{ENTER}"))
        .await
        .unwrap();
    b.click("登记").await;
    b.wait_text("已登记").await;
    b.row_button("独居老人午餐送餐", "找资源对接")
        .await
        .click()
        .await
        .unwrap();
    b.wait_text("可对接的资源或服务").await;
    b.click_in("ant-drawer-body", "确认对接").await;
    b.wait_text("已确认对接").await;
    b.click("办结").await;
    b.fill("outcome", "每天中午送到，已送两周").await;
    b.click("确定").await;
    b.wait_text("已办成").await;
    b.assert_accessible("the three lists").await;
    b.screenshot("51-staff-three-lists").await;
    let lists = app
        .ok(
            Some(&staff),
            Some("liuli"),
            "{ listEntries(kindCode: \"demand\") { title matches { status outcome } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        lists["listEntries"],
        json!([{"title": "独居老人午餐送餐", "matches": [{"status": "DONE", "outcome": "每天中午送到，已送两周"}]}])
    );
    b.sign_out().await;
}
