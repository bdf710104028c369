//! A community's backup and restore under attack and on the full demo: `--replace` of a
//! demo community with the gateway running, a backup that reaches past its community, and
//! what a backup leaves readable on disk.

use std::path::Path;
use std::process::Output;

use serde_json::json;

use crate::TestApp;
use crate::moving::{linli, succeeded};

/// Every district's cadence (每月两堂公益课) and monthly totals, as text to compare.
async fn district_rollups(database_url: &str) -> Vec<(String, String, i64)> {
    let pool = sqlx::PgPool::connect(database_url).await.unwrap();
    let rows = sqlx::query_as(
        "SELECT d.code, 'cadence ' || m.month, m.met FROM platform.cadence_district_monthly m
           JOIN platform.districts d ON d.id = m.district_id
         UNION ALL
         SELECT d.code, f.figure || ' ' || f.month, f.value
           FROM platform.figure_district_monthly f
           JOIN platform.districts d ON d.id = f.district_id
          WHERE f.value <> 0
          ORDER BY 1, 2",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    pool.close().await;
    rows
}

/// `restore --replace` of the demo's 金竹苑 from a backup taken a moment earlier with the
/// gateway running: the districts above it hold rollups of every family, including months
/// that met the public-benefit cadence, and the replace puts back exactly what was there.
#[tokio::test]
async fn the_demo_community_is_replaced_by_its_own_backup() {
    let database_url = infra::testing::fresh_database().await;
    let data_dir = crate::temp_dir("demo-replace");
    let app = TestApp::start_demo(database_url.clone(), data_dir.clone()).await;
    // The worker's first visit of the community done (it keeps the community's next time
    // last, after the day's open minutes are recorded and every figure folded), as a minute
    // after a start: a backup taken before would miss the open minutes the visit records.
    let pool = sqlx::PgPool::connect(&database_url).await.unwrap();
    for _ in 0..600 {
        let (pending, visited): (i64, bool) = sqlx::query_as(
            "SELECT (SELECT count(*) FROM c_jinzhuyuan.figure_events),
                    EXISTS (SELECT 1 FROM platform.community_due d
                              JOIN platform.communities c ON c.id = d.community_id
                             WHERE c.slug = 'jinzhuyuan')",
        )
        .fetch_one(&pool)
        .await
        .unwrap();
        if pending == 0 && visited {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    pool.close().await;
    let backup = data_dir.join("jinzhuyuan-backup");
    let said = succeeded(
        &linli(
            &[
                "communities",
                "backup",
                "jinzhuyuan",
                "--out",
                backup.to_str().unwrap(),
            ],
            &database_url,
            &data_dir,
        )
        .await,
    );
    assert!(said.contains("Backed up community jinzhuyuan"), "{said}");
    let before = district_rollups(&database_url).await;
    assert!(
        before
            .iter()
            .any(|(code, what, met)| code == "500192" && what.starts_with("cadence") && *met > 0),
        "the demo's 两江新区 meets the cadence in some month: {before:?}"
    );

    let said = succeeded(
        &linli(
            &[
                "communities",
                "restore",
                "--replace",
                "--from",
                backup.to_str().unwrap(),
            ],
            &database_url,
            &data_dir,
        )
        .await,
    );
    assert!(said.contains("Restored community jinzhuyuan"), "{said}");
    let after = district_rollups(&database_url).await;
    let gone: Vec<_> = before.iter().filter(|r| !after.contains(r)).collect();
    let came: Vec<_> = after.iter().filter(|r| !before.contains(r)).collect();
    assert!(
        gone.is_empty() && came.is_empty(),
        "district rollups differ: before {gone:?}, after {came:?}"
    );

    // The gateway serves the replaced community.
    let token = app.login("jinzhuyuan-staff", "linli-demo-2026").await;
    let r = app
        .ok(
            Some(&token),
            Some("jinzhuyuan"),
            "{ courses(first: 5) { edges { node { title } } } }",
            json!({}),
        )
        .await;
    assert!(!r["courses"]["edges"].as_array().unwrap().is_empty(), "{r}");

    // 博园's co-governance as seed 004 tells it: 4 grids, 23 micro-grids each with a 红色管家
    // post to claim, the 三方 meeting each week, 慈善工作室's fund.
    let token = app.login("boyuan-staff", "linli-demo-2026").await;
    let r = app
        .ok(
            Some(&token),
            Some("boyuan"),
            "{ microGrids { id name } funds { name balanceFen } meetings { kind title } }",
            json!({}),
        )
        .await;
    let micro = r["microGrids"].as_array().unwrap();
    assert_eq!(micro.len(), 23, "{r}");
    assert_eq!(r["funds"][0]["name"], "慈善工作室基金", "{r}");
    assert_eq!(r["meetings"][0]["kind"], "TRIPARTITE_WEEKLY", "{r}");
    let posts = app
        .ok(
            Some(&token),
            Some("boyuan"),
            "query($m: ID!) { gridPosts(microGridId: $m) { title holderName } }",
            json!({ "m": micro[0]["id"] }),
        )
        .await;
    assert_eq!(posts["gridPosts"][0]["title"], "红色管家", "{posts}");
}

/// Files under `dir` with their unix modes.
fn modes(dir: &Path) -> Vec<(std::path::PathBuf, u32)> {
    use std::os::unix::fs::PermissionsExt;
    let mut out = vec![(
        dir.to_path_buf(),
        std::fs::metadata(dir).unwrap().permissions().mode() & 0o777,
    )];
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            out.push((
                p.clone(),
                e.metadata().unwrap().permissions().mode() & 0o777,
            ));
            if p.is_dir() {
                stack.push(p);
            }
        }
    }
    out
}

/// Nothing of the community is in the target: no row, no schema, no account, no object.
async fn nothing_restored(target: &str, data: &Path, schema: &str) {
    let pool = sqlx::PgPool::connect(target).await.unwrap();
    let left: i64 = sqlx::query_scalar(
        "SELECT (SELECT count(*) FROM platform.communities)
              + (SELECT count(*) FROM platform.memberships)
              + (SELECT count(*) FROM pg_namespace WHERE nspname = $1)",
    )
    .bind(schema)
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    assert_eq!(left, 0, "a refused restore left rows or a schema behind");
    let objects = data.join("objects").join("linli").join("c");
    let files: Vec<_> = if objects.exists() {
        modes(&objects)
            .into_iter()
            .filter(|(p, _)| p.is_file())
            .collect()
    } else {
        Vec::new()
    };
    assert!(
        files.is_empty(),
        "a refused restore left objects behind: {files:?}"
    );
}

/// A community's backup is input: one that grants a district role, names another
/// community's objects or would overwrite objects already in the store restores nothing and
/// touches nothing there; the genuine one restores. Backups are readable by their owner only.
#[tokio::test]
async fn a_backup_reaching_past_its_community_restores_nothing() {
    let a = TestApp::spawn().await;
    let root = a.two_communities().await;
    let staff = a.member(&root, "beta-staff", "STAFF", "beta").await;
    let space = a
        .ok(
            Some(&staff),
            Some("beta"),
            r#"mutation { createSpace(name: "百姓舞台", kind: FUNCTION_ROOM, capacity: 50) { id } }"#,
            serde_json::json!({}),
        )
        .await["createSpace"]["id"]
        .clone();
    let mut png = Vec::new();
    image::DynamicImage::new_rgb8(120, 80)
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let r = a
        .upload(
            &staff,
            "beta",
            "mutation($s: ID!, $f: Upload!) { uploadSpacePhoto(spaceId: $s, file: $f) { url } }",
            serde_json::json!({"s": space}),
            png,
            "p.png",
        )
        .await;
    assert!(r.get("errors").is_none(), "{r}");

    let dir = crate::temp_dir("backup-scope");
    let backup = dir.join("beta");
    succeeded(
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
    // Owner only: platform.json holds accounts' password hashes.
    for (path, mode) in modes(&backup) {
        let want = if path.is_dir() { 0o700 } else { 0o600 };
        assert_eq!(mode, want, "{} is {mode:o}", path.display());
    }

    let manifest_path = backup.join("manifest.json");
    let platform_path = backup.join("platform.json");
    let (good_manifest, good_platform) = (
        std::fs::read(&manifest_path).unwrap(),
        std::fs::read(&platform_path).unwrap(),
    );
    let manifest: serde_json::Value = serde_json::from_slice(&good_manifest).unwrap();
    let schema = manifest["schema"].as_str().unwrap().to_string();
    let keys: Vec<String> = manifest["objects"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    assert!(keys.len() >= 2, "{keys:?}");

    let (target, data) = crate::moving::restore_target("scope-target").await;
    let args = ["communities", "restore", "--from", backup.to_str().unwrap()];
    let restore = || linli(&args, &target, &data);
    let refused = |out: Output, says: &str| {
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(!out.status.success(), "restored: {err}");
        assert!(err.contains(says), "{err}");
    };

    // 1. A membership that is a district's admin, for an account of the backup.
    let mut p: serde_json::Value = serde_json::from_slice(&good_platform).unwrap();
    let district: String = {
        let pool = sqlx::PgPool::connect(&target).await.unwrap();
        let d: uuid::Uuid =
            sqlx::query_scalar("SELECT id FROM platform.districts WHERE code = '510109'")
                .fetch_one(&pool)
                .await
                .unwrap();
        pool.close().await;
        d.to_string()
    };
    let mut escalated = p["tables"]["memberships"][0].clone();
    escalated["id"] = serde_json::json!(uuid::Uuid::now_v7());
    escalated["role"] = serde_json::json!("district_admin");
    escalated["scope"] = serde_json::json!("district");
    escalated["district_id"] = serde_json::json!(district);
    escalated["community_id"] = serde_json::Value::Null;
    p["tables"]["memberships"]
        .as_array_mut()
        .unwrap()
        .push(escalated);
    std::fs::write(&platform_path, serde_json::to_vec(&p).unwrap()).unwrap();
    refused(restore().await, "another scope");
    nothing_restored(&target, &data, &schema).await;
    std::fs::write(&platform_path, &good_platform).unwrap();

    // 2. An object under another community's prefix (alpha's).
    let alpha: String = {
        let pool = a.pool().await;
        let id: uuid::Uuid =
            sqlx::query_scalar("SELECT id FROM platform.communities WHERE slug = 'alpha'")
                .fetch_one(&pool)
                .await
                .unwrap();
        id.to_string()
    };
    let (key, moved) = (keys[0].clone(), format!("c/{alpha}/spaces/evil.jpg"));
    let mut m = manifest.clone();
    let entry = m["objects"][&key].take();
    m["objects"].as_object_mut().unwrap().remove(&key);
    m["objects"][&moved] = entry;
    std::fs::write(&manifest_path, serde_json::to_vec(&m).unwrap()).unwrap();
    let (from, to) = (
        backup.join("objects").join(&key),
        backup.join("objects").join(&moved),
    );
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::rename(&from, &to).unwrap();
    refused(restore().await, "prefix");
    nothing_restored(&target, &data, &schema).await;
    std::fs::rename(&to, &from).unwrap();
    std::fs::write(&manifest_path, &good_manifest).unwrap();

    // 3. One of its objects is in the target's store already, and another object's digest is
    // wrong: the restore would fail after writing; it refuses first and keeps what was there.
    let kept = data.join("objects").join("linli").join(&keys[0]);
    std::fs::create_dir_all(kept.parent().unwrap()).unwrap();
    std::fs::write(&kept, b"was here before").unwrap();
    let mut m = manifest.clone();
    m["objects"][&keys[1]]["sha256"] = serde_json::json!("0".repeat(64));
    std::fs::write(&manifest_path, serde_json::to_vec(&m).unwrap()).unwrap();
    refused(restore().await, "already in this store");
    assert_eq!(std::fs::read(&kept).unwrap(), b"was here before");
    std::fs::remove_file(&kept).unwrap();
    nothing_restored(&target, &data, &schema).await;

    // The backup as it was made restores.
    std::fs::write(&manifest_path, &good_manifest).unwrap();
    succeeded(&restore().await);
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&data);
}
