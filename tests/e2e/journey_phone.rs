//! A resident's week on a phone (issue 33): a 390 × 844 touch screen, every page checked with
//! axe (WCAG 2.1 AA), each result read back through the API — enrol, book a room paying
//! points and show the entry code, redeem a reward and have it handed over by its code, claim
//! a garden plot and record the work with a photo, report a problem with a photo and confirm
//! the answer, act for an 80-year-old mother once she agreed, and the elder mode's sizes.

use serde_json::{Value, json};

use crate::TestApp;
use crate::console::{district_with_officer, onboard_liuli, taichi};
use crate::console_browser::Browser;

/// What staff set up through the API: (staff, son's account id, mother's courtyard).
async fn liuli(app: &TestApp, root: &str) -> (String, Value) {
    onboard_liuli(app, root).await;
    let staff = app.member(root, "liuli-staff", "STAFF", "liuli").await;
    taichi(app, &staff).await;
    let q = |query: &'static str, vars: Value| {
        let staff = staff.clone();
        async move { app.ok(Some(&staff), Some("liuli"), query, vars).await }
    };
    let yard = q(
        "mutation { createCourtyard(input: {name: \"一院\", kind: COURTYARD}) { id } }",
        json!({}),
    )
    .await["createCourtyard"]["id"]
        .clone();
    q("mutation($y: ID!) { registerResident(input: {name: \"王秀英\", phone: \"13900001111\", birthDate: \"1946-03-05\", courtyardId: $y}) { id } }", json!({"y": yard})).await;
    // 书画室: open all day, ten points an hour, no approval.
    let room = app.open_space(&staff, "liuli", "书画室").await;
    q("mutation($s: ID!) { setSpaceRules(input: {spaceId: $s, capacity: 20, bookableBy: RESIDENTS, windowDays: 30, minMinutes: 30, maxMinutes: 240, needsApproval: false, pointsPerHour: 10}) { id } }", json!({"s": room})).await;
    q(
        "mutation { createReward(name: \"理发\", kind: SERVICE, price: 5) { id } }",
        json!({}),
    )
    .await;
    let farm = q(
        "mutation { createSpace(name: \"生态农场\", kind: FARM, capacity: 30) { id } }",
        json!({}),
    )
    .await["createSpace"]["id"]
        .clone();
    let today = (chrono::Utc::now() + chrono::Duration::hours(8)).date_naive();
    let season = q("mutation($a: Date!, $b: Date!) { createFarmSeason(input: {name: \"冬季\", startsOn: $a, endsOn: $b, claimsOpenOn: $a}) { id } }",
        json!({"a": today.to_string(), "b": (today + chrono::Duration::days(90)).to_string()})).await;
    assert!(season["createFarmSeason"]["id"].is_string());
    q("mutation($s: ID!) { addFarmPlots(spaceId: $s, plots: [{code: \"A-01\", areaM2: 12}]) { id } }", json!({"s": farm})).await;
    (staff, yard)
}

/// Every button, tile, menu entry, navigation item and top-bar control at least `px` × `px`
/// CSS px (links inside a sentence aside).
async fn targets_at_least(b: &Browser, px: f64, page: &str) {
    let small = b
        .eval(&format!(
            "return [...document.querySelectorAll('.m-main button, .m-tiles a, .m-menu a, .m-tabbar a, .m-top button, .m-top select')]
               .filter(e => e.offsetParent && (e.getBoundingClientRect().height < {px} || e.getBoundingClientRect().width < {px}))
               .map(e => e.outerHTML.slice(0, 80))"
        ))
        .await;
    assert_eq!(small, json!([]), "touch areas under {px} px on {page}");
}

#[tokio::test]
async fn a_residents_week_on_a_phone() {
    let app = TestApp::spawn().await;
    let root = district_with_officer(&app).await;
    let (staff, _yard) = liuli(&app, &root).await;
    let son = app
        .named_member(&root, "liuli-son", "李明", "RESIDENT", "liuli")
        .await;
    let me = app
        .ok(Some(&son), None, "{ me { account { id } } }", json!({}))
        .await["me"]["account"]["id"]
        .clone();
    app.ok(Some(&staff), Some("liuli"), "mutation($p: ID!) { grantPoints(key: \"phone-journey-1\", personId: $p, amount: 100) { id } }", json!({"p": me})).await;
    let s = |query: &'static str, vars: Value| {
        let staff = staff.clone();
        let app = &app;
        async move { app.ok(Some(&staff), Some("liuli"), query, vars).await }
    };
    let mine = |query: &'static str| {
        let son = son.clone();
        let app = &app;
        async move { app.ok(Some(&son), Some("liuli"), query, json!({})).await }
    };
    let dir = crate::temp_dir("console-phone");
    let b = Browser::open_phone(&app.base(), &dir).await;
    b.sign_in("liuli-son", "password-123").await;
    b.wait_text("我的课表").await;
    b.assert_no_sideways_scroll("home").await;
    b.assert_accessible("home").await;
    targets_at_least(&b, 48.0, "home").await;
    let body = b
        .eval("return parseFloat(getComputedStyle(document.querySelector('.m-frame')).fontSize)")
        .await;
    assert!(body.as_f64().unwrap() >= 18.0, "{body}");
    b.screenshot("70-phone-home").await;

    // Enrol.
    b.click_css(".m-tabbar a[href$='/courses']").await;
    b.wait_text("太极拳").await;
    b.click("报名").await;
    b.wait_text("报名成功：太极拳").await;
    b.assert_accessible("courses").await;
    targets_at_least(&b, 48.0, "courses").await;
    b.screenshot("71-phone-courses").await;
    assert_eq!(
        mine("{ myEnrolments { courseTitle status } }").await["myEnrolments"],
        json!([{"courseTitle": "太极拳", "status": "ENROLLED"}])
    );

    // Book 书画室 tomorrow at 10:00 for an hour (10 points), then show the entry code.
    b.click_css(".m-tabbar a[href$='/spaces']").await;
    b.find(fantoccini::Locator::XPath("//a[contains(., '书画室')]"))
        .await
        .click()
        .await
        .unwrap();
    b.wait_text("预约这个场地").await;
    b.assert_accessible("a room").await;
    targets_at_least(&b, 48.0, "a room").await;
    let tomorrow =
        (chrono::Utc::now() + chrono::Duration::hours(8) + chrono::Duration::days(1)).date_naive();
    b.set_value("date", &tomorrow.to_string()).await;
    b.set_value("time", "10:00").await;
    b.fill("purpose", "书法练习").await;
    b.click("预约（10 积分）").await;
    b.wait_text("预约成功，扣 10 积分").await;
    b.click("出示入场码").await;
    let shown = b
        .css("[data-code]")
        .await
        .attr("data-code")
        .await
        .unwrap()
        .unwrap();
    b.assert_accessible("the entry code").await;
    b.screenshot("72-phone-entry-code").await;
    let booking = mine("{ myBookings { id pointsPrice status } myPoints { balance } }").await;
    assert_eq!(booking["myBookings"][0]["pointsPrice"], 10);
    assert_eq!(booking["myPoints"]["balance"], 90);
    let code = app
        .ok(
            Some(&son),
            Some("liuli"),
            "mutation($b: ID!) { bookingEntryCode(bookingId: $b) { token } }",
            json!({"b": booking["myBookings"][0]["id"]}),
        )
        .await;
    assert_eq!(
        code["bookingEntryCode"]["token"],
        shown.as_str(),
        "the code on the phone is the booking's"
    );
    b.click_in("adm-dialog-footer", "关闭").await;

    // Redeem 理发 (5 points); the counter hands it over by the code on the phone.
    b.click_css(".m-tabbar a[href$='/points']").await;
    b.wait_text("理发").await;
    b.click("兑换").await;
    b.click_in("adm-dialog-footer", "兑换").await;
    b.wait_text("领取时请出示此码").await;
    b.wait_gone("用 5 积分兑换").await;
    let token = b
        .css("[data-code]")
        .await
        .attr("data-code")
        .await
        .unwrap()
        .unwrap();
    b.assert_accessible("the redemption code").await;
    b.screenshot("73-phone-redemption").await;
    let handed = s(
        "mutation($c: String!) { handOverRedemption(code: $c) { status points } }",
        json!({"c": token}),
    )
    .await;
    assert_eq!(
        handed["handOverRedemption"],
        json!({"status": "HANDED_OVER", "points": 5})
    );
    b.click_in("adm-dialog-footer", "关闭").await;

    // Claim a plot and record watering with a photo.
    let photo = dir.join("photo.png");
    image::DynamicImage::new_rgb8(64, 64).save(&photo).unwrap();
    b.goto("#/r/liuli/farm").await;
    b.click("认领一块菜地").await;
    b.wait_text("认领成功").await;
    b.upload(&photo).await;
    b.click("记录农事").await;
    b.wait_text("已记录").await;
    b.css(".m-slots img").await;
    b.assert_accessible("the garden").await;
    b.screenshot("74-phone-garden").await;
    let claim =
        mine("{ myFarm { claims { id active } } }").await["myFarm"]["claims"][0]["id"].clone();
    let duties = app
        .ok(
            Some(&son),
            Some("liuli"),
            "query($c: ID!) { plotDuties(claimId: $c) { kind photoUrl } }",
            json!({"c": claim}),
        )
        .await;
    assert_eq!(duties["plotDuties"][0]["kind"], "WATERING");
    assert!(duties["plotDuties"][0]["photoUrl"].is_string(), "{duties}");

    // Report a problem with a photo; staff answer; he confirms it is solved.
    b.goto("#/r/liuli/demands").await;
    b.fill("title", "楼道灯坏了").await;
    b.upload(&photo).await;
    b.click("提交").await;
    b.wait_text("已提交，社区会尽快答复").await;
    let demand = s("{ demands(all: true) { id title } }", json!({})).await["demands"][0].clone();
    assert_eq!(demand["title"], "楼道灯坏了");
    let photos = s(
        "query($d: ID!) { demandPhotos(demandId: $d) { id } }",
        json!({"d": demand["id"]}),
    )
    .await;
    assert_eq!(photos["demandPhotos"].as_array().unwrap().len(), 1);
    s(
        "mutation($d: ID!) { resolveDemand(demandId: $d, resolution: \"已换新灯泡\") { id } }",
        json!({"d": demand["id"]}),
    )
    .await;
    b.reload().await;
    b.wait_text("答复：已换新灯泡").await;
    b.assert_accessible("my reports").await;
    b.screenshot("75-phone-demand").await;
    b.click("已解决").await;
    b.wait_gone("没解决").await;
    let closed = mine("{ demands { status } }").await;
    assert_eq!(closed["demands"][0]["status"], "CONFIRMED");

    // Act for his mother: he asks, her grid worker… here staff record her consent in person.
    b.goto("#/r/liuli/family").await;
    b.fill("name", "王秀英").await;
    b.fill("phone", "13900001111").await;
    b.fill("relation", "儿子").await;
    b.click("发出申请").await;
    b.wait_text("等待同意").await;
    let waiting = s(
        "{ familyHelpWaiting { id learnerName helperName } }",
        json!({}),
    )
    .await;
    assert_eq!(waiting["familyHelpWaiting"][0]["helperName"], "李明");
    s(
        "mutation($f: ID!) { recordFamilyConsent(familyHelpId: $f) { status } }",
        json!({"f": waiting["familyHelpWaiting"][0]["id"]}),
    )
    .await;
    b.reload().await;
    b.wait_text("当面同意").await;
    b.assert_accessible("family help").await;
    b.screenshot("76-phone-family").await;
    b.goto("#/r/liuli/courses").await;
    b.click("王秀英").await;
    b.wait_text("为王秀英报名").await;
    b.click("报名").await;
    b.wait_text("报名成功：太极拳").await;
    let course = crate::console::course_id(&app, &staff).await;
    let roster = s(
        "query($c: ID!) { courseRoster(courseId: $c) { learnerName } }",
        json!({"c": course}),
    )
    .await;
    assert!(roster.to_string().contains("王秀英"), "{roster}");

    // Without a network the installed app opens to the last timetable and bookings.
    b.goto("#/r/liuli/home").await;
    b.wait_text("书画室").await;
    b.wait_text("王秀英").await;
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await; // kept a second after the last answer
    // The page is the installed app's: its service worker answers for it.
    let controlled = b.eval("return !!navigator.serviceWorker.controller").await;
    assert_eq!(
        controlled,
        json!(true),
        "a service worker controls the page"
    );
    b.set_offline(true).await;
    b.reload().await;
    b.wait_text("没有网络").await;
    b.wait_text("太极拳").await;
    b.wait_text("书画室").await;
    b.assert_accessible("home, offline").await;
    b.screenshot("78-phone-offline").await;
    b.set_offline(false).await;
    b.reload().await;
    b.wait_gone("没有网络").await;

    // The elder mode: 22 px text, 60 px targets.
    b.goto("#/r/liuli/home").await;
    b.click("大字模式").await;
    b.wait_text("标准字号").await;
    let text = b
        .eval("return parseFloat(getComputedStyle(document.querySelector('.m-frame')).fontSize)")
        .await;
    assert!(text.as_f64().unwrap() >= 22.0, "{text}");
    targets_at_least(&b, 60.0, "home, elder mode").await;
    b.assert_no_sideways_scroll("home, elder mode").await;
    b.assert_accessible("home, elder mode").await;
    b.screenshot("77-phone-elder-mode").await;
    b.sign_out().await;
}
