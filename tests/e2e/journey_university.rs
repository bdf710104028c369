//! A university registers itself on the public page, adds a student, forms two teams and asks
//! 琉璃社区 to partner; the community approves (issue 34, begun) — each step read back through
//! the API, axe on every page.

use serde_json::json;

use crate::TestApp;
use crate::console::{district_with_officer, onboard_liuli};
use crate::console_browser::Browser;

#[tokio::test]
async fn a_university_registers_forms_two_teams_and_is_approved() {
    let app = TestApp::spawn().await;
    let root = district_with_officer(&app).await;
    onboard_liuli(&app, &root).await;
    let staff = app.member(&root, "liuli-staff", "STAFF", "liuli").await;

    let dir = crate::temp_dir("console-university");
    let b = Browser::open(&app.base(), &dir).await;
    b.goto("").await;
    b.find(fantoccini::Locator::LinkText(
        "高校、企业、社会组织：注册成为共建单位",
    ))
    .await
    .click()
    .await
    .unwrap();
    b.wait_text("共建单位注册").await;
    b.assert_accessible("registration").await;
    b.fill("name", "温州大学").await;
    b.fill("contact", "0577-86680000").await;
    b.fill("loginName", "wzu-admin").await;
    b.fill("displayName", "温大联络人").await;
    b.fill("password", "wzu-password-1").await;
    b.click("注册").await;
    b.wait_text("共建关系").await;
    b.wait_text("温州大学").await;

    b.click("添加成员").await;
    b.fill("displayName", "李同学").await;
    b.fill("loginName", "wzu-li").await;
    b.fill("password", "wzu-password-2").await;
    b.click_in("ant-modal-body", "添加").await;
    b.wait_text("已添加").await;
    b.wait_text("李同学").await;
    for (team, leader) in [("支教队", "温大联络人"), ("助老队", "李同学")] {
        b.click("组建团队").await;
        b.fill("name", team).await;
        b.choose("leaderId", leader).await;
        b.fill("contact", "0577-86680001").await;
        b.click_in("ant-modal-body", "组建").await;
        b.wait_text("团队已组建").await;
        b.wait_text(team).await;
    }
    b.click("申请共建").await;
    b.fill("slug", "liuli").await;
    b.click_in("ant-modal-body", "提交申请").await;
    b.wait_text("已提交共建申请").await;
    b.assert_accessible("the organisation").await;
    b.screenshot("82-university-organisation").await;

    // The community approves; the organisation reads it back.
    let asked = app
        .ok(
            Some(&staff),
            Some("liuli"),
            "{ partnershipRequests { partnership { id } organisation { name } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        asked["partnershipRequests"][0]["organisation"]["name"],
        "温州大学"
    );
    app.ok(
        Some(&staff),
        Some("liuli"),
        "mutation($p: ID!) { decidePartnership(id: $p, approve: true) { status } }",
        json!({"p": asked["partnershipRequests"][0]["partnership"]["id"]}),
    )
    .await;
    let admin = app.login("wzu-admin", "wzu-password-1").await;
    let mine = app
        .ok(
            Some(&admin),
            None,
            "{ myOrganisations { myRole teams { name } members { displayName } partnerships { status } } }",
            json!({}),
        )
        .await;
    let o = &mine["myOrganisations"][0];
    assert_eq!(o["myRole"], "ADMIN");
    assert_eq!(o["teams"], json!([{"name": "助老队"}, {"name": "支教队"}]));
    assert_eq!(o["members"].as_array().unwrap().len(), 2, "{o}");
    assert_eq!(o["partnerships"], json!([{"status": "APPROVED"}]));
    b.reload().await;
    b.wait_text("已通过").await;
    b.sign_out().await;
}
