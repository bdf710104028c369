//! Partners tried as an attacker would, through the API only: a person of an approved
//! organisation reaching past their team, photos stored before anyone was checked.

use serde_json::{Value, json};

use crate::{TestApp, code};

/// Community alpha with staff, and 温州医科大学 approved there: its admin leads a team; a
/// second person of the university is in no team.
pub struct Partnered {
    pub app: TestApp,
    pub root: String,
    pub staff: String,
    pub org: Value,
    pub partnership: Value,
    pub admin: String,
    pub admin_id: Value,
    pub team: Value,
    pub outsider: String,
    pub outsider_id: Value,
}

pub async fn me(app: &TestApp, token: &str) -> Value {
    app.ok(Some(token), None, "{ me { account { id } } }", json!({}))
        .await["me"]["account"]["id"]
        .clone()
}

impl Partnered {
    pub async fn new() -> Partnered {
        let app = TestApp::spawn().await;
        let root = app.two_communities().await;
        let staff = app.member(&root, "alpha-staff", "STAFF", "alpha").await;
        let org = app
            .ok(
                None,
                None,
                r#"mutation { registerOrganisation(
                    admin: {loginName: "wmu-admin", displayName: "王老师", password: "password-123"},
                    organisation: {name: "温州医科大学", kind: UNIVERSITY, contact: "0577-86689999"}) { id } }"#,
                json!({}),
            )
            .await["registerOrganisation"]["id"]
            .clone();
        let admin = app.login("wmu-admin", "password-123").await;
        let partnership = app
            .ok(
                Some(&admin),
                None,
                "mutation($o: ID!) { requestPartnership(organisationId: $o, communitySlug: \"alpha\") { id } }",
                json!({"o": org}),
            )
            .await["requestPartnership"]["id"]
            .clone();
        app.ok(
            Some(&staff),
            Some("alpha"),
            "mutation($p: ID!) { decidePartnership(id: $p, approve: true) { status } }",
            json!({"p": partnership}),
        )
        .await;
        let admin_id = me(&app, &admin).await;
        let team = app
            .ok(
                Some(&admin),
                None,
                "mutation($o: ID!, $l: ID!) { createPartnerTeam(organisationId: $o, input: {name: \"中医药健康服务队\", leaderId: $l, contact: \"13800000000\", skills: [\"中医\"]}) { id } }",
                json!({"o": org, "l": admin_id}),
            )
            .await["createPartnerTeam"]["id"]
            .clone();
        app.ok(
            Some(&admin),
            None,
            "mutation($o: ID!) { addOrganisationMember(organisationId: $o, person: {loginName: \"wmu-student\", displayName: \"李同学\", password: \"password-123\"}) { id } }",
            json!({"o": org}),
        )
        .await;
        let outsider = app.login("wmu-student", "password-123").await;
        let outsider_id = me(&app, &outsider).await;
        Partnered {
            app,
            root,
            staff,
            org,
            partnership,
            admin,
            admin_id,
            team,
            outsider,
            outsider_id,
        }
    }

    /// A micro-venture awarded to the team, with one milestone; its id.
    pub async fn milestone(&self) -> Value {
        let app = &self.app;
        let call = app
            .ok(
                Some(&self.staff),
                Some("alpha"),
                "mutation { postVentureCall(title: \"楼道微更新\", problem: \"楼道堆物\", budgetYuan: 5000, deadline: \"2030-01-01\") }",
                json!({}),
            )
            .await["postVentureCall"]
            .clone();
        let proposal = app
            .ok(
                Some(&self.admin),
                Some("alpha"),
                "mutation($c: ID!, $t: ID!) { proposeVenture(callId: $c, teamId: $t, title: \"清理楼道\", plan: \"每周一次\", budgetYuan: 3000) }",
                json!({"c": call, "t": self.team}),
            )
            .await["proposeVenture"]
            .clone();
        app.ok(
            Some(&self.staff),
            Some("alpha"),
            "mutation($p: ID!) { awardVenture(proposalId: $p, milestones: [{title: \"第一次清理\", dueOn: \"2030-01-01\"}]) { id } }",
            json!({"p": proposal}),
        )
        .await;
        let calls = app
            .ok(
                Some(&self.staff),
                Some("alpha"),
                "{ ventureCalls { milestones { id } } }",
                json!({}),
            )
            .await;
        calls["ventureCalls"][0]["milestones"][0]["id"].clone()
    }
}

/// A PNG of `side`×`side` pixels.
fn png(side: u32) -> Vec<u8> {
    let mut out = Vec::new();
    image::DynamicImage::new_rgb8(side, side)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

/// `completeVentureMilestone` with a photo, sent as a multipart request.
async fn complete_with_photo(app: &TestApp, token: &str, milestone: &Value) -> Value {
    app.upload(
        token,
        "alpha",
        "mutation($m: ID!, $f: Upload) { completeVentureMilestone(milestoneId: $m, note: \"清理完毕\", photo: $f) { id photoUrl } }",
        json!({"m": milestone}),
        png(1200),
        "done.png",
    )
    .await
}

/// Objects the embedded store keeps for ventures' photos (one file each).
fn venture_photos(app: &TestApp) -> usize {
    let mut n = 0;
    let mut stack = vec![app.data_dir.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.to_string_lossy().contains("/ventures/") {
                n += 1;
            }
        }
    }
    n
}

#[tokio::test]
async fn a_milestone_photo_is_stored_only_for_its_team() {
    let p = Partnered::new().await;
    let milestone = p.milestone().await;
    // A person of the university outside the team, and a milestone that does not exist:
    // refused before the photo is decoded or stored.
    let r = complete_with_photo(&p.app, &p.outsider, &milestone).await;
    assert_eq!(code(&r), "FORBIDDEN", "{r}");
    let r = complete_with_photo(&p.app, &p.admin, &json!(uuid::Uuid::now_v7())).await;
    assert_eq!(code(&r), "NOT_FOUND", "{r}");
    assert_eq!(venture_photos(&p.app), 0, "a refused photo was stored");
    // The team's leader completes it with the photo, once.
    let r = complete_with_photo(&p.app, &p.admin, &milestone).await;
    assert!(r.get("errors").is_none(), "{r}");
    assert_eq!(venture_photos(&p.app), 1);
    let again = complete_with_photo(&p.app, &p.admin, &milestone).await;
    assert_eq!(code(&again), "CONFLICT", "{again}");
    assert_eq!(venture_photos(&p.app), 1, "a refused photo was stored");
}

const REGISTER: &str = "mutation($l: String!, $n: String!) { registerOrganisation(
    admin: {loginName: $l, displayName: \"联络人\", password: \"password-123\"},
    organisation: {name: $n, kind: SOCIAL_ORGANISATION, contact: \"028-0000000\"}) { id } }";

/// Registering is anonymous: a taken login name answers as a taken organisation name does,
/// one address cannot register without end, and a burst of registrations never makes a
/// sign-in wait (they hash under a bound of their own).
#[tokio::test]
async fn registrations_are_throttled_and_say_nothing_of_accounts() {
    let p = Partnered::new().await;
    let app = &p.app;
    let login_taken = app
        .gql(
            None,
            None,
            REGISTER,
            json!({"l": "wmu-admin", "n": "某新社工机构"}),
        )
        .await;
    let name_taken = app
        .gql(
            None,
            None,
            REGISTER,
            json!({"l": "fresh-login", "n": "温州医科大学"}),
        )
        .await;
    assert_eq!(code(&login_taken), "CONFLICT", "{login_taken}");
    assert_eq!(
        login_taken["errors"][0]["message"], name_taken["errors"][0]["message"],
        "a taken login name answers like a taken organisation name"
    );

    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..30 {
        let (url, http) = (app.url.clone(), app.http.clone());
        tasks.spawn(async move {
            let r: Value = http
                .post(&url)
                .json(&json!({"query": REGISTER, "variables": {"l": format!("burst-{i:02}"), "n": format!("突发社工机构{i:02}")}}))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            ("register", r)
        });
    }
    for _ in 0..5 {
        let (url, http) = (app.url.clone(), app.http.clone());
        tasks.spawn(async move {
            let r: Value = http
                .post(&url)
                .json(&json!({"query": "mutation { login(loginName: \"root\", password: \"root-password-1\") { token } }"}))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            ("login", r)
        });
    }
    let (mut made, mut limited) = (0, 0);
    while let Some(r) = tasks.join_next().await {
        let (what, r) = r.unwrap();
        match what {
            "login" => assert!(
                r.get("errors").is_none(),
                "a sign-in waited on registrations: {r}"
            ),
            _ if r.get("errors").is_none() => made += 1,
            _ => {
                assert_eq!(code(&r), "RATE_LIMITED", "{r}");
                limited += 1;
            }
        }
    }
    assert!(
        made <= 10 && limited >= 20,
        "{made} made, {limited} refused"
    );

    // An organisation's admin adding people is counted the same way.
    let mut refused = 0;
    for i in 0..15 {
        let r = app
            .gql(
                Some(&p.admin),
                None,
                "mutation($o: ID!, $l: String!) { addOrganisationMember(organisationId: $o, person: {loginName: $l, displayName: \"同学\", password: \"password-123\"}) { id } }",
                json!({"o": p.org, "l": format!("wmu-more-{i:02}")}),
            )
            .await;
        if r.get("errors").is_some() {
            assert_eq!(code(&r), "RATE_LIMITED", "{r}");
            refused += 1;
        }
    }
    assert!(refused >= 5, "{refused} refused of 15");
}

const RECORD: &str = "mutation($a: ID!, $k: AgreementActivityKind!, $r: ID, $d: Date!) {
    recordAgreementActivity(agreementId: $a, kind: $k, reference: $r, title: \"义诊\", heldOn: $d) { id voided } }";

/// Delivery is the agreement's team's to record: another person of the same university may
/// not, a reference must be the community's own, and staff void an entry that did not happen
/// (kept, marked, no longer counted).
#[tokio::test]
async fn only_the_agreements_team_records_what_it_delivered() {
    let p = Partnered::new().await;
    let app = &p.app;
    let today = (chrono::Utc::now() + chrono::Duration::hours(8))
        .date_naive()
        .to_string();
    let agreement = app
        .ok(
            Some(&p.staff),
            Some("alpha"),
            "mutation($o: ID!, $t: ID!, $from: Date!) { signAgreement(input: {organisationId: $o, teamId: $t, title: \"中医药进社区\", startsOn: $from, endsOn: \"2030-12-31\", commitments: [{kind: ANY, per: PERIOD, count: 10}]}) }",
            json!({"o": p.org, "t": p.team, "from": today}),
        )
        .await["signAgreement"]
        .clone();
    let event = app
        .ok(
            Some(&p.staff),
            Some("alpha"),
            "mutation($t: DateTime!) { createEvent(input: {title: \"中医义诊\", kind: SERVICE_DAY, startsAt: $t, durationMinutes: 120, place: \"党群服务站\"}) { id } }",
            json!({"t": crate::two_days_ahead()}),
        )
        .await["createEvent"]["id"]
        .clone();

    // The university's other person, in no team: refused however often.
    for _ in 0..3 {
        let r = app
            .gql(
                Some(&p.outsider),
                Some("alpha"),
                RECORD,
                json!({"a": agreement, "k": "OTHER", "d": today}),
            )
            .await;
        assert_eq!(code(&r), "FORBIDDEN", "{r}");
    }
    // References that name nothing of this community: a made-up id, an event as a course.
    let r = app
        .gql(
            Some(&p.admin),
            Some("alpha"),
            RECORD,
            json!({"a": agreement, "k": "EVENT", "r": uuid::Uuid::now_v7(), "d": today}),
        )
        .await;
    assert_eq!(code(&r), "NOT_FOUND", "{r}");
    let r = app
        .gql(
            Some(&p.admin),
            Some("alpha"),
            RECORD,
            json!({"a": agreement, "k": "COURSE", "r": event, "d": today}),
        )
        .await;
    assert_eq!(code(&r), "NOT_FOUND", "an event is no course: {r}");
    // The team's leader records the event and a walk-about; staff void the second.
    let held = app
        .ok(
            Some(&p.admin),
            Some("alpha"),
            RECORD,
            json!({"a": agreement, "k": "EVENT", "r": event, "d": today}),
        )
        .await;
    assert_eq!(held["recordAgreementActivity"]["voided"], false);
    let invented = app
        .ok(
            Some(&p.admin),
            Some("alpha"),
            RECORD,
            json!({"a": agreement, "k": "OTHER", "d": today}),
        )
        .await["recordAgreementActivity"]["id"]
        .clone();
    let delivered = || async {
        app.ok(
            Some(&p.staff),
            Some("alpha"),
            "{ agreements { delivery { held } activities { voided voidReason } } }",
            json!({}),
        )
        .await["agreements"][0]
            .clone()
    };
    assert_eq!(delivered().await["delivery"][0]["held"], 2);
    let void = "mutation($a: ID!) { voidAgreementActivity(activityId: $a, reason: \"当天未开展\") { voided voidReason } }";
    let r = app
        .gql(Some(&p.admin), Some("alpha"), void, json!({"a": invented}))
        .await;
    assert_eq!(code(&r), "FORBIDDEN", "a partner voids nothing: {r}");
    let r = app
        .ok(Some(&p.staff), Some("alpha"), void, json!({"a": invented}))
        .await;
    assert_eq!(r["voidAgreementActivity"]["voided"], true);
    let after = delivered().await;
    assert_eq!(after["delivery"][0]["held"], 1, "{after}");
    assert_eq!(after["activities"].as_array().unwrap().len(), 2, "kept");
    let r = app
        .gql(Some(&p.staff), Some("alpha"), void, json!({"a": invented}))
        .await;
    assert_eq!(code(&r), "CONFLICT");

    // The district's figure counts the one that happened.
    let started = std::time::Instant::now();
    loop {
        let d = app
            .ok(
                Some(&p.root),
                None,
                "query($d: Date!) { districtFigures(districtCode: \"510109\", from: $d, to: $d) { figure value } }",
                json!({"d": today}),
            )
            .await;
        let n = d["districtFigures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["figure"] == "partners.agreement_activities")
            .map_or(0, |f| f["value"].as_i64().unwrap());
        if n == 1 {
            break;
        }
        assert!(started.elapsed().as_secs() < 10, "the district counts {n}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}
