//! Schemas built ahead (备用): `onboardCommunity` takes the one the worker built, the worker
//! builds the next, the community serves; a whole backup leaves spares out and restores, and
//! the restored platform builds its own.

use serde_json::json;

use crate::TestApp;
use crate::moving::{linli, succeeded};

async fn spares(pool: &sqlx::PgPool) -> Vec<String> {
    sqlx::query_scalar("SELECT schema_name FROM platform.spare_schemas ORDER BY built_at")
        .fetch_all(pool)
        .await
        .unwrap()
}

/// The spares once the worker has built `n` (20 s at most).
async fn built(pool: &sqlx::PgPool, n: usize) -> Vec<String> {
    for _ in 0..200 {
        let list = spares(pool).await;
        if list.len() == n {
            return list;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the worker did not build {n} spare schemas in 20 s");
}

async fn schema_exists(pool: &sqlx::PgPool, name: &str) -> bool {
    sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)")
        .bind(name)
        .fetch_one(pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn onboarding_takes_a_spare_schema_and_the_worker_builds_the_next() {
    let spare = [("LINLI_SPARE_COMMUNITIES", "1")];
    let app = TestApp::spawn_with(&spare).await;
    let pool = app.pool().await;
    let first = built(&pool, 1).await.remove(0);

    let root = app.two_communities().await;
    assert!(!schema_exists(&pool, &first).await, "alpha took {first}");
    assert!(schema_exists(&pool, "c_alpha").await);
    let next = built(&pool, 1).await.remove(0);
    assert_ne!(next, first);

    // The community serves through the gateway under its new names.
    let staff = app.member(&root, "alpha-staff", "STAFF", "alpha").await;
    app.ok(
        Some(&staff),
        Some("alpha"),
        "mutation { createCourse(input: {title: \"剪纸\", category: \"skills\", audience: ALL, format: WORKSHOP, capacity: 10}) { id } }",
        json!({}),
    )
    .await;

    // A backup has no spare in it; the restored platform builds its own and onboards.
    let backup = crate::temp_dir("backup").join("b");
    let backup = backup.to_str().unwrap();
    let out = linli(
        &["backup", "--out", backup],
        &app.database_url,
        &app.data_dir,
    )
    .await;
    succeeded(&out);
    let target = infra::testing::fresh_database().await;
    let data = crate::temp_dir("restored");
    succeeded(&linli(&["restore", "--from", backup], &target, &data).await);
    let restored_pool = sqlx::PgPool::connect(&target).await.unwrap();
    assert!(spares(&restored_pool).await.is_empty());
    assert!(!schema_exists(&restored_pool, &next).await);

    let restored = TestApp::start_with(target, data, &spare).await;
    let own = built(&restored_pool, 1).await.remove(0);
    assert_ne!(own, next);
    let root = restored.root().await;
    let d = restored
        .ok(
            Some(&root),
            None,
            "mutation { onboardCommunity(input: {districtCode: \"510109\", slug: \"gamma\", name: \"社区\", kind: OLD_COURTYARD}) { created community { slug } } }",
            json!({}),
        )
        .await;
    assert_eq!(d["onboardCommunity"]["created"], true);
    assert!(
        !schema_exists(&restored_pool, &own).await,
        "gamma took {own}"
    );
    let staff = restored.login("alpha-staff", "password-123").await;
    let courses = restored
        .ok(
            Some(&staff),
            Some("alpha"),
            "{ courses(first: 5) { edges { node { title } } } }",
            json!({}),
        )
        .await;
    assert_eq!(courses["courses"]["edges"][0]["node"]["title"], "剪纸");
}
