//! The platform administrator's settings in a real browser (issue 36): how long each kind of
//! record is kept, the audit log never below six months — checked through the API, axe on the
//! page.

use fantoccini::Locator;
use serde_json::json;

use crate::console::district_with_officer;
use crate::console_browser::Browser;
use crate::{ROOT_PASSWORD, TestApp};

#[tokio::test]
async fn the_platform_administrator_sets_how_long_records_are_kept() {
    let app = TestApp::spawn().await;
    let root = district_with_officer(&app).await;
    let dir = crate::temp_dir("console-platform");
    let b = Browser::open(&app.base(), &dir).await;
    b.sign_in("root", ROOT_PASSWORD).await;
    b.goto("#/d/510199/retention").await;
    b.wait_text("保存期限（到期后由系统自动删除）").await;

    let hours = b
        .find(Locator::Css("input[aria-label='审计日志保存小时数']"))
        .await;
    hours
        // Select all, release, erase, type (WebDriver's key code points).
        .send_keys("\u{E009}a\u{E000}\u{E003}5000")
        .await
        .unwrap();
    b.row_button("审计日志", "保存")
        .await
        .click()
        .await
        .unwrap();
    b.wait_text("已保存：审计日志保存 5000 小时").await;
    b.assert_accessible("retention").await;
    b.screenshot("89-platform-retention").await;
    let periods = app
        .ok(
            Some(&root),
            None,
            "{ retentionPeriods { kind keepHours } }",
            json!({}),
        )
        .await;
    let audit = periods["retentionPeriods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["kind"] == "AUDIT_LOG")
        .unwrap()
        .clone();
    assert_eq!(audit["keepHours"], 5000);

    // Below six months the API refuses, whatever the page lets through.
    let refused = app
        .gql(
            Some(&root),
            None,
            "mutation { setRetentionPeriod(kind: AUDIT_LOG, keepHours: 100) { keepHours } }",
            json!({}),
        )
        .await;
    assert_eq!(crate::code(&refused), "BAD_USER_INPUT");
    b.sign_out().await;
}
