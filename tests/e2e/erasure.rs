//! Erasure that keeps the books (issue 36, PIPL art. 47), through the real binary on the demo:
//! a resident with a phone on her record, photos of her works, a booking, a demand and copies
//! of her data is erased; then no table (`pg_dump` of the whole database), no object of the
//! store and no line of the gateway's log holds her name, phone, texts or photos, while
//! `ledgerCheck`, seat counts, attendance and every district figure are what they were — and
//! what a rebuild of the rollups from the tables gives. An erasure waits for an open booking.

use std::path::Path;

use serde_json::json;
use sqlx::Acquire;

use crate::{TestApp, code};

const PASSWORD: &str = "linli-demo-2026";
const PHONE: &str = "13912345678";
const PURPOSE: &str = "陈启惠的鼓队排练QX7";
const DEMAND: &str = "陈启惠家门口路灯QX7";

/// Every district figure folded so far, once the communities' pending events are folded.
async fn settled_figures(pool: &sqlx::PgPool) -> Vec<(String, String, String, i64)> {
    for _ in 0..600 {
        let schemas: Vec<String> =
            sqlx::query_scalar("SELECT schema_name FROM platform.communities")
                .fetch_all(pool)
                .await
                .unwrap();
        let mut pending = 0i64;
        for s in schemas {
            pending += sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(format!(
                "SELECT count(*) FROM \"{s}\".figure_events"
            )))
            .fetch_one(pool)
            .await
            .unwrap();
        }
        if pending == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    sqlx::query_as(
        "SELECT community_id::text, figure, day::text, value FROM platform.figure_daily
          WHERE value <> 0 ORDER BY 1, 2, 3",
    )
    .fetch_all(pool)
    .await
    .unwrap()
}

/// Seats, attendance and registry size of 金竹苑, as counts.
async fn counts(pool: &sqlx::PgPool) -> Vec<(String, i64)> {
    sqlx::query_as(
        "SELECT 'enrolments ' || course_id || ' ' || status, count(*)
           FROM c_jinzhuyuan.enrolments GROUP BY course_id, status
         UNION ALL SELECT 'attendance', count(*) FROM c_jinzhuyuan.attendance
         UNION ALL SELECT 'learners', count(*) FROM c_jinzhuyuan.learners
         UNION ALL SELECT 'transfers', count(*) FROM c_jinzhuyuan.points_transfers
         ORDER BY 1",
    )
    .fetch_all(pool)
    .await
    .unwrap()
}

/// The whole database as `pg_dump` writes it.
fn dump(database_url: &str) -> String {
    let bin = infra::pg_embedded::find_bin_dir().expect("PostgreSQL's binaries");
    let out = std::process::Command::new(bin.join("pg_dump"))
        .args(["--no-owner", "--dbname", database_url])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Every object of the store (the embedded S3 server keeps a key as a path) and its bytes.
fn objects(data_dir: &Path) -> Vec<(String, Vec<u8>)> {
    let root = data_dir.join("objects").join("linli");
    let mut out = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else {
                let key = p.strip_prefix(&root).unwrap().display().to_string();
                out.push((key, std::fs::read(&p).unwrap()));
            }
        }
    }
    out
}

fn holds(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[tokio::test]
async fn an_erased_resident_leaves_no_trace_and_the_books_stay_as_they_were() {
    let database_url = infra::testing::fresh_database().await;
    let app = TestApp::start_demo(database_url.clone(), crate::temp_dir("erasure")).await;
    let pool = app.pool().await;
    let staff = app.login("jinzhuyuan-staff", PASSWORD).await;
    let chen = app.login("chen-qihui", PASSWORD).await;
    let jz = Some("jinzhuyuan");
    let (account, display): (uuid::Uuid, String) = sqlx::query_as(
        "SELECT id, display_name FROM platform.accounts WHERE login_name = 'chen-qihui'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let learner = app
        .ok(Some(&chen), jz, "{ myLearners { id inCare } }", json!({}))
        .await["myLearners"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["inCare"] == false)
        .unwrap()["id"]
        .clone();

    // Her life in 金竹苑: a phone on her record, a booking, a demand, copies of her data.
    app.ok(
        Some(&staff),
        jz,
        "mutation($l: ID!) { correctRegistryRecord(learnerId: $l, input: {phone: \"13912345678\"}, reason: \"本人更正手机号\") { id } }",
        json!({"l": learner}),
    )
    .await;
    let room = app.open_space(&staff, "jinzhuyuan", "注销测试室").await;
    let booking = app
        .ok(
            Some(&chen),
            jz,
            "mutation($s: ID!, $t: DateTime!, $p: String!) { bookSpace(input: {spaceId: $s, startsAt: $t, minutes: 60, purpose: $p, attendance: 6}) { id } }",
            json!({"s": room, "t": crate::two_days_ahead(), "p": PURPOSE}),
        )
        .await["bookSpace"][0]["id"]
        .clone();
    app.ok(
        Some(&chen),
        jz,
        "mutation($t: String!) { submitDemand(input: {title: $t, category: \"设施维修\"}) { id } }",
        json!({"t": DEMAND}),
    )
    .await;
    app.ok(
        Some(&chen),
        None,
        "mutation { exportMyData { url } }",
        json!({}),
    )
    .await;
    app.ok(
        Some(&staff),
        jz,
        "mutation($l: ID!) { exportRegistryRecordData(learnerId: $l) { url } }",
        json!({"l": learner}),
    )
    .await;
    let (ciphertext, lookup): (String, String) = sqlx::query_as(
        "SELECT phone_encrypted, phone_lookup FROM c_jinzhuyuan.learners WHERE id = $1::uuid",
    )
    .bind(learner.as_str().unwrap())
    .fetch_one(&pool)
    .await
    .unwrap();
    let photos: Vec<String> = sqlx::query_scalar(
        "SELECT unnest(ARRAY[p.object_key, p.thumb_key]) FROM c_jinzhuyuan.work_photos p
           JOIN c_jinzhuyuan.works w ON w.id = p.work_id WHERE w.learner_id = $1::uuid",
    )
    .bind(learner.as_str().unwrap())
    .fetch_all(&pool)
    .await
    .unwrap();
    assert!(!photos.is_empty(), "the demo shows her works");
    let needles = [
        display.as_str(),
        "chen-qihui",
        PHONE,
        ciphertext.as_str(),
        lookup.as_str(),
        PURPOSE,
        DEMAND,
    ];
    assert!(dump(&database_url).contains(&display));

    // The booking to come holds the erasure back, nothing written, and says so.
    let waits = app
        .ok(
            Some(&chen),
            None,
            "{ myErasureBlockers { community kind count advice } }",
            json!({}),
        )
        .await;
    assert_eq!(
        waits["myErasureBlockers"],
        json!([{"community": "金竹苑社区", "kind": "BOOKING_OPEN", "count": 1,
                "advice": "有 1 个未结束的场地预约，请先取消或等它结束"}])
    );
    let erase =
        "mutation($p: String!) { eraseMyAccount(password: $p) { communities rows objects } }";
    let refused = app
        .gql(Some(&chen), None, erase, json!({"p": PASSWORD}))
        .await;
    assert_eq!(code(&refused), "ERASURE_BLOCKED", "{refused}");
    assert!(
        refused["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("预约")
    );
    let wrong = app
        .gql(Some(&chen), None, erase, json!({"p": "not-it"}))
        .await;
    assert_eq!(code(&wrong), "UNAUTHENTICATED");
    assert!(dump(&database_url).contains(PURPOSE), "nothing was written");
    app.ok(
        Some(&chen),
        jz,
        "mutation($b: ID!) { cancelBooking(bookingId: $b) { status } }",
        json!({"b": booking}),
    )
    .await;

    let copies = objects(&app.data_dir)
        .into_iter()
        .filter(|(k, _)| k.starts_with("x/"))
        .map(|(k, _)| k)
        .collect::<Vec<_>>();
    assert_eq!(
        copies.len(),
        2,
        "her copy and the counter copy are stored: {copies:?}"
    );
    let figures = settled_figures(&pool).await;
    let books = "{ ledgerCheck { issued burned held mismatched transfers } }";
    let ledger = app.ok(Some(&staff), jz, books, json!({})).await;
    let seats = counts(&pool).await;

    let erased = app
        .ok(Some(&chen), None, erase, json!({"p": PASSWORD}))
        .await;
    assert_eq!(erased["eraseMyAccount"]["communities"], 1);
    assert_eq!(
        erased["eraseMyAccount"]["objects"].as_i64().unwrap(),
        photos.len() as i64 + 2,
        "her photos, her copy and the counter copy: {erased}"
    );

    // She is signed out and cannot sign in again.
    let gone = app.gql(Some(&chen), None, "{ me { id } }", json!({})).await;
    assert_eq!(code(&gone), "UNAUTHENTICATED");
    let again = app
        .gql(
            None,
            None,
            "mutation { login(loginName: \"chen-qihui\", password: \"linli-demo-2026\") { token } }",
            json!({}),
        )
        .await;
    assert_eq!(code(&again), "UNAUTHENTICATED");

    // No table, object or log line holds her.
    let dumped = dump(&database_url);
    for n in needles {
        assert!(!dumped.contains(n), "the database still holds {n:?}");
    }
    let community: uuid::Uuid =
        sqlx::query_scalar("SELECT id FROM platform.communities WHERE slug = 'jinzhuyuan'")
            .fetch_one(&pool)
            .await
            .unwrap();
    let stored = objects(&app.data_dir);
    for (key, bytes) in &stored {
        assert!(!photos.contains(key), "her photo {key} is still stored");
        for n in needles {
            assert!(!holds(bytes, n), "object {key} holds {n:?}");
        }
        assert!(
            !key.starts_with(&format!("x/a/{account}/"))
                && !key.starts_with(&format!("x/c/{community}/"))
                && !key.contains("/exports/"),
            "a copy that may name her: {key}"
        );
    }
    let log = std::fs::read(app.data_dir.join("gateway.log")).unwrap();
    for n in needles {
        assert!(!holds(&log, n), "the log holds {n:?}");
    }

    // The books, the seats and the district's figures are as they were, and a rebuild of the
    // rollups from the tables gives them again.
    assert_eq!(app.ok(Some(&staff), jz, books, json!({})).await, ledger);
    assert_eq!(ledger["ledgerCheck"]["mismatched"], json!([]));
    assert_eq!(counts(&pool).await, seats);
    assert_eq!(settled_figures(&pool).await, figures);
    let rebuilt =
        crate::moving::linli(&["dashboards", "rebuild"], &database_url, &app.data_dir).await;
    crate::moving::succeeded(&rebuilt);
    assert_eq!(settled_figures(&pool).await, figures);

    // Her rows stay, nameless; the erasure is in the audit log under her (now anonymous) id.
    let (name, erased_at): (String, Option<chrono::DateTime<chrono::Utc>>) =
        sqlx::query_as("SELECT name, erased_at FROM c_jinzhuyuan.learners WHERE id = $1::uuid")
            .bind(learner.as_str().unwrap())
            .fetch_one(&pool)
            .await
            .unwrap();
    assert!(name.starts_with("已注销") && erased_at.is_some(), "{name}");
    let audited: Vec<String> = sqlx::query_scalar(
        "SELECT outcome FROM platform.audit_log
          WHERE account_id = $1 AND operation = 'eraseMyAccount' ORDER BY id",
    )
    .bind(account)
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(audited, ["ERASURE_BLOCKED", "UNAUTHENTICATED", "ok"]);

    // The guards that keep closed records closed step aside for an erasure only, and then
    // only for personal columns.
    guards_hold(&pool).await;
}

/// An ended 双报到 report (made and rolled back here): its name is rewritten by an erasing
/// transaction and by nobody else, and an erasing transaction changes nothing but personal
/// columns.
async fn guards_hold(pool: &sqlx::PgPool) {
    let mut tx = pool.begin().await.unwrap();
    sqlx::query("SELECT set_config('search_path', 'c_jinzhuyuan', true)")
        .execute(&mut *tx)
        .await
        .unwrap();
    let id: uuid::Uuid = sqlx::query_scalar(
        "INSERT INTO c_jinzhuyuan.party_reports (id, account_id, name, workplace,
                party_organisation, reported_at, ended_at)
         VALUES (gen_random_uuid(), gen_random_uuid(), '周守信', '区教育局', '区教育局党支部',
                 now() - interval '2 days', now() - interval '1 day')
         RETURNING id",
    )
    .fetch_one(&mut *tx)
    .await
    .unwrap();
    let rename = "UPDATE c_jinzhuyuan.party_reports SET name = '已注销·000000' WHERE id = $1";
    let mut outside = tx.begin().await.unwrap();
    let err = sqlx::query(rename)
        .bind(id)
        .execute(&mut *outside)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("ended once"), "{err}");
    outside.rollback().await.unwrap();
    sqlx::query("SELECT set_config('linli.erasure', 'on', true)")
        .execute(&mut *tx)
        .await
        .unwrap();
    sqlx::query(rename)
        .bind(id)
        .execute(&mut *tx)
        .await
        .unwrap();
    let err = sqlx::query("UPDATE c_jinzhuyuan.party_reports SET ended_at = NULL WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("personal columns only"), "{err}");
    tx.rollback().await.unwrap();
}
