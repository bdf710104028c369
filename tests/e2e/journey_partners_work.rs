//! Partners' work in the community from staff's pages (issue 32): a team's service looked at
//! and a room booked for it weekly,
//! an alliance (共同体) formed with a partner's part,
//! an agreement signed with a commitment, activities recorded against it and one voided, and a
//! micro-venture from call to closing — scored, awarded with milestones, a milestone done with
//! a photo, the project closed — each read back through the API; axe on each page. (The
//! university's own steps — proposing, its milestone — are API calls: its pages are issue 34.)

use serde_json::json;

use crate::console_browser::Browser;
use crate::partner_abuse::Partnered;

#[tokio::test]
async fn an_agreement_is_delivered_and_a_venture_runs_from_call_to_closing() {
    let p = Partnered::new().await;
    let app = &p.app;
    let room = app
        .ok(
            Some(&p.staff),
            Some("alpha"),
            r#"mutation { createSpace(name: "活动室", kind: FUNCTION_ROOM, capacity: 30) { id } }"#,
            json!({}),
        )
        .await["createSpace"]["id"]
        .clone();
    let spans: Vec<_> = (1..=7)
        .map(|d| json!({"weekday": d, "opens": "08:00", "closes": "21:00"}))
        .collect();
    app.ok(
        Some(&p.staff),
        Some("alpha"),
        "mutation($s: ID!, $h: [OpeningSpanInput!]!) { setOpeningHours(spaceId: $s, spans: $h) { weekday } }",
        json!({"s": room, "h": spans}),
    )
    .await;
    // The courses the university's students teach here, which activities name.
    for title in ["中医养生讲座", "八段锦"] {
        app.ok(
            Some(&p.staff),
            Some("alpha"),
            "mutation($t: String!) { createCourse(input: {title: $t, category: \"health\", audience: ALL, format: LECTURE, capacity: 30}) { id } }",
            json!({"t": title}),
        )
        .await;
    }
    let dir = crate::temp_dir("console-partners-work");
    let b = Browser::open(&app.base(), &dir).await;
    b.sign_in("alpha-staff", "password-123").await;

    b.tab("共建伙伴").await;
    b.click("中医药健康服务队").await;
    b.wait_text("0 名志愿者，服务 0.0 小时").await;
    // A room booked for the team, weekly for two weeks.
    b.choose("spaceId", "活动室").await;
    b.fill("purpose", "中医义诊").await;
    b.fill("weeks", "2").await;
    b.click("预约").await;
    b.wait_text("已为团队预约场地").await;
    b.wait_text("王老师").await;
    b.click("组建共同体").await;
    b.fill("name", "健康服务共同体").await;
    b.click("组建").await;
    b.wait_text("共同体已组建").await;
    b.click("加入单位或调整分工").await;
    b.choose("organisationId", "温州医科大学").await;
    b.fill("part", "中医健康讲座").await;
    b.click("保存").await;
    b.wait_text("中医健康讲座").await;
    b.assert_accessible("partners").await;
    let staff = app.login("alpha-staff", "password-123").await;
    let from = (chrono::Utc::now() + chrono::Duration::hours(8))
        .date_naive()
        .to_string();
    let booked = app
        .ok(
            Some(&staff),
            Some("alpha"),
            "query($f: Date!) { bookings(from: $f, days: 62) { purpose } }",
            json!({"f": from}),
        )
        .await;
    let team_bookings = booked["bookings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["purpose"] == "中医义诊")
        .count();
    assert_eq!(team_bookings, 2, "{booked}");
    let alliances = app
        .ok(
            Some(&staff),
            Some("alpha"),
            "{ partnerAlliances { alliance { name } members { organisationId part } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        alliances["partnerAlliances"],
        json!([{"alliance": {"name": "健康服务共同体"}, "members": [{"organisationId": p.org, "part": "中医健康讲座"}]}])
    );

    b.tab("联建协议").await;
    b.click("签订协议").await;
    b.choose("organisationId", "温州医科大学").await;
    b.choose("teamId", "中医药健康服务队").await;
    b.fill("title", "校社共建协议").await;
    b.click("签订").await;
    b.wait_text("协议已签订").await;
    for (course, title) in [("中医养生讲座", "中医养生讲座"), ("八段锦", "重复录入")]
    {
        b.click("记一次活动").await;
        b.choose("reference", course).await;
        b.fill("title", title).await;
        b.click("记录").await;
        b.wait_text("活动已记录").await;
        b.wait_text(title).await;
    }
    b.wait_text("2 / 1").await;
    b.click_row("重复录入", "作废").await;
    b.fill("reason", "同一次讲座录了两遍").await;
    b.click("确认作废").await;
    b.wait_text("已作废：同一次讲座录了两遍").await;
    b.wait_text("1 / 1").await;
    b.assert_accessible("agreements").await;
    b.screenshot("59-staff-agreement").await;
    let agreements = app
        .ok(
            Some(&staff),
            Some("alpha"),
            "{ agreements { teamName activities { title voided } delivery { per committed held from } } }",
            json!({}),
        )
        .await;
    let a = &agreements["agreements"][0];
    assert_eq!(a["teamName"], "中医药健康服务队");
    assert_eq!(a["delivery"][0]["committed"], 1);
    assert_eq!(
        a["delivery"][0]["held"], 1,
        "the voided one no longer counts: {a}"
    );
    let voided: Vec<_> = a["activities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["voided"] == true)
        .map(|x| x["title"].clone())
        .collect();
    assert_eq!(voided, vec![json!("重复录入")]);

    b.tab("微创投").await;
    b.click("发布微创投项目征集").await;
    b.fill("title", "楼道微更新").await;
    b.fill("problem", "老院落楼道堆物，老人出行不便").await;
    b.click("发布").await;
    b.wait_text("征集已发布").await;
    let call = app
        .ok(
            Some(&staff),
            Some("alpha"),
            "{ ventureCalls { id } }",
            json!({}),
        )
        .await["ventureCalls"][0]["id"]
        .clone();
    app.ok(
        Some(&p.admin),
        Some("alpha"),
        "mutation($c: ID!, $t: ID!) { proposeVenture(callId: $c, teamId: $t, title: \"清理楼道\", plan: \"学生每周清理一次\", budgetYuan: 3000) }",
        json!({"c": call, "t": p.team}),
    )
    .await;
    b.reload().await;
    b.wait_text("清理楼道").await;
    b.click("评分").await;
    b.fill("score", "85").await;
    b.fill("comment", "方案可行").await;
    b.click("提交评分").await;
    b.wait_text("85.0（1 人评）").await;
    b.click("立项").await;
    b.fill("milestones_0_title", "第一次清理").await;
    b.fill("milestones_1_title", "第二次清理").await;
    b.click("确认立项").await;
    b.wait_text("已立项").await;
    b.click("标记完成").await;
    b.fill("note", "三号楼清理完毕").await;
    let photo = dir.join("clean.png");
    image::DynamicImage::new_rgb8(64, 64).save(&photo).unwrap();
    b.upload(&photo).await;
    b.click("完成").await;
    b.wait_text("里程碑已完成").await;
    // The team marks the second one done from its side.
    let milestones = app
        .ok(
            Some(&staff),
            Some("alpha"),
            "{ ventureCalls { milestones { id doneAt } } }",
            json!({}),
        )
        .await;
    let open = milestones["ventureCalls"][0]["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["doneAt"].is_null())
        .unwrap()["id"]
        .clone();
    app.ok(
        Some(&p.admin),
        Some("alpha"),
        "mutation($m: ID!) { completeVentureMilestone(milestoneId: $m, note: \"五号楼清理完毕\") { id } }",
        json!({"m": open}),
    )
    .await;
    b.reload().await;
    b.wait_text("五号楼清理完毕").await;
    b.click("结项").await;
    b.fill("report", "两栋楼道清理完毕，居民满意").await;
    b.click("提交结项").await;
    b.wait_text("结项报告：两栋楼道清理完毕，居民满意").await;
    b.assert_accessible("micro-ventures").await;
    b.screenshot("60-staff-venture").await;
    let calls = app
        .ok(
            Some(&staff),
            Some("alpha"),
            "{ ventureCalls { status project { status closingReport } milestones { doneAt photoUrl } proposals { meanScore } } }",
            json!({}),
        )
        .await;
    let c = &calls["ventureCalls"][0];
    assert_eq!(c["status"], "AWARDED");
    assert_eq!(c["project"]["status"], "DONE");
    assert_eq!(c["proposals"][0]["meanScore"], 85.0);
    let photos = c["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["photoUrl"].is_string())
        .count();
    assert_eq!(photos, 1, "{c}");
    b.sign_out().await;
}
