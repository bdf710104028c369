//! The web console: served from the binary with nothing from a CDN; and what the journeys of
//! each user (`journey_officer`, `journey_staff`, `journey_resident`) start from.

use serde_json::json;

use crate::TestApp;

/// Every page and asset comes from the binary: the console's index names only its own
/// assets, each served with its type; GraphiQL loads nothing from elsewhere.
#[tokio::test]
async fn the_console_and_graphiql_come_from_the_binary() {
    let app = TestApp::spawn_with(&[("LINLI_GRAPHIQL", "true")]).await;
    let base = app.base();
    let http = &app.http;

    let root = http.get(format!("{base}/")).send().await.unwrap();
    assert!(
        root.url().path().starts_with("/console/"),
        "/ leads to the console"
    );
    let index = http.get(format!("{base}/console/")).send().await.unwrap();
    assert_eq!(index.status(), 200);
    let csp = index.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(csp.contains("script-src 'self'"), "{csp}");
    let html = index.text().await.unwrap();
    let refs: Vec<&str> = html
        .split(['"', '\''])
        .filter(|s| s.starts_with("/console/assets/"))
        .collect();
    assert!(refs.iter().any(|r| r.ends_with(".js")), "{html}");
    for r in refs {
        let res = http.get(format!("{base}{r}")).send().await.unwrap();
        assert_eq!(res.status(), 200, "{r}");
        let ty = res.headers()["content-type"].to_str().unwrap().to_string();
        assert!(
            ty.starts_with("text/javascript") || ty.starts_with("text/css"),
            "{r}: {ty}"
        );
        assert!(
            res.headers()["cache-control"]
                .to_str()
                .unwrap()
                .contains("immutable")
        );
    }

    // The installable app: its manifest, icons and service worker.
    let manifest = http
        .get(format!("{base}/console/manifest.webmanifest"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        manifest.headers()["content-type"],
        "application/manifest+json"
    );
    let manifest: serde_json::Value = manifest.json().await.unwrap();
    assert_eq!(manifest["start_url"], "/console/");
    for icon in manifest["icons"].as_array().unwrap() {
        let res = http
            .get(format!("{base}{}", icon["src"].as_str().unwrap()))
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()["content-type"], "image/png");
        assert!(res.bytes().await.unwrap().starts_with(b"\x89PNG"));
    }
    let sw = http
        .get(format!("{base}/console/sw.js"))
        .send()
        .await
        .unwrap();
    assert!(
        sw.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/javascript")
    );
    assert_eq!(
        sw.headers()["cache-control"],
        "no-cache",
        "a new worker is seen at once"
    );
    // Built files go gzipped (once, at the best level) to whoever accepts it, as they are to
    // whoever does not.
    let script = html
        .split('"')
        .find(|s| s.starts_with("/console/assets/") && s.ends_with(".js"))
        .unwrap();
    let get = |encoding: &'static str| {
        http.get(format!("{base}{script}"))
            .header("accept-encoding", encoding)
            .send()
    };
    let plain = get("identity").await.unwrap();
    assert!(plain.headers().get("content-encoding").is_none());
    let plain = plain.bytes().await.unwrap();
    let zipped = get("gzip, deflate").await.unwrap();
    assert_eq!(zipped.headers()["content-encoding"], "gzip");
    let zipped = zipped.bytes().await.unwrap();
    assert!(
        zipped.len() < plain.len() / 2,
        "{} of {}",
        zipped.len(),
        plain.len()
    );
    let mut unzipped = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(&zipped[..]),
        &mut unzipped,
    )
    .unwrap();
    assert_eq!(unzipped, plain);

    let graphiql = http
        .get(&app.url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        graphiql.contains("/console/graphiql/graphiql.min.js"),
        "{graphiql}"
    );
    for external in ["unpkg.com", "cdn.", "https://", "http://"] {
        assert!(
            !graphiql.contains(external),
            "GraphiQL refers to {external}"
        );
    }
    for file in [
        "graphiql.min.js",
        "graphiql.min.css",
        "react.production.min.js",
        "react-dom.production.min.js",
        "init.js",
    ] {
        let res = http
            .get(format!("{base}/console/graphiql/{file}"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{file}");
    }
    // Its introspection (type references 13 deep) is allowed where GraphiQL is on, and still
    // refused as too deep where it is off.
    const DEEP: &str = "{ __schema { types { fields { args { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } }";
    let schema = app.gql(None, None, DEEP, json!({})).await;
    assert!(schema.get("errors").is_none(), "{schema}");
    let plain = TestApp::spawn().await;
    let refused = plain.gql(None, None, DEEP, json!({})).await;
    assert_eq!(crate::code(&refused), "BAD_USER_INPUT", "{refused}");

    let missing = http
        .get(format!("{base}/console/assets/nope.js"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
}

/// Three communities for the officer to onboard, one of them wrong.
pub(crate) const CSV: &str = "slug,name,kind,households,residents
liuli,琉璃社区,老旧院落,1200,3600
qingyuan,青苑社区,COMMERCIAL_HOUSING,,5000
bad-row,无名社区,城堡,,
";

/// District 510199 (测试新区) and its admin `officer`; the root token.
pub(crate) async fn district_with_officer(app: &TestApp) -> String {
    let root = app.root().await;
    app.ok(
        Some(&root),
        None,
        r#"mutation { createDistrict(input: {code: "510199", name: "测试新区"}) { id } }"#,
        json!({}),
    )
    .await;
    let officer = app.ok(Some(&root), None, r#"mutation { createAccount(input: {loginName: "officer", displayName: "区县干部", password: "password-123"}) { id } }"#, json!({})).await;
    app.ok(Some(&root), None, r#"mutation($id: ID!) { grantRole(input: {accountId: $id, role: DISTRICT_ADMIN, districtCode: "510199"}) }"#, json!({"id": officer["createAccount"]["id"]})).await;
    root
}

/// 琉璃社区 onboarded through the API (the officer's journey onboards it from the CSV).
pub(crate) async fn onboard_liuli(app: &TestApp, root: &str) {
    app.ok(
        Some(root),
        None,
        r#"mutation { onboardCommunity(input: {districtCode: "510199", slug: "liuli", name: "琉璃社区", kind: OLD_COURTYARD, households: 1200, residents: 3600}) { created } }"#,
        json!({}),
    )
    .await;
}

/// 太极拳 (12 seats) with its first session tomorrow at 09:00 in 百文斋, made by staff through
/// the API; its id.
pub(crate) async fn taichi(app: &TestApp, staff: &str) -> serde_json::Value {
    let course = app
        .ok(
            Some(staff),
            Some("liuli"),
            r#"mutation { createCourse(input: {title: "太极拳", category: "health", audience: ALL, format: WORKSHOP, capacity: 12}) { id } }"#,
            json!({}),
        )
        .await["createCourse"]["id"]
        .clone();
    let tomorrow =
        (chrono::Utc::now() + chrono::Duration::hours(8) + chrono::Duration::days(1)).date_naive();
    app.ok(
        Some(staff),
        Some("liuli"),
        "mutation($c: ID!, $t: DateTime!) { addSessions(input: {courseId: $c, firstStartsAt: $t, durationMinutes: 90, place: \"百文斋\"}) { id } }",
        json!({"c": course, "t": format!("{tomorrow}T01:00:00Z")}),
    )
    .await;
    course
}

pub(crate) async fn course_id(app: &TestApp, staff: &str) -> String {
    let d = app
        .ok(
            Some(staff),
            Some("liuli"),
            "{ courses(first: 10) { edges { node { id title } } } }",
            json!({}),
        )
        .await;
    d["courses"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["node"]["title"] == "太极拳")
        .unwrap()["node"]["id"]
        .as_str()
        .unwrap()
        .to_string()
}
