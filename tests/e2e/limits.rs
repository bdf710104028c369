//! Abusive requests are refused with a clear error, never a 500.

use serde_json::json;

use crate::{TestApp, code};

#[tokio::test]
async fn depth_complexity_aliases_batch_and_body_size_are_limited() {
    let app = TestApp::spawn().await;
    let root = app.root().await;

    let mut deep = String::from("code");
    for _ in 0..14 {
        deep = format!("code parent {{ {deep} }}");
    }
    let r = app
        .gql(
            Some(&root),
            None,
            &format!("{{ district(code: \"x\") {{ {deep} }} }}"),
            json!({}),
        )
        .await;
    assert_eq!(code(&r), "BAD_USER_INPUT");
    assert!(
        r["errors"][0]["message"].as_str().unwrap().contains("嵌套"),
        "{r}"
    );

    let aliases: Vec<String> = (0..31)
        .map(|i| format!("a{i}: me {{ account {{ id }} }}"))
        .collect();
    let r = app
        .gql(
            Some(&root),
            None,
            &format!("{{ {} }}", aliases.join(" ")),
            json!({}),
        )
        .await;
    assert_eq!(code(&r), "BAD_USER_INPUT");
    assert!(
        r["errors"][0]["message"].as_str().unwrap().contains("别名"),
        "{r}"
    );

    let batch: Vec<_> = (0..11)
        .map(|_| json!({"query": "{ me { account { id } } }"}))
        .collect();
    let resp = app
        .http
        .post(&app.url)
        .bearer_auth(&root)
        .json(&batch)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let body: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(code(&body), "BAD_USER_INPUT");

    // A small batch is fine.
    let batch: Vec<_> = (0..2)
        .map(|_| json!({"query": "{ me { account { loginName } } }"}))
        .collect();
    let body: serde_json::Value = app
        .http
        .post(&app.url)
        .bearer_auth(&root)
        .json(&batch)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(body[1]["data"]["me"]["account"]["loginName"], "root");

    // A body over the limit is refused from its announced length, before it is read.
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = app
        .url
        .trim_start_matches("http://")
        .trim_end_matches("/graphql")
        .to_string();
    let mut tcp = tokio::net::TcpStream::connect(&addr).await.unwrap();
    let head = format!(
        "POST /graphql HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        17 * 1024 * 1024
    );
    tcp.write_all(head.as_bytes()).await.unwrap();
    let mut buf = vec![0u8; 256];
    let n = tcp.read(&mut buf).await.unwrap();
    let status_line = String::from_utf8_lossy(&buf[..n])
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(status_line.starts_with("HTTP/1.1 413"), "{status_line}");
}

/// A statement that would run past the request (a table locked by someone else, a dashboard
/// over ten years of days) is cancelled by PostgreSQL itself — the serving login carries
/// statement_timeout and lock_timeout — and answers `TIMEOUT`; the next request is served.
#[tokio::test]
async fn a_statement_past_its_time_is_cancelled_with_a_code() {
    let app = TestApp::spawn_with(&[
        ("LINLI_DB_STATEMENT_TIMEOUT_MS", "1500"),
        ("LINLI_DB_LOCK_TIMEOUT_MS", "60000"),
    ])
    .await;
    let root = app.two_communities().await;
    let staff = app.member(&root, "alpha-staff", "STAFF", "alpha").await;
    let list = "{ courses(first: 5) { edges { node { title } } } }";
    app.ok(Some(&staff), Some("alpha"), list, json!({})).await;

    // Someone holds the courses table; the statement waits, and is cancelled at 1.5 s.
    let pool = app.pool().await;
    let mut holder = pool.begin().await.unwrap();
    sqlx::query("LOCK TABLE c_alpha.courses IN ACCESS EXCLUSIVE MODE")
        .execute(&mut *holder)
        .await
        .unwrap();
    let started = std::time::Instant::now();
    let r = app.gql(Some(&staff), Some("alpha"), list, json!({})).await;
    assert_eq!(code(&r), "TIMEOUT", "{r}");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(10),
        "cancelled by the database, not by the client"
    );
    holder.rollback().await.unwrap();
    app.ok(Some(&staff), Some("alpha"), list, json!({})).await;

    // Both limits are the serving login's own, so any connection of it has them.
    let settings: Vec<String> = sqlx::query_scalar(
        "SELECT unnest(rolconfig) FROM pg_roles WHERE rolname LIKE 'linli%\\_gateway'
          AND rolname = (SELECT 'linli' || oid || '_gateway' FROM pg_database
                          WHERE datname = current_database())",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert!(
        settings.contains(&"statement_timeout=1500".to_string())
            && settings.contains(&"lock_timeout=60000".to_string()),
        "{settings:?}"
    );
}
