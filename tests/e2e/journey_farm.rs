//! A farm season from staff's page (issue 32), from layout to renewal: plots laid out, a season
//! made, residents claim (one waits), the plan shows who tends what, a duty recorded for a
//! tender, the next season made and a plot renewed into it — each read back through the API;
//! axe on each page. (Claiming and renewing are the residents' own steps, API calls here:
//! their phone pages are issue 33.)

use serde_json::json;

use crate::TestApp;
use crate::console::{district_with_officer, onboard_liuli};
use crate::console_browser::Browser;

#[tokio::test]
async fn a_farm_season_goes_from_layout_to_renewal() {
    let app = TestApp::spawn().await;
    let root = district_with_officer(&app).await;
    onboard_liuli(&app, &root).await;
    let staff = app.member(&root, "liuli-staff", "STAFF", "liuli").await;
    let tenders = [
        app.named_member(&root, "li-ayi", "李阿姨", "RESIDENT", "liuli")
            .await,
        app.named_member(&root, "zhao", "赵叔叔", "RESIDENT", "liuli")
            .await,
        app.named_member(&root, "wang-dy", "王大爷", "RESIDENT", "liuli")
            .await,
    ];
    app.ok(
        Some(&staff),
        Some("liuli"),
        r#"mutation { createSpace(name: "生态农场", kind: FARM, capacity: 30) { id } }"#,
        json!({}),
    )
    .await;

    let dir = crate::temp_dir("console-farm");
    let b = Browser::open(&app.base(), &dir).await;
    b.sign_in("liuli-staff", "password-123").await;
    b.tab("共享菜园").await;
    b.click("划分地块").await;
    b.fill("count", "2").await;
    b.fill("area", "12").await;
    b.click("划分").await;
    b.wait_text("已划分 2 块地").await;
    b.click("新建农季").await;
    b.fill("name", "2026 春季").await;
    b.click("建立").await;
    b.wait_text("农季已建立").await;
    let season = app
        .ok(
            Some(&staff),
            Some("liuli"),
            "{ farmSeasons(all: true) { id } }",
            json!({}),
        )
        .await["farmSeasons"][0]["id"]
        .clone();
    // Two plots, three households: the third waits.
    let claim = "mutation($s: ID!) { claimPlot(seasonId: $s) { ... on PlotClaim { id plotId } ... on PlotWaiting { position } } }";
    let mut claimed = vec![];
    for token in &tenders {
        claimed.push(
            app.ok(Some(token), Some("liuli"), claim, json!({"s": season}))
                .await["claimPlot"]
                .clone(),
        );
    }
    assert_eq!(claimed[2]["position"], 1, "{claimed:?}");
    b.reload().await;
    b.wait_text("候补名单（1 人）").await;
    b.wait_text("王大爷").await;
    let plot = |code: &str| {
        format!(
            "return document.querySelector(\"button[data-plot='{code}']\")?.innerText.replace(/\\s+/g, ' ')"
        )
    };
    assert_eq!(
        b.eval(&plot("A-01")).await,
        json!("A-01 12 m² 已认领：李阿姨")
    );
    b.click_css("button[data-plot='A-01']").await;
    b.click("代记一次农事").await;
    b.fill("note", "老人腿脚不便，社工代记浇水").await;
    b.click("记录").await;
    b.wait_text("农事已记录").await;
    b.wait_text("老人腿脚不便，社工代记浇水").await;
    b.assert_accessible("a plot's duties").await;
    b.click_css(".ant-drawer-close").await;
    b.assert_accessible("the farm").await;
    b.screenshot("61-staff-farm").await;

    // The next season; the tender in good standing renews her plot before claims open.
    b.click("新建农季").await;
    b.fill("name", "2027 秋季").await;
    b.click("建立").await;
    b.wait_text("农季已建立").await;
    let seasons = app
        .ok(
            Some(&staff),
            Some("liuli"),
            "{ farmSeasons(all: true) { id name } }",
            json!({}),
        )
        .await;
    let autumn = seasons["farmSeasons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "2027 秋季")
        .unwrap()["id"]
        .clone();
    app.ok(
        Some(&tenders[0]),
        Some("liuli"),
        "mutation($f: ID!, $t: ID!, $p: ID!) { renewPlot(fromSeasonId: $f, toSeasonId: $t, plotId: $p) { id } }",
        json!({"f": season, "t": autumn, "p": claimed[0]["plotId"]}),
    )
    .await;
    b.reload().await;
    b.choose_starting("season", "2027 秋季").await;
    b.wait_text("已认领：李阿姨").await;
    assert_eq!(
        b.eval(&plot("A-01")).await,
        json!("A-01 12 m² 已认领：李阿姨")
    );
    assert_eq!(b.eval(&plot("A-02")).await, json!("A-02 12 m² 空闲"));
    b.assert_accessible("the next season").await;

    let read = app
        .ok(
            Some(&staff),
            Some("liuli"),
            "query($s: ID!, $t: ID!, $c: ID!) { farmClaims(seasonId: $t) { holderName plotId } farmWaiting(seasonId: $s) { name }
               plotDuties(claimId: $c) { kind note } }",
            json!({"s": season, "t": autumn, "c": claimed[0]["id"]}),
        )
        .await;
    assert_eq!(
        read["farmClaims"],
        json!([{"holderName": "李阿姨", "plotId": claimed[0]["plotId"]}])
    );
    assert_eq!(read["farmWaiting"], json!([{"name": "王大爷"}]));
    assert_eq!(
        read["plotDuties"],
        json!([{"kind": "WATERING", "note": "老人腿脚不便，社工代记浇水"}])
    );
    b.sign_out().await;
}
