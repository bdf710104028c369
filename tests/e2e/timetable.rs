//! The timetable through the gateway: a moved session told to the enrolled resident in the
//! app's inbox and, through the background worker, on the signed webhook.

use serde_json::{Value, json};

use crate::TestApp;

/// The timetable through the gateway: a schedule by rule, a moved session told to the enrolled
/// resident in the app's inbox and, through the background worker, on the webhook (signed).
#[tokio::test]
async fn a_moved_session_reaches_the_inbox_and_the_signed_webhook() {
    use std::sync::{Arc, Mutex};
    let got: Arc<Mutex<Vec<(String, String, Value)>>> = Arc::default();
    let hook = axum::Router::new().route(
        "/hook",
        axum::routing::post({
            let got = got.clone();
            move |headers: axum::http::HeaderMap, body: axum::body::Bytes| {
                let got = got.clone();
                async move {
                    let h = |k: &str| headers[k].to_str().unwrap().to_string();
                    let v: Value = serde_json::from_slice(&body).unwrap();
                    let mac = {
                        use hmac::Mac;
                        let mut m = hmac::Hmac::<sha2::Sha256>::new_from_slice(
                            b"webhook-secret-of-the-e2e-test-0123456789",
                        )
                        .unwrap();
                        m.update(&body);
                        format!("sha256={}", hex::encode(m.finalize().into_bytes()))
                    };
                    assert_eq!(h("x-linli-signature"), mac);
                    got.lock().unwrap().push((h("x-linli-delivery"), mac, v));
                    axum::http::StatusCode::NO_CONTENT
                }
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, hook).await.unwrap() });

    let app = TestApp::spawn_with(&[
        ("LINLI_WEBHOOK_URL", url.as_str()),
        (
            "LINLI_WEBHOOK_SECRET",
            "webhook-secret-of-the-e2e-test-0123456789",
        ),
        ("LINLI_WORKER_INTERVAL_SECS", "1"),
    ])
    .await;
    let root = app.two_communities().await;
    let staff = app.member(&root, "alpha-staff", "STAFF", "alpha").await;
    let resident = app.member(&root, "alpha-res", "RESIDENT", "alpha").await;
    let course = app
        .ok(Some(&staff), Some("alpha"), r#"mutation { createCourse(input: {title: "快板", category: "health", audience: ALL, format: WORKSHOP, capacity: 20}) { id } }"#, json!({}))
        .await["createCourse"]["id"]
        .clone();
    let next_week = (chrono::Utc::now() + chrono::Duration::days(7))
        .date_naive()
        .to_string();
    let sessions = app
        .ok(
            Some(&staff),
            Some("alpha"),
            "mutation($c: ID!, $d: Date!) { scheduleSessions(input: {courseId: $c, frequency: WEEKLY, startsOn: $d, startTime: \"19:00\", durationMinutes: 90, count: 3, place: \"活动室\"}) { id startsAt } }",
            json!({"c": course, "d": next_week}),
        )
        .await["scheduleSessions"]
        .clone();
    assert_eq!(sessions.as_array().unwrap().len(), 3);
    let first: chrono::DateTime<chrono::Utc> =
        sessions[0]["startsAt"].as_str().unwrap().parse().unwrap();
    assert_eq!(
        first.format("%H:%M").to_string(),
        "11:00",
        "19:00 in Chengdu"
    );
    app.ok(
        Some(&resident),
        Some("alpha"),
        "mutation($c: ID!) { enrol(courseId: $c) { status } }",
        json!({"c": course}),
    )
    .await;
    let moved = app
        .ok(
            Some(&staff),
            Some("alpha"),
            "mutation($s: ID!) { moveSession(input: {sessionId: $s, startsAt: \"2099-01-05T11:00:00Z\", place: \"百文斋\"}) { startsAt movedFrom place status } }",
            json!({"s": sessions[0]["id"]}),
        )
        .await["moveSession"]
        .clone();
    assert_eq!(moved["movedFrom"], sessions[0]["startsAt"]);
    assert_eq!(moved["status"], "SCHEDULED");

    let mine = app
        .ok(Some(&resident), Some("alpha"), "{ myNotifications { id kind title body read } myEnrolments { id courseTitle status } }", json!({}))
        .await;
    let n = &mine["myNotifications"][0];
    assert_eq!(n["kind"], "SESSION_MOVED");
    assert!(n["body"].as_str().unwrap().contains("百文斋"), "{n}");
    assert_eq!(mine["myEnrolments"][0]["courseTitle"], "快板");
    let read = app
        .ok(
            Some(&resident),
            Some("alpha"),
            "mutation($i: [ID!]!) { markNotificationsRead(ids: $i) }",
            json!({"i": [n["id"]]}),
        )
        .await;
    assert_eq!(read["markNotificationsRead"], 1);
    // Staff see none of her inbox, and she none of the delivery log.
    let others = app
        .ok(
            Some(&staff),
            Some("alpha"),
            "{ myNotifications { id } }",
            json!({}),
        )
        .await;
    assert_eq!(others["myNotifications"], json!([]));
    let refused = app
        .gql(
            Some(&resident),
            Some("alpha"),
            "{ notificationDeliveries { status } }",
            json!({}),
        )
        .await;
    assert_eq!(refused["errors"][0]["extensions"]["code"], "FORBIDDEN");

    // The worker, woken by the outbox, sends it to the webhook once.
    for _ in 0..100 {
        if !got.lock().unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let got = got.lock().unwrap().clone();
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, n["id"].as_str().unwrap());
    assert_eq!(got[0].2["community"], "alpha");
    assert_eq!(got[0].2["kind"], "session_moved");
    let log = app
        .ok(
            Some(&staff),
            Some("alpha"),
            "{ notificationDeliveries { status attempts } }",
            json!({}),
        )
        .await;
    assert_eq!(
        log["notificationDeliveries"],
        json!([{"status": "SENT", "attempts": 1}])
    );
}
