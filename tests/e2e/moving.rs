//! One community backed up, restored and moved between two clusters: the test server's and a
//! private cluster started here. Writes race the move; none that was acknowledged is lost.

use std::path::Path;
use std::process::Output;
use std::time::Duration;

use serde_json::{Value, json};

use crate::TestApp;

const DEMAND: &str =
    "mutation { submitDemand(input: {title: \"路灯不亮\", category: \"设施维修\"}) { id } }";

/// `linli ARGS` against the database and data directory of a gateway.
pub(crate) async fn linli(args: &[&str], database_url: &str, data_dir: &Path) -> Output {
    crate::linli()
        .args(args)
        .envs(TestApp::env_for(database_url, data_dir))
        .output()
        .await
        .unwrap()
}

/// Its stdout, once it succeeded (its output otherwise).
pub(crate) fn succeeded(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A fresh database holding only district 510109 and an empty data directory: where a backup
/// is restored.
pub(crate) async fn restore_target(name: &str) -> (String, std::path::PathBuf) {
    let target = infra::testing::fresh_database().await;
    let data = crate::temp_dir(name);
    succeeded(
        &linli(
            &[
                "districts",
                "create",
                "--code",
                "510109",
                "--name",
                "成都高新区",
            ],
            &target,
            &data,
        )
        .await,
    );
    (target, data)
}

/// Today's `partners.demands_received` of district 510109, once it reaches `expected` (the
/// worker folds within seconds) or after 10 s.
async fn demands_received(app: &TestApp, root: &str, expected: i64) -> i64 {
    let today = (chrono::Utc::now() + chrono::Duration::hours(8))
        .date_naive()
        .to_string();
    let mut seen = -1;
    for _ in 0..200 {
        let d = app
            .ok(
                Some(root),
                None,
                "query($d: Date!) { districtFigures(districtCode: \"510109\", from: $d, to: $d) { figure value } }",
                json!({"d": today}),
            )
            .await;
        seen = d["districtFigures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["figure"] == "partners.demands_received")
            .map_or(0, |f| f["value"].as_i64().unwrap());
        if seen == expected {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    seen
}

async fn scalar_i64(url: &str, sql: &str) -> i64 {
    let pool = sqlx::PgPool::connect(url).await.unwrap();
    let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_string()))
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    n
}

/// Files under `dir` whose path contains `part` (the embedded store keeps objects as files).
fn files_containing(dir: &Path, part: &str) -> usize {
    let mut n = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.to_string_lossy().contains(part) {
                n += 1;
            }
        }
    }
    n
}

/// A second cluster of its own (initdb'd here), with a gateway and district 510109.
async fn target_cluster() -> (infra::pg_embedded::PrivateCluster, TestApp) {
    let dir = crate::temp_dir("target-cluster");
    let cluster = tokio::task::spawn_blocking(move || {
        infra::pg_embedded::PrivateCluster::start(
            &dir,
            &infra::pg_embedded::ClusterOptions {
                fsync: false,
                max_connections: 100,
            },
        )
    })
    .await
    .unwrap()
    .expect("a private cluster starts");
    let app = TestApp::spawn_on(cluster.url("postgres"), &[]).await;
    let root = app.root().await;
    app.ok(
        Some(&root),
        None,
        r#"mutation { createDistrict(input: {code: "510109", name: "成都高新区"}) { id } }"#,
        json!({}),
    )
    .await;
    (cluster, app)
}

#[tokio::test]
async fn a_community_moves_to_another_cluster_while_it_is_written_to() {
    let a = TestApp::spawn().await;
    let root = a.two_communities().await;
    let grid = a.member(&root, "alpha-grid", "GRID_WORKER", "alpha").await;
    let staff = a.member(&root, "alpha-staff", "STAFF", "alpha").await;
    let beta_grid = a.member(&root, "beta-grid", "GRID_WORKER", "beta").await;
    a.ok(Some(&beta_grid), Some("beta"), DEMAND, json!({}))
        .await;
    let mut acknowledged = 0;
    let mut demand = json!(null);
    for _ in 0..3 {
        demand =
            a.ok(Some(&grid), Some("alpha"), DEMAND, json!({})).await["submitDemand"]["id"].clone();
        acknowledged += 1;
    }
    // Objects of the community: a demand's photo and its thumbnail (generated files, under
    // `x/`, live a day and are not moved).
    let mut png = Vec::new();
    image::DynamicImage::new_rgb8(64, 48)
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let photo = a
        .upload(
            &staff,
            "alpha",
            "mutation($d: ID!, $f: Upload!) { uploadDemandPhoto(demandId: $d, file: $f) { id } }",
            json!({"d": demand}),
            png,
            "lamp.png",
        )
        .await;
    assert!(photo.get("errors").is_none(), "{photo}");
    assert_eq!(demands_received(&a, &root, 4).await, 4);
    let (alpha_id, alpha_schema, alpha_role): (String, String, String) = {
        let pool = a.pool().await;
        sqlx::query_as(
            "SELECT id::text, schema_name, role_name FROM platform.communities WHERE slug = 'alpha'",
        )
        .fetch_one(&pool)
        .await
        .unwrap()
    };
    assert_eq!(files_containing(&a.data_dir.join("objects"), &alpha_id), 2);

    let (_cluster, b) = target_cluster().await;
    let b_root = b.root().await;
    let work = crate::temp_dir("move-work").join("alpha");

    // The move runs while a grid worker keeps submitting demands to the source.
    let mut mover = crate::linli()
        .args(["communities", "move", "alpha", "--to", &b.database_url])
        .args(["--address", "https://b.example.cn/console/"])
        .arg("--to-data-dir")
        .arg(&b.data_dir)
        .arg("--work-dir")
        .arg(&work)
        .envs(TestApp::env_for(&a.database_url, &a.data_dir))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut refused = Vec::new();
    while mover.try_wait().unwrap().is_none() {
        let r = a.gql(Some(&grid), Some("alpha"), DEMAND, json!({})).await;
        if r.get("errors").is_none() {
            acknowledged += 1;
        } else {
            refused.push(crate::code(&r).to_string());
        }
    }
    let out = mover.wait_with_output().await.unwrap();
    let mut by_code = std::collections::BTreeMap::<&str, usize>::new();
    for c in &refused {
        *by_code.entry(c.as_str()).or_default() += 1;
    }
    eprintln!("during the move: {acknowledged} demands acknowledged, refused {by_code:?}");
    let said = succeeded(&out);
    assert!(
        said.contains("every table, row and object checked"),
        "{said}"
    );
    for code in &refused {
        // Read-only while copied (FORBIDDEN: the database refused a write admitted just
        // before), then moved.
        assert!(
            ["COMMUNITY_READ_ONLY", "FORBIDDEN", "COMMUNITY_MOVED"].contains(&code.as_str()),
            "{refused:?}"
        );
    }

    // The source answers with the new address (once the switch's notification has reached the
    // gateway's cache: until then it still refuses writes) and keeps a copy nobody can write.
    let mut moved = Value::Null;
    for _ in 0..100 {
        moved = a.gql(Some(&grid), Some("alpha"), DEMAND, json!({})).await;
        if crate::code(&moved) != "COMMUNITY_READ_ONLY" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(crate::code(&moved), "COMMUNITY_MOVED", "{moved}");
    assert!(moved.to_string().contains("https://b.example.cn/console/"));
    let writable = scalar_i64(
        &a.database_url,
        &format!(
            "SELECT count(*) FROM pg_class WHERE relnamespace = '{alpha_schema}'::regnamespace
                AND relkind = 'r' AND has_table_privilege('{alpha_role}', oid, 'INSERT')"
        ),
    )
    .await;
    assert_eq!(writable, 0, "the source's copy is writable");

    // The target serves it: the same accounts sign in, every acknowledged demand is there and
    // counted in the target's district, writes work, the object came along.
    let grid_b = b.login("alpha-grid", "password-123").await;
    let demands = b
        .ok(
            Some(&grid_b),
            Some("alpha"),
            "{ demands { id } }",
            json!({}),
        )
        .await;
    assert_eq!(
        demands["demands"].as_array().unwrap().len() as i64,
        acknowledged,
        "{demands}"
    );
    b.ok(Some(&grid_b), Some("alpha"), DEMAND, json!({})).await;
    assert_eq!(
        demands_received(&b, &b_root, acknowledged + 1).await,
        acknowledged + 1
    );
    assert_eq!(files_containing(&b.data_dir.join("objects"), &alpha_id), 2);
    // The source's district lost exactly alpha: beta's one demand is left.
    assert_eq!(demands_received(&a, &root, 1).await, 1);
    let beta = a
        .gql(Some(&beta_grid), Some("beta"), DEMAND, json!({}))
        .await;
    assert!(beta.get("errors").is_none(), "{beta}");

    // Confirmed: the copy left behind goes, the routing entry stays.
    succeeded(
        &linli(
            &["communities", "confirm-move", "alpha"],
            &a.database_url,
            &a.data_dir,
        )
        .await,
    );
    let left = scalar_i64(
        &a.database_url,
        &format!(
            "SELECT (SELECT count(*) FROM pg_namespace WHERE nspname = '{alpha_schema}')
                  + (SELECT count(*) FROM pg_roles WHERE rolname = '{alpha_role}')
                  + (SELECT count(*) FROM platform.memberships WHERE community_id = '{alpha_id}')"
        ),
    )
    .await;
    assert_eq!(left, 0);
    assert_eq!(files_containing(&a.data_dir.join("objects"), &alpha_id), 0);
    let still = a
        .gql(Some(&grid), Some("alpha"), "{ demands { id } }", json!({}))
        .await;
    assert_eq!(crate::code(&still), "COMMUNITY_MOVED", "{still}");
    let again = linli(
        &["communities", "confirm-move", "alpha"],
        &a.database_url,
        &a.data_dir,
    )
    .await;
    assert!(!again.status.success());
    let _ = std::fs::remove_dir_all(work.parent().unwrap());
}

/// A move the target refuses (a login name taken there by another account) leaves nothing in
/// the target and the source writable as before.
#[tokio::test]
async fn a_failed_move_leaves_the_source_as_it_was() {
    let a = TestApp::spawn().await;
    let root = a.two_communities().await;
    let grid = a.member(&root, "beta-grid", "GRID_WORKER", "beta").await;
    a.ok(Some(&grid), Some("beta"), DEMAND, json!({})).await;
    let (_cluster, b) = target_cluster().await;
    let b_root = b.root().await;
    // Another person took the login name there.
    b.ok(
        Some(&b_root),
        None,
        "mutation { createAccount(input: {loginName: \"beta-grid\", displayName: \"李四\", password: \"password-456\"}) { id } }",
        json!({}),
    )
    .await;

    let out = crate::linli()
        .args(["communities", "move", "beta", "--to", &b.database_url])
        .args(["--address", "https://b.example.cn/"])
        .arg("--to-data-dir")
        .arg(&b.data_dir)
        .envs(TestApp::env_for(&a.database_url, &a.data_dir))
        .output()
        .await
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("beta-grid") && err.contains("served here again"),
        "{err}"
    );
    let again = a.gql(Some(&grid), Some("beta"), DEMAND, json!({})).await;
    assert!(again.get("errors").is_none(), "{again}");
    let status = scalar_i64(
        &a.database_url,
        "SELECT count(*) FROM platform.communities WHERE slug = 'beta' AND status = 'active'
            AND moved_to IS NULL",
    )
    .await;
    assert_eq!(status, 1);
    let there = scalar_i64(
        &b.database_url,
        "SELECT count(*) FROM platform.communities WHERE slug = 'beta'",
    )
    .await;
    assert_eq!(there, 0);
}

/// One community's backup restores into another database, and in place of itself; a backup
/// whose tables do not match its checksums is refused and leaves nothing behind.
#[tokio::test]
async fn one_community_backs_up_and_restores_checked() {
    let a = TestApp::spawn().await;
    let root = a.two_communities().await;
    let grid = a.member(&root, "beta-grid", "GRID_WORKER", "beta").await;
    a.ok(Some(&grid), Some("beta"), DEMAND, json!({})).await;
    assert_eq!(demands_received(&a, &root, 1).await, 1);
    let dir = crate::temp_dir("community-backup");
    let backup = dir.join("beta");
    let said = succeeded(
        &linli(
            &[
                "communities",
                "backup",
                "beta",
                "--out",
                backup.to_str().unwrap(),
            ],
            &a.database_url,
            &a.data_dir,
        )
        .await,
    );
    assert!(said.contains("Backed up community beta"), "{said}");

    let (target, data) = restore_target("restored-one").await;
    let args = ["communities", "restore", "--from", backup.to_str().unwrap()];
    let restore = || linli(&args, &target, &data);

    // Tampered: one table's checksum no longer matches.
    let manifest_path = backup.join("manifest.json");
    let good = std::fs::read(&manifest_path).unwrap();
    let mut m: Value = serde_json::from_slice(&good).unwrap();
    m["tables"]["demands"]["md5"] = json!("0".repeat(32));
    std::fs::write(&manifest_path, serde_json::to_vec(&m).unwrap()).unwrap();
    let out = restore().await;
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("demands"));
    let left = scalar_i64(
        &target,
        &format!(
            "SELECT (SELECT count(*) FROM platform.communities)
                  + (SELECT count(*) FROM pg_namespace WHERE nspname = '{}')",
            m["schema"].as_str().unwrap()
        ),
    )
    .await;
    assert_eq!(left, 0, "a refused restore left something behind");

    std::fs::write(&manifest_path, good).unwrap();
    succeeded(&restore().await);
    let refused = restore().await;
    assert!(!refused.status.success(), "restored twice");

    let restored = TestApp::start(target, data).await;
    let grid2 = restored.login("beta-grid", "password-123").await;
    let d = restored
        .ok(Some(&grid2), Some("beta"), "{ demands { id } }", json!({}))
        .await;
    assert_eq!(d["demands"].as_array().unwrap().len(), 1);
    // Its rollups joined the district's here.
    let counted = scalar_i64(
        &restored.database_url,
        "SELECT coalesce(sum(f.value), 0)::int8 FROM platform.figure_district_daily f
           JOIN platform.districts d ON d.id = f.district_id
          WHERE d.code = '510109' AND f.figure = 'partners.demands_received'",
    )
    .await;
    assert_eq!(counted, 1);

    // In place: two demands written after the backup are gone once it replaces beta, with the
    // source's gateway running throughout; its district counts beta's one again.
    for _ in 0..2 {
        a.ok(Some(&grid), Some("beta"), DEMAND, json!({})).await;
    }
    assert_eq!(demands_received(&a, &root, 3).await, 3);
    let said = succeeded(
        &linli(
            &[
                "communities",
                "restore",
                "--replace",
                "--from",
                backup.to_str().unwrap(),
            ],
            &a.database_url,
            &a.data_dir,
        )
        .await,
    );
    assert!(said.contains("Restored community beta"), "{said}");
    let d = a
        .ok(Some(&grid), Some("beta"), "{ demands { id } }", json!({}))
        .await;
    assert_eq!(d["demands"].as_array().unwrap().len(), 1, "{d}");
    assert_eq!(demands_received(&a, &root, 1).await, 1);
    a.ok(Some(&grid), Some("beta"), DEMAND, json!({})).await;
    // Only the same community is replaced: alpha is not beta.
    let mut other: Value = serde_json::from_slice(&std::fs::read(&manifest_path).unwrap()).unwrap();
    other["slug"] = json!("alpha");
    std::fs::write(&manifest_path, serde_json::to_vec(&other).unwrap()).unwrap();
    let refused = linli(
        &[
            "communities",
            "restore",
            "--replace",
            "--from",
            backup.to_str().unwrap(),
        ],
        &a.database_url,
        &a.data_dir,
    )
    .await;
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--replace"));
    let _ = std::fs::remove_dir_all(&dir);
}
