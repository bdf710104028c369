//! Retention of a community's records (issue 36): the worker, visiting a community, removes
//! the notifications (and their deliveries) older than the platform's period — exactly those —
//! and writes the purge to the audit log under the community.

use serde_json::json;

use crate::TestApp;

#[tokio::test]
async fn the_worker_forgets_notifications_past_their_period() {
    let app = TestApp::spawn().await;
    let root = app.two_communities().await;
    let resident = app.member(&root, "ret-res", "RESIDENT", "alpha").await;
    let me = app
        .ok(
            Some(&resident),
            None,
            "{ me { account { id } } }",
            json!({}),
        )
        .await;
    let account = me["me"]["account"]["id"].as_str().unwrap().to_string();
    let pool = app.pool().await;
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "INSERT INTO c_alpha.notifications (id, account_id, kind, about, title, body, created_at) VALUES
           ('00000000-0000-7000-8000-000000000001', '{account}', 'session_reminder', 'old', '旧消息', '半年前的提醒', now() - interval '200 days'),
           ('00000000-0000-7000-8000-000000000002', '{account}', 'session_reminder', 'fresh', '新消息', '明天的提醒', now() - interval '1 day');
         INSERT INTO c_alpha.notification_deliveries (notification_id, channel, status) VALUES
           ('00000000-0000-7000-8000-000000000001', 'webhook', 'sent'),
           ('00000000-0000-7000-8000-000000000002', 'webhook', 'sent');
         SELECT pg_notify('linli_due', 'c_alpha');"
    )))
    .execute(&pool)
    .await
    .unwrap();
    let mut left: Vec<String> = Vec::new();
    for _ in 0..300 {
        left = sqlx::query_scalar("SELECT about FROM c_alpha.notifications ORDER BY about")
            .fetch_all(&pool)
            .await
            .unwrap();
        if left == ["fresh"] {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(
        left,
        ["fresh"],
        "the notification past 180 days goes, the fresh one stays"
    );
    let deliveries: i64 =
        sqlx::query_scalar("SELECT count(*) FROM c_alpha.notification_deliveries")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(deliveries, 1);
    let audited: Vec<serde_json::Value> = sqlx::query_scalar(
        "SELECT a.target FROM platform.audit_log a JOIN platform.communities c ON c.id = a.community_id
          WHERE a.operation = 'enforceRetention' AND c.slug = 'alpha'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(audited, [json!({"notifications": 1})]);
}
