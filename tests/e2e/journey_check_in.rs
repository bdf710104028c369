//! A resident checks in to class by scanning the session's QR code (issue 33's first piece):
//! the code a teacher shows holds a link to the check-in page; the test reads the link out of
//! the code's image, as a phone's camera would, opens it in the resident's browser and checks
//! in, and the API shows her present. A code asked for with a hostile origin is refused.

use base64::Engine;
use serde_json::json;

use crate::console::{district_with_officer, onboard_liuli};
use crate::console_browser::Browser;
use crate::{TestApp, code};

/// The text of the QR code in a PNG.
fn read_qr(png: &[u8]) -> String {
    let img = image::load_from_memory(png).unwrap().to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(
        img.width() as usize,
        img.height() as usize,
        |x, y| img.get_pixel(x as u32, y as u32).0[0],
    );
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the image");
    grids[0].decode().unwrap().1
}

#[tokio::test]
async fn a_resident_checks_in_by_the_link_in_the_sessions_code() {
    let app = TestApp::spawn().await;
    let root = district_with_officer(&app).await;
    onboard_liuli(&app, &root).await;
    let staff = app.member(&root, "liuli-staff", "STAFF", "liuli").await;
    let resident = app.member(&root, "liuli-res", "RESIDENT", "liuli").await;
    let q = |token: String, query: &'static str, vars: serde_json::Value| {
        let app = &app;
        async move { app.ok(Some(&token), Some("liuli"), query, vars).await }
    };
    let course = q(
        staff.clone(),
        r#"mutation { createCourse(input: {title: "竹编", category: "life_skills", audience: ALL, format: WORKSHOP, capacity: 5}) { id } }"#,
        json!({}),
    )
    .await["createCourse"]["id"]
        .clone();
    let starts = (chrono::Utc::now() - chrono::Duration::minutes(5)).to_rfc3339();
    let session = q(
        staff.clone(),
        "mutation($c: ID!, $s: DateTime!) { addSessions(input: {courseId: $c, firstStartsAt: $s, durationMinutes: 60, place: \"书画室\"}) { id } }",
        json!({"c": course, "s": starts}),
    )
    .await["addSessions"][0]["id"]
        .clone();
    q(
        resident.clone(),
        "mutation($c: ID!) { enrol(courseId: $c) { status } }",
        json!({"c": course}),
    )
    .await;

    let issued = q(
        staff.clone(),
        "mutation($s: ID!, $o: String!) { sessionCheckInCode(sessionId: $s, origin: $o) { token path pngBase64 } }",
        json!({"s": session, "o": app.base()}),
    )
    .await;
    let issued = &issued["sessionCheckInCode"];
    let png = base64::engine::general_purpose::STANDARD
        .decode(issued["pngBase64"].as_str().unwrap())
        .unwrap();
    let link = read_qr(&png);
    assert_eq!(
        link,
        format!("{}{}", app.base(), issued["path"].as_str().unwrap())
    );
    assert!(
        link.ends_with(&format!(
            "/console/#/r/liuli/check-in/{}",
            issued["token"].as_str().unwrap()
        )),
        "{link}"
    );

    let dir = crate::temp_dir("console-check-in");
    let b = Browser::open_phone(&app.base(), &dir).await;
    b.sign_in("liuli-res", "password-123").await;
    b.client.goto(&link).await.unwrap();
    b.click("签到").await;
    b.wait_text("签到成功").await;
    b.assert_accessible("check-in").await;
    b.screenshot("64-resident-check-in").await;
    let present = q(
        staff.clone(),
        "query($s: ID!) { sessionAttendance(sessionId: $s) }",
        json!({"s": session}),
    )
    .await;
    assert_eq!(
        present["sessionAttendance"].as_array().map(Vec::len),
        Some(1),
        "{present}"
    );

    // An origin that is not a plain http(s) address never makes a code.
    let hostile = app
        .gql(
            Some(&staff),
            Some("liuli"),
            "mutation($s: ID!) { sessionCheckInCode(sessionId: $s, origin: \"javascript:alert(1)//\") { token } }",
            json!({"s": session}),
        )
        .await;
    assert_eq!(code(&hostile), "BAD_USER_INPUT", "{hostile}");
    b.sign_out().await;
}
