//! Partner access tried as an attacker would, through the API only: a partner's people
//! reaching for residents' things, and access the community could not see or take back.

use serde_json::json;

use crate::code;
use crate::partner_abuse::{Partnered, me};

/// A partner's people do partner work, not residents' things: no course seat, room, event
/// place or reward unless the community approved the partnership with residents' rights.
/// Their access is visible to the community's admins, who can deactivate them; their
/// organisation can take a person out; and the community can end the partnership.
#[tokio::test]
async fn partner_access_is_narrow_visible_and_revocable() {
    let p = Partnered::new().await;
    let app = &p.app;
    let admin_of_alpha = app
        .member(&p.root, "alpha-admin", "COMMUNITY_ADMIN", "alpha")
        .await;
    let course = app
        .ok(Some(&p.staff), Some("alpha"), r#"mutation { createCourse(input: {title: "太极拳", category: "health", audience: ALL, format: WORKSHOP, capacity: 20}) { id } }"#, json!({}))
        .await["createCourse"]["id"]
        .clone();
    let space = app.open_space(&p.staff, "alpha", "党群服务站").await;
    let event = app
        .ok(
            Some(&p.staff),
            Some("alpha"),
            "mutation($t: DateTime!) { createEvent(input: {title: \"迎新春展演\", kind: PERFORMANCE, startsAt: $t, durationMinutes: 90, place: \"百姓舞台\", capacity: 50}) { id } }",
            json!({"t": crate::two_days_ahead()}),
        )
        .await["createEvent"]["id"]
        .clone();
    let enrol = "mutation($c: ID!) { enrol(courseId: $c) { status } }";
    let attempts = [
        (enrol, json!({"c": course})),
        (
            "mutation($s: ID!, $t: DateTime!) { bookSpace(input: {spaceId: $s, startsAt: $t, minutes: 60, purpose: \"自习\", attendance: 1}) { id } }",
            json!({"s": space, "t": crate::two_days_ahead()}),
        ),
        (
            "mutation($e: ID!) { registerForEvent(eventId: $e) { id } }",
            json!({"e": event}),
        ),
        (
            "mutation { redeemReward(key: \"partner-try-0001\", rewardId: \"00000000-0000-0000-0000-000000000009\") { id } }",
            json!({}),
        ),
    ];
    for (q, v) in &attempts {
        let r = app.gql(Some(&p.admin), Some("alpha"), q, v.clone()).await;
        assert_eq!(code(&r), "FORBIDDEN", "{q}: {r}");
    }
    // Their own work goes on: the team books the room for the team.
    let booked = app
        .ok(
            Some(&p.admin),
            Some("alpha"),
            "mutation($t: ID!, $s: ID!, $at: DateTime!) { bookSpaceForTeam(teamId: $t, spaceId: $s, startsAt: $at, minutes: 60, purpose: \"中医义诊\", attendance: 20) { bookerKind } }",
            json!({"t": p.team, "s": space, "at": crate::two_days_ahead()}),
        )
        .await;
    assert_eq!(booked["bookSpaceForTeam"][0]["bookerKind"], "TEAM");

    // Visible to the community: who, through which organisation.
    let people = app
        .ok(
            Some(&admin_of_alpha),
            Some("alpha"),
            "{ partnerPeople { accountId loginName organisationName memberRole viaDistrict residentRights } }",
            json!({}),
        )
        .await["partnerPeople"]
        .clone();
    let logins: Vec<&str> = people
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["loginName"].as_str().unwrap())
        .collect();
    assert_eq!(logins.len(), 2, "{people}");
    assert!(logins.contains(&"wmu-admin") && logins.contains(&"wmu-student"));
    // The community's admin deactivates the student (before, only a platform admin could).
    app.ok(
        Some(&admin_of_alpha),
        None,
        "mutation($a: ID!) { setAccountActive(accountId: $a, active: false) { active } }",
        json!({"a": p.outsider_id}),
    )
    .await;
    let r = app
        .gql(
            Some(&p.outsider),
            Some("alpha"),
            "{ courses(first: 1) { edges { node { id } } } }",
            json!({}),
        )
        .await;
    assert_eq!(code(&r), "UNAUTHENTICATED", "{r}");

    // The organisation takes a person out: their access ends with it.
    app.ok(
        Some(&p.admin),
        None,
        "mutation($o: ID!) { addOrganisationMember(organisationId: $o, person: {loginName: \"wmu-temp\", displayName: \"临时\", password: \"password-123\"}) { id } }",
        json!({"o": p.org}),
    )
    .await;
    let temp = app.login("wmu-temp", "password-123").await;
    let probe = "{ communityPartners { organisation { name } } }";
    app.ok(Some(&temp), Some("alpha"), probe, json!({})).await;
    let temp_id = me(app, &temp).await;
    app.ok(
        Some(&p.admin),
        None,
        "mutation($o: ID!, $a: ID!) { removeOrganisationMember(organisationId: $o, accountId: $a) }",
        json!({"o": p.org, "a": temp_id}),
    )
    .await;
    let r = app.gql(Some(&temp), Some("alpha"), probe, json!({})).await;
    assert_eq!(code(&r), "FORBIDDEN", "{r}");
    let r = app
        .gql(
            Some(&p.admin),
            None,
            "mutation($o: ID!, $a: ID!) { removeOrganisationMember(organisationId: $o, accountId: $a) }",
            json!({"o": p.org, "a": p.admin_id}),
        )
        .await;
    assert_eq!(code(&r), "BAD_USER_INPUT", "the last admin stays: {r}");

    // The community ends the partnership: at once, on a warm cache.
    app.ok(Some(&p.admin), Some("alpha"), probe, json!({}))
        .await;
    let end = "mutation($p: ID!) { endPartnership(id: $p, reason: \"协议到期\") { status } }";
    let r = app
        .gql(
            Some(&p.outsider),
            Some("beta"),
            end,
            json!({"p": p.partnership}),
        )
        .await;
    assert!(r.get("errors").is_some(), "{r}");
    let ended = app
        .ok(
            Some(&p.staff),
            Some("alpha"),
            end,
            json!({"p": p.partnership}),
        )
        .await;
    assert_eq!(ended["endPartnership"]["status"], "ENDED");
    let r = app
        .gql(Some(&p.admin), Some("alpha"), probe, json!({}))
        .await;
    assert_eq!(code(&r), "FORBIDDEN", "{r}");

    // Asked again and approved with residents' rights: now a seat is theirs to take.
    let again = app
        .ok(
            Some(&p.admin),
            None,
            "mutation($o: ID!) { requestPartnership(organisationId: $o, communitySlug: \"alpha\") { id } }",
            json!({"o": p.org}),
        )
        .await["requestPartnership"]["id"]
        .clone();
    app.ok(
        Some(&p.staff),
        Some("alpha"),
        "mutation($p: ID!) { decidePartnership(id: $p, approve: true, residentRights: true) { residentRights } }",
        json!({"p": again}),
    )
    .await;
    let seat = app
        .ok(Some(&p.admin), Some("alpha"), enrol, json!({"c": course}))
        .await;
    assert_eq!(seat["enrol"]["status"], "ENROLLED");
}
