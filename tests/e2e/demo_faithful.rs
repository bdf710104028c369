//! The demo read back through the API against the seed reports (issue 29): what kind each
//! community is, which rooms cost points, 东环路's cards, 博园's universities, teams,
//! activities, lists and demands, 金竹苑's clubs and survey, 冯小玲's class, and that every demo
//! login lands on a community with data.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::TestApp;

const PASSWORD: &str = "linli-demo-2026";

#[tokio::test]
async fn the_demo_tells_the_seed_reports_own_story() {
    let database_url = infra::testing::fresh_database().await;
    let app = TestApp::start_demo(database_url, crate::temp_dir("demo-faithful")).await;
    let admin = app.login("admin", PASSWORD).await;
    let ok = |token: &str, slug: Option<&str>, q: &str| {
        let (token, slug, q) = (token.to_string(), slug.map(str::to_string), q.to_string());
        let app = &app;
        async move { app.ok(Some(&token), slug.as_deref(), &q, json!({})).await }
    };

    // Kinds as the reports frame them (seeds 000–004).
    let districts = ok(
        &admin,
        None,
        "{ districts { code communities { slug kind households } } }",
    )
    .await;
    let mut kinds = BTreeMap::new();
    for d in districts["districts"].as_array().unwrap() {
        for c in d["communities"].as_array().unwrap() {
            kinds.insert(c["slug"].as_str().unwrap().to_string(), c["kind"].clone());
        }
    }
    assert_eq!(kinds["xinhua"], "COMMERCIAL_HOUSING");
    assert_eq!(kinds["donghuanlu"], "OLD_COURTYARD");
    assert_eq!(kinds["xingjiaqiao"], "MIXED");
    assert_eq!(kinds["jinzhuyuan"], "PUBLIC_RENTAL");
    assert_eq!(kinds["boyuan"], "UNIVERSITY_TOWN");
    // 新华 sits under 中和街道 of 高新区, which its district admin sees.
    let gaoxin = app.login("gaoxin-admin", PASSWORD).await;
    let d = ok(
        &gaoxin,
        None,
        r#"{ district(code: "510109-zhonghe") { name communities { slug } } }"#,
    )
    .await;
    assert_eq!(d["district"]["name"], "中和街道");
    assert_eq!(d["district"]["communities"], json!([{"slug": "xinhua"}]));

    // 新华's five spaces are free; 博园's cost the points volunteers earn.
    let xinhua = app.login("xinhua-admin", PASSWORD).await;
    let spaces = ok(&xinhua, Some("xinhua"), "{ spaces { name pointsPerHour } }").await;
    let spaces = spaces["spaces"].as_array().unwrap();
    assert_eq!(spaces.len(), 5);
    assert!(spaces.iter().all(|s| s["pointsPerHour"] == 0), "{spaces:?}");
    let boyuan = app.login("boyuan-staff", PASSWORD).await;
    let paid = ok(&boyuan, Some("boyuan"), "{ spaces { name pointsPerHour } }").await;
    assert!(
        paid["spaces"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["pointsPerHour"] == 10)
    );
    // A grid worker of 博园's 第一网格 shows the door-to-door pages.
    let grid_worker = app.login("boyuan-grid", PASSWORD).await;
    let mine = ok(
        &grid_worker,
        Some("boyuan"),
        "{ myGrids courtyards { id name } }",
    )
    .await;
    let first: Vec<&Value> = mine["courtyards"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| mine["myGrids"].as_array().unwrap().contains(&c["id"]))
        .collect();
    assert_eq!(first.len(), 1);
    assert_eq!(first[0]["name"], "第一网格");
    // 新华 has no partner university: seed 000 names none.
    let partners = ok(
        &xinhua,
        Some("xinhua"),
        "{ communityPartners { organisation { name } } }",
    )
    .await;
    assert_eq!(partners["communityPartners"], json!([]));

    // 东环路: 12 unit cards, 3 enterprise cards, 15 courtyard cards — one for 花园颐院, which is
    // 东环路355号; its 微基金 is money (a co-governance fund), not points.
    let donghuan = app.login("donghuan-admin", PASSWORD).await;
    let cards = ok(
        &donghuan,
        Some("donghuanlu"),
        "{ pointsAccounts(kind: COLLECTIVE) { name collectiveKind } }",
    )
    .await;
    let cards = cards["pointsAccounts"].as_array().unwrap();
    let count = |k: &str| cards.iter().filter(|c| c["collectiveKind"] == k).count();
    assert_eq!(
        (count("PARTY_UNIT"), count("ENTERPRISE"), count("COURTYARD")),
        (12, 3, 15)
    );
    let yards: Vec<&str> = cards
        .iter()
        .filter_map(|c| c["name"].as_str())
        .filter(|n| n.contains("花园颐院") || n.contains("355"))
        .collect();
    assert_eq!(yards.len(), 1, "{yards:?}");
    let funds = ok(&donghuan, Some("donghuanlu"), "{ funds { name } }").await;
    assert!(
        funds["funds"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["name"] == "院落改造微基金")
    );

    // 博园: 16 teams of 5 universities, 60余 activities, lists 资源/服务/项目, 24 demands of
    // which 21 solved, the courses seed 004 names.
    let partners = ok(
        &boyuan,
        Some("boyuan"),
        "{ communityPartners { organisation { name } teams { name } } }",
    )
    .await;
    let partners = partners["communityPartners"].as_array().unwrap();
    assert_eq!(partners.len(), 5);
    let teams: Vec<&Value> = partners
        .iter()
        .flat_map(|p| p["teams"].as_array().unwrap())
        .collect();
    assert_eq!(teams.len(), 16);
    assert!(teams.iter().any(|t| t["name"] == "温大知心姐姐"));
    assert!(teams.iter().any(|t| t["name"] == "温商E米阳光"));
    let agreements = ok(
        &boyuan,
        Some("boyuan"),
        "{ agreements { activities { title } } }",
    )
    .await;
    let activities: usize = agreements["agreements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["activities"].as_array().unwrap().len())
        .sum();
    assert!((60..70).contains(&activities), "60余场: {activities}");
    let kinds = ok(&boyuan, Some("boyuan"), "{ listKinds { name } }").await;
    let names: Vec<&str> = kinds["listKinds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["资源清单", "服务清单", "项目清单"]);
    let demands = ok(&boyuan, Some("boyuan"), "{ demands(all: true) { status } }").await;
    let demands = demands["demands"].as_array().unwrap();
    assert_eq!(demands.len(), 24);
    let solved = demands
        .iter()
        .filter(|d| d["status"] == "RESOLVED" || d["status"] == "CONFIRMED")
        .count();
    assert_eq!(solved, 21);
    let courses = ok(
        &boyuan,
        Some("boyuan"),
        "{ courses(first: 50) { nodes { title } } }",
    )
    .await;
    let titles: Vec<&str> = courses["courses"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["title"].as_str().unwrap())
        .collect();
    for named in [
        "周六课堂",
        "遇见小古文",
        "瑜伽公益课",
        "手机摄影",
        "隔代教育",
    ] {
        assert!(titles.contains(&named), "{named} in {titles:?}");
    }

    // 金竹苑: 5 federations, 34 clubs, the 订单式 survey, 陈启惠 a learner in it.
    let jinzhuyuan = app.login("jinzhuyuan-staff", PASSWORD).await;
    let clubs = ok(
        &jinzhuyuan,
        Some("jinzhuyuan"),
        "{ clubs(first: 100) { nodes { name federation { name } } } }",
    )
    .await;
    let clubs = clubs["clubs"]["nodes"].as_array().unwrap();
    assert_eq!(clubs.len(), 34);
    let surveys = ok(
        &jinzhuyuan,
        Some("jinzhuyuan"),
        "{ surveys { nodes { title responseCount questions { prompt } } } }",
    )
    .await;
    let survey = &surveys["surveys"]["nodes"][0];
    assert_eq!(survey["responseCount"], 1);
    assert_eq!(
        survey["questions"][0]["prompt"],
        "您是否支持社区开办兴趣班？"
    );

    // 邢家桥: 冯小玲's oil painting, eleven learners.
    let xing = app.login("xingjiaqiao-admin", PASSWORD).await;
    let courses = ok(
        &xing,
        Some("xingjiaqiao"),
        "{ courses(first: 50) { nodes { title enrolledCount teachers { name } } } }",
    )
    .await;
    let painting = courses["courses"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["title"] == "油画")
        .cloned()
        .expect("冯小玲's class");
    assert_eq!(painting["enrolledCount"], 11);
    // The afternoon the report tells of: all eleven there (the attendance marked, read from
    // the community's table: no query lists a past session's attendance).
    let pool = app.pool().await;
    let present: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM c_xingjiaqiao.attendance a
           JOIN c_xingjiaqiao.course_sessions s ON s.id = a.session_id
           JOIN c_xingjiaqiao.courses c ON c.id = s.course_id
          WHERE c.title = '油画' AND a.present",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(present, 11);
    assert_eq!(painting["teachers"][0]["name"], "冯小玲");

    // 两江新区's own rules (月月有活动、季季有交流、年年有展演) hold for its streets' communities;
    // its viewer reads them on the dashboard, sets none; a district sets only catalogue figures.
    let viewer = app.login("liangjiang-viewer", PASSWORD).await;
    let targets = ok(
        &viewer,
        None,
        r#"{ districtTargets(districtCode: "500192-kangmei") { name districtCode } }"#,
    )
    .await;
    let mut names: Vec<&str> = targets["districtTargets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    names.sort_unstable();
    let mut expected = ["年年有展演", "月月有活动", "季季有交流"];
    expected.sort_unstable();
    assert_eq!(names, expected);
    let year = chrono::Utc::now().format("%Y").to_string();
    let dash = ok(&viewer, None, &format!(r#"{{ districtDashboard(districtCode: "500192", from: "{year}-01-01", to: "{year}-12-31") {{ targets {{ target {{ name }} met periods }} }} }}"#)).await;
    let shown = dash["districtDashboard"]["targets"].as_array().unwrap();
    let performances = shown
        .iter()
        .find(|t| t["target"]["name"] == "年年有展演")
        .unwrap();
    // Two communities, one year: 金竹苑's 非洲鼓 performance meets it (if it fell this year).
    assert_eq!(performances["periods"], 2);
    let refused = app
        .gql(Some(&viewer), None, r#"mutation { setDistrictTarget(districtCode: "500192", input: {name: "x", figure: "courses.events", period: MONTH, minValue: 1}) { name } }"#, json!({}))
        .await;
    assert_eq!(crate::code(&refused), "FORBIDDEN");
    let bad = app
        .gql(Some(&admin), None, r#"mutation { setDistrictTarget(districtCode: "510109", input: {name: "x", figure: "no.such", period: MONTH, minValue: 1}) { name } }"#, json!({}))
        .await;
    assert_eq!(crate::code(&bad), "BAD_USER_INPUT");
    // Its 社区学院 pilot: 金竹苑 and 邢家桥.
    let pilots = ok(
        &viewer,
        None,
        r#"{ pilotGroups(districtCode: "500192") { name communities } }"#,
    )
    .await;
    assert_eq!(
        pilots["pilotGroups"],
        json!([{"name": "兴趣两江社区学院试点", "communities": ["jinzhuyuan", "xingjiaqiao"]}])
    );
    // 高新区's 每月两堂公益课 threshold is its own once it sets one.
    ok(&admin, None, r#"mutation { setDistrictTarget(districtCode: "510109", input: {name: "每月三堂公益课", figure: "courses.public_sessions", period: MONTH, minValue: 3}) { name } }"#).await;
    let dash = ok(&gaoxin, None, &format!(r#"{{ districtDashboard(districtCode: "510109", from: "{year}-01-01", to: "{year}-12-31") {{ cadence {{ target }} }} }}"#)).await;
    assert_eq!(dash["districtDashboard"]["cadence"]["target"], 3);

    // Every community has a staff login that lands on its courses.
    for (login, slug) in [
        ("xinhua-admin", "xinhua"),
        ("donghuan-admin", "donghuanlu"),
        ("bailian-admin", "bailian"),
        ("bailian-staff", "bailian"),
        ("jinzhuyuan-staff", "jinzhuyuan"),
        ("xingjiaqiao-admin", "xingjiaqiao"),
        ("boyuan-staff", "boyuan"),
    ] {
        let token = app.login(login, PASSWORD).await;
        let c = ok(
            &token,
            Some(slug),
            "{ courses(first: 1) { nodes { title } } }",
        )
        .await;
        assert_eq!(
            c["courses"]["nodes"].as_array().unwrap().len(),
            1,
            "{login}"
        );
        let inv = ok(&token, Some(slug), "{ invitation { code } }").await;
        assert!(
            inv["invitation"]["code"].is_string(),
            "{login}: an invitation to print"
        );
    }
}
