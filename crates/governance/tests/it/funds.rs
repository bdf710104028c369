//! Funds: never below zero, movements never edited, requests decided once by someone else.

use futures::future::join_all;
use governance::funds::model::{IncomeKind, MovementKind, RequestStatus};
use governance::funds::service as funds;

use crate::{Env, code};

#[tokio::test]
async fn a_fund_pays_what_it_holds_and_keeps_every_movement() {
    let env = Env::new(8).await;
    let (staff, other_staff, resident) = (env.staff(1), env.staff(2), env.resident(1));
    let fund = funds::create_fund(&staff, "院落改造微基金", "院落微更新")
        .await
        .unwrap();
    assert_eq!(
        code(funds::create_fund(&staff, "院落改造微基金", "再来").await),
        "CONFLICT"
    );
    assert_eq!(
        code(funds::create_fund(&resident, "居民基金", "x").await),
        "FORBIDDEN"
    );
    assert_eq!(
        code(funds::record_income(&resident, fund.id, IncomeKind::Donation, 100, "捐", None).await),
        "FORBIDDEN"
    );
    assert_eq!(
        code(funds::record_income(&staff, fund.id, IncomeKind::Donation, 0, "捐", None).await),
        "BAD_USER_INPUT"
    );
    let gift = funds::record_income(
        &staff,
        fund.id,
        IncomeKind::Donation,
        50_000,
        "爱心捐赠",
        Some("王阿姨"),
    )
    .await
    .unwrap();
    assert_eq!(
        (gift.kind, gift.amount_fen),
        (MovementKind::Donation, 50_000)
    );

    // A member asks; the asker's own approval is refused, even for staff asking.
    let ask = funds::request_spending(&resident, fund.id, "3 号院修花台", 80_000)
        .await
        .unwrap();
    assert_eq!(ask.status, RequestStatus::Requested);
    let own = funds::request_spending(&staff, fund.id, "买工具", 1_000)
        .await
        .unwrap();
    assert_eq!(
        code(funds::decide_request(&staff, own.id, true, None).await),
        "FORBIDDEN"
    );
    // More than the fund holds: refused, the request still waits, nothing written.
    assert_eq!(
        code(funds::decide_request(&staff, ask.id, true, None).await),
        "INSUFFICIENT_FUNDS"
    );
    let waiting = funds::requests(&staff, Some(fund.id)).await.unwrap();
    assert!(waiting.iter().all(|r| r.status == RequestStatus::Requested));
    funds::record_income(&staff, fund.id, IncomeKind::Grant, 30_000, "街道拨款", None)
        .await
        .unwrap();
    let (paid, movement) = funds::decide_request(&staff, ask.id, true, None)
        .await
        .unwrap();
    assert_eq!(paid.status, RequestStatus::Paid);
    assert_eq!(movement.unwrap().amount_fen, -80_000);
    assert_eq!(
        code(funds::decide_request(&other_staff, ask.id, false, Some("重复")).await),
        "CONFLICT"
    );
    // Declining needs a reason.
    assert_eq!(
        code(funds::decide_request(&other_staff, own.id, false, None).await),
        "BAD_USER_INPUT"
    );
    let (declined, none) = funds::decide_request(&other_staff, own.id, false, Some("已有工具"))
        .await
        .unwrap();
    assert_eq!(
        (declined.status, none.is_none()),
        (RequestStatus::Declined, true)
    );
    // A resident sees only their own requests.
    let mine = funds::requests(&resident, None).await.unwrap();
    assert_eq!(mine.len(), 1);

    // Reversing the grant would take the fund below zero: refused. The gift's reversal is
    // also refused (spent); a new donation then reversed works, once.
    let extra = funds::record_income(&staff, fund.id, IncomeKind::Sale, 2_500, "义卖", None)
        .await
        .unwrap();
    let rev = funds::reverse(&staff, extra.id, "记错了").await.unwrap();
    assert_eq!(
        (rev.kind, rev.amount_fen, rev.reverses),
        (MovementKind::Reversal, -2_500, Some(extra.id))
    );
    assert_eq!(
        code(funds::reverse(&staff, extra.id, "再冲").await),
        "CONFLICT"
    );
    assert_eq!(
        code(funds::reverse(&staff, rev.id, "冲冲正").await),
        "BAD_USER_INPUT"
    );
    assert_eq!(
        code(funds::reverse(&staff, gift.id, "撤回").await),
        "INSUFFICIENT_FUNDS"
    );

    // The public statement: every movement, the reversed one marked, the balance their sum.
    let statement = funds::statement(&resident, fund.id, 100).await.unwrap();
    assert_eq!(statement.len(), 5);
    assert!(statement.iter().any(|m| m.id == extra.id && m.reversed));
    let sum: i64 = statement.iter().map(|m| m.amount_fen).sum();
    let fund_now = funds::funds(&resident).await.unwrap().pop().unwrap();
    assert_eq!((sum, fund_now.balance_fen), (0, 0));

    // Past the services: no movement edited, deleted or truncated, no balance written by hand,
    // no spending without a request, no reversal that is not the exact opposite.
    for attack in [
        format!("UPDATE fund_movements SET amount_fen = 1 WHERE id = '{}'", gift.id),
        format!("DELETE FROM fund_movements WHERE id = '{}'", gift.id),
        "TRUNCATE fund_movements CASCADE".to_string(),
        format!("UPDATE funds SET balance_fen = 999999 WHERE id = '{}'", fund.id),
        format!(
            "INSERT INTO fund_movements (id, fund_id, kind, amount_fen, purpose, recorded_by)
             VALUES (gen_random_uuid(), '{}', 'donation', -5, 'x', gen_random_uuid())",
            fund.id
        ),
        format!(
            "INSERT INTO fund_movements (id, fund_id, kind, amount_fen, purpose, reverses, recorded_by)
             VALUES (gen_random_uuid(), '{}', 'reversal', 1, 'x', '{}', gen_random_uuid())",
            fund.id, ask.id
        ),
        format!("UPDATE fund_requests SET status = 'requested', decided_by = NULL, decided_at = NULL WHERE id = '{}'", ask.id),
    ] {
        assert!(env.raw(attack.clone()).await.is_err(), "{attack} went through");
    }
}

/// A thousand approvals race for a fund holding 500 元 in requests of 1 元: exactly 500 are
/// paid, the rest refused with INSUFFICIENT_FUNDS and left waiting; the balance is zero and
/// equals the movements' sum.
#[tokio::test]
async fn a_thousand_concurrent_spends_never_take_a_fund_below_zero() {
    let env = Env::new(40).await;
    let (staff, approver) = (env.staff(1), env.staff(2));
    let fund = funds::create_fund(&staff, "共享基金", "邻里互助")
        .await
        .unwrap();
    funds::record_income(&staff, fund.id, IncomeKind::Donation, 50_000, "善款", None)
        .await
        .unwrap();
    let asks = join_all((0..1000).map(|i| {
        let r = env.resident(i);
        let fund = fund.id;
        async move {
            funds::request_spending(&r, fund, "互助", 100)
                .await
                .unwrap()
        }
    }))
    .await;
    let outcomes = join_all(
        asks.iter()
            .map(|a| funds::decide_request(&approver, a.id, true, None)),
    )
    .await;
    let paid = outcomes.iter().filter(|o| o.is_ok()).count();
    let refused: Vec<&str> = outcomes
        .into_iter()
        .filter_map(|o| o.err().map(|e| e.code.as_str()))
        .collect();
    assert_eq!(paid, 500);
    assert!(
        refused.iter().all(|c| *c == "INSUFFICIENT_FUNDS"),
        "{refused:?}"
    );
    let fund_now = funds::funds(&staff).await.unwrap().pop().unwrap();
    assert_eq!(fund_now.balance_fen, 0);
    let statement = funds::statement(&staff, fund.id, 500).await.unwrap();
    let spent: i64 = statement
        .iter()
        .filter(|m| m.kind == MovementKind::Spending)
        .map(|m| m.amount_fen)
        .sum();
    assert_eq!(spent, -50_000);
    // The refused stay waiting: another approval after a donation pays one.
    funds::record_income(&staff, fund.id, IncomeKind::Donation, 100, "善款", None)
        .await
        .unwrap();
    let refused_one = asks
        .iter()
        .find(|a| {
            statement.iter().all(|m| {
                m.purpose != a.purpose || m.counterparty.as_deref() != Some(&a.requester_name)
            })
        })
        .unwrap();
    let (again, _) = funds::decide_request(&approver, refused_one.id, true, None)
        .await
        .unwrap();
    assert_eq!(again.status, RequestStatus::Paid);
}
