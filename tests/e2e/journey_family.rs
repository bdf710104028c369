//! Staff record, on the desktop, the consent an 80-year-old gave in person for her son to act
//! for her (家人代办, issue 33) — read back through the API; axe on the page.

use serde_json::json;

use crate::TestApp;
use crate::console::{district_with_officer, onboard_liuli};
use crate::console_browser::Browser;

#[tokio::test]
async fn staff_record_a_mothers_consent_given_in_person() {
    let app = TestApp::spawn().await;
    let root = district_with_officer(&app).await;
    onboard_liuli(&app, &root).await;
    let staff = app.member(&root, "liuli-staff", "STAFF", "liuli").await;
    app.ok(
        Some(&staff),
        Some("liuli"),
        "mutation { registerResident(input: {name: \"王秀英\", phone: \"13900001111\"}) { id } }",
        json!({}),
    )
    .await;
    let son = app
        .named_member(&root, "liuli-son", "李明", "RESIDENT", "liuli")
        .await;
    app.ok(
        Some(&son),
        Some("liuli"),
        "mutation { askFamilyHelp(name: \"王秀英\", phone: \"13900001111\", relation: \"儿子\") { id } }",
        json!({}),
    )
    .await;

    let dir = crate::temp_dir("console-family");
    let b = Browser::open(&app.base(), &dir).await;
    b.sign_in("liuli-staff", "password-123").await;
    b.tab("家人代办").await;
    b.wait_text("李明（儿子）").await;
    b.assert_accessible("family help waiting").await;
    b.screenshot("81-staff-family-help").await;
    b.click("记录当面同意").await;
    b.click("已当面同意").await;
    b.wait_text("已记录同意").await;
    b.wait_text("没有等待的申请").await;
    let mine = app
        .ok(
            Some(&son),
            Some("liuli"),
            "{ myFamilyHelp { learnerName status inPerson } }",
            json!({}),
        )
        .await;
    assert_eq!(
        mine["myFamilyHelp"],
        json!([{"learnerName": "王秀英", "status": "GRANTED", "inPerson": true}])
    );
    b.sign_out().await;
}
