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

/// A backup of the whole platform restores into another database of the same cluster with
/// another store: accounts, communities and their data, objects — and the restored schemas
/// belong to roles of their own, never to the original's.
#[tokio::test]
async fn backup_and_restore_into_another_database() {
    let app = TestApp::spawn().await;
    let root = app.two_communities().await;
    let staff = app.member(&root, "alpha-staff", "STAFF", "alpha").await;
    app.ok(
        Some(&staff),
        Some("alpha"),
        "mutation { createCourse(input: {title: \"剪纸\", category: \"skills\", audience: ALL, format: WORKSHOP, capacity: 10}) { id } }",
        json!({}),
    )
    .await;
    app.ok(
        Some(&staff),
        Some("alpha"),
        "mutation { exportMonthlyLedger(month: \"2026-11\") { url } }",
        json!({}),
    )
    .await;

    let dir = crate::temp_dir("backup");
    let backup = dir.join("b");
    let out = crate::linli()
        .args(["backup", "--out"])
        .arg(&backup)
        .envs(TestApp::env_for(&app.database_url, &app.data_dir))
        .output()
        .await
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(backup.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["communities"], 2);
    assert!(manifest["objects"].as_u64().unwrap() >= 1, "{manifest}");

    let target = infra::testing::fresh_database().await;
    let data = crate::temp_dir("restored");
    let restore = |db: String, data: std::path::PathBuf| {
        let backup = backup.clone();
        async move {
            crate::linli()
                .args(["restore", "--from"])
                .arg(&backup)
                .envs(TestApp::env_for(&db, &data))
                .output()
                .await
                .unwrap()
        }
    };
    let out = restore(target.clone(), data.clone()).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains(&format!(
            "Restored 2 communities and {} objects",
            manifest["objects"]
        )),
        "{said}"
    );
    // Not twice into the same database.
    let again = restore(target.clone(), data.clone()).await;
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("empty database"));

    let restored = TestApp::start(target, data).await;
    let root2 = restored.root().await;
    let staff2 = restored.login("alpha-staff", "password-123").await;
    let courses = restored
        .ok(
            Some(&staff2),
            Some("alpha"),
            "{ courses(first: 5) { edges { node { title } } } }",
            json!({}),
        )
        .await;
    assert_eq!(courses["courses"]["edges"][0]["node"]["title"], "剪纸");
    let district = restored
        .ok(
            Some(&root2),
            None,
            "{ district(code: \"510109\") { communities { slug } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        district["district"]["communities"]
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // Roles: each database's schemas have their own, and the original's serving login is a
    // member of none of the restored ones.
    let roles = |url: String| async move {
        let pool = sqlx::PgPool::connect(&url).await.unwrap();
        let r: Vec<String> =
            sqlx::query_scalar("SELECT role_name FROM platform.communities ORDER BY slug")
                .fetch_all(&pool)
                .await
                .unwrap();
        r
    };
    let (before, after) = (
        roles(app.database_url.clone()).await,
        roles(restored.database_url.clone()).await,
    );
    assert!(
        before.iter().all(|r| !after.contains(r)),
        "{before:?} {after:?}"
    );
    let pool = restored.pool().await;
    let prefix: String = sqlx::query_scalar(
        "SELECT 'linli' || oid FROM pg_database WHERE datname = current_database()",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(
        after.iter().all(|r| r.starts_with(&format!("{prefix}_"))),
        "{after:?}"
    );
    let shared: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid
           JOIN pg_roles s ON s.oid = m.member
          WHERE r.rolname = ANY($1) AND s.rolname LIKE 'linli%\\_gateway' AND s.rolname <> $2",
    )
    .bind(&after)
    .bind(format!("{prefix}_gateway"))
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        shared, 0,
        "another database's gateway may enter a restored schema"
    );
    // The original still serves its own.
    let original = app
        .ok(
            Some(&staff),
            Some("alpha"),
            "{ courses(first: 5) { edges { node { title } } } }",
            json!({}),
        )
        .await;
    assert_eq!(original["courses"]["edges"][0]["node"]["title"], "剪纸");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The image's run stage as its Dockerfile states it, applied to the binary cargo built from
/// the same sources with the same `--locked` build: no Docker engine runs on these machines.
/// Its ENV, USER, WORKDIR, ENTRYPOINT/CMD and HEALTHCHECK are read from deploy/Dockerfile; the
/// binary is copied in as `COPY --from=build` does and started as the image's user (when the
/// test runs as root) with a database as compose gives it, and the healthcheck's own command
/// must pass.
#[tokio::test]
async fn the_image_run_stage_rehearsed_without_docker() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../deploy/Dockerfile"),
    )
    .unwrap();
    let joined = text.replace("\\\n", " ");
    let run_stage = joined.rsplit("\nFROM ").next().unwrap();
    let directive = |name: &str| -> Vec<String> {
        run_stage
            .lines()
            .filter_map(|l| l.trim().strip_prefix(&format!("{name} ")))
            .map(|s| s.trim().to_string())
            .collect()
    };
    let mut env: Vec<(String, String)> = directive("ENV")
        .iter()
        .flat_map(|l| l.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .filter_map(|kv| {
            kv.split_once('=')
                .map(|(k, v)| (k.to_string(), v.to_string()))
        })
        .collect();
    let user = directive("USER")
        .pop()
        .expect("the run stage names its user");
    let uid: u32 = user
        .split(':')
        .next()
        .unwrap()
        .parse()
        .expect("a numeric uid");
    let image_workdir = directive("WORKDIR").pop().expect("a WORKDIR");
    let entry: Vec<String> = serde_json::from_str(&directive("ENTRYPOINT").pop().unwrap()).unwrap();
    let cmd: Vec<String> = serde_json::from_str(&directive("CMD").pop().unwrap()).unwrap();
    let health = directive("HEALTHCHECK").pop().expect("a HEALTHCHECK");
    let health_cmd = health
        .split_once(" CMD ")
        .expect("HEALTHCHECK … CMD …")
        .1
        .to_string();
    assert_eq!(entry, ["linli"]);

    // The image's filesystem: its WORKDIR (the data directory) and the binary, owned by the user.
    let root = crate::temp_dir("image");
    let workdir = root.join(image_workdir.trim_start_matches('/'));
    std::fs::create_dir_all(&workdir).unwrap();
    let bin = root.join("linli");
    std::fs::copy(env!("CARGO_BIN_EXE_linli"), &bin).unwrap();
    let as_root = unsafe { libc::geteuid() } == 0;
    let mut command = if as_root {
        for p in [&root, &workdir.parent().unwrap().to_path_buf(), &workdir] {
            std::os::unix::fs::chown(p, Some(uid), Some(uid)).unwrap();
        }
        let mut c = tokio::process::Command::new("setpriv");
        c.arg(format!("--reuid={uid}"))
            .arg(format!("--regid={uid}"))
            .arg("--clear-groups")
            .arg(&bin);
        c
    } else {
        tokio::process::Command::new(&bin)
    };
    for (k, v) in &mut env {
        // Any free port instead of the image's fixed ones; the image's paths under this root.
        if k == "LINLI_LISTEN" || k == "LINLI_METRICS_LISTEN" {
            *v = v.replace(":8080", ":0").replace(":9464", ":0");
        }
        if v.starts_with(&image_workdir) {
            *v = v.replacen(&image_workdir, workdir.to_str().unwrap(), 1);
        }
    }
    let mut child = command
        .args(&cmd)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap())
        .env("HOME", &workdir)
        // The image holds no PostgreSQL server: compose and Kubernetes give it a database.
        .env("DATABASE_URL", infra::testing::fresh_database().await)
        .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .current_dir(&workdir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let url = crate::wait_listening(&mut child).await;
    let port = url::Url::parse(&url).unwrap().port().unwrap();
    if as_root {
        let status =
            std::fs::read_to_string(format!("/proc/{}/status", child.id().unwrap())).unwrap();
        let line = status.lines().find(|l| l.starts_with("Uid:")).unwrap();
        assert!(
            line.split_whitespace()
                .skip(1)
                .all(|u| u == uid.to_string()),
            "{line}"
        );
    }
    let check = tokio::process::Command::new("sh")
        .arg("-c")
        .arg(health_cmd.replace("127.0.0.1:8080", &format!("127.0.0.1:{port}")))
        .output()
        .await
        .unwrap();
    assert!(
        check.status.success(),
        "the image's healthcheck failed: {}",
        String::from_utf8_lossy(&check.stderr)
    );
    child.kill().await.unwrap();
    let _ = std::fs::remove_dir_all(&root);
}
