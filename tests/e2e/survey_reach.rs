//! A survey reaches residents where they are (issue 29, 金竹苑's 订单式 survey went out on its
//! 公众号, 微信群 and QQ群): a public page per channel with its QR code, answers counted by the
//! channel they came by, a worker's or a 居民小组长's door-to-door entry counted as such,
//! rating questions.

use serde_json::json;

use crate::{TestApp, code};

#[tokio::test]
async fn a_survey_link_reaches_residents_and_answers_count_by_channel() {
    let app = TestApp::spawn().await;
    let root = app.root().await;
    app.two_communities().await;
    let staff = app.member(&root, "alpha-staff", "STAFF", "alpha").await;
    let wang = app.member(&root, "alpha-wang", "RESIDENT", "alpha").await;
    let li = app.member(&root, "alpha-li", "RESIDENT", "alpha").await;
    let beta_staff = app.member(&root, "beta-staff", "STAFF", "beta").await;

    // A rating needs no options (1–5) or names 2–10 steps; one step is a mistake.
    let one_step = app
        .gql(
            Some(&staff),
            Some("alpha"),
            r#"mutation { createSurvey(input: {title: "x", threshold: 1, questions: [{kind: RATING, prompt: "满意吗", options: ["好"]}]}) }"#,
            json!({}),
        )
        .await;
    assert_eq!(code(&one_step), "BAD_USER_INPUT");
    let survey = app
        .ok(
            Some(&staff),
            Some("alpha"),
            r#"mutation { createSurvey(input: {title: "金竹苑居民学习需求调查", threshold: 1, questions: [
                {kind: SINGLE, prompt: "您的年龄段", options: ["60岁以下", "60岁及以上"]},
                {kind: MULTIPLE, prompt: "想学的课程", options: ["书法", "油画", "手机使用"]},
                {kind: RATING, prompt: "对社区学院的满意度"},
                {kind: TEXT, prompt: "其他建议"},
                {kind: TALENT, prompt: "您能教大家什么"}]}) }"#,
            json!({}),
        )
        .await["createSurvey"]
        .as_str()
        .unwrap()
        .to_string();
    let s = app
        .ok(
            Some(&staff),
            Some("alpha"),
            r#"{ surveys { nodes { id questions { id kind options } sharePath(channel: QQ_GROUP) qrSvg(origin: "https://linli.example.gov.cn", channel: WECHAT_ACCOUNT) } } }"#,
            json!({}),
        )
        .await["surveys"]["nodes"][0]
        .clone();
    let path = s["sharePath"].as_str().unwrap().to_string();
    assert_eq!(path, format!("/survey/alpha/{survey}?from=qq_group"));
    assert!(s["qrSvg"].as_str().unwrap().contains("<svg"));
    assert_eq!(
        s["questions"][2]["options"],
        json!(["1", "2", "3", "4", "5"])
    );
    let q: Vec<String> = s["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_str().unwrap().to_string())
        .collect();

    // The public page: anyone, no script; the way to sign up once there is an invitation.
    let http = reqwest::Client::new();
    let page = |p: String| {
        let http = http.clone();
        let base = app.base();
        async move {
            let r = http.get(format!("{base}{p}")).send().await.unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    let (status, html) = page(path.clone()).await;
    assert_eq!(status, 200);
    assert!(html.contains("金竹苑居民学习需求调查") && html.contains("想学的课程"));
    assert!(html.contains(&format!("/console/#/r/alpha/surveys/{survey}/qq_group")));
    assert!(!html.contains("/console/#/join/"), "no invitation yet");
    let code_ = app
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
    let (_, html) = page(path.clone()).await;
    assert!(html.contains(&format!("/console/#/join/alpha/{code_}/{survey}/qq_group")));
    // Another community's slug, an unknown id, a malformed one: not found.
    for p in [
        format!("/survey/beta/{survey}"),
        format!("/survey/alpha/{}", uuid::Uuid::now_v7()),
        "/survey/alpha/not-an-id".to_string(),
    ] {
        assert_eq!(page(p).await.0, 404);
    }

    // Answers by channel: 王 from the QQ group, 李 in the app (claiming the door is the app),
    // and staff at the door for a resident without an account.
    const ANSWER: &str = "mutation($s: ID!, $a: [AnswerInputGql!]!, $c: SurveyChannel!, $l: ID) { answerSurvey(surveyId: $s, answers: $a, channel: $c, learnerId: $l) }";
    let answers = |rating: i32| {
        json!([{"questionId": q[0], "choices": [1]}, {"questionId": q[1], "choices": [0, 1]},
               {"questionId": q[2], "choices": [rating]}])
    };
    app.ok(
        Some(&wang),
        Some("alpha"),
        ANSWER,
        json!({"s": survey, "a": answers(4), "c": "QQ_GROUP"}),
    )
    .await;
    app.ok(
        Some(&li),
        Some("alpha"),
        ANSWER,
        json!({"s": survey, "a": answers(3), "c": "DOOR_TO_DOOR"}),
    )
    .await;
    let learner = app
        .ok(
            Some(&staff),
            Some("alpha"),
            r#"mutation { registerResident(input: {name: "陈启惠"}) { id } }"#,
            json!({}),
        )
        .await["registerResident"]["id"]
        .clone();
    app.ok(
        Some(&staff),
        Some("alpha"),
        ANSWER,
        json!({"s": survey, "a": answers(4), "c": "IN_APP", "l": learner}),
    )
    .await;
    // A 居民小组长 enters answers at the door for her courtyard's residents, no one else's.
    let leader = app
        .member(&root, "alpha-leader", "GROUP_LEADER", "alpha")
        .await;
    let leader_id = app
        .ok(Some(&leader), None, "{ me { account { id } } }", json!({}))
        .await["me"]["account"]["id"]
        .clone();
    let yard = app
        .ok(
            Some(&staff),
            Some("alpha"),
            r#"mutation { createCourtyard(input: {name: "花园颐院", kind: COURTYARD, households: 4}) { id } }"#,
            json!({}),
        )
        .await["createCourtyard"]["id"]
        .clone();
    app.ok(
        Some(&staff),
        Some("alpha"),
        "mutation($a: ID!, $y: ID!) { assignGrids(accountId: $a, courtyardIds: [$y]) }",
        json!({"a": leader_id, "y": yard}),
    )
    .await;
    let zhao = app
        .ok(
            Some(&leader),
            Some("alpha"),
            r#"mutation($y: ID!) { registerResident(input: {name: "赵奶奶", courtyardId: $y, household: "3栋501"}) { id household } }"#,
            json!({"y": yard}),
        )
        .await["registerResident"]["id"]
        .clone();
    app.ok(
        Some(&leader),
        Some("alpha"),
        ANSWER,
        json!({"s": survey, "a": answers(4), "c": "IN_APP", "l": zhao}),
    )
    .await;
    let not_hers = app
        .gql(
            Some(&leader),
            Some("alpha"),
            ANSWER,
            json!({"s": survey, "a": answers(4), "c": "IN_APP", "l": learner}),
        )
        .await;
    assert_eq!(code(&not_hers), "FORBIDDEN");
    // 0陌生: one of the courtyard's four households is in the registry.
    let cov = app
        .ok(
            Some(&staff),
            Some("alpha"),
            "{ householdCoverage { visited unplaced courtyards { name households visited rate } } }",
            json!({}),
        )
        .await["householdCoverage"]
        .clone();
    assert_eq!(cov["visited"], 1);
    assert_eq!(
        cov["courtyards"],
        json!([{"name": "花园颐院", "households": 4, "visited": 1, "rate": 0.25}])
    );
    let refused = app
        .gql(
            Some(&leader),
            Some("alpha"),
            "{ householdCoverage { visited } }",
            json!({}),
        )
        .await;
    assert_eq!(code(&refused), "FORBIDDEN");
    // Two scores for one rating is a mistake.
    let two = app
        .gql(
            Some(&wang),
            Some("alpha"),
            ANSWER,
            json!({"s": survey, "a": [{"questionId": q[2], "choices": [1, 2]}], "c": "IN_APP"}),
        )
        .await;
    assert_eq!(code(&two), "BAD_USER_INPUT");
    let v = app
        .ok(
            Some(&staff),
            Some("alpha"),
            "{ surveys { nodes { responseCount responsesByChannel { channel responses } questions { tallies } } } }",
            json!({}),
        )
        .await["surveys"]["nodes"][0]
        .clone();
    assert_eq!(v["responseCount"], 4);
    assert_eq!(
        v["responsesByChannel"],
        json!([{"channel": "DOOR_TO_DOOR", "responses": 2},
               {"channel": "IN_APP", "responses": 1}, {"channel": "QQ_GROUP", "responses": 1}])
    );
    assert_eq!(v["questions"][2]["tallies"], json!([0, 0, 0, 1, 3]));
    // Another community's staff cannot see it through their own community.
    let other = app
        .ok(
            Some(&beta_staff),
            Some("beta"),
            "{ surveys { nodes { id } } }",
            json!({}),
        )
        .await;
    assert_eq!(other["surveys"]["nodes"], json!([]));

    // Closed: the page says so and offers no way to answer.
    app.ok(
        Some(&staff),
        Some("alpha"),
        "mutation($s: ID!) { closeSurvey(surveyId: $s) }",
        json!({"s": survey}),
    )
    .await;
    let (_, html) = page(path).await;
    assert!(html.contains("已经结束") && !html.contains("登录后作答"));
}
