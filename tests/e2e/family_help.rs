//! 家人代办 (issue 33): a son acts for his 80-year-old mother — enrols her, reads her
//! timetable — only once she agrees (in the app, or in person before staff or her grid
//! worker), audited as his act for her, and no longer once either of them ends it. Tried as
//! an attacker would: a neighbour who knows her name and number, a grid worker of another
//! grid, another community's staff.

use serde_json::{Value, json};

use crate::console::{district_with_officer, onboard_liuli, taichi};
use crate::{TestApp, code};

const ASK: &str = "mutation($n: String!, $p: String!, $r: String!) { askFamilyHelp(name: $n, phone: $p, relation: $r) { id status learnerId learnerName relation helperName } }";
const ENROL: &str =
    "mutation($c: ID!, $l: ID) { enrol(courseId: $c, learnerId: $l) { id status } }";
const RECORD: &str =
    "mutation($f: ID!) { recordFamilyConsent(familyHelpId: $f) { status inPerson } }";
const ANSWER: &str = "mutation($f: ID!, $a: Boolean!) { answerFamilyHelp(familyHelpId: $f, agree: $a) { status inPerson } }";
const END: &str = "mutation($f: ID!) { endFamilyHelp(familyHelpId: $f) { status } }";

/// 琉璃社区 with staff, 太极拳, and 王秀英 (80) entered into the registry in courtyard 一院
/// with her number: (app, root, staff, course, courtyard).
async fn liuli_with_mother() -> (TestApp, String, String, Value, Value) {
    let app = TestApp::spawn().await;
    let root = district_with_officer(&app).await;
    onboard_liuli(&app, &root).await;
    let staff = app.member(&root, "liuli-staff", "STAFF", "liuli").await;
    let course = taichi(&app, &staff).await;
    let yard = app
        .ok(
            Some(&staff),
            Some("liuli"),
            "mutation { createCourtyard(input: {name: \"一院\", kind: COURTYARD}) { id } }",
            json!({}),
        )
        .await["createCourtyard"]["id"]
        .clone();
    app.ok(
        Some(&staff),
        Some("liuli"),
        "mutation($y: ID!) { registerResident(input: {name: \"王秀英\", phone: \"13900001111\", birthDate: \"1946-03-05\", courtyardId: $y}) { id } }",
        json!({"y": yard}),
    )
    .await;
    (app, root, staff, course, yard)
}

fn ask_vars(name: &str, phone: &str) -> Value {
    json!({"n": name, "p": phone, "r": "儿子"})
}

#[tokio::test]
async fn a_son_acts_for_his_mother_once_she_agrees_in_person_and_no_more_once_it_ends() {
    let (app, root, staff, course, yard) = liuli_with_mother().await;
    let son = app
        .named_member(&root, "liuli-son", "李明", "RESIDENT", "liuli")
        .await;
    let neighbour = app.member(&root, "liuli-nb", "RESIDENT", "liuli").await;

    // A name that is not hers (or a number that is not) finds nobody; asking for oneself is refused.
    let miss = app
        .gql(
            Some(&son),
            Some("liuli"),
            ASK,
            ask_vars("王秀", "13900001111"),
        )
        .await;
    assert_eq!(code(&miss), "NOT_FOUND", "{miss}");
    let bad = app
        .gql(Some(&son), Some("liuli"), ASK, ask_vars("王秀英", "12345"))
        .await;
    assert_eq!(code(&bad), "BAD_USER_INPUT", "{bad}");

    let asked = app
        .ok(
            Some(&son),
            Some("liuli"),
            ASK,
            ask_vars("王秀英", "13900001111"),
        )
        .await["askFamilyHelp"]
        .clone();
    assert_eq!(asked["status"], "REQUESTED");
    assert_eq!(asked["helperName"], "李明");
    let help = asked["id"].clone();
    let mother = asked["learnerId"].clone();
    // Asking again while it is open is the same request.
    let again = app
        .gql(
            Some(&son),
            Some("liuli"),
            ASK,
            ask_vars("王秀英", "13900001111"),
        )
        .await;
    assert_eq!(code(&again), "CONFLICT", "{again}");

    // Before she agrees he cannot act for her.
    let early = app
        .gql(
            Some(&son),
            Some("liuli"),
            ENROL,
            json!({"c": course, "l": mother}),
        )
        .await;
    assert_eq!(code(&early), "FORBIDDEN", "{early}");
    // Nobody but her, staff or her grid worker records her consent: not the son, not a
    // neighbour, not a grid worker of another grid, not another community's staff.
    for token in [&son, &neighbour] {
        let r = app
            .gql(Some(token), Some("liuli"), RECORD, json!({"f": help}))
            .await;
        assert_eq!(code(&r), "FORBIDDEN", "{r}");
    }
    let worker = app
        .member(&root, "liuli-grid", "GRID_WORKER", "liuli")
        .await;
    let other_yard = app
        .ok(
            Some(&staff),
            Some("liuli"),
            "mutation { createCourtyard(input: {name: \"二院\", kind: COURTYARD}) { id } }",
            json!({}),
        )
        .await["createCourtyard"]["id"]
        .clone();
    let worker_id = app
        .ok(Some(&worker), None, "{ me { account { id } } }", json!({}))
        .await["me"]["account"]["id"]
        .clone();
    let assign = "mutation($a: ID!, $y: ID!) { assignGrids(accountId: $a, courtyardIds: [$y]) }";
    app.ok(
        Some(&staff),
        Some("liuli"),
        assign,
        json!({"a": worker_id, "y": other_yard}),
    )
    .await;
    let r = app
        .gql(Some(&worker), Some("liuli"), RECORD, json!({"f": help}))
        .await;
    assert_eq!(code(&r), "FORBIDDEN", "a grid worker of another grid: {r}");
    onboard_qingyuan(&app, &root).await;
    let other_staff = app.member(&root, "qy-staff", "STAFF", "qingyuan").await;
    let r = app
        .gql(
            Some(&other_staff),
            Some("qingyuan"),
            RECORD,
            json!({"f": help}),
        )
        .await;
    assert_eq!(code(&r), "NOT_FOUND", "another community's staff: {r}");
    // Her grid worker records it, at her door.
    app.ok(
        Some(&staff),
        Some("liuli"),
        assign,
        json!({"a": worker_id, "y": yard}),
    )
    .await;
    let granted = app
        .ok(Some(&worker), Some("liuli"), RECORD, json!({"f": help}))
        .await;
    assert_eq!(
        granted["recordFamilyConsent"],
        json!({"status": "GRANTED", "inPerson": true})
    );
    let r = app
        .gql(Some(&staff), Some("liuli"), RECORD, json!({"f": help}))
        .await;
    assert_eq!(code(&r), "CONFLICT", "answered once: {r}");

    // Now he enrols her; she is among whom he acts for, and her class is in his timetable.
    let learners = app
        .ok(
            Some(&son),
            Some("liuli"),
            "{ myLearners { id name inCare } }",
            json!({}),
        )
        .await;
    assert!(
        learners["myLearners"]
            .as_array()
            .unwrap()
            .contains(&json!({"id": mother, "name": "王秀英", "inCare": true})),
        "{learners}"
    );
    let enrolled = app
        .ok(
            Some(&son),
            Some("liuli"),
            ENROL,
            json!({"c": course, "l": mother}),
        )
        .await;
    assert_eq!(enrolled["enrol"]["status"], "ENROLLED");
    let mine = app
        .ok(
            Some(&son),
            Some("liuli"),
            "{ myEnrolments { learnerName courseTitle } }",
            json!({}),
        )
        .await;
    assert_eq!(
        mine["myEnrolments"],
        json!([{"learnerName": "王秀英", "courseTitle": "太极拳"}])
    );
    // The neighbour still cannot act for her.
    let r = app
        .gql(
            Some(&neighbour),
            Some("liuli"),
            ENROL,
            json!({"c": course, "l": mother}),
        )
        .await;
    assert_eq!(code(&r), "FORBIDDEN", "{r}");
    // Audited as his act, naming her.
    let pool = app.pool().await;
    let (actor, learner): (String, String) = sqlx::query_as(
        "SELECT a.login_name, l.target->>'learnerId' FROM platform.audit_log l
           JOIN platform.accounts a ON a.id = l.account_id
          WHERE l.operation = 'enrol' AND l.outcome = 'ok' ORDER BY l.id DESC LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(
        (actor.as_str(), learner.as_str()),
        ("liuli-son", mother.as_str().unwrap())
    );

    // He ends it (she could too): from then on he acts for her no more.
    let ended = app
        .ok(Some(&son), Some("liuli"), END, json!({"f": help}))
        .await;
    assert_eq!(ended["endFamilyHelp"]["status"], "ENDED");
    let cancel = app
        .gql(
            Some(&son),
            Some("liuli"),
            "mutation($e: ID!) { cancelEnrolment(enrolmentId: $e) }",
            json!({"e": enrolled["enrol"]["id"]}),
        )
        .await;
    assert_eq!(code(&cancel), "FORBIDDEN", "{cancel}");
    let after = app
        .ok(
            Some(&son),
            Some("liuli"),
            "{ myEnrolments { id } }",
            json!({}),
        )
        .await;
    assert_eq!(after["myEnrolments"], json!([]));
}

async fn onboard_qingyuan(app: &TestApp, root: &str) {
    app.ok(
        Some(root),
        None,
        r#"mutation { onboardCommunity(input: {districtCode: "510199", slug: "qingyuan", name: "青苑社区", kind: COMMERCIAL_HOUSING}) { created } }"#,
        json!({}),
    )
    .await;
}

/// A mother who uses the app is asked there, answers herself — no, then yes to a second
/// request — and ends it herself; nobody answers for her.
#[tokio::test]
async fn a_mother_with_the_app_answers_and_ends_it_herself() {
    let (app, root, _staff, _course, _yard) = liuli_with_mother().await;
    let son = app
        .named_member(&root, "liuli-son", "李明", "RESIDENT", "liuli")
        .await;
    let mother = app
        .named_member(&root, "liuli-mother", "王秀英", "RESIDENT", "liuli")
        .await;
    // Her account linked to the record staff entered (as linkMyRecord does with her number).
    // (The schema's triggers name their functions as the community's role sees them.)
    let pool = app.pool().await;
    let mut conn = pool.acquire().await.unwrap();
    sqlx::query("SET search_path TO c_liuli")
        .execute(&mut *conn)
        .await
        .unwrap();
    sqlx::query(
        "UPDATE learners SET account_id =
            (SELECT id FROM platform.accounts WHERE login_name = 'liuli-mother') WHERE name = '王秀英'",
    )
    .execute(&mut *conn)
    .await
    .unwrap();
    drop(conn);
    let first = app
        .ok(
            Some(&son),
            Some("liuli"),
            ASK,
            ask_vars("王秀英", "13900001111"),
        )
        .await["askFamilyHelp"]["id"]
        .clone();
    // She is told, in her inbox.
    let inbox = app
        .ok(
            Some(&mother),
            Some("liuli"),
            "{ myNotifications(unreadOnly: true) { title body } myFamilyHelp { id helperName relation status } }",
            json!({}),
        )
        .await;
    assert_eq!(inbox["myNotifications"][0]["title"], "家人代办征求同意");
    assert!(
        inbox["myNotifications"][0]["body"]
            .as_str()
            .unwrap()
            .contains("李明（儿子）")
    );
    assert_eq!(
        inbox["myFamilyHelp"],
        json!([{"id": first, "helperName": "李明", "relation": "儿子", "status": "REQUESTED"}])
    );
    // The son cannot answer for her.
    let r = app
        .gql(
            Some(&son),
            Some("liuli"),
            ANSWER,
            json!({"f": first, "a": true}),
        )
        .await;
    assert_eq!(code(&r), "FORBIDDEN", "{r}");
    let no = app
        .ok(
            Some(&mother),
            Some("liuli"),
            ANSWER,
            json!({"f": first, "a": false}),
        )
        .await;
    assert_eq!(
        no["answerFamilyHelp"],
        json!({"status": "DECLINED", "inPerson": false})
    );
    // He asks again; she agrees; then she ends it.
    let second = app
        .ok(
            Some(&son),
            Some("liuli"),
            ASK,
            ask_vars("王秀英", "13900001111"),
        )
        .await["askFamilyHelp"]["id"]
        .clone();
    let yes = app
        .ok(
            Some(&mother),
            Some("liuli"),
            ANSWER,
            json!({"f": second, "a": true}),
        )
        .await;
    assert_eq!(yes["answerFamilyHelp"]["status"], "GRANTED");
    let helping = app
        .ok(
            Some(&son),
            Some("liuli"),
            "{ myLearners { name inCare } }",
            json!({}),
        )
        .await;
    assert!(
        helping["myLearners"]
            .as_array()
            .unwrap()
            .contains(&json!({"name": "王秀英", "inCare": true}))
    );
    // Her own list shows her own record as hers, not in anyone's care.
    let hers = app
        .ok(
            Some(&mother),
            Some("liuli"),
            "{ myLearners { name inCare } }",
            json!({}),
        )
        .await;
    assert_eq!(
        hers["myLearners"],
        json!([{"name": "王秀英", "inCare": false}])
    );
    let ended = app
        .ok(Some(&mother), Some("liuli"), END, json!({"f": second}))
        .await;
    assert_eq!(ended["endFamilyHelp"]["status"], "ENDED");
    let r = app
        .gql(Some(&son), Some("liuli"), END, json!({"f": second}))
        .await;
    assert_eq!(code(&r), "CONFLICT", "ended once: {r}");
    let gone = app
        .ok(
            Some(&son),
            Some("liuli"),
            "{ myLearners { name } }",
            json!({}),
        )
        .await;
    assert!(!gone.to_string().contains("王秀英"), "{gone}");
}
