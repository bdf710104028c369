//! What running Linli in containers needs of the binary: secrets read from files, links to
//! objects signed for the address browsers use.

use serde_json::json;

use crate::TestApp;

/// `LINLI_TOKEN_SECRET_FILE` is the token secret: a token signed under one file's secret is
/// refused after a restart with another; a file that cannot be read stops the start.
#[tokio::test]
async fn secrets_come_from_files() {
    let dir = crate::temp_dir("secrets");
    let (a, b) = (dir.join("token-a"), dir.join("token-b"));
    std::fs::write(&a, "token secret A, thirty-two bytes or more\n").unwrap();
    std::fs::write(&b, "token secret B, thirty-two bytes or more\n").unwrap();
    let env_a = [("LINLI_TOKEN_SECRET_FILE", a.to_str().unwrap())];
    let mut first = TestApp::spawn_with(&env_a).await;
    let token = first.root().await;
    first.child.kill().await.unwrap();

    let mut again =
        TestApp::start_with(first.database_url.clone(), first.data_dir.clone(), &env_a).await;
    let me = "{ me { account { loginName } } }";
    assert_eq!(
        again.ok(Some(&token), None, me, json!({})).await["me"]["account"]["loginName"],
        "root"
    );
    // Stopped, not dropped: dropping a TestApp removes the data directory the next one uses.
    again.child.kill().await.unwrap();

    let mut other = TestApp::start_with(
        first.database_url.clone(),
        first.data_dir.clone(),
        &[("LINLI_TOKEN_SECRET_FILE", b.to_str().unwrap())],
    )
    .await;
    let refused = other.gql(Some(&token), None, me, json!({})).await;
    assert_eq!(crate::code(&refused), "UNAUTHENTICATED", "{refused}");
    other.child.kill().await.unwrap();

    let missing = dir.join("no-such-secret");
    let out = crate::linli()
        .arg("serve")
        .envs(TestApp::env_for(&first.database_url, &first.data_dir))
        .env("LINLI_MASTER_SECRET_FILE", &missing)
        .output()
        .await
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("LINLI_MASTER_SECRET_FILE") && stderr.contains("no-such-secret"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// With `LINLI_S3_PUBLIC_ENDPOINT`, a download link names the public address, not the store's
/// internal one.
#[tokio::test]
async fn links_are_signed_for_the_public_endpoint() {
    let public = "http://files.linli.test:9000";
    let app = TestApp::spawn_with(&[("LINLI_S3_PUBLIC_ENDPOINT", public)]).await;
    let root = app.two_communities().await;
    let staff = app.member(&root, "alpha-staff", "STAFF", "alpha").await;
    let d = app
        .ok(
            Some(&staff),
            Some("alpha"),
            "mutation { exportMonthlyLedger(month: \"2026-11\") { url } }",
            json!({}),
        )
        .await;
    let url = d["exportMonthlyLedger"]["url"].as_str().unwrap();
    assert!(url.starts_with(&format!("{public}/")), "{url}");
    assert!(url.contains("X-Amz-Signature="), "{url}");
}
