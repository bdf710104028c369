//! A university registers itself on the public page, adds a student, forms two teams and asks
//! 琉璃社区 to partner; the community approves; then its team works there: books a room for the
//! team, joins the time bank with it, proposes to a micro-venture call and completes the
//! awarded milestone, records an activity under its agreement, and the university-wide view
//! counts it and exports it (issue 34) — each step read back through the API, axe on every
//! page.

use serde_json::json;

use crate::TestApp;
use crate::console::{district_with_officer, onboard_liuli};
use crate::console_browser::Browser;

#[tokio::test]
async fn a_university_registers_forms_two_teams_and_is_approved() {
    let app = TestApp::spawn().await;
    let root = district_with_officer(&app).await;
    onboard_liuli(&app, &root).await;
    let staff = app.member(&root, "liuli-staff", "STAFF", "liuli").await;

    let dir = crate::temp_dir("console-university");
    let b = Browser::open(&app.base(), &dir).await;
    b.goto("").await;
    b.find(fantoccini::Locator::LinkText(
        "高校、企业、社会组织：注册成为共建单位",
    ))
    .await
    .click()
    .await
    .unwrap();
    b.wait_text("共建单位注册").await;
    b.assert_accessible("registration").await;
    b.fill("name", "温州大学").await;
    b.fill("contact", "0577-86680000").await;
    b.fill("loginName", "wzu-admin").await;
    b.fill("displayName", "温大联络人").await;
    b.fill("password", "wzu-password-1").await;
    b.click("注册").await;
    b.wait_text("共建关系").await;
    b.wait_text("温州大学").await;

    b.click("添加成员").await;
    b.fill("displayName", "李同学").await;
    b.fill("loginName", "wzu-li").await;
    b.fill("password", "wzu-password-2").await;
    b.click_in("ant-modal-body", "添加").await;
    b.wait_text("已添加").await;
    b.wait_text("李同学").await;
    for (team, leader) in [("支教队", "温大联络人"), ("助老队", "李同学")] {
        b.click("组建团队").await;
        b.fill("name", team).await;
        b.choose("leaderId", leader).await;
        b.fill("contact", "0577-86680001").await;
        b.click_in("ant-modal-body", "组建").await;
        b.wait_text("团队已组建").await;
        b.wait_text(team).await;
    }
    b.click("申请共建").await;
    b.fill("slug", "liuli").await;
    b.click_in("ant-modal-body", "提交申请").await;
    b.wait_text("已提交共建申请").await;
    b.assert_accessible("the organisation").await;
    b.screenshot("82-university-organisation").await;

    // The community approves; the organisation reads it back.
    let asked = app
        .ok(
            Some(&staff),
            Some("liuli"),
            "{ partnershipRequests { partnership { id } organisation { name } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        asked["partnershipRequests"][0]["organisation"]["name"],
        "温州大学"
    );
    app.ok(
        Some(&staff),
        Some("liuli"),
        "mutation($p: ID!) { decidePartnership(id: $p, approve: true) { status } }",
        json!({"p": asked["partnershipRequests"][0]["partnership"]["id"]}),
    )
    .await;
    let admin = app.login("wzu-admin", "wzu-password-1").await;
    let mine = app
        .ok(
            Some(&admin),
            None,
            "{ myOrganisations { myRole teams { name } members { displayName } partnerships { status } } }",
            json!({}),
        )
        .await;
    let o = &mine["myOrganisations"][0];
    assert_eq!(o["myRole"], "ADMIN");
    assert_eq!(o["teams"], json!([{"name": "助老队"}, {"name": "支教队"}]));
    assert_eq!(o["members"].as_array().unwrap().len(), 2, "{o}");
    assert_eq!(o["partnerships"], json!([{"status": "APPROVED"}]));
    b.reload().await;
    b.wait_text("已通过").await;

    // The community's side of the work: a room, a call for proposals, an agreement with 支教队.
    app.open_space(&staff, "liuli", "多功能活动室").await;
    let deadline = (chrono::Utc::now() + chrono::Duration::days(30))
        .format("%Y-%m-%d")
        .to_string();
    let call = app
        .ok(Some(&staff), Some("liuli"),
            "mutation($d: Date!) { postVentureCall(title: \"楼道适老化改造\", problem: \"老人上下楼难\", budgetYuan: 8000, deadline: $d) }",
            json!({"d": deadline}))
        .await["postVentureCall"]
        .clone();
    let org = app
        .ok(
            Some(&admin),
            None,
            "{ myOrganisations { organisation { id } teams { id name } } }",
            json!({}),
        )
        .await["myOrganisations"][0]
        .clone();
    let teach = org["teams"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "支教队")
        .unwrap()["id"]
        .clone();
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    let ends = (chrono::Utc::now() + chrono::Duration::days(365))
        .format("%Y-%m-%d")
        .to_string();
    app.ok(Some(&staff), Some("liuli"),
        "mutation($o: ID!, $t: ID!, $s: Date!, $e: Date!) { signAgreement(input: {organisationId: $o, teamId: $t, title: \"支教协议\", startsOn: $s, endsOn: $e, commitments: [{kind: ANY, per: MONTH, count: 1}]}) }",
        json!({"o": org["organisation"]["id"], "t": teach, "s": today, "e": ends}))
        .await;

    b.tab("团队工作").await;
    b.choose("work-team", "支教队").await;
    b.choose("spaceId", "多功能活动室").await;
    b.fill("purpose", "周末支教课").await;
    b.click("预约").await;
    b.wait_text("场地已预约").await;
    b.fill("skills", "书法").await;
    b.click("我以团队身份加入时间银行").await;
    b.wait_text("已以团队身份注册为志愿者").await;
    b.assert_accessible("the team at work").await;
    b.screenshot("83-university-team-at-work").await;

    b.tab("微创投").await;
    b.click("提交方案").await;
    b.choose("teamId", "支教队").await;
    b.fill("title", "扶手和夜灯").await;
    b.fill("plan", "学生测量楼道，装扶手和感应夜灯").await;
    b.click_in("ant-modal-body", "提交").await;
    b.wait_text("方案已提交").await;
    let calls = app
        .ok(
            Some(&staff),
            Some("liuli"),
            "{ ventureCalls { id proposals { id teamName title } } }",
            json!({}),
        )
        .await;
    let proposal = &calls["ventureCalls"][0]["proposals"][0];
    assert_eq!(
        (
            &calls["ventureCalls"][0]["id"],
            &proposal["teamName"],
            &proposal["title"]
        ),
        (&call, &json!("支教队"), &json!("扶手和夜灯"))
    );
    app.ok(Some(&staff), Some("liuli"),
        "mutation($p: ID!, $d: Date!) { awardVenture(proposalId: $p, milestones: [{title: \"装好扶手\", dueOn: $d}]) { id } }",
        json!({"p": proposal["id"], "d": deadline}))
        .await;
    b.reload().await;
    b.tab("微创投").await;
    b.click("标记完成").await;
    b.fill("note", "三栋扶手已装好").await;
    b.click_in("ant-modal-body", "完成").await;
    b.wait_text("里程碑已完成").await;
    b.assert_accessible("the micro-ventures").await;

    b.tab("联建协议").await;
    b.click("记一次活动").await;
    b.choose("kind", "其他").await;
    b.fill("title", "暑期支教开班").await;
    b.click_in("ant-modal-body", "记录").await;
    b.wait_text("活动已记录").await;
    b.assert_accessible("the agreements").await;
    let kept = app.ok(Some(&staff), Some("liuli"),
        "query($d: Date!) { ventureCalls { milestones { doneAt note } } agreements { activities { title kind } } bookings(from: $d, days: 7) { teamName purpose } }",
        json!({"d": today})).await;
    assert_eq!(
        kept["ventureCalls"][0]["milestones"][0]["note"],
        "三栋扶手已装好"
    );
    assert_eq!(
        kept["agreements"][0]["activities"],
        json!([{"title": "暑期支教开班", "kind": "OTHER"}])
    );
    assert_eq!(
        kept["bookings"],
        json!([{"teamName": "支教队", "purpose": "周末支教课"}])
    );
    let joined = app
        .ok(
            Some(&staff),
            Some("liuli"),
            "query($t: ID!) { teamService(teamId: $t) { volunteers } }",
            json!({"t": teach}),
        )
        .await;
    assert_eq!(joined["teamService"]["volunteers"], 1);

    b.tab("汇总与导出").await;
    b.wait_text("1 次活动").await;
    b.assert_accessible("the university-wide view").await;
    b.screenshot("84-university-summary").await;
    b.click("导出表格（CSV）").await;
    let csv = std::fs::read_to_string(b.downloaded("csv").await).unwrap();
    assert!(
        csv.contains("\"琉璃社区\",\"支教队\",\"0.0\",\"0\",\"1\""),
        "{csv}"
    );
    b.sign_out().await;
}
