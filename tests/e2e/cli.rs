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
