//! Co-governance through the API: a fund's refusals as a community worker reads them, a
//! second staff member's approval, one holder of a post, and community B reaching for A's
//! fund, post and meeting by their ids.

use serde_json::json;

use crate::{TestApp, code};

#[tokio::test]
async fn funds_posts_and_meetings_answer_with_codes_and_stay_in_their_community() {
    let app = TestApp::spawn().await;
    let root = app.two_communities().await;
    let staff = app.member(&root, "alpha-staff", "STAFF", "alpha").await;
    let second = app.member(&root, "alpha-staff-2", "STAFF", "alpha").await;
    let resident = app
        .member(&root, "alpha-resident", "RESIDENT", "alpha")
        .await;
    let beta = app.member(&root, "beta-staff", "STAFF", "beta").await;

    let fund = app
        .ok(
            Some(&staff),
            Some("alpha"),
            r#"mutation { createFund(name: "院落改造微基金", purpose: "院落微更新") { id balanceFen } }"#,
            json!({}),
        )
        .await["createFund"]["id"]
        .clone();
    let ask = app
        .ok(
            Some(&resident),
            Some("alpha"),
            "mutation($f: ID!) { requestFundSpending(fundId: $f, purpose: \"修花台\", amountFen: 30000) { id status } }",
            json!({"f": fund}),
        )
        .await["requestFundSpending"]["id"]
        .clone();
    let approve = "mutation($r: ID!) { decideFundRequest(requestId: $r, approve: true) { request { status } paid { amountFen } } }";
    let poor = app
        .gql(Some(&staff), Some("alpha"), approve, json!({"r": ask}))
        .await;
    assert_eq!(code(&poor), "INSUFFICIENT_FUNDS");
    assert_eq!(
        poor["errors"][0]["message"], "基金余额不足，无法支出",
        "{poor}"
    );
    app.ok(
        Some(&second),
        Some("alpha"),
        "mutation($f: ID!) { recordFundIncome(fundId: $f, kind: DONATION, amountFen: 50000, purpose: \"爱心捐赠\", from: \"王阿姨\") { id } }",
        json!({"f": fund}),
    )
    .await;
    let paid = app
        .ok(Some(&staff), Some("alpha"), approve, json!({"r": ask}))
        .await;
    assert_eq!(paid["decideFundRequest"]["paid"]["amountFen"], -30000);
    let statement = app
        .ok(
            Some(&resident),
            Some("alpha"),
            "query($f: ID!) { fundStatement(fundId: $f) { kind amountFen counterparty } funds { balanceFen } }",
            json!({"f": fund}),
        )
        .await;
    assert_eq!(statement["funds"][0]["balanceFen"], 20000, "{statement}");
    assert_eq!(statement["fundStatement"].as_array().unwrap().len(), 2);

    let grid = app
        .ok(
            Some(&staff),
            Some("alpha"),
            r#"mutation { createCourtyard(input: {name: "第一网格", kind: GRID}) { id } }"#,
            json!({}),
        )
        .await["createCourtyard"]["id"]
        .clone();
    let micro = app
        .ok(
            Some(&staff),
            Some("alpha"),
            "mutation($g: ID!) { createMicroGrid(gridId: $g, name: \"一号微网格\") { id } }",
            json!({"g": grid}),
        )
        .await["createMicroGrid"]["id"]
        .clone();
    let post = app
        .ok(
            Some(&staff),
            Some("alpha"),
            "mutation($m: ID!) { addGridPost(microGridId: $m, title: \"红色管家\") { id } }",
            json!({"m": micro}),
        )
        .await["addGridPost"]["id"]
        .clone();
    let claim =
        "mutation($p: ID!) { claimGridPost(postId: $p, asPartyMember: true) { holderName } }";
    app.ok(Some(&resident), Some("alpha"), claim, json!({"p": post}))
        .await;
    let taken = app
        .gql(Some(&second), Some("alpha"), claim, json!({"p": post}))
        .await;
    assert_eq!(code(&taken), "CONFLICT");
    assert_eq!(taken["errors"][0]["message"], "该岗位已有人认领");

    let meeting = app
        .ok(
            Some(&staff),
            Some("alpha"),
            r#"mutation { recordMeeting(input: {kind: TRIPARTITE_WEEKLY, title: "三方周碰头",
                heldAt: "2026-12-01T02:00:00Z", place: "议事厅", topics: ["电梯"],
                attendees: [{role: PROPERTY_COMPANY, organisation: "物业", people: 1}]}) {
                meeting { id } attendees { role } } }"#,
            json!({}),
        )
        .await["recordMeeting"]["meeting"]["id"]
        .clone();

    // Community B's staff, with B's header, reach for A's rows by id: nothing is there.
    for (q, v) in [
        (
            "query($f: ID!) { fundStatement(fundId: $f) { id } }",
            json!({"f": fund}),
        ),
        (
            "mutation($p: ID!) { handBackGridPost(postId: $p) { id } }",
            json!({"p": post}),
        ),
        (
            "query($m: ID!) { meeting(id: $m) { meeting { id } } }",
            json!({"m": meeting}),
        ),
        (approve, json!({"r": ask})),
    ] {
        let r = app.gql(Some(&beta), Some("beta"), q, v).await;
        assert_eq!(code(&r), "NOT_FOUND", "{q}: {r}");
    }
    let theirs = app
        .ok(
            Some(&beta),
            Some("beta"),
            "{ funds { id } microGrids { id } meetings { id } }",
            json!({}),
        )
        .await;
    assert_eq!(
        theirs,
        json!({"funds": [], "microGrids": [], "meetings": []})
    );
}
