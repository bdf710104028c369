//! Erasure's other paths (issue 36, PIPL art. 47): a guardian erases a child's record, staff
//! erase a counter record and the record of one who left the community, a guardian is held
//! back by a child in care, an account in two communities is erased in both, and bookings race
//! the erasure.

use serde_json::{Value, json};

use crate::{TestApp, code};

/// The other erasures and their refusals: a guardian's child, a record without an account
/// erased by staff, a guardian held back by a child in care, and a booking racing an erasure.
#[tokio::test]
async fn a_guardian_erases_a_child_staff_a_record_without_account_and_a_race_finds_nothing_left() {
    let app = TestApp::spawn().await;
    let root = app.two_communities().await;
    let staff = app.member(&root, "er-staff", "STAFF", "alpha").await;
    let parent = app
        .named_member(&root, "er-parent", "赵大伟", "RESIDENT", "alpha")
        .await;
    let other = app.member(&root, "er-other", "RESIDENT", "alpha").await;
    let a = Some("alpha");
    let child = app
        .ok(
            Some(&parent),
            a,
            "mutation { registerChild(name: \"赵小雨\", birthDate: \"2016-03-01\") { id } }",
            json!({}),
        )
        .await["registerChild"]["id"]
        .clone();
    // The parent lives in beta too: a record there with their name.
    let parent_id: uuid::Uuid =
        sqlx::query_scalar("SELECT id FROM platform.accounts WHERE login_name = 'er-parent'")
            .fetch_one(&app.pool().await)
            .await
            .unwrap();
    app.ok(
        Some(&root),
        None,
        "mutation($id: ID!) { grantRole(input: {accountId: $id, role: RESIDENT, communitySlug: \"beta\"}) }",
        json!({"id": parent_id}),
    )
    .await;
    app.ok(
        Some(&parent),
        Some("beta"),
        "mutation { setLearnerBirthDate(birthDate: \"1980-01-01\") { id name } }",
        json!({}),
    )
    .await;
    let in_beta: i64 =
        sqlx::query_scalar("SELECT count(*) FROM c_beta.learners WHERE name = '赵大伟'")
            .fetch_one(&app.pool().await)
            .await
            .unwrap();
    assert_eq!(in_beta, 1);
    let erase = "mutation($p: String!) { eraseMyAccount(password: $p) { communities rows } }";
    let held = app
        .gql(Some(&parent), None, erase, json!({"p": "password-123"}))
        .await;
    assert_eq!(code(&held), "ERASURE_BLOCKED");
    assert!(
        held["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("孩子")
    );

    let erase_child = "mutation($l: ID!) { eraseChildRecord(learnerId: $l) { communities rows } }";
    let not_theirs = app
        .gql(Some(&other), a, erase_child, json!({"l": child}))
        .await;
    assert_eq!(code(&not_theirs), "NOT_FOUND");
    app.ok(Some(&parent), a, erase_child, json!({"l": child}))
        .await;
    let twice = app
        .gql(Some(&parent), a, erase_child, json!({"l": child}))
        .await;
    assert_eq!(code(&twice), "CONFLICT");
    let pool = app.pool().await;
    let names: Vec<String> = sqlx::query_scalar("SELECT name FROM c_alpha.learners")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert!(!names.iter().any(|n| n == "赵小雨"), "{names:?}");

    // Staff erase a record entered at the counter; not a record with its own account.
    let entered = app
        .ok(
            Some(&staff),
            a,
            "mutation { registerResident(input: {name: \"钱老伯\", birthDate: \"1940-02-02\", phone: \"13700003333\"}) { id } }",
            json!({}),
        )
        .await["registerResident"]["id"]
        .clone();
    let by_staff = "mutation($l: ID!) { eraseRegistryRecord(learnerId: $l) { rows } }";
    app.ok(Some(&staff), a, by_staff, json!({"l": entered}))
        .await;
    app.ok(
        Some(&parent),
        a,
        "mutation { setLearnerBirthDate(birthDate: \"1980-01-01\") { id } }",
        json!({}),
    )
    .await;
    let own: uuid::Uuid = sqlx::query_scalar(
        "SELECT l.id FROM c_alpha.learners l JOIN platform.accounts a ON a.id = l.account_id
          WHERE a.login_name = 'er-parent'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let refused = app.gql(Some(&staff), a, by_staff, json!({"l": own})).await;
    assert_eq!(code(&refused), "CONFLICT");
    // One who moved away: their account left alpha, so staff erase their record there, with
    // the rows their account kept in alpha; the account itself stays theirs.
    let mover = app
        .named_member(&root, "er-mover", "孙搬家", "RESIDENT", "alpha")
        .await;
    app.ok(
        Some(&mover),
        a,
        "mutation { setLearnerBirthDate(birthDate: \"1970-07-07\") { id } }",
        json!({}),
    )
    .await;
    let (mover_id, mover_record): (uuid::Uuid, uuid::Uuid) = sqlx::query_as(
        "SELECT a.id, l.id FROM platform.accounts a JOIN c_alpha.learners l ON l.account_id = a.id
          WHERE a.login_name = 'er-mover'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let still = app
        .gql(Some(&staff), a, by_staff, json!({"l": mover_record}))
        .await;
    assert_eq!(
        code(&still),
        "CONFLICT",
        "still a resident: they erase it themselves"
    );
    app.ok(
        Some(&root),
        None,
        "mutation($id: ID!) { revokeRole(input: {accountId: $id, role: RESIDENT, communitySlug: \"alpha\"}) }",
        json!({"id": mover_id}),
    )
    .await;
    app.ok(Some(&staff), a, by_staff, json!({"l": mover_record}))
        .await;
    let (record_name, account_name): (String, String) = sqlx::query_as(
        "SELECT l.name, a.display_name FROM c_alpha.learners l
           JOIN platform.accounts a ON a.id = l.account_id WHERE l.id = $1",
    )
    .bind(mover_record)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(record_name.starts_with("已注销"), "{record_name}");
    assert_eq!(account_name, "孙搬家");
    let by_resident = app
        .gql(Some(&other), a, by_staff, json!({"l": entered}))
        .await;
    assert_eq!(code(&by_resident), "FORBIDDEN");
    let left: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM c_alpha.learners WHERE name IN ('钱老伯', '赵小雨')
            OR phone_lookup IS NOT NULL AND erased_at IS NOT NULL",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(left, 0);

    // Bookings sent while the parent erases: either the erasure waits for one that landed
    // first, or none is left with its purpose once it is done.
    let room = app.open_space(&staff, "alpha", "竞速室").await;
    let book = |i: i64| {
        let app = &app;
        let parent = parent.clone();
        let room = room.clone();
        async move {
            let at = (chrono::Utc::now() + chrono::Duration::days(2 + i)).date_naive();
            let at = at.and_hms_opt(3, 0, 0).unwrap().and_utc().to_rfc3339();
            app.gql(
                Some(&parent),
                Some("alpha"),
                "mutation($s: ID!, $t: DateTime!) { bookSpace(input: {spaceId: $s, startsAt: $t, minutes: 30, purpose: \"赵家聚会\", attendance: 3}) { id } }",
                json!({"s": room, "t": at}),
            )
            .await
        }
    };
    let (erasure, _) = tokio::join!(
        app.gql(Some(&parent), None, erase, json!({"p": "password-123"})),
        futures::future::join_all((0..8).map(book)),
    );
    let purposes: i64 =
        sqlx::query_scalar("SELECT count(*) FROM c_alpha.bookings WHERE purpose = '赵家聚会'")
            .fetch_one(&pool)
            .await
            .unwrap();
    let done: Value = match erasure.get("errors") {
        None => {
            assert_eq!(purposes, 0, "a booking kept its purpose past the erasure");
            erasure
        }
        Some(_) => {
            // A booking landed first: it is cancelled (signed in again), then the erasure runs.
            assert_eq!(code(&erasure), "ERASURE_BLOCKED", "{erasure}");
            let again = app.login("er-parent", "password-123").await;
            let open: Vec<uuid::Uuid> = sqlx::query_scalar(
                "SELECT b.id FROM c_alpha.bookings b JOIN platform.accounts a ON a.id = b.booked_by
                  WHERE a.login_name = 'er-parent' AND b.status IN ('requested', 'approved')",
            )
            .fetch_all(&pool)
            .await
            .unwrap();
            for b in open {
                app.ok(
                    Some(&again),
                    a,
                    "mutation($b: ID!) { cancelBooking(bookingId: $b) { status } }",
                    json!({"b": b}),
                )
                .await;
            }
            let done = app
                .gql(Some(&again), None, erase, json!({"p": "password-123"}))
                .await;
            assert!(done.get("errors").is_none(), "{done}");
            done
        }
    };
    // Erased in every community the account belonged to.
    assert_eq!(done["data"]["eraseMyAccount"]["communities"], 2, "{done}");
    let named: i64 = sqlx::query_scalar(
        "SELECT (SELECT count(*) FROM c_alpha.learners WHERE name = '赵大伟' OR erased_at IS NULL AND account_id = $1)
              + (SELECT count(*) FROM c_beta.learners WHERE name = '赵大伟' OR erased_at IS NULL AND account_id = $1)
              + (SELECT count(*) FROM c_alpha.bookings WHERE purpose = '赵家聚会')",
    )
    .bind(parent_id)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(named, 0);
}
