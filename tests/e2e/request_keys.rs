//! Idempotency keys (issue 34): a grid worker's phone sends what it recorded offline, and
//! sends again when an answer is lost. Attacked as a flaky network and a careless client
//! would: the same send twice, eight at once, the key with another request, another
//! account's key, a refusal sent again, keys malformed or on a batch.

use serde_json::{Value, json};

use crate::{TestApp, code};

const REGISTER: &str = "mutation($n: String!, $p: String, $g: ID) { registerResident(input: {name: $n, phone: $p, courtyardId: $g, household: \"3栋2单元501\"}) { id name } }";
const FIND: &str = "query($n: String) { residents(name: $n) { nodes { id name } } }";

/// A keyed send: the JSON answer and whether the gateway said it was replayed.
async fn keyed(
    app: &TestApp,
    token: Option<&str>,
    key: &str,
    query: &str,
    variables: Value,
) -> (Value, bool) {
    let mut req = app
        .http
        .post(&app.url)
        .header("x-community", "alpha")
        .header("idempotency-key", key)
        .json(&json!({"query": query, "variables": variables}));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let resp = req.send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let replayed = resp.headers().get("idempotent-replayed").is_some();
    (resp.json().await.unwrap(), replayed)
}

async fn named(app: &TestApp, staff: &str, name: &str) -> usize {
    let found = app
        .ok(Some(staff), Some("alpha"), FIND, json!({"n": name}))
        .await;
    found["residents"]["nodes"].as_array().unwrap().len()
}

#[tokio::test]
async fn a_write_sent_again_with_its_key_is_answered_not_written_twice() {
    let app = TestApp::spawn().await;
    let root = app.two_communities().await;
    let staff = app.member(&root, "alpha-staff", "STAFF", "alpha").await;
    let (worker, grid) = app
        .grid_worker(&root, &staff, "alpha-grid", "alpha", "一网格")
        .await;
    let vars = |n: &str, p: &str| json!({"n": n, "p": p, "g": grid});

    // Sent, and sent again (the answer was lost): one resident, the same answer, said replayed.
    let (first, was) = keyed(
        &app,
        Some(&worker),
        "visit-0001:0",
        REGISTER,
        vars("张桂兰", "13900000001"),
    )
    .await;
    assert!(!was && first["errors"].is_null(), "{first}");
    let (again, replayed) = keyed(
        &app,
        Some(&worker),
        "visit-0001:0",
        REGISTER,
        vars("张桂兰", "13900000001"),
    )
    .await;
    assert!(replayed, "the resend is answered from the first send");
    assert_eq!(again, first);
    assert_eq!(named(&app, &staff, "张桂兰").await, 1);

    // Eight sends of one key at once: written once; each gets the answer or "still running".
    let sends = (0..8).map(|_| {
        keyed(
            &app,
            Some(&worker),
            "visit-0002:0",
            REGISTER,
            vars("李淑芬", "13900000002"),
        )
    });
    let answers = futures::future::join_all(sends).await;
    let ids: Vec<&Value> = answers
        .iter()
        .filter(|(a, _)| a["errors"].is_null())
        .map(|(a, _)| &a["data"]["registerResident"]["id"])
        .collect();
    assert!(
        !ids.is_empty() && ids.iter().all(|i| *i == ids[0]),
        "{answers:?}"
    );
    for (a, _) in answers.iter().filter(|(a, _)| !a["errors"].is_null()) {
        assert_eq!(
            code(a),
            "CONFLICT",
            "a racing resend waits for the first: {a}"
        );
    }
    assert_eq!(named(&app, &staff, "李淑芬").await, 1);

    // The key with another request is refused, not answered with the first one's answer.
    let (other, _) = keyed(
        &app,
        Some(&worker),
        "visit-0001:0",
        REGISTER,
        vars("王大爷", "13900000003"),
    )
    .await;
    assert_eq!(code(&other), "BAD_USER_INPUT", "{other}");
    assert_eq!(named(&app, &staff, "王大爷").await, 0);

    // Keys are each account's own: staff sending the worker's key run their own request.
    let (theirs, replayed) = keyed(
        &app,
        Some(&staff),
        "visit-0001:0",
        REGISTER,
        vars("赵奶奶", "13900000004"),
    )
    .await;
    assert!(!replayed && theirs["errors"].is_null(), "{theirs}");
    assert_eq!(named(&app, &staff, "赵奶奶").await, 1);

    // A refusal is an answer too: the same refusal comes back, nothing runs again.
    let (dup, _) = keyed(
        &app,
        Some(&worker),
        "visit-0003:0",
        REGISTER,
        vars("张桂兰二", "13900000001"),
    )
    .await;
    assert_eq!(
        code(&dup),
        "CONFLICT",
        "a number already in the registry: {dup}"
    );
    let (dup_again, replayed) = keyed(
        &app,
        Some(&worker),
        "visit-0003:0",
        REGISTER,
        vars("张桂兰二", "13900000001"),
    )
    .await;
    assert!(replayed);
    assert_eq!(dup_again, dup);

    // Malformed keys, a key without an account, a key on a batch: refused, nothing written.
    for bad in ["short", "有中文的幂等键有中文的", &"k".repeat(101)] {
        let (r, _) = keyed(
            &app,
            Some(&worker),
            bad,
            REGISTER,
            vars("坏键", "13900000005"),
        )
        .await;
        assert_eq!(code(&r), "BAD_USER_INPUT", "{bad}: {r}");
    }
    let (anon, _) = keyed(
        &app,
        None,
        "visit-0004:0",
        REGISTER,
        vars("匿名", "13900000006"),
    )
    .await;
    assert!(
        matches!(code(&anon), "BAD_USER_INPUT" | "UNAUTHENTICATED"),
        "{anon}"
    );
    let batch: Value = app
        .http
        .post(&app.url)
        .bearer_auth(&worker)
        .header("x-community", "alpha")
        .header("idempotency-key", "visit-0005:0")
        .json(&json!([{"query": REGISTER, "variables": vars("批量", "13900000007")}, {"query": REGISTER, "variables": vars("批量二", "13900000008")}]))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(code(&batch), "BAD_USER_INPUT", "{batch}");
    assert_eq!(
        named(&app, &staff, "坏键").await + named(&app, &staff, "批量").await,
        0
    );
}
