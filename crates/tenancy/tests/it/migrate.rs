//! `migrate` is per-schema atomic, reports a failing schema without rolling back the others,
//! resumes where it stopped, and the drift check finds a schema changed by hand.

use infra::migrations::Migration;
use tenancy::communities::migrate::{check_drift, migrate_all, shapes};

use crate::TestEnv;

fn with_extra(sql: &'static str) -> Vec<Migration> {
    let mut m = infra::migrations::community();
    let next = infra::migrations::latest(&m) + 1;
    m.push(Migration {
        version: next,
        name: "extra".into(),
        sql,
        checksum: "test".into(),
    });
    m
}

async fn versions(env: &TestEnv) -> Vec<(String, i32)> {
    sqlx::query_as("SELECT slug, schema_version FROM platform.communities ORDER BY slug")
        .fetch_all(env.db.admin_pool())
        .await
        .unwrap()
}

#[tokio::test]
async fn migrate_is_per_schema_atomic_and_resumable() {
    let env = TestEnv::new().await;
    for slug in ["aa", "bb", "cc", "dd"] {
        env.community(slug).await;
    }
    let base = infra::migrations::latest(&infra::migrations::community());

    // Nothing to do.
    let r = migrate_all(
        &env.db,
        &infra::migrations::community(),
        4,
        |_| {},
        |_, _| {},
    )
    .await
    .unwrap();
    assert_eq!((r.total, r.pending), (4, 0));

    // "cc" already has a table the new migration wants to create: that schema fails, alone.
    sqlx::raw_sql("CREATE TABLE c_cc.notes (id int)")
        .execute(env.db.admin_pool())
        .await
        .unwrap();
    let migrations = with_extra("CREATE TABLE notes (id uuid PRIMARY KEY, body text NOT NULL);");
    let r = migrate_all(&env.db, &migrations, 3, |_| {}, |_, _| {})
        .await
        .unwrap();
    assert_eq!(r.migrated, vec!["aa", "bb", "dd"]);
    assert_eq!(r.failed.len(), 1);
    assert_eq!(r.failed[0].0, "cc");
    assert_eq!(
        versions(&env).await,
        vec![
            ("aa".into(), base + 1),
            ("bb".into(), base + 1),
            ("cc".into(), base),
            ("dd".into(), base + 1)
        ]
    );
    // The failed schema kept nothing of the failed migration.
    let recorded: i64 =
        sqlx::query_scalar("SELECT count(*) FROM c_cc.schema_migrations WHERE version = $1")
            .bind(base + 1)
            .fetch_one(env.db.admin_pool())
            .await
            .unwrap();
    assert_eq!(recorded, 0);

    // After the operator fixes it, a rerun touches only what is still behind.
    sqlx::raw_sql("DROP TABLE c_cc.notes")
        .execute(env.db.admin_pool())
        .await
        .unwrap();
    let r = migrate_all(&env.db, &migrations, 3, |_| {}, |_, _| {})
        .await
        .unwrap();
    assert_eq!(r.migrated, vec!["cc"]);
    assert!(r.failed.is_empty());
    let r = migrate_all(&env.db, &migrations, 3, |_| {}, |_, _| {})
        .await
        .unwrap();
    assert_eq!(r.pending, 0);
}

#[tokio::test]
async fn concurrent_migrate_runs_apply_each_migration_once() {
    let env = TestEnv::new().await;
    for slug in ["aa", "bb", "cc"] {
        env.community(slug).await;
    }
    let migrations = with_extra("ALTER TABLE courtyards ADD COLUMN note text;");
    let (a, b) = tokio::join!(
        migrate_all(&env.db, &migrations, 2, |_| {}, |_, _| {}),
        migrate_all(&env.db, &migrations, 2, |_| {}, |_, _| {})
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    assert!(
        a.failed.is_empty() && b.failed.is_empty(),
        "{:?} {:?}",
        a.failed,
        b.failed
    );
    let latest = infra::migrations::latest(&migrations);
    assert!(versions(&env).await.iter().all(|(_, v)| *v == latest));
}

#[tokio::test]
async fn drift_check_names_the_schema_that_differs() {
    let env = TestEnv::new().await;
    for slug in ["aa", "bb", "cc"] {
        env.community(slug).await;
    }
    let migrations = infra::migrations::community();
    assert!(check_drift(&env.db, &migrations).await.unwrap().is_empty());

    sqlx::raw_sql(
        "ALTER TABLE c_bb.courtyards ADD COLUMN handmade int; DROP TABLE c_bb.list_kinds CASCADE;",
    )
    .execute(env.db.admin_pool())
    .await
    .unwrap();
    let drifts = check_drift(&env.db, &migrations).await.unwrap();
    assert_eq!(drifts.len(), 1);
    let d = &drifts[0];
    assert_eq!(d.slug, "bb");
    assert!(
        d.unexpected
            .iter()
            .any(|l| l.contains("courtyards.handmade")),
        "{d:?}"
    );
    assert!(d.missing.iter().any(|l| l.contains("list_kinds")), "{d:?}");
}

/// A new community gets every migration in one round trip; a community onboarded long ago
/// got them one at a time as they shipped. The catalog must not be able to tell them apart.
#[tokio::test]
async fn one_step_schema_equals_replaying_every_migration() {
    let env = TestEnv::new().await;
    let one_step = env.community("onestep").await.tenant();
    let replayed = env.community("replayed").await.tenant();
    let all = infra::migrations::community();

    // Rebuild the second schema by replaying every file on its own, as `migrate` did when each
    // shipped (the same role, search_path and transaction as onboarding).
    let mut tx = env.db.admin_pool().begin().await.unwrap();
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "DROP SCHEMA {s} CASCADE; CREATE SCHEMA {s} AUTHORIZATION {r}",
        s = replayed.schema,
        r = replayed.role
    )))
    .execute(&mut *tx)
    .await
    .unwrap();
    infra::db::enter_tenant(&mut tx, &replayed).await.unwrap();
    let mut version = 0;
    for m in &all {
        version = infra::migrations::apply_community(&mut tx, std::slice::from_ref(m), version)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    assert_eq!(version, infra::migrations::latest(&all));

    let schemas = [one_step.schema.clone(), replayed.schema.clone()];
    let mut conn = env.db.admin_pool().acquire().await.unwrap();
    let found = shapes(&mut conn, &schemas).await.unwrap();
    let (a, b) = (&found[&schemas[0]], &found[&schemas[1]]);
    let differences: Vec<&String> = a.symmetric_difference(b).collect();
    assert!(differences.is_empty(), "{differences:#?}");
    // The comparison sees every kind of thing it claims to.
    for kind in [
        "r ",
        "S ",
        "column ",
        "constraint ",
        "index ",
        "trigger ",
        "function ",
    ] {
        let n = a.iter().filter(|l| l.starts_with(kind)).count();
        assert!(n > 0, "no {kind:?} in the shape");
    }
    let recorded = |schema: &str| {
        format!("SELECT version, name, checksum FROM {schema}.schema_migrations ORDER BY version")
    };
    let mut seen = Vec::new();
    for schema in &schemas {
        let rows: Vec<(i32, String, String)> =
            sqlx::query_as(sqlx::AssertSqlSafe(recorded(schema)))
                .fetch_all(&mut *conn)
                .await
                .unwrap();
        assert_eq!(rows.len(), all.len());
        seen.push(rows);
    }
    assert_eq!(seen[0], seen[1]);

    // And it would tell them apart: a default, a trigger and a function body changed by hand.
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "ALTER TABLE {s}.courtyards ALTER COLUMN kind SET DEFAULT 'grid';
         DROP TRIGGER enrolments_count_seats ON {s}.enrolments;
         CREATE OR REPLACE FUNCTION {s}.enrolments_count_seats() RETURNS trigger
             LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;",
        s = replayed.schema
    )))
    .execute(&mut *conn)
    .await
    .unwrap();
    let found = shapes(&mut conn, &schemas).await.unwrap();
    let changed: Vec<&String> = found[&schemas[1]]
        .symmetric_difference(&found[&schemas[0]])
        .collect();
    for what in [
        "column courtyards.kind",
        "trigger enrolments CREATE TRIGGER enrolments_count_seats",
        "function enrolments_count_seats()",
    ] {
        assert!(
            changed.iter().any(|l| l.contains(what)),
            "{what}: {changed:#?}"
        );
    }
}
