//! The resident registry tried as an attacker would, through the API only: a spreadsheet
//! built to exhaust the gateway's memory, records taken by whoever knows a name and a phone
//! number, grid workers reaching past their grids.

use serde_json::{Value, json};

use crate::{TestApp, code};

/// `importResidents` with this file, as a grid worker's phone would send it.
pub async fn import(app: &TestApp, token: &str, file: Vec<u8>, name: &str) -> Value {
    let operations = json!({
        "query": "mutation($f: Upload!) { importResidents(file: $f) { created existing invalid rows { line outcome message } } }",
        "variables": {"f": null}
    });
    let form = reqwest::multipart::Form::new()
        .text("operations", operations.to_string())
        .text("map", json!({"0": ["variables.f"]}).to_string())
        .part(
            "0",
            reqwest::multipart::Part::bytes(file).file_name(name.to_string()),
        );
    app.http
        .post(&app.url)
        .bearer_auth(token)
        .header("x-community", "alpha")
        .multipart(form)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
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
