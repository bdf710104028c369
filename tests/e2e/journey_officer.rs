//! A district officer's day in a real browser: onboarding communities from a CSV, watching the
//! enrolments reach the dashboard, downloading it as Excel, suspending a community — checked
//! through the API, accessibility checked on every page.

use calamine::Reader;
use serde_json::json;

use crate::TestApp;
use crate::console::{CSV, district_with_officer, taichi};
use crate::console_browser::Browser;

#[tokio::test]
async fn an_officer_onboards_from_a_csv_and_sends_the_figures_up() {
    let app = TestApp::spawn().await;
    let root = district_with_officer(&app).await;
    let dir = crate::temp_dir("console-officer");
    let b = Browser::open(&app.base(), &dir).await;

    // Sign in with the keyboard; the officer's one district opens.
    b.goto("").await;
    b.css("#loginName").await;
    b.assert_accessible("sign-in").await;
    b.screenshot("01-sign-in").await;
    b.sign_in("officer", "password-123").await;
    b.wait_text("测试新区").await;

    // Onboard from a CSV: a progress bar, a result per row, the bad row named.
    b.tab("街道与社区").await;
    let csv = dir.join("communities.csv");
    std::fs::write(&csv, CSV).unwrap();
    b.upload(&csv).await;
    b.wait_text("已处理 3 / 3").await;
    let rows = b
        .eval("return [...document.querySelectorAll('.batch-rows tbody tr')].map(r => r.innerText)")
        .await;
    let rows: Vec<String> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap().to_string())
        .collect();
    assert!(
        rows[0].contains("liuli") && rows[0].contains("已开通"),
        "{rows:?}"
    );
    assert!(
        rows[1].contains("qingyuan") && rows[1].contains("已开通"),
        "{rows:?}"
    );
    assert!(
        rows[2].contains("格式有误") && rows[2].contains("城堡"),
        "{rows:?}"
    );
    b.wait_text("琉璃社区").await;
    b.assert_accessible("district communities").await;
    b.screenshot("02-district-onboarding").await;
    b.sign_out().await;

    // Two residents of 琉璃社区 enrol in a course its staff made.
    let staff = app.member(&root, "liuli-staff", "STAFF", "liuli").await;
    let course = taichi(&app, &staff).await;
    for login in ["liuli-resident", "liuli-neighbour"] {
        let resident = app.member(&root, login, "RESIDENT", "liuli").await;
        app.ok(
            Some(&resident),
            Some("liuli"),
            "mutation($c: ID!) { enrol(courseId: $c) { status } }",
            json!({"c": course}),
        )
        .await;
    }

    // The officer sees the enrolments on the dashboard, then downloads the Excel file.
    b.sign_in("officer", "password-123").await;
    let started = std::time::Instant::now();
    b.goto("#/d/510199/dashboard").await;
    loop {
        // A reload, not a hash change: the console keeps answers for half a minute.
        b.client.refresh().await.unwrap();
        b.wait_text("社区排名").await;
        let tile = b.eval("return [...document.querySelectorAll('.community-tile')].find(t => t.innerText.includes('琉璃社区'))?.querySelector('.value')?.innerText").await;
        if tile == json!("2") {
            break;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(30),
            "enrolments never reached the dashboard: {tile}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
    let bars = b
        .eval("return document.querySelectorAll('.chart svg path').length")
        .await;
    assert!(bars.as_i64().unwrap() > 2, "the charts drew: {bars}");
    let ranking = b.eval("return [...document.querySelectorAll('details table tbody tr')].map(r => r.textContent)").await;
    assert!(ranking.to_string().contains("琉璃社区"), "{ranking}");
    b.assert_accessible("district dashboard").await;
    b.screenshot("08-district-dashboard").await;
    b.click("下载 Excel").await;
    let xlsx = b.downloaded("xlsx").await;
    let mut book = calamine::open_workbook_auto(&xlsx).expect("the download opens as a workbook");
    let sheets = book.sheet_names();
    assert!(sheets.len() > 1, "{sheets:?}");
    let found = sheets.iter().any(|s| {
        book.worksheet_range(s).is_ok_and(|r| {
            r.cells()
                .any(|(_, _, c)| c.to_string().contains("琉璃社区"))
        })
    });
    assert!(found, "the workbook names 琉璃社区 ({sheets:?})");

    // Suspend a community from the list: its status shows (and still reads at AA contrast).
    b.tab("街道与社区").await;
    b.row_button("qingyuan", "暂停")
        .await
        .click()
        .await
        .unwrap();
    b.row_button("qingyuan", "恢复").await;
    b.assert_accessible("communities with one suspended").await;
    let status = app
        .ok(
            Some(&root),
            None,
            "{ district(code: \"510199\") { communities { slug status } } }",
            json!({}),
        )
        .await;
    assert!(
        status["district"]["communities"]
            .as_array()
            .unwrap()
            .contains(&json!({"slug": "qingyuan", "status": "SUSPENDED"})),
        "{status}"
    );

    // English on request.
    b.click("English").await;
    b.wait_text("Dashboard").await;
    b.assert_accessible("district dashboard in English").await;
}
