//! The GraphQL API as a district officer, community staff and a resident use it.

use serde_json::json;

use crate::{TestApp, code};

#[tokio::test]
async fn community_operations_need_the_header_a_membership_and_a_role() {
    let app = TestApp::spawn().await;
    let root = app.two_communities().await;
    let staff = app.member(&root, "alpha-staff", "STAFF", "alpha").await;
    let resident = app
        .member(&root, "alpha-resident", "RESIDENT", "alpha")
        .await;

    let create = r#"mutation { createCourtyard(input: {name: "一号院落", kind: COURTYARD, households: 50}) { name households } }"#;
    let d = app.ok(Some(&staff), Some("alpha"), create, json!({})).await;
    assert_eq!(d["createCourtyard"]["households"], 50);
    assert_eq!(
        code(
            &app.gql(Some(&staff), Some("alpha"), create, json!({}))
                .await
        ),
        "CONFLICT"
    );
    assert_eq!(
        code(
            &app.gql(Some(&resident), Some("alpha"), create, json!({}))
                .await
        ),
        "FORBIDDEN"
    );

    let d = app
        .ok(
            Some(&resident),
            Some("alpha"),
            "{ community { slug name status } courtyards { name } }",
            json!({}),
        )
        .await;
    assert_eq!(d["community"]["slug"], "alpha");
    assert_eq!(d["courtyards"][0]["name"], "一号院落");

    // No header: community data does not exist for this request.
    assert_eq!(
        code(
            &app.gql(Some(&resident), None, "{ courtyards { name } }", json!({}))
                .await
        ),
        "BAD_USER_INPUT"
    );
    // No token with a header: not signed in.
    assert_eq!(
        code(
            &app.gql(None, Some("alpha"), "{ courtyards { name } }", json!({}))
                .await
        ),
        "UNAUTHENTICATED"
    );
    // Unknown community.
    assert_eq!(
        code(
            &app.gql(
                Some(&resident),
                Some("nowhere"),
                "{ courtyards { name } }",
                json!({})
            )
            .await
        ),
        "NOT_FOUND"
    );
    // A district admin above the community may enter it.
    let me = app
        .ok(
            Some(&resident),
            None,
            "{ me { account { loginName phoneMasked } memberships { role communitySlug } } }",
            json!({}),
        )
        .await;
    assert_eq!(me["me"]["account"]["phoneMasked"], "138****5678");
    assert_eq!(
        me["me"]["memberships"],
        json!([{"role": "RESIDENT", "communitySlug": "alpha"}])
    );
    assert!(
        app.gql(
            Some(&root),
            Some("beta"),
            "{ courtyards { name } }",
            json!({})
        )
        .await
        .get("errors")
        .is_none()
    );
}

#[tokio::test]
async fn districts_onboarding_and_lifecycle() {
    let app = TestApp::spawn().await;
    let root = app.two_communities().await;
    app.ok(Some(&root), None, r#"mutation { createDistrict(input: {code: "510109-zh", name: "中和街道", parentCode: "510109"}) { parent { code } } }"#, json!({})).await;
    app.ok(
        Some(&root),
        None,
        r#"mutation { createDistrict(input: {code: "510114", name: "新都区"}) { id } }"#,
        json!({}),
    )
    .await;

    // A district admin of 高新区 (via root's grant) onboards into its street, not elsewhere.
    let d = app.ok(Some(&root), None, r#"mutation { createAccount(input: {loginName: "gaoxin", displayName: "高新区", password: "password-123"}) { id } }"#, json!({})).await;
    let id = d["createAccount"]["id"].as_str().unwrap();
    app.ok(Some(&root), None, "mutation($id: ID!) { grantRole(input: {accountId: $id, role: DISTRICT_ADMIN, districtCode: \"510109\"}) }", json!({"id": id})).await;
    let gaoxin = app.login("gaoxin", "password-123").await;
    let onboard = "mutation($d: String!, $s: String!) { onboardCommunity(input: {districtCode: $d, slug: $s, name: \"新华社区\", kind: OLD_COURTYARD, households: 2786}) { created community { slug status households } } }";
    let d = app
        .ok(
            Some(&gaoxin),
            None,
            onboard,
            json!({"d": "510109-zh", "s": "xinhua"}),
        )
        .await;
    assert_eq!(d["onboardCommunity"]["created"], true);
    let d = app
        .ok(
            Some(&gaoxin),
            None,
            onboard,
            json!({"d": "510109-zh", "s": "xinhua"}),
        )
        .await;
    assert_eq!(
        d["onboardCommunity"]["created"], false,
        "re-running does not duplicate"
    );
    assert_eq!(
        code(
            &app.gql(
                Some(&gaoxin),
                None,
                onboard,
                json!({"d": "510114", "s": "other"})
            )
            .await
        ),
        "FORBIDDEN"
    );

    let d = app
        .ok(
            Some(&gaoxin),
            None,
            "{ districts { code } district(code: \"510109\") { communities { slug status } } }",
            json!({}),
        )
        .await;
    let codes: Vec<&str> = d["districts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        vec!["510109", "510109-zh"],
        "a district admin sees its own subtree only"
    );
    let slugs: Vec<&str> = d["district"]["communities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["slug"].as_str().unwrap())
        .collect();
    assert_eq!(slugs, vec!["alpha", "beta", "xinhua"]);

    let resident = app
        .member(&root, "xinhua-resident", "RESIDENT", "xinhua")
        .await;
    app.ok(
        Some(&gaoxin),
        None,
        "mutation { suspendCommunity(slug: \"xinhua\") { status } }",
        json!({}),
    )
    .await;
    assert_eq!(
        code(
            &app.gql(
                Some(&resident),
                Some("xinhua"),
                "{ community { name } }",
                json!({})
            )
            .await
        ),
        "COMMUNITY_SUSPENDED"
    );
    app.ok(
        Some(&gaoxin),
        None,
        "mutation { reactivateCommunity(slug: \"xinhua\") { status } }",
        json!({}),
    )
    .await;
    app.ok(
        Some(&resident),
        Some("xinhua"),
        "{ community { name } }",
        json!({}),
    )
    .await;
    app.ok(
        Some(&gaoxin),
        None,
        "mutation { archiveCommunity(slug: \"xinhua\") { status } }",
        json!({}),
    )
    .await;
    assert_eq!(
        code(
            &app.gql(
                Some(&gaoxin),
                None,
                "mutation { reactivateCommunity(slug: \"xinhua\") { status } }",
                json!({})
            )
            .await
        ),
        "CONFLICT"
    );
}

#[tokio::test]
async fn errors_are_coded_in_chinese_by_default_and_english_on_request() {
    let app = TestApp::spawn().await;
    let root = app.root().await;
    let q = r#"mutation { createDistrict(input: {code: "不合法 code", name: "x"}) { id } }"#;
    let zh = app.gql(Some(&root), None, q, json!({})).await;
    assert_eq!(code(&zh), "BAD_USER_INPUT");
    assert!(
        zh["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("区划代码"),
        "{zh}"
    );
    let en = app
        .gql_lang(Some(&root), None, Some("en-US,en;q=0.9"), q, json!({}))
        .await;
    assert_eq!(code(&en), "BAD_USER_INPUT");
    assert!(
        en["errors"][0]["message"]
            .as_str()
            .unwrap()
            .starts_with("A district code"),
        "{en}"
    );
    assert_eq!(en["data"], serde_json::Value::Null);

    // Validation errors of GraphQL itself get a code too.
    let r = app
        .gql(Some(&root), None, "{ noSuchField }", json!({}))
        .await;
    assert_eq!(code(&r), "BAD_USER_INPUT");
    // A malformed body is a 400 with a GraphQL-shaped error, never a 500.
    let resp = app
        .http
        .post(&app.url)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    let body: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(code(&body), "BAD_USER_INPUT");
    // A bad token is refused as such.
    let r = app
        .gql(
            Some("garbage"),
            None,
            "{ me { account { id } } }",
            json!({}),
        )
        .await;
    assert_eq!(code(&r), "UNAUTHENTICATED");
}

#[tokio::test]
async fn repeated_failed_logins_are_throttled() {
    // Behind a proxy, so that the test can speak from two addresses.
    let app = TestApp::spawn_with(&[("LINLI_TRUST_FORWARDED_FOR", "true")]).await;
    let login = r#"mutation($p: String!) { login(loginName: "root", password: $p) { token } }"#;
    let from = |addr: &'static str, password: &'static str| {
        app.http
            .post(&app.url)
            .header("x-forwarded-for", format!("10.9.9.9, {addr}"))
            .json(&json!({"query": login, "variables": {"p": password}}))
            .send()
    };
    for _ in 0..5 {
        let r: serde_json::Value = from("203.0.113.9", "wrong")
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(code(&r), "UNAUTHENTICATED");
    }
    let r: serde_json::Value = from("203.0.113.9", crate::ROOT_PASSWORD)
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(code(&r), "RATE_LIMITED", "the guesser's address waits");
    let r: serde_json::Value = from("198.51.100.20", crate::ROOT_PASSWORD)
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        r["data"]["login"]["token"].is_string(),
        "the owner elsewhere signs in: {r}"
    );
}

/// Every district field checks scope: an officer of a street reaches neither the district
/// above nor, through it, the other streets' communities.
#[tokio::test]
async fn district_fields_check_scope_whatever_the_path() {
    let app = TestApp::spawn().await;
    let root = app.two_communities().await;
    app.ok(Some(&root), None, r#"mutation { createDistrict(input: {code: "510109-zh", name: "中和街道", parentCode: "510109"}) { id } }"#, json!({})).await;
    app.ok(Some(&root), None, r#"mutation { onboardCommunity(input: {districtCode: "510109-zh", slug: "zh-one", name: "中和一社区", kind: OLD_COURTYARD}) { created } }"#, json!({})).await;
    let d = app
        .ok(
            Some(&root),
            None,
            r#"mutation { createAccount(input: {loginName: "street-officer", displayName: "街道干部", password: "password-123"}) { id } }"#,
            json!({}),
        )
        .await;
    let id = d["createAccount"]["id"].as_str().unwrap().to_string();
    app.ok(
        Some(&root),
        None,
        r#"mutation($id: ID!) { grantRole(input: {accountId: $id, role: DISTRICT_VIEWER, districtCode: "510109-zh"}) }"#,
        json!({"id": id}),
    )
    .await;
    let officer = app.login("street-officer", "password-123").await;
    let r = app
        .ok(
            Some(&officer),
            None,
            r#"{ district(code: "510109-zh") { communities { slug } parent { code communities { slug } } } }"#,
            json!({}),
        )
        .await;
    assert_eq!(r["district"]["communities"], json!([{"slug": "zh-one"}]));
    assert_eq!(
        r["district"]["parent"],
        json!(null),
        "the district above is out of scope"
    );
    let r = app
        .gql(
            Some(&officer),
            None,
            r#"{ district(code: "510109") { communities { slug } } }"#,
            json!({}),
        )
        .await;
    assert_eq!(code(&r), "FORBIDDEN");
}

/// Principals and communities are cached by each gateway; a revoked role and a suspended
/// community are refused at once where the change was made, and on another gateway as soon as
/// PostgreSQL's notification arrives (milliseconds).
#[tokio::test]
async fn revocation_and_suspension_reach_every_gateway() {
    let a = TestApp::spawn().await;
    let root = a.two_communities().await;
    let staff = a.member(&root, "alpha-staff", "STAFF", "alpha").await;
    let me = a
        .ok(Some(&staff), None, "{ me { account { id } } }", json!({}))
        .await;
    let id = me["me"]["account"]["id"].as_str().unwrap().to_string();
    // A second gateway on the same database and keys (the data directory holds token.key).
    let b = TestApp::start_with(
        a.database_url.clone(),
        a.data_dir.clone(),
        crate::COUNTING_SQL,
    )
    .await;
    let write = r#"mutation { createCourtyard(input: {name: "一号院", kind: COURTYARD}) { id } }"#;
    let read = "{ courtyards { id } }";
    // Both gateways have the staff member and the community in their caches: on B a read
    // then costs only its transaction (BEGIN with the tenant context, the read, COMMIT).
    for app in [&a, &b] {
        for _ in 0..3 {
            app.ok(Some(&staff), Some("alpha"), read, json!({})).await;
        }
    }
    let before = b.counter("linli_sql_statements_total").await;
    b.ok(Some(&staff), Some("alpha"), read, json!({})).await;
    let cost = b.counter("linli_sql_statements_total").await - before;
    assert!(
        cost <= 3,
        "principal and gate come from the cache (uncached: 5): {cost}"
    );
    a.ok(
        Some(&root),
        None,
        r#"mutation($id: ID!) { revokeRole(input: {accountId: $id, role: STAFF, communitySlug: "alpha"}) }"#,
        json!({"id": id}),
    )
    .await;
    let r = a.gql(Some(&staff), Some("alpha"), write, json!({})).await;
    assert_eq!(
        code(&r),
        "FORBIDDEN",
        "the next request on the same gateway"
    );
    let refused_on_b = async {
        for _ in 0..100 {
            let r = b.gql(Some(&staff), Some("alpha"), read, json!({})).await;
            if r.get("errors").is_some() {
                return code(&r).to_string();
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        "still served".to_string()
    };
    assert_eq!(refused_on_b.await, "FORBIDDEN", "the other gateway");

    b.ok(Some(&root), Some("alpha"), read, json!({})).await;
    a.ok(
        Some(&root),
        None,
        r#"mutation { suspendCommunity(slug: "alpha") { status } }"#,
        json!({}),
    )
    .await;
    let suspended_on_b = async {
        for _ in 0..100 {
            let r = b.gql(Some(&root), Some("alpha"), read, json!({})).await;
            if r.get("errors").is_some() {
                return code(&r).to_string();
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        "still served".to_string()
    };
    assert_eq!(suspended_on_b.await, "COMMUNITY_SUSPENDED");
}

/// A console left open renews its token: the new one works, the old one still does until it
/// ends, and signing out ends both; no token, no renewal.
#[tokio::test]
async fn a_token_renews_and_signing_out_still_ends_every_token() {
    let app = TestApp::spawn().await;
    let root = app.root().await;
    let renewed = app
        .ok(
            Some(&root),
            None,
            "mutation { renewToken { token expiresAt } }",
            json!({}),
        )
        .await;
    let fresh = renewed["renewToken"]["token"].as_str().unwrap().to_string();
    for token in [&root, &fresh] {
        app.ok(
            Some(token),
            None,
            "{ me { account { loginName } } }",
            json!({}),
        )
        .await;
    }
    let anonymous = app
        .gql(None, None, "mutation { renewToken { token } }", json!({}))
        .await;
    assert_eq!(code(&anonymous), "UNAUTHENTICATED");
    app.ok(Some(&fresh), None, "mutation { logout }", json!({}))
        .await;
    for token in [&root, &fresh] {
        let r = app
            .gql(
                Some(token),
                None,
                "{ me { account { loginName } } }",
                json!({}),
            )
            .await;
        assert_eq!(code(&r), "UNAUTHENTICATED");
    }
}

/// An input's error names the kind of input it is about (`extensions.field`), so a form shows
/// it beside that field; an error about no one input names none.
#[tokio::test]
async fn an_input_error_names_its_field() {
    let app = TestApp::spawn().await;
    let root = app.two_communities().await;
    let field = |r: &serde_json::Value| {
        (
            r["errors"][0]["extensions"]["code"]
                .as_str()
                .unwrap_or("")
                .to_string(),
            r["errors"][0]["extensions"]["field"].clone(),
        )
    };
    let taken = app
        .gql(Some(&root), None, r#"mutation { createAccount(input: {loginName: "root", displayName: "再来", password: "password-123"}) { id } }"#, json!({}))
        .await;
    assert_eq!(
        field(&taken),
        ("CONFLICT".into(), json!("loginName")),
        "{taken}"
    );
    let short = app
        .gql(Some(&root), None, r#"mutation { createAccount(input: {loginName: "newbie", displayName: "新人", password: "short"}) { id } }"#, json!({}))
        .await;
    assert_eq!(
        field(&short),
        ("BAD_USER_INPUT".into(), json!("password")),
        "{short}"
    );
    let slug = app
        .gql(Some(&root), None, r#"mutation { onboardCommunity(input: {districtCode: "510109", slug: "Bad Slug", name: "坏", kind: MIXED}) { created } }"#, json!({}))
        .await;
    assert_eq!(
        field(&slug),
        ("BAD_USER_INPUT".into(), json!("slug")),
        "{slug}"
    );
    let street = app
        .gql(Some(&root), None, r#"mutation { createDistrict(input: {code: "510109", name: "重复", parentCode: "510109"}) { id } }"#, json!({}))
        .await;
    assert_eq!(
        field(&street),
        ("CONFLICT".into(), json!("districtCode")),
        "{street}"
    );
    let forbidden = app
        .gql(None, None, "{ me { account { id } } }", json!({}))
        .await;
    assert_eq!(
        field(&forbidden),
        ("UNAUTHENTICATED".into(), json!(null)),
        "{forbidden}"
    );
}
