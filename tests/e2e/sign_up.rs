//! Residents join by themselves (issue 29): a community's invitation, a one-time code sent
//! through the webhook (received here), the record staff entered linked by number and name,
//! signing in with the phone number, staff confirming where the community asks, and every
//! way to abuse it — replayed codes, rotated invitations, numbers that are someone's, racing
//! sign-ups, an address signing up in bulk.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use serde_json::{Value, json};

use crate::{TestApp, code};

const SECRET: &str = "webhook-secret-of-the-sign-up-test-0123456789";

/// A webhook receiver keeping the last code sent to each number (signatures checked).
async fn code_receiver() -> (String, Arc<Mutex<HashMap<String, String>>>) {
    let codes: Arc<Mutex<HashMap<String, String>>> = Arc::default();
    let hook = axum::Router::new().route(
        "/hook",
        axum::routing::post({
            let codes = codes.clone();
            move |headers: axum::http::HeaderMap, body: axum::body::Bytes| {
                let codes = codes.clone();
                async move {
                    use hmac::Mac;
                    let mut m =
                        hmac::Hmac::<sha2::Sha256>::new_from_slice(SECRET.as_bytes()).unwrap();
                    m.update(&body);
                    let mac = format!("sha256={}", hex::encode(m.finalize().into_bytes()));
                    assert_eq!(headers["x-linli-signature"].to_str().unwrap(), mac);
                    let v: Value = serde_json::from_slice(&body).unwrap();
                    if v["kind"] == "verification_code" {
                        codes.lock().unwrap().insert(
                            v["phone"].as_str().unwrap().into(),
                            v["code"].as_str().unwrap().into(),
                        );
                    }
                    axum::http::StatusCode::NO_CONTENT
                }
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, hook).await.unwrap() });
    (url, codes)
}

/// A gateway whose webhook is the receiver above, with two communities and alpha's staff:
/// (app, codes by number, root's token, staff's token).
async fn app_sending_codes() -> (TestApp, Arc<Mutex<HashMap<String, String>>>, String, String) {
    let (url, codes) = code_receiver().await;
    let app = TestApp::spawn_with(&[
        ("LINLI_WEBHOOK_URL", url.as_str()),
        ("LINLI_WEBHOOK_SECRET", SECRET),
    ])
    .await;
    let root = app.root().await;
    app.two_communities().await;
    let staff = app.member(&root, "alpha-staff", "STAFF", "alpha").await;
    (app, codes, root, staff)
}

const SIGN_UP: &str = "mutation($i: SignUpInput!) { signUp(input: $i) {
    status login { token account { loginName displayName } } learner { name } } }";

async fn ask_code(app: &TestApp, codes: &Mutex<HashMap<String, String>>, phone: &str) -> String {
    let d = app
        .ok(
            None,
            None,
            "mutation($p: String!) { requestPhoneCode(phone: $p) }",
            json!({"p": phone}),
        )
        .await;
    assert_eq!(d["requestPhoneCode"], true);
    codes
        .lock()
        .unwrap()
        .get(phone)
        .cloned()
        .expect("the webhook got the code")
}

fn input(invitation: &str, name: &str, phone: &str, code: &str) -> Value {
    json!({"i": {"community": "alpha", "invitation": invitation, "displayName": name,
                 "phone": phone, "password": "lao-wang-8888", "code": code}})
}

#[tokio::test]
async fn residents_sign_up_through_an_invitation_and_nobody_abuses_it() {
    let (app, codes, root, staff) = app_sending_codes().await;
    let beta_staff = app.member(&root, "beta-staff", "STAFF", "beta").await;
    // The record a grid worker entered for 王秀英, with her number.
    app.ok(
        Some(&staff),
        Some("alpha"),
        r#"mutation { registerResident(input: {name: "王秀英", phone: "138 0000 1111"}) { id } }"#,
        json!({}),
    )
    .await;

    // Staff print the invitation: its code, its page, its QR code.
    let inv = app
        .ok(
            Some(&staff),
            Some("alpha"),
            r#"mutation { rotateInvitation { code path confirmByStaff qrSvg(origin: "https://linli.example.gov.cn") } }"#,
            json!({}),
        )
        .await["rotateInvitation"]
        .clone();
    let invitation = inv["code"].as_str().unwrap().to_string();
    assert_eq!(inv["path"], format!("/console/#/join/alpha/{invitation}"));
    assert!(inv["qrSvg"].as_str().unwrap().contains("<svg"));
    assert_eq!(inv["confirmByStaff"], false);
    let bad_origin = app
        .gql(
            Some(&staff),
            Some("alpha"),
            r#"{ invitation { qrSvg(origin: "javascript:alert(1)") } }"#,
            json!({}),
        )
        .await;
    assert_eq!(code(&bad_origin), "BAD_USER_INPUT");
    // Residents are not staff: they cannot read or rotate it.
    let resident = app.member(&root, "alpha-res", "RESIDENT", "alpha").await;
    let r = app
        .gql(
            Some(&resident),
            Some("alpha"),
            "mutation { rotateInvitation { code } }",
            json!({}),
        )
        .await;
    assert_eq!(code(&r), "FORBIDDEN");

    // The newcomer's page: anyone, the code typed loosely.
    let page = app
        .ok(
            None,
            None,
            "query($c: String!) { invitedCommunity(community: \"alpha\", code: $c) { name confirmByStaff } }",
            json!({"c": format!(" {} ", invitation.to_lowercase())}),
        )
        .await;
    assert_eq!(page["invitedCommunity"]["confirmByStaff"], false);
    let wrong = app
        .gql(
            None,
            None,
            "{ invitedCommunity(community: \"beta\", code: \"ABCDEFGH\") { name } }",
            json!({}),
        )
        .await;
    assert_eq!(code(&wrong), "BAD_USER_INPUT");

    // A wrong code for a number with no account and a wrong code for her number answer alike.
    let sent = ask_code(&app, &codes, "13800001111").await;
    let bad = app
        .gql(
            None,
            None,
            SIGN_UP,
            input(&invitation, "王秀英", "13800001111", "000000"),
        )
        .await;
    let nobody = app
        .gql(
            None,
            None,
            SIGN_UP,
            input(&invitation, "路人", "13900009999", "000000"),
        )
        .await;
    assert_eq!(code(&bad), "BAD_USER_INPUT");
    assert_eq!(bad["errors"][0]["message"], nobody["errors"][0]["message"]);
    assert_ne!(
        sent, "000000",
        "a code is random (one in a million to be this)"
    );

    // The right code: a resident at once, her record linked by number and name.
    let d = app
        .ok(
            None,
            None,
            SIGN_UP,
            input(&invitation, "王秀英", "138-0000-1111", &sent),
        )
        .await["signUp"]
        .clone();
    assert_eq!(d["status"], "ACCEPTED");
    assert_eq!(d["learner"]["name"], "王秀英");
    assert_eq!(d["login"]["account"]["loginName"], "13800001111");
    let her = d["login"]["token"].as_str().unwrap().to_string();
    let mine = app
        .ok(
            Some(&her),
            Some("alpha"),
            "{ myLearners { name } }",
            json!({}),
        )
        .await;
    assert_eq!(mine["myLearners"], json!([{"name": "王秀英"}]));
    // She signs in with her phone number.
    let again = app.login("13800001111", "lao-wang-8888").await;
    assert!(!again.is_empty());

    // The code is spent; a new code for her number says she has an account (she owns it).
    let replay = app
        .gql(
            None,
            None,
            SIGN_UP,
            input(&invitation, "王秀英", "13800001111", &sent),
        )
        .await;
    assert_eq!(code(&replay), "BAD_USER_INPUT");
    let fresh = ask_code(&app, &codes, "13800001111").await;
    let taken = app
        .gql(
            None,
            None,
            SIGN_UP,
            input(&invitation, "王秀英", "13800001111", &fresh),
        )
        .await;
    assert_eq!(code(&taken), "CONFLICT");

    // Rotated: the printed code stops working at once.
    let rotated = app
        .ok(
            Some(&staff),
            Some("alpha"),
            "mutation { rotateInvitation { code } }",
            json!({}),
        )
        .await["rotateInvitation"]["code"]
        .as_str()
        .unwrap()
        .to_string();
    let old = app
        .gql(
            None,
            None,
            SIGN_UP,
            input(&invitation, "李四", "13700002222", "123456"),
        )
        .await;
    assert_eq!(code(&old), "BAD_USER_INPUT");

    // The community asks staff to confirm newcomers: 李四 waits, cannot enter, then can.
    app.ok(
        Some(&staff),
        Some("alpha"),
        "mutation { setSignUpConfirmation(confirmByStaff: true) { confirmByStaff } }",
        json!({}),
    )
    .await;
    let c = ask_code(&app, &codes, "13700002222").await;
    let d = app
        .ok(
            None,
            None,
            SIGN_UP,
            input(&rotated, "李四", "13700002222", &c),
        )
        .await["signUp"]
        .clone();
    assert_eq!(d["status"], "PENDING");
    let li = d["login"]["token"].as_str().unwrap().to_string();
    let shut = app
        .gql(
            Some(&li),
            Some("alpha"),
            "{ myLearners { name } }",
            json!({}),
        )
        .await;
    assert_eq!(code(&shut), "FORBIDDEN");
    let pending = app
        .ok(
            Some(&staff),
            Some("alpha"),
            "{ signUpRequests { accountId displayName phoneMasked status } }",
            json!({}),
        )
        .await["signUpRequests"]
        .clone();
    assert_eq!(pending.as_array().unwrap().len(), 1);
    assert_eq!(pending[0]["phoneMasked"], "137****2222");
    let account = pending[0]["accountId"].as_str().unwrap().to_string();
    // Another community's staff see none of it and decide none of it.
    let other = app
        .ok(
            Some(&beta_staff),
            Some("beta"),
            "{ signUpRequests { accountId } }",
            json!({}),
        )
        .await;
    assert_eq!(other["signUpRequests"], json!([]));
    const DECIDE: &str =
        "mutation($a: ID!) { decideSignUp(accountId: $a, accept: true) { request { status } } }";
    let reach = app
        .gql(
            Some(&beta_staff),
            Some("beta"),
            DECIDE,
            json!({"a": account}),
        )
        .await;
    assert_eq!(code(&reach), "CONFLICT");
    let decided = app
        .ok(Some(&staff), Some("alpha"), DECIDE, json!({"a": account}))
        .await;
    assert_eq!(decided["decideSignUp"]["request"]["status"], "ACCEPTED");
    let twice = app
        .gql(Some(&staff), Some("alpha"), DECIDE, json!({"a": account}))
        .await;
    assert_eq!(code(&twice), "CONFLICT");
    let li = app.login("13700002222", "lao-wang-8888").await;
    app.ok(
        Some(&li),
        Some("alpha"),
        "{ me { account { displayName } } }",
        json!({}),
    )
    .await;

    // Three sign-ups racing with one code: one account.
    app.ok(
        Some(&staff),
        Some("alpha"),
        "mutation { setSignUpConfirmation(confirmByStaff: false) { confirmByStaff } }",
        json!({}),
    )
    .await;
    let c = ask_code(&app, &codes, "13600003333").await;
    let racing = futures::future::join_all((0..3).map(|_| {
        app.gql(
            None,
            None,
            SIGN_UP,
            input(&rotated, "张三", "13600003333", &c),
        )
    }))
    .await;
    let made = racing.iter().filter(|r| r.get("errors").is_none()).count();
    assert_eq!(made, 1, "{racing:?}");
    let pool = app.pool().await;
    let accounts: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM platform.accounts WHERE login_name = '13600003333'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(accounts, 1);

    // One address signing up in bulk waits (ten an hour), whatever it sends.
    let throttled = app
        .gql(
            None,
            None,
            SIGN_UP,
            input(&rotated, "赵六", "13500004444", "123456"),
        )
        .await;
    assert_eq!(code(&throttled), "RATE_LIMITED");
}

/// The invitation's page in a real browser: a newcomer on a phone fills in name, number, the
/// code that came by text and a password, and lands on the resident's pages — checked through
/// the API, accessibility checked on the page.
#[tokio::test]
async fn a_newcomer_signs_up_on_the_invitation_page() {
    let (app, codes, _, staff) = app_sending_codes().await;
    let invitation = app
        .ok(
            Some(&staff),
            Some("alpha"),
            "mutation { rotateInvitation { path } }",
            json!({}),
        )
        .await["rotateInvitation"]["path"]
        .as_str()
        .unwrap()
        .trim_start_matches("/console/")
        .to_string();
    // She came by the survey posted to the QQ group: its page links to the invitation with
    // the survey and the channel behind it.
    let survey = app
        .ok(
            Some(&staff),
            Some("alpha"),
            r#"mutation { createSurvey(input: {title: "兴趣班需求调查", threshold: 1, questions: [
                {kind: SINGLE, prompt: "您是否支持开办兴趣班？", options: ["支持", "不支持"]}]}) }"#,
            json!({}),
        )
        .await["createSurvey"]
        .as_str()
        .unwrap()
        .to_string();
    let invitation = format!("{invitation}/{survey}/qq_group");
    let dir = crate::temp_dir("console-join");
    let b = crate::console_browser::Browser::open_phone(&app.base(), &dir).await;
    b.goto(&invitation).await;
    b.wait_text("注册并加入").await;
    b.assert_accessible("invitation").await;
    b.fill("displayName", "刘婆婆").await;
    b.fill("phone", "13512345678").await;
    b.click("获取验证码").await;
    b.wait_text("验证码已发送").await;
    let code = codes.lock().unwrap().get("13512345678").cloned().unwrap();
    b.fill("code", &code).await;
    b.fill("password", "liu-popo-2026").await;
    b.screenshot("12-resident-sign-up").await;
    b.click("注册并加入").await;
    // She lands on the survey she came for, answers it in large type.
    b.wait_text("您是否支持开办兴趣班？").await;
    b.assert_no_sideways_scroll("the survey after sign-up")
        .await;
    b.assert_accessible("resident survey").await;
    b.find(fantoccini::Locator::XPath(
        "//label[normalize-space(.)='支持']",
    ))
    .await
    .click()
    .await
    .unwrap();
    b.click("提交问卷").await;
    b.wait_text("感谢填写").await;
    b.screenshot("13-resident-survey").await;
    let counted = app
        .ok(
            Some(&staff),
            Some("alpha"),
            "{ surveys { nodes { responsesByChannel { channel responses } questions { tallies } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        counted["surveys"]["nodes"][0],
        json!({"responsesByChannel": [{"channel": "QQ_GROUP", "responses": 1}],
               "questions": [{"tallies": [1, 0]}]})
    );
    // Through the API: her account, a resident of alpha, signs in with her number.
    let her = app.login("13512345678", "liu-popo-2026").await;
    let me = app
        .ok(
            Some(&her),
            None,
            "{ me { account { displayName } memberships { role communitySlug } } }",
            json!({}),
        )
        .await;
    assert_eq!(me["me"]["account"]["displayName"], "刘婆婆");
    assert_eq!(
        me["me"]["memberships"],
        json!([{"role": "RESIDENT", "communitySlug": "alpha"}])
    );
}
