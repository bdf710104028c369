//! The operator's command line: bulk import, migrate and the drift check.

use std::process::Output;

use crate::{TestApp, linli, temp_dir};

async fn run(args: &[&str], database_url: &str, dir: &std::path::Path) -> Output {
    linli()
        .args(args)
        .envs(TestApp::env_for(database_url, dir))
        .output()
        .await
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[tokio::test]
async fn import_then_migrate_then_check_drift() {
    let db = infra::testing::fresh_database().await;
    let dir = temp_dir("cli");
    let o = run(
        &[
            "districts",
            "create",
            "--code",
            "500192",
            "--name",
            "两江新区",
        ],
        &db,
        &dir,
    )
    .await;
    assert!(o.status.success(), "{o:?}");
    let csv = dir.join("communities.csv");
    std::fs::write(
        &csv,
        "district_code,slug,name,kind,households,residents\n\
         500192,jinzhuyuan,金竹苑社区,commercial_housing,,\n\
         500192,xingjiaqiao,邢家桥社区,old_courtyard,1200,3600\n\
         500192,BAD SLUG,坏社区,mixed,,\n\
         999999,lost,无区划社区,mixed,,\n\
         500192,huxi,虎溪社区,university_town,,7000\n\
         500192,jinzhuyuan,金竹苑社区,commercial_housing,,\n",
    )
    .unwrap();
    let o = run(&["communities", "import", csv.to_str().unwrap()], &db, &dir).await;
    let out = stdout(&o);
    assert!(
        !o.status.success(),
        "failures make the import exit non-zero"
    );
    assert!(
        out.contains("onboarded 3, already present 1, failed 2"),
        "{out}"
    );
    assert!(out.contains("line 4") && out.contains("line 5"), "{out}");

    // Importing again onboards nothing twice.
    let o = run(
        &[
            "communities",
            "onboard",
            "--district",
            "500192",
            "--slug",
            "huxi",
            "--name",
            "虎溪社区",
        ],
        &db,
        &dir,
    )
    .await;
    assert!(stdout(&o).contains("exists"), "{o:?}");

    let o = run(&["migrate"], &db, &dir).await;
    assert!(o.status.success(), "{o:?}");
    assert!(
        stdout(&o).contains("3 communities: 0 migrated, 0 failed, 3 already up to date"),
        "{}",
        stdout(&o)
    );

    let o = run(&["migrate", "--check"], &db, &dir).await;
    assert!(o.status.success(), "{o:?}");
    let pool = sqlx::PgPool::connect(&db).await.unwrap();
    sqlx::raw_sql("CREATE INDEX handmade ON c_huxi.spaces (kind)")
        .execute(&pool)
        .await
        .unwrap();
    let o = run(&["migrate", "--check"], &db, &dir).await;
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains("huxi:") && out.contains("unexpected  index spaces CREATE INDEX handmade"),
        "{out}"
    );
    assert!(out.contains("1 community schema(s) drifted"), "{out}");
}

/// `linli migrate` killed in the middle: every schema is either wholly migrated or untouched,
/// and the next run finishes exactly the rest.
#[tokio::test]
async fn a_killed_migrate_resumes_where_it_stopped() {
    let db = infra::testing::fresh_database().await;
    let dir = temp_dir("migrate-kill");
    assert!(
        run(
            &[
                "districts",
                "create",
                "--code",
                "500192",
                "--name",
                "两江新区"
            ],
            &db,
            &dir
        )
        .await
        .status
        .success()
    );
    let csv = dir.join("c.csv");
    let mut rows = String::from("district_code,slug,name\n");
    for i in 0..8 {
        rows.push_str(&format!("500192,c{i},社区{i}\n"));
    }
    std::fs::write(&csv, rows).unwrap();
    assert!(
        run(&["communities", "import", csv.to_str().unwrap()], &db, &dir)
            .await
            .status
            .success()
    );
    // Slow on purpose, so that the kill lands while schemas are in flight.
    let extra = dir.join("extra.sql");
    std::fs::write(
        &extra,
        "ALTER TABLE courtyards ADD COLUMN note text; SELECT pg_sleep(0.5);",
    )
    .unwrap();
    let mut child = linli()
        .args([
            "migrate",
            "--jobs",
            "2",
            "--extra-migration",
            extra.to_str().unwrap(),
        ])
        .envs(TestApp::env_for(&db, &dir))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill as soon as the first schema has committed: the others are pending or in flight.
    let pool = sqlx::PgPool::connect(&db).await.unwrap();
    let latest = infra::migrations::latest(&infra::migrations::community());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let n: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM platform.communities WHERE schema_version > $1",
        )
        .bind(latest)
        .fetch_one(&pool)
        .await
        .unwrap();
        if n > 0 || std::time::Instant::now() > deadline {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    child.start_kill().unwrap();
    child.wait().await.unwrap();

    let latest = infra::migrations::latest(&infra::migrations::community());
    let state: Vec<(String, i32, bool)> = sqlx::query_as(
        "SELECT c.slug, c.schema_version,
                EXISTS (SELECT 1 FROM information_schema.columns
                         WHERE table_schema = c.schema_name AND table_name = 'courtyards'
                           AND column_name = 'note')
           FROM platform.communities c ORDER BY slug",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let done = state.iter().filter(|s| s.1 == latest + 1).count();
    assert!(
        done > 0 && done < 8,
        "the kill should land mid-run: {state:?}"
    );
    for (slug, version, has_column) in &state {
        assert_eq!(
            *has_column,
            *version == latest + 1,
            "{slug} is half migrated: {state:?}"
        );
    }
    let o = run(
        &["migrate", "--extra-migration", extra.to_str().unwrap()],
        &db,
        &dir,
    )
    .await;
    let out = stdout(&o);
    assert!(
        out.contains(&format!(
            "8 communities: {} migrated, 0 failed, {done} already up to date",
            8 - done
        )),
        "{out}"
    );
}

/// An empty or short master or token secret is refused before anything starts.
#[tokio::test]
async fn short_secrets_are_refused_at_start() {
    let db = infra::testing::fresh_database().await;
    let dir = temp_dir("secrets");
    for (var, value) in [
        ("LINLI_MASTER_SECRET", ""),
        ("LINLI_MASTER_SECRET", "secret"),
        ("LINLI_TOKEN_SECRET", "short token secret"),
    ] {
        let o = linli()
            .arg("migrate")
            .envs(TestApp::env_for(&db, &dir))
            .env(var, value)
            .output()
            .await
            .unwrap();
        assert!(!o.status.success(), "{var}={value:?} was accepted");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(var) && err.contains("at least 32"), "{err}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
