//! Onboarding is all-or-nothing and idempotent, even when raced; lifecycle never deletes.

use infra::migrations::Migration;
use tenancy::Role;
use tenancy::model::{CommunityKind, CommunityStatus};
use tenancy::{Actor, OnboardInput};

use crate::{TestEnv, code};

fn params(env: &TestEnv, slug: &str) -> OnboardInput {
    env.onboard_input(slug)
}

async fn schema_exists(env: &TestEnv, schema: &str) -> bool {
    sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)")
        .bind(schema)
        .fetch_one(env.db.pool())
        .await
        .unwrap()
}

#[tokio::test]
async fn onboarding_creates_schema_role_and_tables_once() {
    let env = TestEnv::new().await;
    let latest = infra::migrations::latest(&infra::migrations::community());
    let (c, created) = env
        .tenancy
        .onboard_with(
            Actor::Operator,
            params(&env, "xinhua"),
            &infra::migrations::community(),
        )
        .await
        .unwrap();
    assert!(created);
    assert_eq!(c.schema_name, "c_xinhua");
    assert_eq!(c.schema_version, latest);
    assert!(schema_exists(&env, "c_xinhua").await);
    let owner: String = sqlx::query_scalar(
        "SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'c_xinhua'",
    )
    .fetch_one(env.db.pool())
    .await
    .unwrap();
    assert_eq!(owner, c.role_name);

    let (again, created) = env
        .tenancy
        .onboard_with(
            Actor::Operator,
            params(&env, "xinhua"),
            &infra::migrations::community(),
        )
        .await
        .unwrap();
    assert!(!created);
    assert_eq!(again.id, c.id);
    let n: i64 = sqlx::query_scalar("SELECT count(*) FROM platform.communities")
        .fetch_one(env.db.pool())
        .await
        .unwrap();
    assert_eq!(n, 1);
}

#[tokio::test]
async fn a_failing_onboarding_leaves_no_schema_role_or_row() {
    let env = TestEnv::new().await;
    let mut migrations = infra::migrations::community();
    migrations.push(Migration {
        version: 9999,
        name: "broken".into(),
        sql: "CREATE TABLE broken (id int); SELECT no_such_function();",
        checksum: "x".into(),
    });
    let err = env
        .tenancy
        .onboard_with(Actor::Operator, params(&env, "broken-one"), &migrations)
        .await;
    assert_eq!(code(err), "INTERNAL");
    assert!(!schema_exists(&env, "c_broken_one").await);
    let role = env.db.role_for_schema("c_broken_one");
    let mut conn = env.db.pool().acquire().await.unwrap();
    assert!(!infra::db::ddl::role_exists(&mut conn, &role).await.unwrap());
    let n: i64 = sqlx::query_scalar("SELECT count(*) FROM platform.communities")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    assert_eq!(n, 0);
    // And the slug is free for a good attempt afterwards.
    let (_, created) = env
        .tenancy
        .onboard_with(
            Actor::Operator,
            params(&env, "broken-one"),
            &infra::migrations::community(),
        )
        .await
        .unwrap();
    assert!(created);
}

#[tokio::test]
async fn concurrent_onboardings_of_one_slug_create_it_once() {
    let env = TestEnv::new().await;
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let t = env.tenancy.clone();
            let p = params(&env, "raced");
            tokio::spawn(async move { t.onboard(Actor::Operator, p).await })
        })
        .collect();
    let mut created = 0;
    let mut ids = std::collections::HashSet::new();
    for t in tasks {
        let (c, was_created) = t.await.unwrap().unwrap();
        created += usize::from(was_created);
        ids.insert(c.id);
    }
    assert_eq!(created, 1);
    assert_eq!(ids.len(), 1);
}

#[tokio::test]
async fn only_admins_above_a_district_onboard_into_it() {
    let env = TestEnv::new().await;
    let t = &env.tenancy;
    let other = t
        .create_district(Actor::Operator, "510114", "新都区", None)
        .await
        .unwrap();
    let street = t
        .create_district(Actor::Operator, "510109-zh", "中和街道", Some("510109"))
        .await
        .unwrap();
    let gaoxin = env
        .principal("gaoxin", Role::DistrictAdmin, Some("510109"), None)
        .await;
    let input = |code: &str, slug: &str| OnboardInput {
        district_code: code.into(),
        slug: slug.into(),
        name: "社区".into(),
        kind: CommunityKind::Mixed,
        households: None,
        residents: None,
    };
    // Into its own street: allowed. Into another district: refused.
    let (c, _) = env
        .tenancy
        .onboard(&gaoxin, input(&street.code, "in-street"))
        .await
        .unwrap();
    assert_eq!(c.district_id, street.id);
    assert_eq!(
        code(
            env.tenancy
                .onboard(&gaoxin, input(&other.code, "elsewhere"))
                .await
        ),
        "FORBIDDEN"
    );
    assert_eq!(
        code(
            env.tenancy
                .onboard(&gaoxin, input("510109", "Bad_Slug"))
                .await
        ),
        "BAD_USER_INPUT"
    );
    assert_eq!(
        code(
            env.tenancy
                .onboard(&gaoxin, input("nope", "fine-slug"))
                .await
        ),
        "NOT_FOUND"
    );
    // A slug of another district is a conflict, not a silent success.
    let admin = env.principal("root", Role::PlatformAdmin, None, None).await;
    assert_eq!(
        code(
            env.tenancy
                .onboard(&admin, input(&other.code, "in-street"))
                .await
        ),
        "CONFLICT"
    );
}

#[tokio::test]
async fn lifecycle_suspends_archives_and_never_deletes() {
    let env = TestEnv::new().await;
    env.community("bailian").await;
    let admin = env
        .principal("gaoxin", Role::DistrictAdmin, Some("510109"), None)
        .await;
    let resident = env
        .principal("chen", Role::Resident, None, Some("bailian"))
        .await;
    let t = &env.tenancy;

    assert!(t.enter_community(Some(&resident), "bailian").await.is_ok());
    assert_eq!(
        code(
            t.set_status(&resident, "bailian", CommunityStatus::Suspended)
                .await
        ),
        "FORBIDDEN"
    );
    t.set_status(&admin, "bailian", CommunityStatus::Suspended)
        .await
        .unwrap();
    assert_eq!(
        code(t.enter_community(Some(&resident), "bailian").await),
        "COMMUNITY_SUSPENDED"
    );
    t.set_status(&admin, "bailian", CommunityStatus::Active)
        .await
        .unwrap();
    assert!(t.enter_community(Some(&resident), "bailian").await.is_ok());
    t.set_status(&admin, "bailian", CommunityStatus::Archived)
        .await
        .unwrap();
    assert_eq!(
        code(t.enter_community(Some(&resident), "bailian").await),
        "COMMUNITY_SUSPENDED"
    );
    assert_eq!(
        code(
            t.set_status(&admin, "bailian", CommunityStatus::Active)
                .await
        ),
        "CONFLICT"
    );
    assert!(
        schema_exists(&env, "c_bailian").await,
        "archiving keeps the schema"
    );
}
