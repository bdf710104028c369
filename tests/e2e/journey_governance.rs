//! Governance from staff's pages (issue 32): a micro-grid drawn with a post a party member
//! claims, a patrol scheduled and logged with a finding raised as a demand and photographed,
//! 双报到 members written to and a report ended, and an honours round from opening to the
//! published result — each read back through the API; axe on each page. (Claiming a post and
//! reporting in are the residents' own steps, API calls here: their pages are issue 33.)

use fantoccini::key::Key;
use serde_json::json;

use crate::TestApp;
use crate::console::{district_with_officer, onboard_liuli};
use crate::console_browser::Browser;

#[tokio::test]
async fn staff_run_micro_grids_patrols_party_reports_and_honours() {
    let app = TestApp::spawn().await;
    let root = district_with_officer(&app).await;
    onboard_liuli(&app, &root).await;
    let staff = app.member(&root, "liuli-staff", "STAFF", "liuli").await;
    let member = app
        .named_member(&root, "li-shuji", "李书记", "RESIDENT", "liuli")
        .await;
    let worker = app
        .named_member(&root, "zhou-wg", "周网格员", "GRID_WORKER", "liuli")
        .await;
    app.ok(
        Some(&staff),
        Some("liuli"),
        r#"mutation { createCourtyard(input: {name: "第一网格", kind: GRID}) { id } }"#,
        json!({}),
    )
    .await;

    let dir = crate::temp_dir("console-governance");
    let b = Browser::open(&app.base(), &dir).await;
    b.sign_in("liuli-staff", "password-123").await;
    b.tab("微网格与巡查").await;
    let worker_id = crate::partner_abuse::me(&app, &worker).await;
    b.choose(
        &format!("grids-of-{}", worker_id.as_str().unwrap()),
        "第一网格",
    )
    .await;
    b.wait_text("周网格员 的分工已保存").await;
    let mine = app
        .ok(Some(&worker), Some("liuli"), "{ myGrids }", json!({}))
        .await;
    assert_eq!(mine["myGrids"].as_array().map(Vec::len), Some(1), "{mine}");
    b.click("划分微网格").await;
    b.choose("gridId", "第一网格").await;
    b.fill("name", "一号微网格").await;
    b.click("划分").await;
    b.wait_text("微网格已划分").await;
    b.click("设岗位").await;
    b.fill("title", "红色管家").await;
    b.click("设立").await;
    b.wait_text("岗位已设立").await;
    let post = app
        .ok(
            Some(&staff),
            Some("liuli"),
            "{ microGrids { id } }",
            json!({}),
        )
        .await["microGrids"][0]["id"]
        .clone();
    let post = app
        .ok(
            Some(&staff),
            Some("liuli"),
            "query($m: ID!) { gridPosts(microGridId: $m) { id } }",
            json!({"m": post}),
        )
        .await["gridPosts"][0]["id"]
        .clone();
    app.ok(
        Some(&member),
        Some("liuli"),
        "mutation($p: ID!) { claimGridPost(postId: $p, asPartyMember: true) { id } }",
        json!({"p": post}),
    )
    .await;
    b.reload().await;
    b.wait_text("李书记").await;

    b.click("安排巡查").await;
    b.choose("gridId", "第一网格").await;
    b.fill("route", "三号院至五号院").await;
    b.click("安排").await;
    b.wait_text("巡查已安排").await;
    b.click("登记巡查").await;
    b.fill("patrollers", "4").await;
    b.click("记一个问题").await;
    b.fill("findings_0_what", "路灯不亮").await;
    b.fill("findings_0_place", "五号院").await;
    b.click("登记").await;
    b.wait_text("巡查已登记").await;
    b.click("发现的问题").await;
    b.click("转为诉求").await;
    b.fill("category", "设施维修").await;
    b.click_in("ant-modal-body", "转为诉求").await;
    b.wait_text("已转为诉求，交网格办理").await;
    b.wait_text("已转诉求").await;
    let photo = dir.join("lamp.png");
    image::DynamicImage::new_rgb8(64, 64).save(&photo).unwrap();
    b.upload(&photo).await;
    b.wait_text("照片已上传").await;
    b.css(".ant-drawer-body .ant-image img").await;
    b.assert_accessible("a patrol's findings").await;
    b.click_css(".ant-drawer-close").await;
    b.assert_accessible("micro-grids and patrols").await;
    b.screenshot("62-staff-grids").await;

    app.ok(
        Some(&member),
        Some("liuli"),
        r#"mutation { reportInAsPartyMember(workplace: "区税务局", partyOrganisation: "区税务局机关党支部", skills: ["财税"], services: ["政策宣讲"]) { id } }"#,
        json!({}),
    )
    .await;
    b.tab("双报到").await;
    b.wait_text("区税务局机关党支部").await;
    b.click("通知全体报到党员").await;
    b.fill("title", "本周六志愿服务").await;
    b.fill("body", "上午九点在议事厅集合").await;
    b.click("发出").await;
    b.wait_text("已通知 1 名党员").await;
    b.click("结束报到").await;
    b.wait_text("李书记 的报到已结束").await;
    b.assert_accessible("party reports").await;

    b.tab("评优").await;
    b.click("发起评优").await;
    b.fill("title", "2026 年度邻里之星").await;
    b.css("#awards")
        .await
        .send_keys(&format!("最美志愿者{}", char::from(Key::Enter)))
        .await
        .unwrap();
    b.click("发起").await;
    b.wait_text("评优已发起").await;
    b.click("提名").await;
    b.fill("nominee", "李书记").await;
    b.fill("reason", "十年如一日守护院落").await;
    b.click_in("ant-modal-body", "提名").await;
    b.wait_text("已提名").await;
    b.click("截止提名").await;
    b.wait_text("提名截止，进入评审").await;
    b.click("评分").await;
    b.fill("score", "92").await;
    b.click("保存评分").await;
    b.wait_text("92.0（1 人评）").await;
    b.click("评定获奖").await;
    b.wait_text("李书记 获评").await;
    b.click("公示结果").await;
    b.wait_text("结果已公示").await;
    b.assert_accessible("honours").await;
    b.screenshot("63-staff-honours").await;

    let staff = app.login("liuli-staff", "password-123").await;
    let read = app
        .ok(
            Some(&staff),
            Some("liuli"),
            "{ patrols { heldAt patrollers } demands(all: true) { title category } partyReports { endedAt }
               honourRounds { id status } }",
            json!({}),
        )
        .await;
    assert_eq!(read["patrols"][0]["patrollers"], 4);
    assert_eq!(read["demands"][0]["category"], "设施维修", "{read}");
    assert_eq!(
        read["partyReports"],
        json!([]),
        "an ended report leaves the list: {read}"
    );
    assert_eq!(read["honourRounds"][0]["status"], "PUBLISHED");
    let nominations = app
        .ok(
            Some(&staff),
            Some("liuli"),
            "query($r: ID!) { honourNominations(roundId: $r) { nominee awarded meanScore } }",
            json!({"r": read["honourRounds"][0]["id"]}),
        )
        .await;
    assert_eq!(
        nominations["honourNominations"],
        json!([{"nominee": "李书记", "awarded": true, "meanScore": 92.0}])
    );
    let told = app
        .ok(
            Some(&member),
            Some("liuli"),
            "{ myNotifications { title } }",
            json!({}),
        )
        .await;
    assert!(told.to_string().contains("本周六志愿服务"), "{told}");
    b.sign_out().await;
}
