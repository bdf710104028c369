//! Residents' copy of their data (issue 36, PIPL arts. 44–45), through the real binary on the
//! demo: the archive holds every row the person's id reaches — checked against the database by
//! a walk that does not read the personal-data marks — its photos, readable phone numbers and
//! no password hash; staff make a resident's copy at the counter; both are audited.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Value, json};
use sqlx::PgPool;

use crate::TestApp;

const PASSWORD: &str = "linli-demo-2026";

/// The rows of `<folder>/<table>.json`, per folder and table, each as its text.
fn rows(archive: &BTreeMap<String, Vec<u8>>) -> BTreeMap<(String, String), Vec<Value>> {
    archive
        .iter()
        .filter_map(|(path, b)| {
            let (folder, file) = path.split_once('/')?;
            let table = file.strip_suffix(".json")?;
            let rows: Vec<Value> = serde_json::from_slice(b).unwrap();
            Some(((folder.to_string(), table.to_string()), rows))
        })
        .collect()
}

/// References that are not about the person though they hold the id of one of their rows:
/// (table, column) and why.
const NOT_ABOUT_THEM: &[(&str, &str, &str)] = &[
    (
        "audit_log",
        "target",
        "an officer's action naming the row (the officer's record)",
    ),
    (
        "figure_events",
        "id",
        "anonymous counts of the dashboards: no person in them",
    ),
];

/// Independent of the marks: in `schema`, every row with a uuid column holding `ids` — the
/// account, or the id of any row exported — and the rows exported of that table.
async fn unexported(
    pool: &PgPool,
    schema: &str,
    ids: &[uuid::Uuid],
    exported: &BTreeMap<String, BTreeSet<String>>,
) -> Vec<String> {
    let columns: Vec<(String, String)> = sqlx::query_as(
        "SELECT table_name::text, column_name::text FROM information_schema.columns
          WHERE table_schema = $1 AND data_type = 'uuid' ORDER BY 1, 2",
    )
    .bind(schema)
    .fetch_all(pool)
    .await
    .unwrap();
    let mut missing = Vec::new();
    for (table, column) in columns {
        if NOT_ABOUT_THEM
            .iter()
            .any(|(t, c, _)| *t == table && *c == column)
        {
            continue;
        }
        let found: Vec<Value> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT to_jsonb(t) FROM \"{schema}\".\"{table}\" t WHERE \"{column}\" = ANY($1)"
        )))
        .bind(ids)
        .fetch_all(pool)
        .await
        .unwrap();
        let mine = exported.get(&table);
        for row in found {
            let text = canonical(&row);
            if !mine.is_some_and(|m| m.contains(&text)) {
                missing.push(format!("{schema}.{table} (by {column}): {text}"));
            }
        }
    }
    missing
}

/// A row's text with the columns the archive changes taken out (phones opened, hashes left
/// out), so the database's row and the archive's compare.
fn canonical(row: &Value) -> String {
    let mut r = row.as_object().cloned().unwrap_or_default();
    for k in ["phone", "phone_encrypted", "phone_lookup", "password_hash"] {
        r.remove(k);
    }
    Value::Object(r).to_string()
}

async fn check_complete(app: &TestApp, login: &str) -> BTreeMap<String, Vec<u8>> {
    let token = app.login(login, PASSWORD).await;
    let d = app
        .ok(
            Some(&token),
            None,
            "mutation { exportMyData { filename url bytes rows photos } }",
            json!({}),
        )
        .await;
    let e = &d["exportMyData"];
    let archive = app.zip_at(e["url"].as_str().unwrap()).await;
    assert!(archive.contains_key("README.txt"));
    let tables = rows(&archive);
    let total: usize = tables.values().map(Vec::len).sum();
    assert_eq!(e["rows"].as_u64().unwrap() as usize, total, "{login}");

    let pool = app.pool().await;
    let account: uuid::Uuid =
        sqlx::query_scalar("SELECT id FROM platform.accounts WHERE login_name = $1")
            .bind(login)
            .fetch_one(&pool)
            .await
            .unwrap();
    let schemas: BTreeMap<String, String> = sqlx::query_as(
        "SELECT DISTINCT c.slug, c.schema_name FROM platform.memberships m
           JOIN platform.communities c ON c.id = m.community_id WHERE m.account_id = $1",
    )
    .bind(account)
    .fetch_all(&pool)
    .await
    .unwrap()
    .into_iter()
    .collect();
    let mut missing = Vec::new();
    for (folder, schema) in
        std::iter::once(("platform".to_string(), "platform".to_string())).chain(schemas)
    {
        let mut exported: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut ids = vec![account];
        for ((f, table), list) in &tables {
            if *f != folder {
                continue;
            }
            for r in list {
                exported
                    .entry(table.clone())
                    .or_default()
                    .insert(canonical(r));
                if let Some(id) = r["id"].as_str().and_then(|s| s.parse().ok()) {
                    ids.push(id);
                }
            }
        }
        missing.extend(unexported(&pool, &schema, &ids, &exported).await);
    }
    assert!(
        missing.is_empty(),
        "{login}: rows reaching the person not in the archive:\n{}",
        missing.join("\n")
    );
    archive
}

#[tokio::test]
async fn a_resident_takes_away_every_row_about_them_and_staff_make_a_copy_at_the_counter() {
    let database_url = infra::testing::fresh_database().await;
    let app = TestApp::start_demo(database_url, crate::temp_dir("privacy-export")).await;

    // 陈启惠: her registry record, club, survey answer, works and their photos.
    let chen = check_complete(&app, "chen-qihui").await;
    let photos = chen
        .keys()
        .filter(|p| p.starts_with("jinzhuyuan/photos/work_photos/"))
        .count();
    assert!(photos >= 2, "her works' photos: {:?}", chen.keys());
    let account: Vec<Value> = serde_json::from_slice(&chen["platform/accounts.json"]).unwrap();
    assert_eq!(account[0]["login_name"], "chen-qihui");
    assert!(account[0].get("password_hash").is_none());
    assert!(account[0].get("phone_lookup").is_none());
    // Every demo person with a life in a community: a farmer, a volunteer, a grid worker.
    for login in ["bailian-farmer", "donghuan-chen", "boyuan-grid"] {
        check_complete(&app, login).await;
    }

    // Staff at the counter: 陈启惠's copy from 金竹苑's registry, audited.
    let staff = app.login("jinzhuyuan-staff", PASSWORD).await;
    let found = app
        .ok(
            Some(&staff),
            Some("jinzhuyuan"),
            r#"{ residents(name: "陈启惠") { nodes { id name } } }"#,
            json!({}),
        )
        .await;
    let id = found["residents"]["nodes"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let d = app
        .ok(
            Some(&staff),
            Some("jinzhuyuan"),
            "mutation($id: ID!) { exportRegistryRecordData(learnerId: $id) { url rows photos } }",
            json!({"id": id}),
        )
        .await;
    let copy = rows(
        &app.zip_at(d["exportRegistryRecordData"]["url"].as_str().unwrap())
            .await,
    );
    let works = &copy[&("jinzhuyuan".to_string(), "works".to_string())];
    assert_eq!(works.len(), 2);
    assert!(
        copy.keys().all(|(f, _)| f == "jinzhuyuan"),
        "the counter's copy holds this community only"
    );
    // A resident cannot make another's copy.
    let chen_token = app.login("chen-qihui", PASSWORD).await;
    let refused = app
        .gql(
            Some(&chen_token),
            Some("jinzhuyuan"),
            "mutation($id: ID!) { exportRegistryRecordData(learnerId: $id) { url } }",
            json!({"id": id}),
        )
        .await;
    assert_eq!(crate::code(&refused), "FORBIDDEN");

    let pool = app.pool().await;
    let audited: Vec<String> = sqlx::query_scalar(
        "SELECT operation FROM platform.audit_log
          WHERE operation IN ('exportMyData', 'exportRegistryRecordData') AND outcome = 'ok'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert!(audited.iter().any(|o| o == "exportMyData"), "{audited:?}");
    assert!(
        audited.iter().any(|o| o == "exportRegistryRecordData"),
        "{audited:?}"
    );
}
