//! The resident registry tried as an attacker would, through the API only: a spreadsheet
//! built to exhaust the gateway's memory, records taken by whoever knows a name and a phone
//! number, grid workers reaching past their grids.

use serde_json::{Value, json};

use crate::{TestApp, code};

/// `importResidents` with this file, as a grid worker's phone would send it.
pub async fn import(app: &TestApp, token: &str, file: Vec<u8>, name: &str) -> Value {
    app.upload(
        token,
        "alpha",
        "mutation($f: Upload!) { importResidents(file: $f) { created existing invalid rows { line outcome message } } }",
        json!({}),
        file,
        name,
    )
    .await
}

/// Cells A1 and XFD1048576: a few KB whose bounding box is 17 billion cells. Read cell by
/// cell it is refused, and the gateway goes on serving (before, it grew until the kernel
/// killed it).
#[tokio::test]
async fn a_sparse_spreadsheet_is_refused_and_the_gateway_keeps_serving() {
    let app = TestApp::spawn().await;
    let root = app.two_communities().await;
    let staff = app.member(&root, "alpha-staff", "STAFF", "alpha").await;
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "姓名").unwrap();
    sheet.write_string(1_048_575, 16_383, "x").unwrap();
    let hostile = book.save_to_buffer().unwrap();
    assert!(hostile.len() < 10_000, "{} bytes", hostile.len());
    let r = import(&app, &staff, hostile, "登记表.xlsx").await;
    assert_eq!(code(&r), "BAD_USER_INPUT", "{r}");
    // Still serving, and a real registry still goes in.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, (name, phone)) in [("姓名", "手机号"), ("王秀英", "13812345678")]
        .iter()
        .enumerate()
    {
        sheet.write_string(r as u32, 0, *name).unwrap();
        sheet.write_string(r as u32, 1, *phone).unwrap();
    }
    let r = import(&app, &staff, book.save_to_buffer().unwrap(), "登记表.xlsx").await;
    assert_eq!(r["data"]["importResidents"]["created"], 1, "{r}");
}

const LINK: &str = "mutation($n: String!, $p: String) { linkMyRecord(name: $n, phone: $p) { status learner { id } } }";

/// Knowing a resident's name and number takes nobody's record: only the account's own
/// verified number links at once; anything else waits for staff, answered the same whether
/// a record matched, and attempts are counted.
#[tokio::test]
async fn a_record_is_linked_only_by_its_own_verified_number() {
    let app = TestApp::spawn().await;
    let root = app.two_communities().await;
    let staff = app.member(&root, "alpha-staff", "STAFF", "alpha").await;
    let record = app
        .ok(
            Some(&staff),
            Some("alpha"),
            "mutation { registerResident(input: {name: \"王秀英\", phone: \"13900001111\"}) { id } }",
            json!({}),
        )
        .await["registerResident"]["id"]
        .clone();
    // A neighbour (their account's number is another) knows her name and number.
    let neighbour = app.member(&root, "alpha-nb", "RESIDENT", "alpha").await;
    let asked = app
        .ok(
            Some(&neighbour),
            Some("alpha"),
            LINK,
            json!({"n": "王秀英", "p": "13900001111"}),
        )
        .await;
    assert_eq!(
        asked["linkMyRecord"],
        json!({"status": "PENDING", "learner": null})
    );
    let nothing = app
        .ok(
            Some(&neighbour),
            Some("alpha"),
            LINK,
            json!({"n": "李四", "p": "13900002222"}),
        )
        .await;
    assert_eq!(
        nothing["linkMyRecord"], asked["linkMyRecord"],
        "a miss answers like a match"
    );
    let mut limited = false;
    for _ in 0..6 {
        let r = app
            .gql(
                Some(&neighbour),
                Some("alpha"),
                LINK,
                json!({"n": "王秀英", "p": "13900001111"}),
            )
            .await;
        if r.get("errors").is_some() {
            assert_eq!(code(&r), "RATE_LIMITED", "{r}");
            limited = true;
        }
    }
    assert!(limited, "attempts are counted");
    let has_account = || async {
        app.ok(
            Some(&staff),
            Some("alpha"),
            "{ residents(name: \"王秀英\") { nodes { id hasAccount } } }",
            json!({}),
        )
        .await["residents"]["nodes"][0]["hasAccount"]
            .clone()
    };
    assert_eq!(has_account().await, false);

    // She signs up with her own number (made by an administrator: verified) and links it.
    let d = app
        .ok(
            Some(&root),
            None,
            "mutation { createAccount(input: {loginName: \"wang-xy\", displayName: \"王秀英\", password: \"password-123\", phone: \"13900001111\"}) { id } }",
            json!({}),
        )
        .await;
    app.ok(
        Some(&root),
        None,
        "mutation($id: ID!) { grantRole(input: {accountId: $id, role: RESIDENT, communitySlug: \"alpha\"}) }",
        json!({"id": d["createAccount"]["id"]}),
    )
    .await;
    let her = app.login("wang-xy", "password-123").await;
    let linked = app
        .ok(Some(&her), Some("alpha"), LINK, json!({"n": "王秀英"}))
        .await;
    assert_eq!(linked["linkMyRecord"]["status"], "LINKED");
    assert_eq!(linked["linkMyRecord"]["learner"]["id"], record);
    assert_eq!(has_account().await, true);
    // Staff now find her account by her record (the time bank knows people by it).
    let found = app
        .ok(
            Some(&staff),
            Some("alpha"),
            "{ residents(name: \"王秀英\") { nodes { accountId } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        found["residents"]["nodes"][0]["accountId"],
        d["createAccount"]["id"]
    );

    // Staff see the neighbour's request and decline it.
    let requests = app
        .ok(
            Some(&staff),
            Some("alpha"),
            "{ recordLinkRequests { id accountName claimedName phoneMasked } }",
            json!({}),
        )
        .await;
    let open = requests["recordLinkRequests"].as_array().unwrap();
    assert_eq!(open.len(), 1, "{requests}");
    let declined = app
        .ok(
            Some(&staff),
            Some("alpha"),
            "mutation($r: ID!) { decideRecordLink(requestId: $r, approve: false) { status } }",
            json!({"r": open[0]["id"]}),
        )
        .await;
    assert_eq!(declined["decideRecordLink"]["status"], "DECLINED");
    let r = app
        .gql(
            Some(&neighbour),
            Some("alpha"),
            "mutation($r: ID!) { decideRecordLink(requestId: $r, approve: true) { status } }",
            json!({"r": open[0]["id"]}),
        )
        .await;
    assert_eq!(code(&r), "FORBIDDEN");
}

/// A grid worker acts for the residents of the grids staff gave them, and nobody else: not a
/// resident of another grid, by search, 代办 or demand; given that grid too, they may.
#[tokio::test]
async fn a_grid_worker_reaches_only_their_grids() {
    let app = TestApp::spawn().await;
    let root = app.two_communities().await;
    let staff = app.member(&root, "alpha-staff", "STAFF", "alpha").await;
    let (li, first) = app
        .grid_worker(&root, &staff, "alpha-grid-1", "alpha", "第一网格")
        .await;
    let (_zhao, second) = app
        .grid_worker(&root, &staff, "alpha-grid-2", "alpha", "第二网格")
        .await;
    let register = "mutation($n: String!, $g: ID!) { registerResident(input: {name: $n, courtyardId: $g}) { id } }";
    let theirs = app
        .ok(
            Some(&staff),
            Some("alpha"),
            register,
            json!({"n": "第二网格的王奶奶", "g": second}),
        )
        .await["registerResident"]["id"]
        .clone();
    let r = app
        .gql(
            Some(&li),
            Some("alpha"),
            register,
            json!({"n": "李爷爷", "g": second}),
        )
        .await;
    assert_eq!(code(&r), "FORBIDDEN", "{r}");
    let mine = app
        .ok(
            Some(&li),
            Some("alpha"),
            register,
            json!({"n": "李爷爷", "g": first}),
        )
        .await["registerResident"]["id"]
        .clone();
    let names = || async {
        let d = app
            .ok(
                Some(&li),
                Some("alpha"),
                "{ residents { nodes { id } } }",
                json!({}),
            )
            .await;
        d["residents"]["nodes"].as_array().unwrap().clone()
    };
    assert_eq!(names().await, vec![json!({"id": mine})]);
    let course = app
        .ok(Some(&staff), Some("alpha"), r#"mutation { createCourse(input: {title: "太极拳", category: "health", audience: ALL, format: WORKSHOP, capacity: 20}) { id } }"#, json!({}))
        .await["createCourse"]["id"]
        .clone();
    let enrol = "mutation($c: ID!, $l: ID!) { enrol(courseId: $c, learnerId: $l) { status } }";
    let r = app
        .gql(
            Some(&li),
            Some("alpha"),
            enrol,
            json!({"c": course, "l": theirs}),
        )
        .await;
    assert_eq!(code(&r), "FORBIDDEN", "{r}");
    let demand = "mutation($g: ID) { submitDemand(input: {title: \"路灯不亮\", category: \"设施维修\", forPersonId: \"00000000-0000-0000-0000-000000000042\", forName: \"王奶奶\", gridId: $g}) { id } }";
    for g in [json!(second), json!(null)] {
        let r = app
            .gql(Some(&li), Some("alpha"), demand, json!({"g": g}))
            .await;
        assert_eq!(code(&r), "FORBIDDEN", "{r}");
    }
    // Given the second grid too, the same requests go through.
    let me = crate::partner_abuse::me(&app, &li).await;
    app.ok(
        Some(&staff),
        Some("alpha"),
        "mutation($a: ID!, $g: [ID!]!) { assignGrids(accountId: $a, courtyardIds: $g) }",
        json!({"a": me, "g": [first, second]}),
    )
    .await;
    assert_eq!(names().await.len(), 2);
    app.ok(
        Some(&li),
        Some("alpha"),
        enrol,
        json!({"c": course, "l": theirs}),
    )
    .await;
    app.ok(Some(&li), Some("alpha"), demand, json!({"g": second}))
        .await;
    // Only staff assign grids.
    let r = app
        .gql(
            Some(&li),
            Some("alpha"),
            "mutation($a: ID!, $g: [ID!]!) { assignGrids(accountId: $a, courtyardIds: $g) }",
            json!({"a": me, "g": [first]}),
        )
        .await;
    assert_eq!(code(&r), "FORBIDDEN");
}
