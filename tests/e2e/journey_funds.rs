//! A community fund from staff's page (issue 32): opened, income recorded, spending asked for
//! by one staff member and approved by another (paid at once), the payment reversed with a
//! reason — each read back through the API; axe on each page.

use serde_json::json;

use crate::TestApp;
use crate::console::{district_with_officer, onboard_liuli};
use crate::console_browser::Browser;

#[tokio::test]
async fn a_funds_spending_is_asked_by_one_and_approved_by_another() {
    let app = TestApp::spawn().await;
    let root = district_with_officer(&app).await;
    onboard_liuli(&app, &root).await;
    app.member(&root, "liuli-staff", "STAFF", "liuli").await;
    app.member(&root, "liuli-staff2", "STAFF", "liuli").await;

    let dir = crate::temp_dir("console-funds");
    let b = Browser::open(&app.base(), &dir).await;
    b.sign_in("liuli-staff", "password-123").await;
    b.tab("社区基金").await;
    b.click("设立基金").await;
    b.fill("name", "邻里互助金").await;
    b.fill("purpose", "帮助院落里的困难老人").await;
    b.click("设立").await;
    b.wait_text("基金「邻里互助金」已设立").await;
    b.choose_starting("fund", "邻里互助金").await;
    b.click("记收入").await;
    b.fill("yuan", "500").await;
    b.fill("purpose", "重阳节募捐").await;
    b.click("入账").await;
    b.wait_text("收入已入账").await;
    b.click("申请支出").await;
    b.fill("yuan", "120").await;
    b.fill("purpose", "慰问困难老人").await;
    b.click("提交申请").await;
    b.wait_text("已提交，待另一位工作人员审批").await;
    b.assert_accessible("a fund").await;
    b.sign_out().await;

    // Another staff member approves it (paid at once) and then reverses the payment.
    b.sign_in("liuli-staff2", "password-123").await;
    b.tab("社区基金").await;
    b.choose_starting("fund", "邻里互助金").await;
    b.click("批准").await;
    b.wait_text("已批准并支付").await;
    b.wait_text("余额 ¥380.00").await;
    b.click("冲正").await;
    b.fill("reason", "重复支付").await;
    b.click("确认冲正").await;
    b.wait_text("已冲正").await;
    b.wait_text("余额 ¥500.00").await;
    b.assert_accessible("a fund's statement").await;
    b.screenshot("52-staff-fund").await;
    // (Signing out in the browser ended the first sessions: a new one reads.)
    let staff = app.login("liuli-staff2", "password-123").await;
    let funds = app
        .ok(
            Some(&staff),
            Some("liuli"),
            "{ funds { id balanceFen } }",
            json!({}),
        )
        .await;
    assert_eq!(funds["funds"][0]["balanceFen"], 50000);
    let statement = app
        .ok(
            Some(&staff),
            Some("liuli"),
            "query($f: ID!) { fundStatement(fundId: $f) { kind amountFen } fundRequests(fundId: $f) { status } }",
            json!({"f": funds["funds"][0]["id"]}),
        )
        .await;
    let mut kinds: Vec<String> = statement["fundStatement"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| format!("{} {}", m["kind"].as_str().unwrap(), m["amountFen"]))
        .collect();
    kinds.sort();
    assert_eq!(
        kinds,
        ["DONATION 50000", "REVERSAL 12000", "SPENDING -12000"],
        "{statement}"
    );
    assert_eq!(statement["fundRequests"], json!([{"status": "PAID"}]));
    b.sign_out().await;
}
