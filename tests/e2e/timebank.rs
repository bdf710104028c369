//! The time bank through the API: a gateway killed in the middle of a burst of movements
//! loses no acknowledged transfer and leaves none half applied.

use serde_json::{Value, json};

use crate::TestApp;

const REDEEM: &str =
    "mutation($k: String!, $r: ID!) { redeemReward(key: $k, rewardId: $r) { id transferId } }";
const GRANT: &str =
    "mutation($k: String!, $p: ID!) { grantPoints(key: $k, personId: $p, amount: 3) { id } }";

#[tokio::test]
async fn a_killed_gateway_loses_no_acknowledged_transfer_and_halves_none() {
    let mut app = TestApp::spawn().await;
    let root = app.two_communities().await;
    let staff = app.member(&root, "alpha-staff", "STAFF", "alpha").await;
    let mut residents = Vec::new();
    for i in 0..8 {
        let token = app
            .member(&root, &format!("alpha-res-{i}"), "RESIDENT", "alpha")
            .await;
        let me = app
            .ok(Some(&token), None, "{ me { account { id } } }", json!({}))
            .await;
        let id = me["me"]["account"]["id"].as_str().unwrap().to_string();
        app.ok(
            Some(&staff),
            Some("alpha"),
            GRANT,
            json!({"k": format!("seed-{i:04}"), "p": id}),
        )
        .await;
        residents.push((token, id));
    }
    let reward = app
        .ok(
            Some(&staff),
            Some("alpha"),
            r#"mutation { createReward(name: "理发", kind: SERVICE, price: 1) { id } }"#,
            json!({}),
        )
        .await["createReward"]["id"]
        .clone();

    // A burst: residents redeem, staff grant, each with its own key; the gateway is killed
    // while it runs.
    let (url, http) = (app.base(), reqwest::Client::new());
    let acks = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut burst = Vec::new();
    for i in 0..400 {
        let (token, person) = residents[i % residents.len()].clone();
        let (query, vars, token) = if i % 2 == 0 {
            (
                REDEEM,
                json!({"k": format!("burst-redeem-{i:04}"), "r": reward}),
                token,
            )
        } else {
            (
                GRANT,
                json!({"k": format!("burst-grant-{i:04}"), "p": person}),
                staff.clone(),
            )
        };
        let (url, http, acks) = (format!("{url}/graphql"), http.clone(), acks.clone());
        burst.push(tokio::spawn(async move {
            let sent = http
                .post(&url)
                .bearer_auth(&token)
                .header("x-community", "alpha")
                .json(&json!({"query": query, "variables": vars}))
                .send()
                .await;
            let body: Option<Value> = match sent {
                Ok(r) if r.status() == 200 => r.json().await.ok(),
                _ => None,
            };
            let acked = body.filter(|b| b.get("errors").is_none() && !b["data"].is_null());
            if acked.is_some() {
                acks.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            }
            (query, vars, token, acked)
        }));
    }
    // Killed once some are acknowledged and most are not.
    for _ in 0..3000 {
        if acks.load(std::sync::atomic::Ordering::SeqCst) >= 40 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    app.child.start_kill().unwrap();
    app.child.wait().await.unwrap();
    let (db, dir) = (app.database_url.clone(), app.data_dir.clone());
    let mut outcomes = Vec::new();
    for b in burst {
        outcomes.push(b.await.unwrap());
    }
    let acked = outcomes.iter().filter(|o| o.3.is_some()).count();
    assert!(
        acked > 0 && acked < 400,
        "the kill fell mid-burst: {acked} acknowledged"
    );

    // Restarted: every acknowledged movement is there — its key replays to the same transfer —
    // and the books balance to the point.
    let app = TestApp::start(db, dir).await;
    for (query, vars, token, first) in &outcomes {
        let Some(first) = first else { continue };
        let again = app
            .ok(Some(token), Some("alpha"), query, vars.clone())
            .await;
        assert_eq!(&again, &first["data"], "{vars}");
    }
    let check = app
        .ok(
            Some(&staff),
            Some("alpha"),
            "{ ledgerCheck { issued burned held mismatched transfers } }",
            json!({}),
        )
        .await;
    let c = &check["ledgerCheck"];
    assert_eq!(c["mismatched"], json!([]));
    assert_eq!(
        c["held"],
        c["issued"].as_i64().unwrap() - c["burned"].as_i64().unwrap()
    );
    // Every redemption has its transfer and every redeem transfer its redemption.
    let pool = app.pool().await;
    let (orphans,): (i64,) = sqlx::query_as(
        "SELECT count(*) FROM c_alpha.points_transfers t
          WHERE t.kind = 'redeem'
            AND NOT EXISTS (SELECT 1 FROM c_alpha.redemptions r WHERE r.transfer_id = t.id)",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(orphans, 0);
}
