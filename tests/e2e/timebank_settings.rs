//! What staff read back of the time bank's settings, a volunteer's trainings and a collective
//! card's members, and who may.

use serde_json::json;

use crate::{TestApp, code};

#[tokio::test]
async fn staff_read_back_the_time_banks_settings_and_a_volunteers_trainings() {
    let app = TestApp::spawn().await;
    let root = app.two_communities().await;
    let staff = app.member(&root, "alpha-staff", "STAFF", "alpha").await;
    let resident = app.member(&root, "alpha-res", "RESIDENT", "alpha").await;
    let settings =
        "{ timeBankSettings { expiryDays transferLimits { maxPerTransfer maxPerMonth } } }";

    let before = app
        .ok(Some(&staff), Some("alpha"), settings, json!({}))
        .await;
    assert_eq!(
        before["timeBankSettings"]["expiryDays"],
        json!(null),
        "points keep by default"
    );
    app.ok(
        Some(&staff),
        Some("alpha"),
        "mutation { setPointsExpiry(days: 365) setTransferLimits(input: {maxPerTransfer: 20, maxPerMonth: 60}) { maxPerMonth } }",
        json!({}),
    )
    .await;
    let after = app
        .ok(Some(&staff), Some("alpha"), settings, json!({}))
        .await;
    assert_eq!(
        after["timeBankSettings"],
        json!({"expiryDays": 365, "transferLimits": {"maxPerTransfer": 20, "maxPerMonth": 60}})
    );
    let refused = app
        .gql(Some(&resident), Some("alpha"), settings, json!({}))
        .await;
    assert_eq!(code(&refused), "FORBIDDEN", "{refused}");

    let v = app
        .ok(
            Some(&staff),
            Some("alpha"),
            "mutation { registerVolunteer(personId: \"00000000-0000-7000-8000-000000000001\", name: \"李阿姨\") { id } }",
            json!({}),
        )
        .await["registerVolunteer"]["id"]
        .clone();
    app.ok(
        Some(&staff),
        Some("alpha"),
        "mutation($v: ID!) { addVolunteerTraining(volunteerId: $v, title: \"急救培训\", heldOn: \"2026-11-02\", hours: 2.5) { id } }",
        json!({"v": v}),
    )
    .await;
    let trainings = "query($v: ID!) { volunteerTrainings(volunteerId: $v) { title heldOn hours } }";
    let t = app
        .ok(Some(&staff), Some("alpha"), trainings, json!({"v": v}))
        .await;
    assert_eq!(
        t["volunteerTrainings"],
        json!([{"title": "急救培训", "heldOn": "2026-11-02", "hours": "2.5"}])
    );
    let refused = app
        .gql(Some(&resident), Some("alpha"), trainings, json!({"v": v}))
        .await;
    assert_eq!(code(&refused), "FORBIDDEN", "{refused}");
    // Another community's staff find nothing under the id.
    let beta = app.member(&root, "beta-staff", "STAFF", "beta").await;
    let other = app
        .ok(Some(&beta), Some("beta"), trainings, json!({"v": v}))
        .await;
    assert_eq!(other["volunteerTrainings"], json!([]));
}
