//! Spaces through the gateway: a booking and its calendar feeds, photos of a space and of a
//! farm duty sent as multipart uploads.

use serde_json::{Value, json};

use crate::TestApp;

/// A space's booking through the gateway, and the iCalendar feeds: a space's busy times with
/// no names, my own bookings with their purpose; a wrong token is 404.
#[tokio::test]
async fn bookings_and_their_calendar_feeds() {
    let app = TestApp::spawn().await;
    let root = app.two_communities().await;
    let staff = app.member(&root, "alpha-staff", "STAFF", "alpha").await;
    let resident = app.member(&root, "alpha-res", "RESIDENT", "alpha").await;
    let space = app.open_space(&staff, "alpha", "百文斋").await;
    let at = crate::two_days_ahead();
    let booked = app
        .ok(
            Some(&resident),
            Some("alpha"),
            "mutation($s: ID!, $t: DateTime!) { bookSpace(input: {spaceId: $s, startsAt: $t, minutes: 60, purpose: \"书法练习\", attendance: 5}) { id status } }",
            json!({"s": space, "t": at}),
        )
        .await;
    assert_eq!(booked["bookSpace"][0]["status"], "APPROVED");
    let again = app
        .gql(
            Some(&staff),
            Some("alpha"),
            "mutation($s: ID!, $t: DateTime!) { bookSpace(input: {spaceId: $s, startsAt: $t, minutes: 60, purpose: \"合唱\", attendance: 5}) { id } }",
            json!({"s": space, "t": at}),
        )
        .await;
    assert_eq!(again["errors"][0]["extensions"]["code"], "CONFLICT");
    let paths = app
        .ok(
            Some(&resident),
            Some("alpha"),
            "query($s: ID!) { spaceCalendarFeed(spaceId: $s) myCalendarFeed }",
            json!({"s": space}),
        )
        .await;
    let space_ics = reqwest::get(format!(
        "{}{}",
        app.base(),
        paths["spaceCalendarFeed"].as_str().unwrap()
    ))
    .await
    .unwrap();
    assert_eq!(space_ics.status(), 200);
    let text = space_ics.text().await.unwrap();
    assert!(
        text.contains("BEGIN:VCALENDAR") && text.contains("已预约"),
        "{text}"
    );
    assert!(
        !text.contains("书法练习"),
        "a space's feed names nobody's purpose"
    );
    let mine = reqwest::get(format!(
        "{}{}",
        app.base(),
        paths["myCalendarFeed"].as_str().unwrap()
    ))
    .await
    .unwrap()
    .text()
    .await
    .unwrap();
    assert!(mine.contains("书法练习"), "{mine}");
    let forged = paths["myCalendarFeed"]
        .as_str()
        .unwrap()
        .replace(".ics", "x.ics");
    assert_eq!(
        reqwest::get(format!("{}{}", app.base(), forged))
            .await
            .unwrap()
            .status(),
        404
    );
}

/// Photos of a space and of a farm duty go through the same pipeline as exhibition photos.
#[tokio::test]
async fn space_and_farm_duty_photos_upload_through_multipart() {
    let app = TestApp::spawn().await;
    let root = app.two_communities().await;
    let staff = app.member(&root, "alpha-staff", "STAFF", "alpha").await;
    let tender = app.member(&root, "alpha-tender", "RESIDENT", "alpha").await;
    let mut png = Vec::new();
    image::DynamicImage::new_rgb8(120, 80)
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let upload = |token: String, query: &'static str, variables: Value| {
        let (app, png) = (&app, png.clone());
        async move {
            app.upload(&token, "alpha", query, variables, png, "p.png")
                .await
        }
    };
    let farm = app
        .ok(
            Some(&staff),
            Some("alpha"),
            r#"mutation { createSpace(name: "生态农场", kind: FARM, capacity: 50) { id } }"#,
            json!({}),
        )
        .await["createSpace"]["id"]
        .clone();
    let r = upload(
        staff.clone(),
        "mutation($s: ID!, $f: Upload!) { uploadSpacePhoto(spaceId: $s, file: $f) { url thumbUrl } }",
        json!({"s": farm, "f": null}),
    )
    .await;
    assert!(r.get("errors").is_none(), "{r}");
    let listed = app
        .ok(
            Some(&tender),
            Some("alpha"),
            "query($s: ID!) { spacePhotos(spaceId: $s) { url } }",
            json!({"s": farm}),
        )
        .await;
    let url = listed["spacePhotos"][0]["url"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(app.http.get(&url).send().await.unwrap().status(), 200);

    let today = chrono::Utc::now().date_naive();
    let season = app
        .ok(
            Some(&staff),
            Some("alpha"),
            "mutation($a: Date!, $b: Date!) { createFarmSeason(input: {name: \"春季\", startsOn: $a, endsOn: $b, claimsOpenOn: $a}) { id } }",
            json!({"a": today.to_string(), "b": (today + chrono::Duration::days(90)).to_string()}),
        )
        .await["createFarmSeason"]["id"]
        .clone();
    app.ok(
        Some(&staff),
        Some("alpha"),
        "mutation($s: ID!) { addFarmPlots(spaceId: $s, plots: [{code: \"A-01\", areaM2: 12}]) { id } }",
        json!({"s": farm}),
    )
    .await;
    let claim = app
        .ok(
            Some(&tender),
            Some("alpha"),
            "mutation($s: ID!) { claimPlot(seasonId: $s) { ... on PlotClaim { id } ... on PlotWaiting { position } } }",
            json!({"s": season}),
        )
        .await["claimPlot"]["id"]
        .clone();
    let r = upload(
        tender.clone(),
        "mutation($c: ID!, $f: Upload) { recordPlotDuty(claimId: $c, kind: \"watering\", note: \"浇水\", photo: $f) }",
        json!({"c": claim, "f": null}),
    )
    .await;
    assert_eq!(r["data"]["recordPlotDuty"], true, "{r}");
    // Staff may record a duty for a tender (a paper log typed in).
    let r = upload(
        staff.clone(),
        "mutation($c: ID!, $f: Upload) { recordPlotDuty(claimId: $c, kind: \"weeding\", photo: $f) }",
        json!({"c": claim, "f": null}),
    )
    .await;
    assert_eq!(
        r["data"]["recordPlotDuty"], true,
        "staff may record for a tender: {r}"
    );

    // Staff's view of the farm: plots by farm, claims with their tender, the waiting list
    // (a second resident waits: the one plot is taken), duties newest first with photos.
    let waiter = app.member(&root, "alpha-waiter", "RESIDENT", "alpha").await;
    let w = app
        .ok(
            Some(&waiter),
            Some("alpha"),
            "mutation($s: ID!) { claimPlot(seasonId: $s) { ... on PlotWaiting { position } } }",
            json!({"s": season}),
        )
        .await;
    assert_eq!(w["claimPlot"]["position"], 1, "{w}");
    let farm_view = app
        .ok(
            Some(&staff),
            Some("alpha"),
            "query($s: ID!, $c: ID!) { farmSeasons(all: true) { id } farmPlots { spaceId code }
               farmClaims(seasonId: $s) { holderName active } farmWaiting(seasonId: $s) { position name }
               plotDuties(claimId: $c) { kind note thumbUrl } }",
            json!({"s": season, "c": claim}),
        )
        .await;
    assert_eq!(farm_view["farmSeasons"][0]["id"], season);
    assert_eq!(farm_view["farmPlots"][0]["spaceId"], farm);
    assert_eq!(farm_view["farmClaims"][0]["holderName"], "张三");
    assert_eq!(
        farm_view["farmWaiting"],
        json!([{"position": 1, "name": "张三"}])
    );
    let duties = farm_view["plotDuties"].as_array().unwrap();
    assert_eq!(duties.len(), 2, "{farm_view}");
    assert_eq!(duties[0]["kind"], "WEEDING", "newest first: {farm_view}");
    assert_eq!(duties[1]["note"], "浇水");
    assert!(duties[1]["thumbUrl"].as_str().is_some(), "{farm_view}");
    // Another resident sees neither the waiting list nor someone else's duties.
    let r = app
        .gql(
            Some(&waiter),
            Some("alpha"),
            "query($s: ID!, $c: ID!) { farmWaiting(seasonId: $s) { position } plotDuties(claimId: $c) { kind } }",
            json!({"s": season, "c": claim}),
        )
        .await;
    assert!(r["errors"].as_array().is_some_and(|e| e.len() == 2), "{r}");
}
