//! A community's backup and restore under attack and on the full demo: `--replace` of a
//! demo community with the gateway running, a backup that reaches past its community, and
//! what a backup leaves readable on disk.

use std::path::Path;
use std::process::{Output, Stdio};

use crate::{TestApp, linli};

async fn cli(args: &[&str], database_url: &str, data_dir: &Path) -> Output {
    linli()
        .args(args)
        .envs(TestApp::env_for(database_url, data_dir))
        .output()
        .await
        .unwrap()
}

fn succeeded(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

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
    let mut gateway = linli()
        .args(["serve", "--demo"])
        .envs(TestApp::env_for(&database_url, &data_dir))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let url = crate::wait_listening(&mut gateway).await;
    // The seed's figures folded by the gateway's worker, as a minute after a start.
    let pool = sqlx::PgPool::connect(&database_url).await.unwrap();
    for _ in 0..600 {
        let pending: i64 = sqlx::query_scalar("SELECT count(*) FROM c_jinzhuyuan.figure_events")
            .fetch_one(&pool)
            .await
            .unwrap();
        if pending == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    pool.close().await;
    let backup = data_dir.join("jinzhuyuan-backup");
    let said = succeeded(
        &cli(
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
        &cli(
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
    let http = reqwest::Client::new();
    let login: serde_json::Value = http
        .post(&url)
        .json(&serde_json::json!({"query": "mutation { login(loginName: \"jinzhuyuan-staff\", password: \"linli-demo-2026\") { token } }"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = login["data"]["login"]["token"].as_str().unwrap();
    let r: serde_json::Value = http
        .post(&url)
        .bearer_auth(token)
        .header("x-community", "jinzhuyuan")
        .json(&serde_json::json!({"query": "{ courses(first: 5) { edges { node { title } } } }"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        !r["data"]["courses"]["edges"].as_array().unwrap().is_empty(),
        "{r}"
    );
    let _ = gateway.start_kill();
    let _ = std::fs::remove_dir_all(&data_dir);
}
