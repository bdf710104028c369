//! 每月不少于两堂公益课 counted per district follows a community-month both ways: up when it
//! reaches two public-benefit sessions, down when it falls back (a session cancelled, the
//! community withdrawn by a move or a `restore --replace`).

use chrono::NaiveDate;
use dashboards::api::transfer::{self, Totals};
use tenancy::testing::OneCommunity;
use uuid::Uuid;

async fn met(env: &OneCommunity, month: NaiveDate) -> Vec<i64> {
    sqlx::query_scalar(
        "SELECT met FROM platform.cadence_district_monthly WHERE month = $1 ORDER BY district_id",
    )
    .bind(month)
    .fetch_all(env.db.pool())
    .await
    .unwrap()
}

async fn add(env: &OneCommunity, community: Uuid, day: NaiveDate, sessions: i64) {
    // Admitting totals adds them through the one write path, as a fold does.
    let d = Totals {
        flows: vec![("courses.public_sessions".into(), day, sessions)],
        samples: Vec::new(),
    };
    let mut tx = env.db.admin_pool().begin().await.unwrap();
    transfer::admit(&mut tx, community, &d).await.unwrap();
    tx.commit().await.unwrap();
}

#[tokio::test]
async fn a_month_falling_back_under_two_sessions_lowers_the_district_count() {
    let env = OneCommunity::new(
        b"cadence test master secret 32 bytes!",
        "xinhua",
        "新华社区",
        4,
    )
    .await;
    let community = env.tenant.community_id;
    let day = NaiveDate::from_ymd_opt(2026, 11, 14).unwrap();
    let month = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();

    add(&env, community, day, 1).await;
    assert_eq!(
        met(&env, month).await,
        Vec::<i64>::new(),
        "one session is not the target"
    );
    add(&env, community, day, 1).await;
    assert_eq!(met(&env, month).await, vec![1], "two sessions meet it");
    // A session cancelled: the month falls back, and the district's count with it (this
    // decrement was refused by met's CHECK before platform migration 0013).
    add(&env, community, day, -1).await;
    assert_eq!(met(&env, month).await, vec![0]);
    add(&env, community, day, 3).await;
    assert_eq!(met(&env, month).await, vec![1]);

    // Withdrawn (a move, a restore --replace) and admitted again with the same totals.
    let mut tx = env.db.admin_pool().begin().await.unwrap();
    let totals = transfer::withdraw(&mut tx, community).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(met(&env, month).await, vec![0]);
    let mut tx = env.db.admin_pool().begin().await.unwrap();
    transfer::admit(&mut tx, community, &totals).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(met(&env, month).await, vec![1]);
}
