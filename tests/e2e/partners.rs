//! Partner organisations through the API: self-registration, approval reaching a warm cache,
//! and a team's booking.

use serde_json::json;

use crate::{TestApp, code};

#[tokio::test]
async fn an_organisation_registers_is_approved_and_its_team_books_a_space() {
    let app = TestApp::spawn().await;
    let root = app.two_communities().await;
    let staff = app.member(&root, "alpha-staff", "STAFF", "alpha").await;
    let beta_staff = app.member(&root, "beta-staff", "STAFF", "beta").await;

    // Anyone may register an organisation; it signs in and sees only itself.
    let org = app
        .ok(
            None,
            None,
            r#"mutation { registerOrganisation(
                admin: {loginName: "wmu-admin", displayName: "王老师", password: "password-123"},
                organisation: {name: "温州医科大学", kind: UNIVERSITY, contact: "0577-86689999"}) { id name } }"#,
            json!({}),
        )
        .await["registerOrganisation"]["id"]
        .clone();
    let admin = app.login("wmu-admin", "password-123").await;
    let probe = "{ communityPartners { organisation { name } } }";
    // Warm the gateway's cache of this principal with a refusal.
    let refused = app.gql(Some(&admin), Some("alpha"), probe, json!({})).await;
    assert_eq!(code(&refused), "FORBIDDEN");

    let asked = app
        .ok(
            Some(&admin),
            None,
            "mutation($o: ID!) { requestPartnership(organisationId: $o, communitySlug: \"alpha\") { id status } }",
            json!({"o": org}),
        )
        .await["requestPartnership"]["id"]
        .clone();
    let decide = "mutation($p: ID!) { decidePartnership(id: $p, approve: true) { status } }";
    let wrong = app
        .gql(Some(&beta_staff), Some("beta"), decide, json!({"p": asked}))
        .await;
    assert_eq!(code(&wrong), "NOT_FOUND");
    let listed = app
        .ok(
            Some(&staff),
            Some("alpha"),
            "{ partnershipRequests(status: REQUESTED) { partnership { id } organisation { name } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        listed["partnershipRequests"][0]["organisation"]["name"],
        "温州医科大学"
    );
    let decided = app
        .ok(Some(&staff), Some("alpha"), decide, json!({"p": asked}))
        .await;
    assert_eq!(decided["decidePartnership"]["status"], "APPROVED");

    // The same token, the same gateway: the approval reached its cache.
    let partners = app.ok(Some(&admin), Some("alpha"), probe, json!({})).await;
    assert_eq!(
        partners["communityPartners"][0]["organisation"]["name"],
        "温州医科大学"
    );

    // A team of its people books 党群服务站 for the team.
    let me = app
        .ok(Some(&admin), None, "{ me { account { id } } }", json!({}))
        .await;
    let admin_id = me["me"]["account"]["id"].clone();
    let team = app
        .ok(
            Some(&admin),
            None,
            "mutation($o: ID!, $l: ID!) { createPartnerTeam(organisationId: $o, input: {name: \"中医药健康服务队\", leaderId: $l, contact: \"13800000000\", skills: [\"中医\"]}) { id memberIds } }",
            json!({"o": org, "l": admin_id}),
        )
        .await["createPartnerTeam"]["id"]
        .clone();
    let space = app.open_space(&staff, "alpha", "党群服务站").await;
    let at = crate::two_days_ahead();
    let booked = app
        .ok(
            Some(&admin),
            Some("alpha"),
            "mutation($t: ID!, $s: ID!, $at: DateTime!) { bookSpaceForTeam(teamId: $t, spaceId: $s, startsAt: $at, minutes: 60, purpose: \"中医义诊\", attendance: 20) { bookerKind teamName status } }",
            json!({"t": team, "s": space, "at": at}),
        )
        .await;
    assert_eq!(booked["bookSpaceForTeam"][0]["bookerKind"], "TEAM");
    assert_eq!(
        booked["bookSpaceForTeam"][0]["teamName"],
        "中医药健康服务队"
    );
    // Still nothing in beta.
    let beta = app.gql(Some(&admin), Some("beta"), probe, json!({})).await;
    assert_eq!(code(&beta), "FORBIDDEN");
}

#[tokio::test]
async fn a_demand_taken_in_for_a_resident_is_audited_with_both() {
    let app = TestApp::spawn().await;
    let root = app.two_communities().await;
    let staff = app.member(&root, "alpha-staff", "STAFF", "alpha").await;
    let (worker, grid) = app
        .grid_worker(&root, &staff, "alpha-grid", "alpha", "第三网格")
        .await;
    let resident = app.member(&root, "alpha-res", "RESIDENT", "alpha").await;
    let me = |token: String| {
        let app = &app;
        async move {
            app.ok(Some(&token), None, "{ me { account { id } } }", json!({}))
                .await["me"]["account"]["id"]
                .as_str()
                .unwrap()
                .to_string()
        }
    };
    let (worker_id, resident_id) = (me(worker.clone()).await, me(resident.clone()).await);
    let d = app
        .ok(
            Some(&worker),
            Some("alpha"),
            "mutation($p: ID!, $g: ID!) { submitDemand(input: {title: \"路灯不亮\", category: \"设施维修\", forPersonId: $p, forName: \"王大爷\", gridId: $g}) { id status steps { step forResident } } }",
            json!({"p": resident_id, "g": grid}),
        )
        .await;
    assert_eq!(d["submitDemand"]["status"], "SUBMITTED");
    // A write answers with all of its view, steps included (read in its own transaction).
    assert_eq!(
        d["submitDemand"]["steps"],
        json!([{"step": "SUBMITTED", "forResident": true}])
    );
    // The resident sees it as theirs, with the step taken for them.
    let mine = app
        .ok(
            Some(&resident),
            Some("alpha"),
            "{ demands { title steps { step forResident } } }",
            json!({}),
        )
        .await;
    assert_eq!(mine["demands"][0]["steps"][0]["forResident"], true);
    let pool = app.pool().await;
    let (by, for_whom): (Option<uuid::Uuid>, Option<String>) = sqlx::query_as(
        "SELECT account_id, target->'input'->>'forPersonId' FROM platform.audit_log
          WHERE operation = 'submitDemand' AND outcome = 'ok'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(by.map(|u| u.to_string()), Some(worker_id));
    assert_eq!(for_whom, Some(resident_id));
}
