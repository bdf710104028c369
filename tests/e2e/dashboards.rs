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
