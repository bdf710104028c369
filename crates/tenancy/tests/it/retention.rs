//! Retention (issue 36): each kind of record is removed once past the period the platform set
//! — exactly what is past it, nothing younger; a blocked sign-in name keeps its row while
//! blocked; the audit log is kept at least six months, by the service and by the database;
//! the purge is itself audited.

use infra::AppError;
use tenancy::Role;
use tenancy::retention::model::{Purged, RetentionKind};

use crate::TestEnv;

async fn count(env: &TestEnv, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_string()))
        .fetch_one(env.db.admin_pool())
        .await
        .unwrap()
}

async fn run(env: &TestEnv, sql: &str) {
    sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_string()))
        .execute(env.db.admin_pool())
        .await
        .unwrap();
}

fn code(r: Result<impl std::fmt::Debug, AppError>) -> String {
    r.unwrap_err().code.as_str().to_string()
}

#[tokio::test]
async fn records_past_their_period_go_and_younger_ones_stay() {
    let env = TestEnv::new().await;
    let store = infra::testing::TestStore::start("retention").await;
    let admin = env
        .principal("ret-admin", Role::PlatformAdmin, None, None)
        .await;
    let resident = env
        .principal("ret-res", Role::DistrictViewer, Some("510109"), None)
        .await;
    let a = admin.account_id();
    run(
        &env,
        &format!(
            "DELETE FROM platform.audit_log;
             INSERT INTO platform.audit_log (at, account_id, operation, outcome) VALUES
               (now() - interval '400 days', '{a}', 'old', 'ok'),
               (now() - interval '300 days', '{a}', 'middling', 'ok'),
               (now() - interval '1 day', '{a}', 'fresh', 'ok');
             INSERT INTO platform.login_throttle (key, failures, threshold, window_start, blocked_until) VALUES
               ('old', 3, 3, now() - interval '2 hours', NULL),
               ('blocked', 9, 3, now() - interval '2 hours', now() + interval '1 hour'),
               ('fresh', 1, 3, now(), NULL);
             INSERT INTO platform.phone_codes (phone_lookup, code_hash, expires_at) VALUES
               ('old', 'h', now() - interval '2 days'), ('fresh', 'h', now() + interval '5 minutes');
             INSERT INTO platform.request_keys (account_id, key, community, request_hash, created_at) VALUES
               ('{a}', 'old-key-1', '', decode(repeat('00', 32), 'hex'), now() - interval '40 days'),
               ('{a}', 'fresh-key', '', decode(repeat('00', 32), 'hex'), now());"
        ),
    )
    .await;
    let old = uuid::Uuid::new_v7(uuid::Timestamp::from_unix(
        uuid::NoContext,
        (chrono::Utc::now() - chrono::Duration::days(2)).timestamp() as u64,
        0,
    ));
    let fresh = uuid::Uuid::now_v7();
    let c = uuid::Uuid::new_v4();
    for key in [
        format!("a/{a}/exports/{old}.zip"),
        format!("a/{a}/exports/{fresh}.zip"),
        format!("x/a/{a}/{old}.zip"),
        format!("x/c/{c}/{old}.xlsx"),
        format!("x/c/{c}/{fresh}.xlsx"),
        format!("c/{c}/works/{old}.jpg"),
    ] {
        store
            .store
            .put(&key, b"zip".to_vec(), "application/zip")
            .await
            .unwrap();
    }

    let purged = env.tenancy.enforce_retention(&store.store).await.unwrap();
    assert_eq!(
        purged,
        Purged {
            audit_log: 1,
            login_throttle: 1,
            phone_codes: 1,
            request_keys: 1,
            personal_exports: 2,
            exports: 1,
            archived_communities: 0,
        }
    );
    assert_eq!(
        count(
            &env,
            "SELECT count(*) FROM platform.audit_log WHERE operation IN ('middling', 'fresh')"
        )
        .await,
        2
    );
    assert_eq!(
        count(
            &env,
            "SELECT count(*) FROM platform.login_throttle WHERE key IN ('blocked', 'fresh')"
        )
        .await,
        2,
        "a name still blocked keeps its row"
    );
    assert_eq!(
        count(&env, "SELECT count(*) FROM platform.phone_codes").await,
        1
    );
    assert_eq!(
        count(&env, "SELECT count(*) FROM platform.request_keys").await,
        1
    );
    assert_eq!(
        store.store.list_keys_under("a/").await.unwrap(),
        vec![format!("a/{a}/exports/{fresh}.zip")]
    );
    assert_eq!(
        store.store.list_keys_under("x/").await.unwrap(),
        vec![format!("x/c/{c}/{fresh}.xlsx")]
    );
    assert_eq!(
        store.store.list_keys_under("c/").await.unwrap(),
        vec![format!("c/{c}/works/{old}.jpg")],
        "a photo is not a generated file"
    );
    assert_eq!(
        count(
            &env,
            "SELECT count(*) FROM platform.audit_log WHERE operation = 'enforceRetention'"
        )
        .await,
        1,
        "the purge is audited"
    );
    assert_eq!(
        env.tenancy.enforce_retention(&store.store).await.unwrap(),
        Purged::default(),
        "a second run finds nothing"
    );

    // The periods: administrators only; the audit log at least six months.
    assert_eq!(
        code(
            env.tenancy
                .set_retention_period(&resident, RetentionKind::AuditLog, 5000)
                .await
        ),
        "FORBIDDEN"
    );
    assert_eq!(
        code(
            env.tenancy
                .set_retention_period(&admin, RetentionKind::AuditLog, 4391)
                .await
        ),
        "BAD_USER_INPUT"
    );
    assert_eq!(
        code(
            env.tenancy
                .set_retention_period(&admin, RetentionKind::PhoneCodes, 0)
                .await
        ),
        "BAD_USER_INPUT"
    );
    let refused = sqlx::query(
        "UPDATE platform.retention_periods SET keep_hours = 24 WHERE kind = 'audit_log'",
    )
    .execute(env.db.pool())
    .await;
    assert!(refused.is_err(), "the database keeps six months too");
    let set = env
        .tenancy
        .set_retention_period(&admin, RetentionKind::AuditLog, 4392)
        .await
        .unwrap();
    assert_eq!(set.keep_hours, 4392);
    let purged = env.tenancy.enforce_retention(&store.store).await.unwrap();
    assert_eq!(
        purged.audit_log, 1,
        "the 300-day-old entry is now past six months"
    );
    let periods = env.tenancy.retention_periods(&admin).await.unwrap();
    assert_eq!(periods.len(), RetentionKind::ALL.len());
}

/// An archived community keeps its people's data for its own period; past it every person in
/// it is erased (names, phones, birth dates rewritten, photos deleted), once, audited; a
/// community archived more recently keeps everything.
#[tokio::test]
async fn an_archived_community_past_its_period_keeps_no_person() {
    let env = TestEnv::new().await;
    let store = infra::testing::TestStore::start("retention-archived").await;
    let old = env.community("arch-old").await.tenant();
    let recent = env.community("arch-new").await.tenant();
    for t in [&old, &recent] {
        run(
            &env,
            &format!(
                "BEGIN; SET LOCAL search_path = {s};
                 INSERT INTO learners (id, name, birth_date, phone_encrypted, phone_lookup, registered_by)
                 VALUES (gen_random_uuid(), '冯秀兰', '1941-01-01', 'v1:cipher', 'lookup-{s}', gen_random_uuid());
                 COMMIT;
                 UPDATE platform.communities SET status = 'archived' WHERE id = '{id}';",
                s = t.schema,
                id = t.community_id
            ),
        )
        .await;
    }
    run(
        &env,
        &format!(
            "UPDATE platform.communities SET archived_at = now() - interval '1100 days'
              WHERE id = '{}'",
            old.community_id
        ),
    )
    .await;
    let purged = env.tenancy.enforce_retention(&store.store).await.unwrap();
    assert_eq!(purged.archived_communities, 1);
    let left = |schema: String| {
        let env = &env;
        async move {
            count(
                env,
                &format!(
                    "SELECT count(*) FROM {schema}.learners
                      WHERE name = '冯秀兰' OR phone_lookup IS NOT NULL OR birth_date IS NOT NULL"
                ),
            )
            .await
        }
    };
    assert_eq!(left(old.schema.clone()).await, 0);
    assert_eq!(
        left(recent.schema.clone()).await,
        1,
        "archived recently: kept"
    );
    assert_eq!(
        count(
            &env,
            &format!("SELECT count(*) FROM {}.learners", old.schema)
        )
        .await,
        1,
        "the anonymous record stays"
    );
    assert_eq!(
        count(
            &env,
            &format!(
                "SELECT count(*) FROM platform.communities
                  WHERE id = '{}' AND anonymised_at IS NOT NULL",
                old.community_id
            )
        )
        .await,
        1
    );
    let again = env.tenancy.enforce_retention(&store.store).await.unwrap();
    assert_eq!(again.archived_communities, 0, "once");
    // Reactivated, a community is no longer archived: its clock stops.
    run(
        &env,
        &format!(
            "UPDATE platform.communities SET status = 'active' WHERE id = '{}'",
            recent.community_id
        ),
    )
    .await;
    assert_eq!(
        count(
            &env,
            &format!(
                "SELECT count(*) FROM platform.communities WHERE id = '{}' AND archived_at IS NULL",
                recent.community_id
            )
        )
        .await,
        1
    );
}
