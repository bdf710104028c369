//! The time bank from staff's pages (issue 32), a volunteer from application to certificate:
//! the resident applies, staff accept and record a training, make a post and a shift, enter a
//! day's sheet and verify it (points paid), issue the certificate (a PDF saved), put a reward
//! on offer and hand the resident's redemption over by scanning its code with the camera, then
//! grant and reverse points and set the rules — each read back through the API; axe on each
//! page. (The resident's own steps are API calls: their phone pages are issue 33.)

use serde_json::json;

use crate::TestApp;
use crate::console::{district_with_officer, onboard_liuli};
use crate::console_browser::Browser;

#[tokio::test]
async fn a_volunteer_goes_from_application_to_certificate_and_spends_the_points() {
    let app = TestApp::spawn().await;
    let root = district_with_officer(&app).await;
    onboard_liuli(&app, &root).await;
    app.member(&root, "liuli-staff", "STAFF", "liuli").await;
    let resident = app.member(&root, "liuli-res", "RESIDENT", "liuli").await;
    let q = |token: String, query: &'static str, vars: serde_json::Value| {
        let app = &app;
        async move { app.ok(Some(&token), Some("liuli"), query, vars).await }
    };
    q(
        resident.clone(),
        "mutation { registerVolunteer(skills: [\"理发\"]) { id } }",
        json!({}),
    )
    .await;

    let dir = crate::temp_dir("console-timebank");
    let b = Browser::open(&app.base(), &dir).await;
    b.sign_in("liuli-staff", "password-123").await;
    b.tab("志愿者").await;
    b.wait_text("待审核").await;
    b.click("通过").await;
    b.wait_text("张三 已在册").await;
    b.click("张三").await;
    b.click("记培训").await;
    b.fill("title", "急救培训").await;
    b.click("记录").await;
    b.wait_text("培训已记录").await;
    b.wait_text("急救培训").await;
    b.assert_accessible("a volunteer").await;
    b.click_css(".ant-drawer-close").await;

    b.tab("岗位与排班").await;
    b.click("新增岗位").await;
    b.choose("type", "社区服务岗").await;
    b.fill("title", "助老探访").await;
    b.click("新增").await;
    b.wait_text("岗位已新增").await;
    b.click("新增班次").await;
    b.choose("postId", "助老探访").await;
    b.fill("place", "三号院").await;
    b.fill("needed", "2").await;
    b.click("新增").await;
    b.wait_text("班次已新增").await;
    let from = chrono::Utc::now().to_rfc3339();
    let shift = q(
        resident.clone(),
        "query($f: DateTime!) { volunteerShifts(from: $f) { id } }",
        json!({"f": from}),
    )
    .await["volunteerShifts"][0]["id"]
        .clone();
    q(
        resident.clone(),
        "mutation($s: ID!) { signUpForShift(shiftId: $s) { id } }",
        json!({"s": shift}),
    )
    .await;
    b.reload().await;
    b.wait_text("1 / 2").await;
    b.assert_accessible("posts and shifts").await;
    b.screenshot("55-staff-posts").await;

    // A day's paper sheet entered at once, then verified: 90 minutes at 10 an hour.
    b.tab("志愿时长").await;
    b.click("录入当日签到表").await;
    b.choose("postId", "助老探访").await;
    b.choose("rows_0_volunteerId", "张三").await;
    b.fill("rows_0_minutes", "90").await;
    b.click("录入全部").await;
    b.wait_text("已录入 1 人，待核验").await;
    b.click_css(".ant-table-tbody .ant-checkbox-input").await;
    b.click("核验所选（1）").await;
    b.wait_text("已核验 1 条，发放 15 积分").await;
    b.assert_accessible("volunteer hours").await;

    b.tab("志愿者").await;
    b.click("张三").await;
    b.wait_text("1.5").await;
    b.click("开具服务证明（PDF）").await;
    let pdf = std::fs::read(b.downloaded("pdf").await).unwrap();
    assert!(pdf.starts_with(b"%PDF"), "a PDF certificate");
    b.screenshot("56-staff-volunteer").await;
    b.click_css(".ant-drawer-close").await;

    b.tab("积分兑换").await;
    b.click("新增").await;
    b.fill("name", "理发券").await;
    b.fill("price", "10").await;
    b.click("上架").await;
    b.wait_text("已上架").await;
    let reward =
        q(resident.clone(), "{ rewards { id } }", json!({})).await["rewards"][0]["id"].clone();
    let redeemed = q(
        resident.clone(),
        "mutation($r: ID!) { redeemReward(key: \"haircut-1\", rewardId: $r) { id } }",
        json!({"r": reward}),
    )
    .await;
    let redemption = redeemed["redeemReward"]["id"].clone();
    let code = q(
        resident.clone(),
        "query($r: ID!) { redemptionCode(redemptionId: $r) { token } }",
        json!({"r": redemption}),
    )
    .await["redemptionCode"]["token"]
        .as_str()
        .unwrap()
        .to_owned();
    // The resident's phone shows the code at the counter; staff scan it with the camera.
    b.show_camera(&code);
    b.click("用摄像头扫兑换码").await;
    b.wait_text("已交付：张三 · 理发券 × 1").await;
    b.assert_accessible("rewards").await;
    b.screenshot("57-staff-rewards").await;
    let mine = q(resident.clone(), "{ redemptions { status } }", json!({})).await;
    assert_eq!(mine["redemptions"], json!([{"status": "HANDED_OVER"}]));

    // Points granted to the resident and the grant reversed with a reason; the rules set.
    b.tab("积分账户").await;
    b.wait_text("账目一致").await;
    b.click_row("张三", "发放").await;
    b.fill("amount", "5").await;
    b.fill("memo", "重阳节慰问").await;
    b.click("确认发放").await;
    b.wait_text("积分已发放").await;
    b.click("张三").await;
    b.wait_text("重阳节慰问").await;
    b.click_row("重阳节慰问", "冲正").await;
    b.fill("memo", "发错了人").await;
    b.click("确认冲正").await;
    b.wait_text("已冲正").await;
    b.click_css(".ant-drawer-close").await;
    b.click("修改规则").await;
    b.switch_on("expires").await;
    b.fill("days", "365").await;
    b.fill("maxPerTransfer", "20").await;
    b.fill("maxPerMonth", "60").await;
    b.click("保存").await;
    b.wait_text("规则已保存").await;
    b.wait_text("365 天").await;
    b.assert_accessible("points accounts").await;
    b.screenshot("58-staff-accounts").await;

    let staff = app.login("liuli-staff", "password-123").await;
    let v = q(staff.clone(), "{ volunteers { id status } }", json!({})).await;
    assert_eq!(v["volunteers"][0]["status"], "ACTIVE");
    let vid = v["volunteers"][0]["id"].clone();
    let read = q(
        staff.clone(),
        "query($v: ID!) { volunteerTrainings(volunteerId: $v) { title } volunteerStatement(volunteerId: $v) { verifiedMinutes pointsEarned balance }
           timeBankSettings { expiryDays transferLimits { maxPerTransfer maxPerMonth } } ledgerCheck { mismatched } }",
        json!({"v": vid}),
    )
    .await;
    assert_eq!(read["volunteerTrainings"], json!([{"title": "急救培训"}]));
    // Earned 15, spent 10, granted 5 and the grant reversed: 5 left.
    assert_eq!(
        read["volunteerStatement"],
        json!({"verifiedMinutes": 90, "pointsEarned": 15, "balance": 5})
    );
    assert_eq!(
        read["timeBankSettings"],
        json!({"expiryDays": 365, "transferLimits": {"maxPerTransfer": 20, "maxPerMonth": 60}})
    );
    assert_eq!(read["ledgerCheck"]["mismatched"], json!([]));
    b.sign_out().await;
}
