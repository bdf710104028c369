//! What an operator relies on: health, metrics, audit, durability, the schema file, the
//! embedded defaults and the printed configuration.

use std::process::Stdio;
use std::time::Duration;

use serde_json::json;

use crate::{TestApp, linli, temp_dir, wait_listening};

#[tokio::test]
async fn health_readiness_and_metrics() {
    let app = TestApp::spawn().await;
    let base = app.base();
    assert_eq!(
        app.http
            .get(format!("{base}/healthz"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let ready = app.http.get(format!("{base}/readyz")).send().await.unwrap();
    assert_eq!(ready.status(), 200);
    assert_eq!(
        ready.json::<serde_json::Value>().await.unwrap(),
        json!({"database": true, "objectStore": true})
    );
    app.gql(None, None, "{ me { account { id } } }", json!({}))
        .await;
    let metrics = app.metrics().await;
    assert!(metrics.contains("linli_http_requests_total"), "{metrics}");
    assert!(
        metrics.contains("linli_http_request_duration_seconds"),
        "{metrics}"
    );
    assert!(
        metrics.contains("linli_graphql_errors_total{code=\"UNAUTHENTICATED\"}"),
        "{metrics}"
    );
    assert!(metrics.contains("linli_db_pool_connections"), "{metrics}");
    // …on its own listener: the API's port does not serve them.
    let on_api = app
        .http
        .get(format!("{base}/metrics"))
        .send()
        .await
        .unwrap();
    assert_eq!(on_api.status(), 404);
    assert_ne!(app.metrics_url, format!("{base}/metrics"));
    // The request id is echoed for correlation with the logs.
    let resp = app
        .http
        .get(format!("{base}/healthz"))
        .send()
        .await
        .unwrap();
    assert!(resp.headers().contains_key("x-request-id"));
    // GraphiQL is off by default.
    assert_eq!(app.http.get(&app.url).send().await.unwrap().status(), 405);
}

#[tokio::test]
async fn every_mutation_is_audited_with_its_outcome() {
    let app = TestApp::spawn().await;
    let root = app.two_communities().await;
    let resident = app
        .member(&root, "alpha-resident", "RESIDENT", "alpha")
        .await;
    let create = r#"mutation { createCourtyard(input: {name: "院落", kind: GRID}) { id } }"#;
    app.gql(Some(&resident), Some("alpha"), create, json!({}))
        .await;
    app.gql(Some(&resident), Some("beta"), create, json!({}))
        .await;
    let pool = app.pool().await;
    let rows: Vec<(String, String, Option<uuid::Uuid>)> = sqlx::query_as(
        "SELECT operation, outcome, community_id FROM platform.audit_log
          WHERE operation = 'createCourtyard' ORDER BY id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(
        (rows[0].0.as_str(), rows[0].1.as_str()),
        ("createCourtyard", "FORBIDDEN")
    );
    assert!(rows[0].2.is_some(), "the community is recorded");
    assert_eq!(rows[1].1, "FORBIDDEN", "refused at the gate, still audited");
    let onboard: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM platform.audit_log WHERE operation = 'onboardCommunity' AND outcome = 'ok' AND account_id IS NOT NULL",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(onboard, 2);
}

/// A mutation hidden in a top-level fragment is the same mutation: it is audited, with its
/// target (ids and codes, no personal data), under the gateway's request id.
#[tokio::test]
async fn a_mutation_in_a_fragment_is_audited_with_its_target() {
    let app = TestApp::spawn().await;
    let root = app.two_communities().await;
    let d = app
        .ok(
            Some(&root),
            None,
            r#"mutation { createAccount(input: {loginName: "frag-target", displayName: "李四", password: "password-123", phone: "13900001111"}) { id } }"#,
            json!({}),
        )
        .await;
    let id = d["createAccount"]["id"].as_str().unwrap().to_string();
    let resp = app
        .http
        .post(&app.url)
        .bearer_auth(&root)
        .header("x-request-id", format!("client 42{}", "x".repeat(100)))
        .json(&json!({
            "query": "mutation($id: ID!) { ... on Mutation { grantRole(input: {accountId: $id, role: STAFF, communitySlug: \"alpha\"}) } ...F } fragment F on Mutation { x: grantRole(input: {accountId: $id, role: TEACHER, communitySlug: \"alpha\"}) }",
            "variables": {"id": id},
        }))
        .send()
        .await
        .unwrap();
    let ours = resp.headers()["x-request-id"].to_str().unwrap().to_string();
    let body: serde_json::Value = resp.json().await.unwrap();
    assert!(body.get("errors").is_none(), "{body}");
    let pool = app.pool().await;
    type AuditRow = (
        String,
        String,
        Option<String>,
        Option<String>,
        serde_json::Value,
    );
    let rows: Vec<AuditRow> = sqlx::query_as(
        "SELECT operation, outcome, request_id, client_request_id, target
               FROM platform.audit_log WHERE operation = 'grantRole' ORDER BY id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(rows.len(), 2, "both fragment fields are audited: {rows:?}");
    for (op, outcome, request_id, client, target) in &rows {
        assert_eq!((op.as_str(), outcome.as_str()), ("grantRole", "ok"));
        assert_eq!(request_id.as_deref(), Some(ours.as_str()));
        assert_eq!(
            client.clone(),
            Some(format!("client42{}", "x".repeat(56))),
            "sanitised, bounded client id"
        );
        assert_eq!(target["input"]["accountId"], json!(id));
        assert_eq!(target["input"]["communitySlug"], json!("alpha"));
    }
    assert_eq!(rows[0].4["input"]["role"], json!("STAFF"));
    assert_eq!(rows[1].4["input"]["role"], json!("TEACHER"));
    let personal: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM platform.audit_log WHERE target::text LIKE '%13900001111%'
            OR target::text LIKE '%李四%' OR target::text LIKE '%password-123%'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(personal, 0, "no personal data in the audit log");
}

/// Requests refused at the gate cost at most one audit row each, however many mutation fields
/// they hold, and the rows are rate-limited: what is not written is counted.
#[tokio::test]
async fn refused_requests_cannot_flood_the_audit_log() {
    let app = TestApp::spawn().await;
    app.two_communities().await;
    let many = format!(
        "mutation {{ {} }}",
        (0..25)
            .map(|i| format!("a{i}: createCourtyard(input: {{name: \"x\", kind: GRID}}) {{ id }}"))
            .collect::<Vec<_>>()
            .join(" ")
    );
    let sends = (0..120).map(|_| {
        let (http, url, q) = (app.http.clone(), app.url.clone(), many.clone());
        async move {
            let r: serde_json::Value = http
                .post(url)
                .header("x-community", "alpha")
                .json(&json!({"query": q}))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            assert_eq!(crate::code(&r), "UNAUTHENTICATED");
        }
    });
    futures::future::join_all(sends).await;
    let pool = app.pool().await;
    let (rows, max_count): (i64, Option<i64>) = sqlx::query_as(
        "SELECT count(*), max((target->>'count')::int8) FROM platform.audit_log
          WHERE outcome = 'UNAUTHENTICATED'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(max_count, Some(25), "one row names the count of fields");
    let dropped = app.counter("linli_audit_refusals_dropped_total").await as i64;
    assert_eq!(
        rows + dropped,
        120,
        "each refused request is one row or one count"
    );
}

#[tokio::test]
async fn an_acknowledged_write_survives_a_killed_gateway() {
    let mut app = TestApp::spawn().await;
    let root = app.two_communities().await;
    let d = app
        .ok(
            Some(&root),
            Some("alpha"),
            r#"mutation { createCourtyard(input: {name: "幸存院落", kind: COURTYARD}) { id } }"#,
            json!({}),
        )
        .await;
    let id = d["createCourtyard"]["id"].clone();
    app.child.start_kill().unwrap();
    app.child.wait().await.unwrap();
    let (db, dir) = (app.database_url.clone(), app.data_dir.clone());
    let app = TestApp::start(db, dir).await;
    let root = app.root().await;
    let d = app
        .ok(
            Some(&root),
            Some("alpha"),
            "{ courtyards { id name } }",
            json!({}),
        )
        .await;
    assert_eq!(d["courtyards"], json!([{"id": id, "name": "幸存院落"}]));
}

#[tokio::test]
async fn schema_graphql_is_generated_from_the_code() {
    let out = linli().arg("schema").output().await.unwrap();
    assert!(out.status.success());
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../schema.graphql"))
            .unwrap();
    assert!(
        String::from_utf8(out.stdout).unwrap() == committed,
        "schema.graphql is stale: run `cargo run -p gateway -- schema > schema.graphql`"
    );
    // Public names, not Rust's: dates are `Date` (ISO 8601).
    assert!(!committed.contains("NaiveDate") && committed.contains("scalar Date"));
}

#[tokio::test]
async fn configuration_is_printed_with_secrets_redacted() {
    let app = TestApp::spawn().await;
    let log = std::fs::read_to_string(app.data_dir.join("gateway.log")).unwrap();
    let line = log
        .lines()
        .find(|l| l.contains("effective configuration"))
        .expect("config line");
    assert!(
        line.contains("master_secret") && line.contains("***"),
        "{line}"
    );
    assert!(
        !line.contains("e2e master secret"),
        "secret printed: {line}"
    );
    let json_line: serde_json::Value = serde_json::from_str(line).expect("JSON logs");
    assert_eq!(json_line["level"], "INFO");
}

/// No DATABASE_URL, no S3: Linli runs its own PostgreSQL and S3 server under the data
/// directory, seeds the demo, keeps the data across restarts and stops its cluster on exit.
#[tokio::test]
async fn embedded_defaults_keep_data_across_restarts() {
    let dir = temp_dir("embedded");
    // Private, as a checkout under /root is: as root, PostgreSQL's user cannot enter it.
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    let start = || {
        linli()
            .args(["serve", "--demo", "--listen", "127.0.0.1:0", "--data-dir"])
            .arg(&dir)
            .env_remove("DATABASE_URL")
            .env("LINLI_METRICS_LISTEN", "127.0.0.1:0")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .unwrap()
    };
    let http = reqwest::Client::new();
    let query = |url: String| {
        let http = http.clone();
        async move {
            let login = json!({"query": "mutation { login(loginName: \"xinhua-admin\", password: \"linli-demo-2026\") { token } }"});
            let r: serde_json::Value = http
                .post(&url)
                .json(&login)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            let token = r["data"]["login"]["token"]
                .as_str()
                .unwrap_or_else(|| panic!("{r}"))
                .to_string();
            let r: serde_json::Value = http
                .post(&url)
                .bearer_auth(token)
                .header("x-community", "xinhua")
                .json(&json!({"query": "{ community { name } spaces { name } communityPartners { teams { name } } }"}))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            r
        }
    };
    let mut first = start();
    let url = wait_listening(&mut first).await;
    let r = query(url.clone()).await;
    assert_eq!(r["data"]["community"]["name"], "新华社区");
    assert_eq!(r["data"]["spaces"].as_array().unwrap().len(), 5);
    // Seed 000 names no partner university for 新华.
    assert_eq!(r["data"]["communityPartners"], json!([]));
    // 博园's 校社联动: 24 demands through the grid, 21 resolved; 东环路's time bank balances.
    let staff_of = |login: &'static str, slug: &'static str, q: &'static str| {
        let (http, url) = (http.clone(), url.clone());
        async move {
            let login = json!({"query": format!("mutation {{ login(loginName: \"{login}\", password: \"linli-demo-2026\") {{ token }} }}")});
            let r: serde_json::Value = http
                .post(&url)
                .json(&login)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            let token = r["data"]["login"]["token"].as_str().unwrap().to_string();
            let r: serde_json::Value = http
                .post(&url)
                .bearer_auth(token)
                .header("x-community", slug)
                .json(&json!({"query": q}))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            r
        }
    };
    let b = staff_of(
        "boyuan-staff",
        "boyuan",
        "{ demandStats { total resolved } communityPartners { teams { name } } }",
    )
    .await;
    assert_eq!(
        b["data"]["demandStats"],
        json!({"total": 24, "resolved": 21}),
        "{b}"
    );
    let teams: usize = b["data"]["communityPartners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["teams"].as_array().unwrap().len())
        .sum();
    assert_eq!(teams, 16);
    let d = staff_of(
        "donghuan-chen",
        "donghuanlu",
        "{ myPoints { balance } volunteerStatement { verifiedMinutes } }",
    )
    .await;
    assert!(
        d["data"]["myPoints"]["balance"].as_i64().unwrap() > 0,
        "{d}"
    );
    let ready = http
        .get(url.replace("/graphql", "/readyz"))
        .send()
        .await
        .unwrap();
    assert_eq!(ready.status(), 200);
    // A CLI command on the same data directory uses the running cluster.
    let cli = |args: &'static [&'static str]| {
        let dir = dir.clone();
        async move {
            let out = linli()
                .args(args)
                .arg("--data-dir")
                .arg(&dir)
                .env_remove("DATABASE_URL")
                .output()
                .await
                .unwrap();
            assert!(out.status.success(), "{args:?}: {out:?}");
            String::from_utf8(out.stdout).unwrap()
        }
    };
    let out = cli(&["migrate"]).await;
    assert!(
        out.contains("6 communities: 0 migrated, 0 failed, 6 already up to date"),
        "{out}"
    );
    // Graceful stop: the private cluster is shut down with the gateway.
    // SAFETY: signalling our own child.
    unsafe { libc::kill(first.id().unwrap() as i32, libc::SIGTERM) };
    let status = tokio::time::timeout(Duration::from_secs(60), first.wait())
        .await
        .unwrap()
        .unwrap();
    assert!(status.success(), "{status:?}");
    assert!(
        !dir.join("pg/postmaster.pid").exists(),
        "the cluster stopped with the gateway"
    );

    // With the gateway stopped, a CLI command starts the cluster itself (and stops it again).
    let out = cli(&[
        "communities",
        "onboard",
        "--district",
        "510109-zhonghe",
        "--slug",
        "xinhua-2",
        "--name",
        "新华二社区",
    ])
    .await;
    assert!(out.contains("onboarded"), "{out}");
    assert!(
        !dir.join("pg/postmaster.pid").exists(),
        "the CLI stopped the cluster it started"
    );

    let mut second = start();
    let url = wait_listening(&mut second).await;
    let r = query(url).await;
    assert_eq!(
        r["data"]["spaces"].as_array().unwrap().len(),
        5,
        "seeding twice changes nothing"
    );
    let out = cli(&["migrate"]).await;
    assert!(
        out.contains("7 communities"),
        "the CLI's community is there: {out}"
    );
    drop(second);
    if let Ok(real) = std::fs::read_link(dir.join("pg")) {
        // Relocated for PostgreSQL's user: not below the test's directory.
        tokio::time::sleep(Duration::from_secs(1)).await;
        let _ = std::fs::remove_dir_all(&real);
        let _ = std::fs::remove_file(real.with_extension("log"));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn logs_carry_request_id_and_community() {
    let app = TestApp::spawn().await;
    let root = app.two_communities().await;
    app.ok(
        Some(&root),
        Some("alpha"),
        "{ community { name } }",
        json!({}),
    )
    .await;
    // The response line is written after the response is sent; give it a moment.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let log = std::fs::read_to_string(app.data_dir.join("gateway.log")).unwrap();
    let line = log
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find(|l| l["span"]["community"] == "alpha")
        .unwrap_or_else(|| panic!("no log line with the community: {log}"));
    assert!(
        !line["span"]["request_id"].as_str().unwrap_or("").is_empty(),
        "{line}"
    );
}

/// With OTEL_EXPORTER_OTLP_ENDPOINT set, spans are exported over OTLP/HTTP: a collector on
/// loopback receives a POST to /v1/traces.
#[tokio::test]
async fn traces_are_exported_over_otlp_when_configured() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let collector = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let endpoint = format!("http://{}", collector.local_addr().unwrap());
    let db = infra::testing::fresh_database().await;
    let dir = temp_dir("otel");
    let mut child = linli()
        .arg("serve")
        .envs(TestApp::env_for(&db, &dir))
        .env("OTEL_EXPORTER_OTLP_ENDPOINT", &endpoint)
        .env("OTEL_BSP_SCHEDULE_DELAY", "100")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let url = wait_listening(&mut child).await;
    reqwest::get(url.replace("/graphql", "/healthz"))
        .await
        .unwrap();
    let (mut sock, _) = tokio::time::timeout(Duration::from_secs(30), collector.accept())
        .await
        .expect("no OTLP export within 30 s")
        .unwrap();
    let mut buf = vec![0u8; 4096];
    let n = sock.read(&mut buf).await.unwrap();
    let head = String::from_utf8_lossy(&buf[..n]);
    assert!(head.starts_with("POST /v1/traces"), "{head}");
    assert!(
        head.to_ascii_lowercase()
            .contains("content-type: application/x-protobuf"),
        "{head}"
    );
    let _ = sock
        .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n")
        .await;
}

/// Settings come from a TOML file named by LINLI_CONFIG, environment variables win over it.
#[tokio::test]
async fn configuration_file_and_cors() {
    let db = infra::testing::fresh_database().await;
    let dir = temp_dir("config");
    let file = dir.join("linli.toml");
    std::fs::write(
        &file,
        "max_aliases = 1\ncors_origins = [\"https://file.example\"]\n",
    )
    .unwrap();
    let app = TestApp::start_with(
        db,
        dir,
        &[
            ("LINLI_CONFIG", file.to_str().unwrap()),
            ("LINLI_CORS_ORIGINS", "[\"https://linli.example\"]"),
        ],
    )
    .await;
    let r = app
        .gql(None, None, "{ a: __typename b: __typename }", json!({}))
        .await;
    assert_eq!(
        crate::code(&r),
        "BAD_USER_INPUT",
        "max_aliases = 1 from the file: {r}"
    );

    let preflight = |origin: &'static str| {
        app.http
            .request(reqwest::Method::OPTIONS, &app.url)
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header(
                "access-control-request-headers",
                "authorization,x-community,content-type",
            )
            .send()
    };
    let ok = preflight("https://linli.example").await.unwrap();
    assert_eq!(
        ok.headers()
            .get("access-control-allow-origin")
            .map(|v| v.to_str().unwrap()),
        Some("https://linli.example")
    );
    let other = preflight("https://file.example").await.unwrap();
    assert!(
        other.headers().get("access-control-allow-origin").is_none(),
        "the environment wins"
    );
}
