//! Erasure in the console (issue 36, PIPL art. 47): a grandmother on her phone sees that her
//! erasure waits for the child in her care, erases the child's record, then her own account
//! with her password, and is signed out for good; staff erase the record of a resident without
//! an account from the learning record's drawer. Each step checked through the API and the
//! database, axe on every page.

use serde_json::json;

use crate::console::{district_with_officer, onboard_liuli};
use crate::console_browser::Browser;
use crate::{TestApp, code};

#[tokio::test]
async fn a_resident_erases_her_grandchild_then_herself_and_staff_erase_a_record() {
    let app = TestApp::spawn().await;
    let root = district_with_officer(&app).await;
    onboard_liuli(&app, &root).await;
    let staff = app.member(&root, "liuli-staff", "STAFF", "liuli").await;
    let resident = app
        .named_member(&root, "liuli-wu", "吴奶奶", "RESIDENT", "liuli")
        .await;
    let l = Some("liuli");
    app.ok(
        Some(&resident),
        l,
        "mutation { registerChild(name: \"吴小宝\", birthDate: \"2017-05-01\") { id } }",
        json!({}),
    )
    .await;
    app.ok(
        Some(&staff),
        l,
        "mutation { registerResident(input: {name: \"孙大爷\", birthDate: \"1939-09-09\", phone: \"13700005555\"}) { id } }",
        json!({}),
    )
    .await;
    let pool = app.pool().await;

    let dir = crate::temp_dir("console-erasure");
    let b = Browser::open_phone(&app.base(), &dir).await;
    b.sign_in("liuli-wu", "password-123").await;
    b.goto("#/r/liuli/me").await;
    b.find(fantoccini::Locator::XPath(
        "//a[contains(normalize-space(.), '注销账号')]",
    ))
    .await
    .click()
    .await
    .unwrap();
    b.wait_text("注销前请先办完这些事").await;
    b.wait_text("照护着 1 个孩子的档案").await;
    b.assert_accessible("erasure waits").await;
    b.screenshot("91-phone-erase-waits").await;

    // The grandchild's record first.
    b.click("注销吴小宝的档案").await;
    b.click("确定注销").await;
    b.wait_text("孩子的档案已注销").await;
    let kids = app
        .ok(
            Some(&resident),
            l,
            "{ myLearners { name isChild } }",
            json!({}),
        )
        .await;
    assert_eq!(kids["myLearners"], json!([]));
    let left: i64 =
        sqlx::query_scalar("SELECT count(*) FROM c_liuli.learners WHERE name = '吴小宝'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(left, 0);

    // Then herself: nothing waits now; her password, one confirmation, and she is signed out.
    b.wait_gone("注销前请先办完这些事").await;
    b.fill("password", "password-123").await;
    b.assert_accessible("erasure, ready").await;
    b.click("注销我的账号").await;
    b.click("确定注销").await;
    b.wait_text("您的账号已注销").await;
    b.screenshot("92-phone-erased").await;
    b.click("知道了").await;
    b.css("#loginName").await;
    let again = app
        .gql(
            None,
            None,
            "mutation { login(loginName: \"liuli-wu\", password: \"password-123\") { token } }",
            json!({}),
        )
        .await;
    assert_eq!(code(&again), "UNAUTHENTICATED");
    let (name, erased): (String, bool) = sqlx::query_as(
        "SELECT display_name, erased_at IS NOT NULL FROM platform.accounts
          WHERE id = (SELECT account_id FROM platform.audit_log
                       WHERE operation = 'eraseMyAccount' AND outcome = 'ok')",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(erased && name.starts_with("已注销"), "{name}");

    // Staff erase a record without an account, at the counter.
    let desk = Browser::open(&app.base(), &crate::temp_dir("console-erasure-staff")).await;
    desk.sign_in("liuli-staff", "password-123").await;
    desk.goto("#/c/liuli/registry").await;
    desk.row_button("孙大爷", "学习档案")
        .await
        .click()
        .await
        .unwrap();
    desk.wait_text("孙大爷的学习档案").await;
    desk.click("注销档案").await;
    desk.assert_accessible("erasing a record").await;
    desk.screenshot("93-staff-erase-record").await;
    desk.click("确定注销").await;
    desk.wait_text("档案已注销").await;
    let found = app
        .ok(
            Some(&staff),
            l,
            "{ residents(name: \"孙大爷\") { edges { node { id } } } }",
            json!({}),
        )
        .await;
    assert_eq!(found["residents"]["edges"], json!([]));
    let (named, erased): (i64, i64) = sqlx::query_as(
        "SELECT count(*) FILTER (WHERE name IN ('吴小宝', '孙大爷', '吴奶奶')),
                count(*) FILTER (WHERE erased_at IS NOT NULL AND phone_lookup IS NULL
                                   AND birth_date IS NULL AND name LIKE '已注销%')
           FROM c_liuli.learners",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(named, 0);
    assert!(
        erased >= 2,
        "the grandchild's record and 孙大爷's: {erased}"
    );
}
