//! Schemas built ahead (备用): a community onboarded from one cannot be told from one built at
//! its onboarding; one built for older migrations is never taken and is replaced; racing
//! onboardings take different ones; an onboarding that fails gives its spare back.

use tenancy::Actor;
use tenancy::communities::migrate::shapes;
use tenancy::communities::spares::SparesKept;

use crate::TestEnv;

async fn scalar(env: &TestEnv, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_string()))
        .fetch_one(env.db.admin_pool())
        .await
        .unwrap()
}

async fn spare_schemas(env: &TestEnv) -> i64 {
    scalar(
        env,
        "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'spare\\_%'",
    )
    .await
}

async fn spares_listed(env: &TestEnv) -> i64 {
    scalar(env, "SELECT count(*) FROM platform.spare_schemas").await
}

#[tokio::test]
async fn a_community_onboarded_from_a_spare_equals_one_built_there() {
    let env = TestEnv::new().await;
    let kept = env.tenancy.keep_spares(2).await.unwrap();
    assert_eq!((kept.built, kept.ready), (2, 2));
    assert_eq!(
        env.tenancy.keep_spares(2).await.unwrap(),
        SparesKept {
            ready: 2,
            ..Default::default()
        }
    );
    assert_eq!(spare_schemas(&env).await, 2);

    let from_spare = env.community("from-spare").await;
    assert_eq!(spares_listed(&env).await, 1, "onboarding took one");
    assert_eq!(spare_schemas(&env).await, 1, "and renamed it");
    let built = env
        .tenancy
        .onboard_with(
            Actor::Operator,
            env.onboard_input("built-here"),
            &infra::migrations::community(),
        )
        .await
        .unwrap()
        .0;
    assert_eq!(spares_listed(&env).await, 1, "building one here takes none");
    assert_eq!(from_spare.schema_version, built.schema_version);

    // The schema and its role carry the community's names, the role owns the schema.
    let owner: String = sqlx::query_scalar(
        "SELECT pg_get_userbyid(nspowner)::text FROM pg_namespace WHERE nspname = $1",
    )
    .bind(&from_spare.schema_name)
    .fetch_one(env.db.admin_pool())
    .await
    .unwrap();
    assert_eq!(from_spare.schema_name, "c_from_spare");
    assert_eq!(owner, from_spare.role_name);
    assert_eq!(from_spare.role_name, env.db.role_for_schema("c_from_spare"));
    // The functions that keep their search_path keep the new name.
    let pinned: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT c FROM pg_proc p, unnest(p.proconfig) c
          WHERE p.pronamespace = 'c_from_spare'::regnamespace",
    )
    .fetch_all(env.db.admin_pool())
    .await
    .unwrap();
    assert_eq!(pinned, vec!["search_path=c_from_spare".to_string()]);

    let schemas = [from_spare.schema_name.clone(), built.schema_name.clone()];
    let mut conn = env.db.admin_pool().acquire().await.unwrap();
    let found = shapes(&mut conn, &schemas).await.unwrap();
    let differences: Vec<&String> = found[&schemas[0]]
        .symmetric_difference(&found[&schemas[1]])
        .collect();
    assert!(differences.is_empty(), "{differences:#?}");
    let recorded = |s: &str| format!("SELECT count(*) FROM {s}.schema_migrations");
    assert_eq!(
        scalar(&env, &recorded(&schemas[0])).await,
        scalar(&env, &recorded(&schemas[1])).await
    );

    // The community serves: its renamed role writes and reads its renamed schema.
    let mut tx = env.db.admin_pool().begin().await.unwrap();
    infra::db::enter_tenant(&mut tx, &from_spare.tenant())
        .await
        .unwrap();
    let (who, categories): (String, i64) = sqlx::query_as(
        "WITH c AS (INSERT INTO course_categories (code, name, position)
                    VALUES ('music', '音乐', 11) RETURNING 1)
         SELECT current_user::text, (SELECT count(*) FROM course_categories) + (SELECT count(*) FROM c)",
    )
    .fetch_one(&mut *tx)
    .await
    .unwrap();
    assert_eq!(who, from_spare.role_name);
    assert!(categories > 1);
    tx.rollback().await.unwrap();
}

#[tokio::test]
async fn a_spare_built_for_older_migrations_is_never_taken_and_is_replaced() {
    let env = TestEnv::new().await;
    env.tenancy.keep_spares(1).await.unwrap();
    let old: String = sqlx::query_scalar(
        "UPDATE platform.spare_schemas SET schema_version = schema_version - 1
         RETURNING schema_name",
    )
    .fetch_one(env.db.admin_pool())
    .await
    .unwrap();

    let c = env.community("after-upgrade").await;
    assert_eq!(
        c.schema_version,
        infra::migrations::latest(&infra::migrations::community())
    );
    assert_eq!(spares_listed(&env).await, 1, "the old spare was not taken");

    let kept = env.tenancy.keep_spares(1).await.unwrap();
    assert_eq!((kept.dropped, kept.built, kept.ready), (1, 1, 1));
    let left = scalar(
        &env,
        &format!(
            "SELECT count(*) FROM pg_namespace WHERE nspname = '{old}'
             UNION ALL SELECT count(*) FROM pg_roles WHERE rolname = '{}'",
            env.db.role_for_schema(&old)
        ),
    )
    .await;
    assert_eq!(left, 0, "its schema and role are gone");
    assert_eq!(spare_schemas(&env).await, 1);
}

#[tokio::test]
async fn racing_onboardings_take_different_spares_and_a_failed_one_gives_its_back() {
    let env = TestEnv::new().await;
    env.tenancy.keep_spares(2).await.unwrap();
    let (a, b, c) = tokio::join!(
        env.tenancy
            .onboard(Actor::Operator, env.onboard_input("race-a")),
        env.tenancy
            .onboard(Actor::Operator, env.onboard_input("race-b")),
        env.tenancy
            .onboard(Actor::Operator, env.onboard_input("race-c")),
    );
    for r in [a, b, c] {
        let (community, created) = r.unwrap();
        assert!(created);
        let tables = scalar(
            &env,
            &format!(
                "SELECT count(*) FROM pg_tables WHERE schemaname = '{}'",
                community.schema_name
            ),
        )
        .await;
        assert!(tables > 50, "{} has {tables} tables", community.schema_name);
    }
    assert_eq!(
        (spares_listed(&env).await, spare_schemas(&env).await),
        (0, 0)
    );

    // The name the spare would get is taken (a schema left by hand): onboarding fails and
    // everything it did is undone, the spare untouched.
    env.tenancy.keep_spares(1).await.unwrap();
    let spare: String = sqlx::query_scalar("SELECT schema_name FROM platform.spare_schemas")
        .fetch_one(env.db.admin_pool())
        .await
        .unwrap();
    sqlx::raw_sql("CREATE SCHEMA c_name_taken")
        .execute(env.db.admin_pool())
        .await
        .unwrap();
    let failed = env
        .tenancy
        .onboard(Actor::Operator, env.onboard_input("name-taken"))
        .await;
    assert!(failed.is_err());
    let still: String = sqlx::query_scalar("SELECT schema_name FROM platform.spare_schemas")
        .fetch_one(env.db.admin_pool())
        .await
        .unwrap();
    assert_eq!(still, spare);
    assert_eq!(spare_schemas(&env).await, 1);
    let rows = scalar(
        &env,
        "SELECT count(*) FROM platform.communities WHERE slug = 'name-taken'",
    )
    .await;
    assert_eq!(rows, 0);
}
