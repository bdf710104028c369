//! No transaction of community A can reach community B or the platform, and nothing of A's
//! tenant context survives on a pooled connection.

use infra::db::DbConfig;

use crate::TestEnv;

fn sqlstate(e: sqlx::Error) -> String {
    e.as_database_error()
        .and_then(|d| d.code())
        .map(|c| c.into_owned())
        .unwrap_or_default()
}

#[tokio::test]
async fn a_tenant_transaction_cannot_name_another_schema() {
    let env = TestEnv::new().await;
    let a = env.community("alpha").await;
    let b = env.community("beta").await;

    // B has a row A must never see.
    let mut tx = env.db.tenant_tx(&b.tenant()).await.unwrap();
    sqlx::query(
        "INSERT INTO courtyards (id, name, kind) VALUES (gen_random_uuid(), 'B院落', 'courtyard')",
    )
    .execute(&mut *tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();

    let attacks = [
        "SELECT count(*) FROM c_beta.courtyards",
        "INSERT INTO c_beta.courtyards (id, name, kind) VALUES (gen_random_uuid(), 'x', 'grid')",
        "UPDATE c_beta.courtyards SET name = 'pwned'",
        "DELETE FROM c_beta.courtyards",
        "SELECT count(*) FROM platform.accounts",
        "SELECT count(*) FROM platform.communities",
        "CREATE TABLE c_beta.evil (id int)",
    ];
    for sql in attacks {
        let mut tx = env.db.tenant_tx(&a.tenant()).await.unwrap();
        let err = sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(&mut *tx)
            .await
            .expect_err(sql);
        assert_eq!(
            sqlstate(err),
            "42501",
            "{sql} must fail with permission denied"
        );
    }

    // Moving the search_path inside A's transaction does not help either.
    let mut tx = env.db.tenant_tx(&a.tenant()).await.unwrap();
    sqlx::query("SELECT set_config('search_path', 'c_beta', true)")
        .execute(&mut *tx)
        .await
        .unwrap();
    let err = sqlx::query("SELECT count(*) FROM courtyards")
        .execute(&mut *tx)
        .await
        .unwrap_err();
    // A schema without USAGE is skipped by name resolution: the table simply is not there.
    assert!(["42501", "42P01"].contains(&sqlstate(err).as_str()));
}

#[tokio::test]
async fn one_pooled_connection_serving_a_then_b_never_shows_a_to_b() {
    let env = TestEnv::with_pool(DbConfig {
        max_connections: 1,
        ..DbConfig::default()
    })
    .await;
    let a = env.community("alpha").await;
    let b = env.community("beta").await;

    let mut tx = env.db.tenant_tx(&a.tenant()).await.unwrap();
    sqlx::query(
        "INSERT INTO courtyards (id, name, kind) VALUES (gen_random_uuid(), 'A院落', 'courtyard')",
    )
    .execute(&mut *tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();

    // A failed transaction of A must not leave its context behind either.
    let mut tx = env.db.tenant_tx(&a.tenant()).await.unwrap();
    let _ = sqlx::query("SELECT 1/0").execute(&mut *tx).await;
    drop(tx);

    let mut tx = env.db.tenant_tx(&b.tenant()).await.unwrap();
    let names: Vec<String> = sqlx::query_scalar("SELECT name FROM courtyards")
        .fetch_all(&mut *tx)
        .await
        .unwrap();
    assert!(names.is_empty(), "B sees A's rows: {names:?}");
    tx.commit().await.unwrap();

    // Back on the platform, the same connection has no tenant role or path.
    let (user, path): (String, String) =
        sqlx::query_as("SELECT current_user::text, current_setting('search_path')")
            .fetch_one(env.db.pool())
            .await
            .unwrap();
    assert!(
        !user.contains("c_alpha") && !user.contains("c_beta"),
        "role leaked: {user}"
    );
    assert!(
        !path.contains("c_alpha") && !path.contains("c_beta"),
        "search_path leaked: {path}"
    );
}

#[tokio::test]
async fn each_community_role_owns_only_its_schema() {
    let env = TestEnv::new().await;
    let a = env.community("alpha").await;
    let privileges: Vec<(String, bool)> = sqlx::query_as(
        "SELECT nspname::text, has_schema_privilege($1, oid, 'USAGE')
           FROM pg_namespace WHERE nspname IN ('c_alpha', 'platform')
          ORDER BY nspname",
    )
    .bind(&a.role_name)
    .fetch_all(env.db.pool())
    .await
    .unwrap();
    assert_eq!(
        privileges,
        vec![("c_alpha".into(), true), ("platform".into(), false)]
    );
    let can_create_public: bool =
        sqlx::query_scalar("SELECT has_schema_privilege($1, 'public', 'CREATE')")
            .bind(&a.role_name)
            .fetch_one(env.db.pool())
            .await
            .unwrap();
    assert!(
        !can_create_public,
        "PostgreSQL 15 revokes CREATE on public from PUBLIC"
    );
}

/// The gateway's login is no superuser, cannot create roles or databases or read files, owns
/// nothing, and reaches a community only by the explicit per-transaction role switch.
#[tokio::test]
async fn the_serving_login_holds_only_what_serving_needs() {
    let env = TestEnv::new().await;
    let a = env.community("alpha").await;
    let pool = env.db.pool();
    let (user, sup, createrole, createdb, inherit): (String, bool, bool, bool, bool) =
        sqlx::query_as(
            "SELECT rolname::text, rolsuper, rolcreaterole, rolcreatedb, rolinherit
               FROM pg_roles WHERE rolname = current_user",
        )
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(user, env.db.serving_role());
    assert!(!sup && !createrole && !createdb && !inherit);
    let owned: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    assert_eq!(owned, 0, "the serving login owns nothing");

    // Membership without inheritance: a plain statement cannot read the community…
    let denied = sqlx::query("SELECT count(*) FROM c_alpha.courtyards")
        .execute(pool)
        .await
        .unwrap_err();
    assert!(denied.to_string().contains("permission denied"), "{denied}");
    // …the per-transaction switch can.
    let mut tx = env.db.tenant_tx(&a.tenant()).await.unwrap();
    sqlx::query("SELECT count(*) FROM courtyards")
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.rollback().await.unwrap();

    for attack in [
        "CREATE ROLE intruder LOGIN SUPERUSER",
        "CREATE ROLE intruder",
        "CREATE SCHEMA intruder",
        "CREATE TEMP TABLE courtyards (id int)",
        "SELECT pg_read_file('/etc/passwd')",
        "COPY platform.accounts TO '/tmp/accounts'",
        "DELETE FROM platform.audit_log",
        "UPDATE platform.audit_log SET outcome = 'ok'",
        "INSERT INTO platform.schema_migrations VALUES (999, 'x', 'x')",
    ] {
        let e = sqlx::query(attack).execute(pool).await;
        assert!(e.is_err(), "the serving login could: {attack}");
    }
}

/// A community role has no TEMP privilege: a temporary table could otherwise shadow one of its
/// own tables for the rest of the transaction.
#[tokio::test]
async fn community_roles_cannot_create_temporary_tables() {
    let env = TestEnv::new().await;
    let a = env.community("alpha").await;
    let temp: bool =
        sqlx::query_scalar("SELECT has_database_privilege($1, current_database(), 'TEMP')")
            .bind(&a.role_name)
            .fetch_one(env.db.pool())
            .await
            .unwrap();
    assert!(!temp);
    let mut tx = env.db.tenant_tx(&a.tenant()).await.unwrap();
    let e = sqlx::query("CREATE TEMP TABLE courtyards (id int)")
        .execute(&mut *tx)
        .await
        .unwrap_err();
    assert!(e.to_string().contains("permission denied"), "{e}");
}

/// Catalog caches grow with every schema a backend touches: above its memory budget a serving
/// connection is closed as it returns to the pool (checked on one return in 64).
#[tokio::test]
async fn a_backend_over_its_memory_budget_is_replaced() {
    async fn backends_seen(budget: Option<u64>) -> usize {
        let env = TestEnv::with_pool(DbConfig {
            max_connections: 1,
            backend_memory_budget: budget,
            ..DbConfig::default()
        })
        .await;
        let held: Option<i64> = sqlx::query_scalar("SELECT platform.backend_memory_bytes()")
            .fetch_one(env.db.pool())
            .await
            .unwrap();
        assert!(
            held.unwrap() > 0,
            "the serving login reads its own backend's memory"
        );
        let mut pids = std::collections::HashSet::new();
        for _ in 0..3 * infra::db::MEMORY_CHECK_EVERY {
            let pid: i32 = sqlx::query_scalar("SELECT pg_backend_pid()")
                .fetch_one(env.db.pool())
                .await
                .unwrap();
            pids.insert(pid);
        }
        pids.len()
    }
    assert_eq!(backends_seen(None).await, 1);
    assert!(
        backends_seen(Some(1)).await >= 3,
        "a 1-byte budget replaces the backend at each check"
    );
}

/// Opening the database (every start, every CLI command) gives the serving login back a
/// community role it lost — after a restore under another login, or a hand-made `REVOKE` —
/// and leaves the others as they are. Meanwhile a read refused for the lost role leaves its
/// pooled connection usable (one connection: the next read gets the same one).
#[tokio::test]
async fn opening_the_database_gives_the_serving_login_back_a_lost_community_role() {
    let env = TestEnv::with_pool(DbConfig {
        max_connections: 1,
        ..DbConfig::default()
    })
    .await;
    let lost = env.community("lost-role").await.tenant();
    let kept = env.community("kept-role").await.tenant();
    let serving = env.db.serving_role();
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "REVOKE \"{}\" FROM \"{serving}\"",
        lost.role
    )))
    .execute(env.db.admin_pool())
    .await
    .unwrap();
    let reach = |t: infra::Tenant| {
        let db = env.db.clone();
        async move {
            let mut tx = db.tenant_tx(&t).await?;
            let n: i64 = sqlx::query_scalar("SELECT count(*) FROM courtyards")
                .fetch_one(&mut *tx)
                .await?;
            Ok::<i64, infra::AppError>(n)
        }
    };
    assert!(
        reach(lost.clone()).await.is_err(),
        "without the role the login cannot enter"
    );
    assert_eq!(
        reach(kept.clone()).await.unwrap(),
        0,
        "the refused read left its connection idle, not in an aborted transaction"
    );

    let admin = (*env.db.admin_pool().connect_options()).clone();
    let password = infra::crypto::Secrets::from_master(b"test master secret").database_password();
    infra::Db::open(admin, &DbConfig::default(), &password)
        .await
        .unwrap();
    assert_eq!(reach(lost).await.unwrap(), 0);
    assert_eq!(reach(kept).await.unwrap(), 0);
    let memberships: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM pg_auth_members m JOIN pg_roles s ON s.oid = m.member
          WHERE s.rolname = $1",
    )
    .bind(&serving)
    .fetch_one(env.db.admin_pool())
    .await
    .unwrap();
    assert_eq!(memberships, 2, "each community's role once");
}
