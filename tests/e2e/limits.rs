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
