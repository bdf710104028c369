//! Idempotency keys under attack: a member's key can never be one the ledger derives for
//! itself, and a key taken anyway (written past the services) stops only its own account's
//! expiry, never the sweep.

use chrono::Utc;
use uuid::Uuid;
use volunteers::hours::service::{self as hours, HoursInput};
use volunteers::ledger::model::ClientKey;
use volunteers::ledger::service::{self as ledger, Recipient};
use volunteers::rewards::model::RewardKind;
use volunteers::rewards::service as rewards;

use crate::{Env, code};

fn key(s: &str) -> ClientKey {
    ClientKey::parse(s).unwrap()
}

/// Another volunteer's hours are paid under `hours:<id>`: a member (a shift's leader, say)
/// who sends that key first spends it in their own namespace, and the hours are still paid.
#[tokio::test]
async fn a_member_cannot_take_the_key_of_someone_elses_hours() {
    let env = Env::new().await;
    let staff = env.staff();
    let leader = Uuid::from_u128(71);
    let leader_ctx = env.resident(leader);
    let (wang_ctx, _) = crate::volunteering::active(&env, 72).await;
    let post = volunteers::posts::service::create_post(&staff, "sanitation", "楼道清洁", "", 12)
        .await
        .unwrap();
    let h = hours::record(
        &wang_ctx,
        HoursInput {
            volunteer_id: None,
            post_id: Some(post.id),
            shift_id: None,
            served_on: infra::local_time::date_of(Utc::now()),
            minutes: 60,
            card_id: None,
        },
    )
    .await
    .unwrap();
    ledger::grant(
        &staff,
        key("seed-leader-1"),
        Recipient::Person(leader),
        20,
        None,
    )
    .await
    .unwrap();
    let tea = rewards::create_reward(&staff, "茶话会", RewardKind::Service, 1, None)
        .await
        .unwrap();
    let taken = rewards::redeem(&leader_ctx, key(&format!("hours:{}", h.id)), tea.id, 1)
        .await
        .unwrap();
    let paid = hours::verify(&staff, h.id).await.unwrap();
    let points = paid.points.expect("verified hours are paid");
    assert!(points > 0, "{paid:?}");
    assert_ne!(paid.transfer_id, Some(taken.transfer_id));
    assert_eq!(
        ledger::my_account(&wang_ctx)
            .await
            .unwrap()
            .unwrap()
            .balance,
        i64::from(points)
    );
}

/// The database holds the rule too: a client's key names the account that made the transfer.
#[tokio::test]
async fn the_database_refuses_a_key_in_another_senders_namespace() {
    let env = Env::new().await;
    let (li, wang) = (Uuid::from_u128(81), Uuid::from_u128(82));
    ledger::grant(
        &env.staff(),
        key("seed-li-0001"),
        Recipient::Person(li),
        10,
        None,
    )
    .await
    .unwrap();
    let account = ledger::my_account(&env.resident(li))
        .await
        .unwrap()
        .unwrap()
        .id;
    for k in [
        format!("c:{wang}:borrowed-key"),
        "plain-client-key".to_string(),
    ] {
        let mut tx = env.db.tenant_tx(&env.alpha).await.unwrap();
        let r = sqlx::query(
            "INSERT INTO points_transfers (id, key, fingerprint, kind, from_account, to_account, amount, created_by)
             VALUES (gen_random_uuid(), $1, '', 'transfer', $2, '00000000-0000-0000-0000-000000000003', 1, $3)",
        )
        .bind(&k)
        .bind(account)
        .bind(li)
        .execute(&mut *tx)
        .await;
        let e = r.expect_err(&k);
        assert_eq!(
            e.as_database_error().and_then(|d| d.constraint()),
            Some("points_transfers_key_namespace"),
            "{k}"
        );
    }
}

/// An account whose expiry key was taken (written past the services, the only way left) is
/// logged and skipped; the accounts after it still expire.
#[tokio::test]
async fn one_account_failing_does_not_stop_the_expiry_of_the_others() {
    use volunteers::ledger::expiry;
    let env = Env::new().await;
    let staff = env.staff();
    let people: Vec<Uuid> = (0..4).map(|i| Uuid::from_u128(90 + i)).collect();
    let mut accounts = Vec::new();
    for (i, p) in people.iter().enumerate() {
        ledger::grant(
            &staff,
            key(&format!("exp-seed-{i}")),
            Recipient::Person(*p),
            50,
            None,
        )
        .await
        .unwrap();
        accounts.push(
            ledger::my_account(&env.resident(*p))
                .await
                .unwrap()
                .unwrap()
                .id,
        );
    }
    expiry::set_expiry(&staff, Some(30)).await.unwrap();
    let late = Utc::now() + chrono::Duration::days(40);
    let day = infra::local_time::date_of(late);
    // The first account in the sweep's order has its key of that day taken.
    let first = *accounts.iter().min().unwrap();
    let mut tx = env.db.tenant_tx(&env.alpha).await.unwrap();
    sqlx::query(
        "INSERT INTO points_transfers (id, key, fingerprint, kind, from_account, to_account, amount, created_by)
         VALUES (gen_random_uuid(), $1, 'not this movement', 'grant',
                 '00000000-0000-0000-0000-000000000001', $2, 1, $3)",
    )
    .bind(format!("expiry-{day}:{first}"))
    .bind(first)
    .bind(Uuid::from_u128(0x5747))
    .execute(&mut *tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(expiry::expire_points(&staff, late).await.unwrap(), 3);
    for (p, a) in people.iter().zip(&accounts) {
        let left = ledger::my_account(&env.resident(*p))
            .await
            .unwrap()
            .unwrap()
            .balance;
        assert_eq!(left, if *a == first { 51 } else { 0 }, "{a}");
    }
}

#[tokio::test]
async fn points_older_than_the_expiry_burn_once_oldest_first() {
    use volunteers::ledger::expiry;
    let env = Env::new().await;
    let staff = env.staff();
    let (li, wang) = (Uuid::from_u128(31), Uuid::from_u128(32));
    let li_ctx = env.resident(li);
    for (who, k) in [(li, "exp-grant-li"), (wang, "exp-grant-wang")] {
        ledger::grant(&staff, key(k), Recipient::Person(who), 100, None)
            .await
            .unwrap();
    }
    // No expiry set: nothing happens, however late.
    let later = chrono::Utc::now() + chrono::Duration::days(400);
    assert_eq!(expiry::expire_points(&staff, later).await.unwrap(), 0);
    assert_eq!(
        code(expiry::set_expiry(&staff, Some(5)).await),
        "BAD_USER_INPUT"
    );
    expiry::set_expiry(&staff, Some(30)).await.unwrap();
    // Twenty days on, everything is younger than thirty days.
    let soon = chrono::Utc::now() + chrono::Duration::days(20);
    assert_eq!(expiry::expire_points(&staff, soon).await.unwrap(), 0);
    // 李 spends 30 of his 100; forty days on, the 70 left are over age and burn — once.
    ledger::send(&li_ctx, key("exp-send-li-wang"), wang, 30, None)
        .await
        .unwrap();
    let late = chrono::Utc::now() + chrono::Duration::days(40);
    assert_eq!(expiry::expire_points(&staff, late).await.unwrap(), 2);
    assert_eq!(expiry::expire_points(&staff, late).await.unwrap(), 0);
    assert_eq!(
        ledger::my_account(&li_ctx).await.unwrap().unwrap().balance,
        0
    );
    let check = ledger::check(&staff).await.unwrap();
    assert_eq!((check.issued, check.burned, check.held), (200, 200, 0));
    assert!(check.mismatched.is_empty());
}
