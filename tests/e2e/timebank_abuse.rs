//! The time bank and calendar feeds tried as an attacker would, through the API only: keys
//! taken before the system's own, goods collected and then cancelled, links that outlive
//! their owner's rights.

use serde_json::{Value, json};

use crate::partner_abuse::me;
use crate::{TestApp, code};

const GRANT: &str = "mutation($k: String!, $p: ID!, $n: Int!) { grantPoints(key: $k, personId: $p, amount: $n) { id } }";
const REDEEM: &str = "mutation($k: String!, $r: ID!) { redeemReward(key: $k, rewardId: $r) { id status transferId } }";
const BALANCE: &str = "{ myPoints { balance } }";

async fn balance(app: &TestApp, token: &str) -> i64 {
    app.ok(Some(token), Some("alpha"), BALANCE, json!({})).await["myPoints"]["balance"]
        .as_i64()
        .unwrap()
}

async fn reward(app: &TestApp, staff: &str, name: &str, kind: &str, stock: Option<i32>) -> Value {
    app.ok(
        Some(staff),
        Some("alpha"),
        "mutation($n: String!, $k: RewardKind!, $s: Int) { createReward(name: $n, kind: $k, price: 5, stock: $s) { id } }",
        json!({"n": name, "k": kind, "s": stock}),
    )
    .await["createReward"]["id"]
    .clone()
}

/// A member reads a booking's id and sends `refund:<id>` as their own key: it is theirs
/// alone, so the booking is still cancelled and refunded. A feed names no booking's id.
#[tokio::test]
async fn a_clients_key_never_takes_the_ledgers_own() {
    let app = TestApp::spawn().await;
    let root = app.two_communities().await;
    let staff = app.member(&root, "alpha-staff", "STAFF", "alpha").await;
    let booker = app.member(&root, "alpha-booker", "RESIDENT", "alpha").await;
    let attacker = app.member(&root, "alpha-other", "RESIDENT", "alpha").await;
    for (i, t) in [&booker, &attacker].into_iter().enumerate() {
        let id = me(&app, t).await;
        app.ok(
            Some(&staff),
            Some("alpha"),
            GRANT,
            json!({"k": format!("seed-grant-{i}"), "p": id, "n": 100}),
        )
        .await;
    }
    let space = app.open_space(&staff, "alpha", "书画室").await;
    app.ok(
        Some(&staff),
        Some("alpha"),
        "mutation($s: ID!) { setSpaceRules(input: {spaceId: $s, capacity: 20, amenities: [], bookableBy: RESIDENTS, windowDays: 30, minMinutes: 30, maxMinutes: 240, needsApproval: false, pointsPerHour: 10}) { id } }",
        json!({"s": space}),
    )
    .await;
    let booking = app
        .ok(
            Some(&booker),
            Some("alpha"),
            "mutation($s: ID!, $t: DateTime!) { bookSpace(input: {spaceId: $s, startsAt: $t, minutes: 60, purpose: \"书法练习\", attendance: 3}) { id pointsPrice } }",
            json!({"s": space, "t": crate::two_days_ahead()}),
        )
        .await["bookSpace"][0]
        .clone();
    assert_eq!(booking["pointsPrice"], 10);
    assert_eq!(balance(&app, &booker).await, 90);
    let booking_id = booking["id"].as_str().unwrap().to_string();

    // The attacker's feed of the room: busy times whose UIDs name no row.
    let feed = app
        .ok(
            Some(&attacker),
            Some("alpha"),
            "query($s: ID!) { spaceCalendarFeed(spaceId: $s) }",
            json!({"s": space}),
        )
        .await["spaceCalendarFeed"]
        .as_str()
        .unwrap()
        .to_string();
    let ics = app
        .http
        .get(format!("{}{feed}", app.base()))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(ics.contains("已预约"), "{ics}");
    assert!(
        !ics.contains(&booking_id),
        "a feed names a booking's id: {ics}"
    );

    // Keys of the ledger's own, sent by a member: each is the member's own key.
    let tea = reward(&app, &staff, "茶话会", "SERVICE", None).await;
    let mut firsts = Vec::new();
    for key in [
        format!("refund:{booking_id}"),
        format!("booking:{booking_id}"),
    ] {
        let r = app
            .ok(
                Some(&attacker),
                Some("alpha"),
                REDEEM,
                json!({"k": key, "r": tea}),
            )
            .await;
        firsts.push(r["redeemReward"]["id"].clone());
        // Replayed by the same member: the same redemption, nothing moves again.
        let again = app
            .ok(
                Some(&attacker),
                Some("alpha"),
                REDEEM,
                json!({"k": key, "r": tea}),
            )
            .await;
        assert_eq!(again["redeemReward"]["id"], firsts[firsts.len() - 1]);
    }
    assert_eq!(balance(&app, &attacker).await, 90);
    // The same key sent by the booker is the booker's: another redemption.
    let theirs = app
        .ok(
            Some(&booker),
            Some("alpha"),
            REDEEM,
            json!({"k": format!("refund:{booking_id}"), "r": tea}),
        )
        .await;
    assert_ne!(theirs["redeemReward"]["id"], firsts[0]);
    let statement = app
        .ok(
            Some(&attacker),
            Some("alpha"),
            "{ myPoints { id } }",
            json!({}),
        )
        .await["myPoints"]["id"]
        .clone();
    let shown = app
        .ok(
            Some(&attacker),
            Some("alpha"),
            "query($a: ID!) { pointsStatement(accountId: $a) { transfers { key } } }",
            json!({"a": statement}),
        )
        .await;
    assert!(
        shown["pointsStatement"]["transfers"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["key"] == format!("refund:{booking_id}")),
        "a statement shows the key as its client sent it: {shown}"
    );

    // The booking is cancelled and refunded as if nobody had tried.
    let cancelled = app
        .ok(
            Some(&booker),
            Some("alpha"),
            "mutation($b: ID!) { cancelBooking(bookingId: $b) { status } }",
            json!({"b": booking_id}),
        )
        .await;
    assert_eq!(cancelled["cancelBooking"]["status"], "CANCELLED");
    assert_eq!(
        balance(&app, &booker).await,
        95,
        "100 − 10 + 10 refunded − 5 tea"
    );
}

/// Redeem, collect, cancel, repeat: once the goods are handed over at the counter only staff
/// can cancel, as a correction with its reason, and the stock does not come back.
#[tokio::test]
async fn goods_handed_over_cannot_be_cancelled_by_their_holder() {
    let app = TestApp::spawn().await;
    let root = app.two_communities().await;
    let staff = app.member(&root, "alpha-staff", "STAFF", "alpha").await;
    let holder = app.member(&root, "alpha-res", "RESIDENT", "alpha").await;
    let id = me(&app, &holder).await;
    app.ok(
        Some(&staff),
        Some("alpha"),
        GRANT,
        json!({"k": "seed-grant-1", "p": id, "n": 20}),
    )
    .await;
    let kettle = reward(&app, &staff, "电水壶", "GOODS", Some(3)).await;
    let stock = || async {
        app.ok(
            Some(&staff),
            Some("alpha"),
            "{ rewards { name stock } }",
            json!({}),
        )
        .await["rewards"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == "电水壶")
            .unwrap()["stock"]
            .as_i64()
            .unwrap()
    };
    let red = app
        .ok(
            Some(&holder),
            Some("alpha"),
            REDEEM,
            json!({"k": "kettle-000001", "r": kettle}),
        )
        .await["redeemReward"]["id"]
        .clone();
    assert_eq!((balance(&app, &holder).await, stock().await), (15, 2));

    // At the counter: the holder shows the code, staff scan it.
    let code_token = app
        .ok(
            Some(&holder),
            Some("alpha"),
            "query($r: ID!) { redemptionCode(redemptionId: $r) { token svg } }",
            json!({"r": red}),
        )
        .await["redemptionCode"]["token"]
        .clone();
    let hand = "mutation($c: String) { handOverRedemption(code: $c) { status handedOverAt } }";
    let forged = app
        .gql(
            Some(&staff),
            Some("alpha"),
            hand,
            json!({"c": format!("{}x", code_token.as_str().unwrap())}),
        )
        .await;
    assert_eq!(code(&forged), "BAD_USER_INPUT", "{forged}");
    let handed = app
        .ok(Some(&staff), Some("alpha"), hand, json!({"c": code_token}))
        .await;
    assert_eq!(handed["handOverRedemption"]["status"], "HANDED_OVER");
    let twice = app
        .gql(Some(&staff), Some("alpha"), hand, json!({"c": code_token}))
        .await;
    assert_eq!(code(&twice), "CONFLICT");

    // The holder cannot cancel now; staff can only with a reason.
    let cancel = "mutation($r: ID!, $why: String) { cancelRedemption(redemptionId: $r, reason: $why) { status cancelReason } }";
    let r = app
        .gql(Some(&holder), Some("alpha"), cancel, json!({"r": red}))
        .await;
    assert_eq!(code(&r), "CONFLICT", "{r}");
    assert_eq!((balance(&app, &holder).await, stock().await), (15, 2));
    let r = app
        .gql(Some(&staff), Some("alpha"), cancel, json!({"r": red}))
        .await;
    assert_eq!(code(&r), "BAD_USER_INPUT", "{r}");
    let r = app
        .ok(
            Some(&staff),
            Some("alpha"),
            cancel,
            json!({"r": red, "why": "水壶有质量问题，已退回积分"}),
        )
        .await;
    assert_eq!(r["cancelRedemption"]["status"], "CANCELLED");
    assert_eq!(
        r["cancelRedemption"]["cancelReason"],
        "水壶有质量问题，已退回积分"
    );
    assert_eq!((balance(&app, &holder).await, stock().await), (20, 2));
    let r = app
        .gql(
            Some(&staff),
            Some("alpha"),
            cancel,
            json!({"r": red, "why": "再来一次"}),
        )
        .await;
    assert_eq!(code(&r), "CONFLICT", "cancelled once");

    // Before hand-over the holder still may cancel: points and stock come back.
    let second = app
        .ok(
            Some(&holder),
            Some("alpha"),
            REDEEM,
            json!({"k": "kettle-000002", "r": kettle}),
        )
        .await["redeemReward"]["id"]
        .clone();
    assert_eq!(stock().await, 1);
    let r = app
        .ok(Some(&holder), Some("alpha"), cancel, json!({"r": second}))
        .await;
    assert_eq!(r["cancelRedemption"]["status"], "CANCELLED");
    assert_eq!((balance(&app, &holder).await, stock().await), (20, 2));
}

/// A calendar link works with its owner's rights today: renewed, the old one stops; the
/// role revoked or the account deactivated, every link of it stops.
#[tokio::test]
async fn a_calendar_link_ends_with_its_owners_rights() {
    let app = TestApp::spawn().await;
    let root = app.two_communities().await;
    let resident = app.member(&root, "alpha-res", "RESIDENT", "alpha").await;
    let id = me(&app, &resident).await;
    let status = |path: String| {
        let app = &app;
        async move {
            app.http
                .get(format!("{}{path}", app.base()))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    let link = app
        .ok(
            Some(&resident),
            Some("alpha"),
            "{ myCalendarFeed }",
            json!({}),
        )
        .await["myCalendarFeed"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(status(link.clone()).await, 200);
    let renewed = app
        .ok(
            Some(&resident),
            Some("alpha"),
            "mutation { renewCalendarFeed }",
            json!({}),
        )
        .await["renewCalendarFeed"]
        .as_str()
        .unwrap()
        .to_string();
    assert_ne!(renewed, link);
    assert_eq!(status(link).await, 404, "a renewed link's old one works");
    assert_eq!(status(renewed.clone()).await, 200);
    // The same link, in beta where the account holds no role: nothing.
    assert_eq!(status(renewed.replace("/alpha/", "/beta/")).await, 404);

    let role = json!({"id": id, "s": "alpha"});
    app.ok(
        Some(&root),
        None,
        "mutation($id: ID!, $s: String!) { revokeRole(input: {accountId: $id, role: RESIDENT, communitySlug: $s}) }",
        role.clone(),
    )
    .await;
    assert_eq!(
        status(renewed.clone()).await,
        404,
        "a link outlived its role"
    );
    app.ok(
        Some(&root),
        None,
        "mutation($id: ID!, $s: String!) { grantRole(input: {accountId: $id, role: RESIDENT, communitySlug: $s}) }",
        role,
    )
    .await;
    assert_eq!(status(renewed.clone()).await, 200);
    app.ok(
        Some(&root),
        None,
        "mutation($id: ID!) { setAccountActive(accountId: $id, active: false) { id } }",
        json!({"id": id}),
    )
    .await;
    assert_eq!(status(renewed).await, 404, "a link outlived its account");
}
