//! Correction (issue 36, PIPL art. 46): a resident corrects the name Linli shows for them;
//! staff correct a registry record with a reason, kept with which fields changed and never the
//! old values; bad corrections are refused with a code and change nothing; all audited.

use serde_json::{Value, json};

use crate::{TestApp, code};

const CORRECT: &str = "mutation($l: ID!, $i: CorrectRecordInput!, $r: String!) {
  correctRegistryRecord(learnerId: $l, input: $i, reason: $r) { id name birthDate household phoneMasked } }";

#[tokio::test]
async fn staff_correct_a_record_with_a_reason_and_a_resident_corrects_their_name() {
    let app = TestApp::spawn().await;
    let root = app.two_communities().await;
    let staff = app.member(&root, "corr-staff", "STAFF", "alpha").await;
    let resident = app
        .named_member(&root, "corr-res", "王秀英", "RESIDENT", "alpha")
        .await;
    let as_staff = |q: &'static str, v: Value| {
        let staff = staff.clone();
        let app = &app;
        async move { app.gql(Some(&staff), Some("alpha"), q, v).await }
    };
    let entered = app
        .ok(
            Some(&staff),
            Some("alpha"),
            "mutation { registerResident(input: {name: \"王秀音\", birthDate: \"1984-06-01\", phone: \"13700001111\"}) { id } }",
            json!({}),
        )
        .await;
    let id = entered["registerResident"]["id"].clone();
    app.ok(
        Some(&staff),
        Some("alpha"),
        "mutation { registerResident(input: {name: \"李四\", phone: \"13700002222\"}) { id } }",
        json!({}),
    )
    .await;

    // Refused, nothing written: nothing to correct, no reason, another's phone, a resident.
    let refused = [
        (json!({"l": id, "i": {}, "r": "写错了"}), "BAD_USER_INPUT"),
        (
            json!({"l": id, "i": {"name": "王秀英"}, "r": "  "}),
            "BAD_USER_INPUT",
        ),
        (
            json!({"l": id, "i": {"name": "王秀英", "phone": "13700002222"}, "r": "号码"}),
            "CONFLICT",
        ),
        (
            json!({"l": id, "i": {"courtyardId": uuid::Uuid::now_v7().to_string()}, "r": "院落"}),
            "NOT_FOUND",
        ),
        (
            json!({"l": id, "i": {"birthDate": "2999-01-01"}, "r": "生日"}),
            "BAD_USER_INPUT",
        ),
    ];
    for (vars, expected) in refused {
        let r = as_staff(CORRECT, vars.clone()).await;
        assert_eq!(code(&r), expected, "{vars}: {r}");
    }
    let by_resident = app
        .gql(
            Some(&resident),
            Some("alpha"),
            CORRECT,
            json!({"l": id, "i": {"name": "王秀英"}, "r": "本人"}),
        )
        .await;
    assert_eq!(code(&by_resident), "FORBIDDEN");
    let untouched = as_staff(
        "query($l: ID!) { recordCorrections(learnerId: $l) { id } residents(name: \"王秀音\") { nodes { name } } }",
        json!({"l": id}),
    )
    .await;
    assert_eq!(
        untouched["data"]["recordCorrections"],
        json!([]),
        "{untouched}"
    );
    assert_eq!(untouched["data"]["residents"]["nodes"][0]["name"], "王秀音");

    // The correction: name, birth date, household and phone, with the reason.
    let fixed = as_staff(
        CORRECT,
        json!({"l": id, "i": {"name": "王秀英", "birthDate": "1948-06-01", "household": "3栋2单元501",
                              "phone": "13700003333"}, "r": "居民持身份证到窗口更正"}),
    )
    .await;
    assert_eq!(
        fixed["data"]["correctRegistryRecord"],
        json!({"id": id, "name": "王秀英", "birthDate": "1948-06-01", "household": "3栋2单元501",
               "phoneMasked": "137****3333"}),
        "{fixed}"
    );
    let history = as_staff(
        "query($l: ID!) { recordCorrections(learnerId: $l) { fields reason } }",
        json!({"l": id}),
    )
    .await;
    assert_eq!(
        history["data"]["recordCorrections"],
        json!([{"fields": ["NAME", "BIRTH_DATE", "HOUSEHOLD", "PHONE"], "reason": "居民持身份证到窗口更正"}])
    );
    // The old name is gone from the community's tables: the correction kept no old value.
    let pool = app.pool().await;
    let old: i64 = sqlx::query_scalar(
        "SELECT (SELECT count(*) FROM c_alpha.learners WHERE name = '王秀音')
              + (SELECT count(*) FROM c_alpha.record_corrections r
                  WHERE r::text LIKE '%王秀音%' OR r::text LIKE '%1984%')",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(old, 0);

    // The resident corrects her own name; too long or empty is refused.
    let me = |q: &'static str, v: Value| {
        let resident = resident.clone();
        let app = &app;
        async move { app.gql(Some(&resident), None, q, v).await }
    };
    let update = "mutation($n: String!) { updateMyProfile(displayName: $n) { displayName } }";
    for bad in ["", "   ", &"长".repeat(51)] {
        let r = me(update, json!({"n": bad})).await;
        assert_eq!(code(&r), "BAD_USER_INPUT", "{bad:?}: {r}");
    }
    let r = me(update, json!({"n": " 王秀英（三号院） "})).await;
    assert_eq!(
        r["data"]["updateMyProfile"]["displayName"], "王秀英（三号院）",
        "{r}"
    );
    let shown = me("{ me { account { displayName } } }", json!({})).await;
    assert_eq!(
        shown["data"]["me"]["account"]["displayName"],
        "王秀英（三号院）"
    );

    let audited: Vec<(String, String)> = sqlx::query_as(
        "SELECT operation, outcome FROM platform.audit_log
          WHERE operation IN ('correctRegistryRecord', 'updateMyProfile') ORDER BY id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let ok = |op: &str| audited.iter().filter(|(o, r)| o == op && r == "ok").count();
    assert_eq!(
        (ok("correctRegistryRecord"), ok("updateMyProfile")),
        (1, 1),
        "{audited:?}"
    );
    assert!(
        audited
            .iter()
            .any(|(o, r)| o == "correctRegistryRecord" && r != "ok"),
        "refusals are audited with their code: {audited:?}"
    );
}
