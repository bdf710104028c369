use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use uuid::Uuid;
use volunteers::ledger::model::{AccountKind, ClientKey, FUND, IdempotencyKey, TransferKind};
use volunteers::ledger::service::{self as ledger, Recipient, TransferLimits};
use volunteers::rewards::model::RewardKind;
use volunteers::rewards::service as rewards;

use crate::{Env, code};

fn key(s: &str) -> ClientKey {
    ClientKey::parse(s).unwrap()
}

/// Person accounts for these residents, created as first use would.
async fn open_accounts(env: &Env, people: &[Uuid]) -> Vec<Uuid> {
    let mut tx = env.db.tenant_tx(&env.alpha).await.unwrap();
    let mut ids = Vec::new();
    for p in people {
        ids.push(
            ledger::own_account(&mut tx, &env.resident(*p))
                .await
                .unwrap(),
        );
    }
    tx.commit().await.unwrap();
    ids
}

#[derive(Clone, Debug)]
enum Op {
    Grant {
        to: usize,
        amount: i64,
    },
    Send {
        from: usize,
        to: usize,
        amount: i64,
    },
    Redeem {
        who: usize,
        goods: bool,
        quantity: i32,
    },
    /// Reverse the transfer op `of` made, if it made one.
    Reverse {
        of: usize,
    },
    /// Cancel the redemption op `of` made, if it made one.
    Cancel {
        of: usize,
    },
}

#[derive(Clone, Debug)]
enum Outcome {
    Moved(Uuid),
    Redeemed { redemption: Uuid, transfer: Uuid },
    Refused(&'static str),
    Skipped,
}

#[tokio::test]
async fn ten_thousand_random_movements_keep_the_books_exact() {
    let env = Env::new().await;
    let staff = env.staff();
    let people: Vec<Uuid> = (0..50).map(|i| Uuid::from_u128(1000 + i)).collect();
    let accounts = open_accounts(&env, &people).await;
    for (i, a) in accounts.iter().enumerate() {
        ledger::grant(
            &staff,
            key(&format!("seed-{i:04}")),
            Recipient::Account(*a),
            100,
            None,
        )
        .await
        .unwrap();
    }
    ledger::set_transfer_limits(
        &staff,
        TransferLimits {
            max_per_transfer: 1000,
            max_per_month: 1_000_000,
        },
    )
    .await
    .unwrap();
    let bag = rewards::create_reward(&staff, "环保袋", RewardKind::Goods, 5, Some(300))
        .await
        .unwrap();
    let haircut = rewards::create_reward(&staff, "理发", RewardKind::Service, 10, None)
        .await
        .unwrap();

    // The script: ops, each with its key; one in ten replays an earlier op's key, mostly with
    // the same content, sometimes with other content.
    let mut rng = StdRng::seed_from_u64(20261201);
    let mut script: Vec<(String, Op)> = Vec::new();
    for i in 0..10_000usize {
        if i > 100 && rng.random_bool(0.1) {
            let j = rng.random_range(0..i);
            let (k, op) = script[j].clone();
            let op = if rng.random_bool(0.2) {
                match op {
                    Op::Grant { to, amount } => Op::Grant {
                        to,
                        amount: amount + 1,
                    },
                    Op::Send { from, to, amount } => Op::Send {
                        from,
                        to,
                        amount: amount + 1,
                    },
                    other => other,
                }
            } else {
                op
            };
            script.push((k, op));
            continue;
        }
        let who = rng.random_range(0..50);
        let op = match rng.random_range(0..100) {
            0..20 => Op::Grant {
                to: who,
                amount: rng.random_range(1..50),
            },
            20..55 => Op::Send {
                from: who,
                to: (who + rng.random_range(1..50)) % 50,
                amount: rng.random_range(1..40),
            },
            55..80 => Op::Redeem {
                who,
                goods: rng.random_bool(0.5),
                quantity: rng.random_range(1..4),
            },
            80..92 if i > 0 => Op::Reverse {
                of: rng.random_range(0..i),
            },
            _ if i > 0 => Op::Cancel {
                of: rng.random_range(0..i),
            },
            _ => Op::Grant { to: who, amount: 1 },
        };
        script.push((format!("op-{i:06}"), op));
    }

    let outcomes: Arc<Mutex<HashMap<usize, Outcome>>> = Arc::default();
    let done = Arc::new(std::sync::atomic::AtomicBool::new(false));
    // A watcher: no balance and no stock is ever seen below zero.
    let watcher = {
        let (db, tenant, done) = (env.db.clone(), env.alpha.clone(), done.clone());
        tokio::spawn(async move {
            let mut looks = 0;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                let mut tx = db.tenant_tx(&tenant).await.unwrap();
                let (balance, stock): (i64, i32) = sqlx::query_as(
                    "SELECT (SELECT min(balance) FROM points_accounts),
                            (SELECT min(stock) FROM rewards WHERE stock IS NOT NULL)",
                )
                .fetch_one(&mut *tx)
                .await
                .unwrap();
                assert!(
                    balance >= 0 && stock >= 0,
                    "seen {balance} points, {stock} bags"
                );
                tx.commit().await.unwrap();
                looks += 1;
            }
            looks
        })
    };
    let gate = Arc::new(tokio::sync::Semaphore::new(32));
    let mut tasks = tokio::task::JoinSet::new();
    for (i, (k, op)) in script.iter().cloned().enumerate() {
        let permit = gate.clone().acquire_owned().await.unwrap();
        let (outcomes, people, accounts) = (outcomes.clone(), people.clone(), accounts.clone());
        let (staff, env_ctx) = (env.staff(), op.clone());
        let ctx_of = |p: usize| env.resident(people[p]);
        let ctx = match &env_ctx {
            Op::Send { from, .. } => Some(ctx_of(*from)),
            Op::Redeem { who, .. } => Some(ctx_of(*who)),
            _ => None,
        };
        let (bag, haircut) = (bag.id, haircut.id);
        tasks.spawn(async move {
            let earlier = |j: usize| outcomes.lock().unwrap().get(&j).cloned();
            let result = match op {
                Op::Grant { to, amount } => ledger::grant(
                    &staff,
                    key(&k),
                    Recipient::Account(accounts[to]),
                    amount,
                    None,
                )
                .await
                .map(|t| Outcome::Moved(t.id)),
                Op::Send { to, amount, .. } => {
                    ledger::send(ctx.as_ref().unwrap(), key(&k), people[to], amount, None)
                        .await
                        .map(|t| Outcome::Moved(t.id))
                }
                Op::Redeem {
                    goods, quantity, ..
                } => {
                    let reward = if goods { bag } else { haircut };
                    rewards::redeem(ctx.as_ref().unwrap(), key(&k), reward, quantity)
                        .await
                        .map(|r| Outcome::Redeemed {
                            redemption: r.id,
                            transfer: r.transfer_id,
                        })
                }
                Op::Reverse { of } => match earlier(of) {
                    Some(Outcome::Moved(t)) | Some(Outcome::Redeemed { transfer: t, .. }) => {
                        ledger::reverse(&staff, key(&k), t, None)
                            .await
                            .map(|t| Outcome::Moved(t.id))
                    }
                    _ => Ok(Outcome::Skipped),
                },
                Op::Cancel { of } => match earlier(of) {
                    Some(Outcome::Redeemed { redemption, .. }) => {
                        rewards::cancel(&staff, redemption, None)
                            .await
                            .map(|r| Outcome::Moved(r.reversal_id.unwrap()))
                    }
                    _ => Ok(Outcome::Skipped),
                },
            };
            let outcome = result.unwrap_or_else(|e| Outcome::Refused(e.code.as_str()));
            if let Outcome::Refused(c) = outcome {
                assert!(
                    matches!(
                        c,
                        "INSUFFICIENT_POINTS" | "OUT_OF_STOCK" | "CONFLICT" | "BAD_USER_INPUT"
                    ),
                    "op {i}: {c}"
                );
            }
            outcomes.lock().unwrap().insert(i, outcome);
            drop(permit);
        });
    }
    while let Some(r) = tasks.join_next().await {
        r.unwrap();
    }
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    assert!(watcher.await.unwrap() > 0);

    // Each key moved points once: every success under one key names the same transfer.
    let outcomes = outcomes.lock().unwrap().clone();
    let mut by_key: HashMap<&str, Vec<Uuid>> = HashMap::new();
    for (i, (k, _)) in script.iter().enumerate() {
        match outcomes[&i] {
            Outcome::Moved(t) | Outcome::Redeemed { transfer: t, .. } => {
                by_key.entry(k.as_str()).or_default().push(t)
            }
            _ => {}
        }
    }
    for (k, ts) in &by_key {
        assert!(
            ts.iter().all(|t| *t == ts[0]),
            "key {k} moved twice: {ts:?}"
        );
    }
    let refusals = outcomes
        .values()
        .filter(|o| matches!(o, Outcome::Refused(_)))
        .count();
    assert!(
        refusals > 0 && by_key.len() > 5_000,
        "{refusals} refused, {} keys",
        by_key.len()
    );

    // The books: what people, cards and the fund hold is what was issued less what burned,
    // every kept balance equals its recount, and each key is one transfer.
    let check = ledger::check(&staff).await.unwrap();
    assert!(check.mismatched.is_empty(), "{:?}", check.mismatched);
    assert_eq!(check.held, check.issued - check.burned);
    // (A cancellation's reversal is keyed by the system, once per redemption; it is counted
    // under the op that made it.)
    let seeded = 50;
    assert_eq!(check.transfers as usize, seeded + by_key.len());
    let mut tx = env.db.tenant_tx(&env.alpha).await.unwrap();
    let (stock, taken): (i32, i64) = sqlx::query_as(
        "SELECT (SELECT stock FROM rewards WHERE name = '环保袋'),
                (SELECT coalesce(sum(quantity), 0) FROM redemptions r JOIN rewards w ON w.id = r.reward_id
                  WHERE w.name = '环保袋' AND r.status = 'redeemed')::bigint",
    )
    .fetch_one(&mut *tx)
    .await
    .unwrap();
    assert_eq!(i64::from(stock) + taken, 300);
    let fund = ledger::accounts(&staff, Some(AccountKind::Fund))
        .await
        .unwrap();
    assert_eq!(fund[0].id, FUND);
    tx.commit().await.unwrap();
}

#[tokio::test]
async fn the_fund_takes_a_thousand_redemptions_at_once_exactly() {
    let env = Env::new().await;
    let staff = env.staff();
    let people: Vec<Uuid> = (0..1000).map(|i| Uuid::from_u128(5000 + i)).collect();
    let accounts = open_accounts(&env, &people).await;
    for (i, a) in accounts.iter().enumerate() {
        ledger::grant(
            &staff,
            key(&format!("seed-{i:04}")),
            Recipient::Account(*a),
            30,
            None,
        )
        .await
        .unwrap();
    }
    let tea = rewards::create_reward(&staff, "茶话会", RewardKind::Service, 7, None)
        .await
        .unwrap();
    let mut tasks = tokio::task::JoinSet::new();
    for (i, p) in people.iter().enumerate() {
        let ctx = env.resident(*p);
        tasks.spawn(async move {
            rewards::redeem(&ctx, key(&format!("tea-{i:05}")), tea.id, 1)
                .await
                .map(|_| ())
                .map_err(|e| e.code.as_str())
        });
    }
    let mut ok = 0;
    while let Some(r) = tasks.join_next().await {
        r.unwrap().unwrap();
        ok += 1;
    }
    assert_eq!(ok, 1000);
    let fund = ledger::accounts(&staff, Some(AccountKind::Fund))
        .await
        .unwrap();
    assert_eq!(fund[0].balance, 7_000);
    // A debit of the fund folds its pending credits first: it can spend all of them, no more.
    let first = accounts[0];
    let t = ledger::grant(
        &staff,
        key("fund-out-1"),
        Recipient::Account(first),
        1,
        None,
    )
    .await
    .unwrap();
    assert_eq!(t.amount, 1);
    let mut tx = env.db.tenant_tx(&env.alpha).await.unwrap();
    let by = Uuid::from_u128(0x5747);
    let spend = |amount, k: &str| volunteers::ledger::model::Movement {
        key: IdempotencyKey::of_client(by, &key(k)),
        kind: TransferKind::Grant,
        from: FUND,
        to: first,
        amount,
        attributed_to: None,
        reverses: None,
        reference: None,
        memo: None,
    };
    assert_eq!(
        code(ledger::move_points(&mut tx, by, &spend(7_001, "fund-out-2")).await),
        "INSUFFICIENT_POINTS"
    );
    drop(tx);
    let mut tx = env.db.tenant_tx(&env.alpha).await.unwrap();
    ledger::move_points(&mut tx, by, &spend(7_000, "fund-out-3"))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let fund = ledger::accounts(&staff, Some(AccountKind::Fund))
        .await
        .unwrap();
    assert_eq!(fund[0].balance, 0);
    let check = ledger::check(&staff).await.unwrap();
    assert!(check.mismatched.is_empty());
    assert_eq!(check.held, check.issued - check.burned);
}

#[tokio::test]
async fn replays_corrections_and_refusals_are_coded() {
    let env = Env::new().await;
    let staff = env.staff();
    let (li, wang) = (Uuid::from_u128(11), Uuid::from_u128(12));
    let accounts = open_accounts(&env, &[li]).await;
    let li_ctx = env.resident(li);

    let first = ledger::grant(
        &staff,
        key("grant-li-0001"),
        Recipient::Account(accounts[0]),
        50,
        None,
    )
    .await
    .unwrap();
    let again = ledger::grant(
        &staff,
        key("grant-li-0001"),
        Recipient::Account(accounts[0]),
        50,
        None,
    )
    .await
    .unwrap();
    assert_eq!(first, again);
    assert_eq!(
        code(
            ledger::grant(
                &staff,
                key("grant-li-0001"),
                Recipient::Account(accounts[0]),
                51,
                None
            )
            .await
        ),
        "CONFLICT"
    );
    assert_eq!(
        ledger::my_account(&li_ctx).await.unwrap().unwrap().balance,
        50
    );
    assert_eq!(
        code(
            ledger::grant(
                &li_ctx,
                key("self-grant-01"),
                Recipient::Account(accounts[0]),
                5,
                None
            )
            .await
        ),
        "FORBIDDEN"
    );
    assert_eq!(
        code(
            ledger::grant(
                &staff,
                key("zero-amount-1"),
                Recipient::Account(accounts[0]),
                0,
                None
            )
            .await
        ),
        "BAD_USER_INPUT"
    );
    assert!(ClientKey::parse("short").is_err());

    // To a neighbour who keeps no points here: nobody to receive them.
    assert_eq!(
        code(ledger::send(&li_ctx, key("send-wang-01"), wang, 10, None).await),
        "NOT_FOUND"
    );
    open_accounts(&env, &[wang]).await;
    assert_eq!(
        code(ledger::send(&li_ctx, key("send-wang-02"), wang, 500, None).await),
        "CONFLICT"
    );
    ledger::send(&li_ctx, key("send-wang-03"), wang, 40, None)
        .await
        .unwrap();
    assert_eq!(
        code(ledger::send(&li_ctx, key("send-wang-04"), wang, 20, None).await),
        "INSUFFICIENT_POINTS"
    );

    // Corrections: a reversal, once; a reversal is not itself reversed.
    let rev = ledger::reverse(&staff, key("reverse-grant-1"), first.id, None)
        .await
        .map(|t| t.id);
    // 李 has 10 left of the 50 granted: the reversal would overdraw.
    assert_eq!(code(rev), "INSUFFICIENT_POINTS");
    let sent = ledger::grant(
        &staff,
        key("grant-li-0002"),
        Recipient::Account(accounts[0]),
        100,
        None,
    )
    .await
    .unwrap();
    let rev = ledger::reverse(
        &staff,
        key("reverse-grant-2"),
        sent.id,
        Some("录入错误".into()),
    )
    .await
    .unwrap();
    assert_eq!((rev.reverses, rev.amount), (Some(sent.id), 100));
    assert_eq!(
        code(ledger::reverse(&staff, key("reverse-grant-3"), sent.id, None).await),
        "CONFLICT"
    );
    assert_eq!(
        code(ledger::reverse(&staff, key("reverse-grant-4"), rev.id, None).await),
        "BAD_USER_INPUT"
    );

    // Goods run out with a coded refusal; a cancellation gives points and stock back.
    let kettle = rewards::create_reward(&staff, "电水壶", RewardKind::Goods, 5, Some(1))
        .await
        .unwrap();
    let bought = rewards::redeem(&li_ctx, key("kettle-0001"), kettle.id, 1)
        .await
        .unwrap();
    let wang_ctx = env.resident(wang);
    assert_eq!(
        code(rewards::redeem(&wang_ctx, key("kettle-0002"), kettle.id, 1).await),
        "OUT_OF_STOCK"
    );
    // The same key again: the first redemption, nothing taken twice.
    let replay = rewards::redeem(&li_ctx, key("kettle-0001"), kettle.id, 1)
        .await
        .unwrap();
    assert_eq!(replay.id, bought.id);
    assert_eq!(
        ledger::my_account(&li_ctx).await.unwrap().unwrap().balance,
        5
    );
    rewards::cancel(&li_ctx, bought.id, None).await.unwrap();
    assert_eq!(
        code(rewards::cancel(&li_ctx, bought.id, None).await),
        "CONFLICT"
    );
    assert_eq!(
        ledger::my_account(&li_ctx).await.unwrap().unwrap().balance,
        10
    );
    rewards::redeem(&wang_ctx, key("kettle-0003"), kettle.id, 1)
        .await
        .unwrap();
}

#[tokio::test]
async fn the_database_refuses_edits_and_overdrafts_made_in_sql() {
    let env = Env::new().await;
    let staff = env.staff();
    let accounts = open_accounts(&env, &[Uuid::from_u128(21)]).await;
    let t = ledger::grant(
        &staff,
        key("grant-sql-01"),
        Recipient::Account(accounts[0]),
        10,
        None,
    )
    .await
    .unwrap();
    for attack in [
        format!("UPDATE points_transfers SET amount = 1000 WHERE id = '{}'", t.id),
        format!("DELETE FROM points_transfers WHERE id = '{}'", t.id),
        "TRUNCATE points_transfers CASCADE".to_string(),
        format!("UPDATE points_accounts SET balance = -1 WHERE id = '{}'", accounts[0]),
        format!(
            "INSERT INTO points_transfers (id, key, fingerprint, kind, from_account, to_account, amount, created_by)
             VALUES (gen_random_uuid(), 'sql-overdraft', '', 'transfer', '{}', '{}', 11, gen_random_uuid())",
            accounts[0], FUND
        ),
    ] {
        let mut tx = env.db.tenant_tx(&env.alpha).await.unwrap();
        let r = sqlx::raw_sql(sqlx::AssertSqlSafe(attack.clone()))
            .execute(&mut *tx)
            .await;
        assert!(r.is_err(), "{attack} went through");
    }
    let check = ledger::check(&staff).await.unwrap();
    assert_eq!((check.issued, check.held, check.transfers), (10, 10, 1));
}
