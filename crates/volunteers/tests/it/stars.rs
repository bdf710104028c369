//! 志愿者星级: a level follows verified hours against the community's thresholds, recomputed
//! as hours are verified and when the thresholds change; its figures recount from its changes.

use chrono::{Duration, NaiveDate, Utc};
use uuid::Uuid;
use volunteers::hours::service::{self as hours, HoursInput};
use volunteers::posts::service as posts;
use volunteers::registry::service as registry;

use crate::volunteering::active;
use crate::{Env, code};

async fn level(env: &Env, volunteer: Uuid) -> (i16, i64) {
    let all = registry::volunteers(&env.staff(), None).await.unwrap();
    let v = all.into_iter().find(|v| v.id == volunteer).unwrap();
    (v.star_level, v.verified_minutes)
}

#[tokio::test]
async fn a_star_level_follows_verified_hours_and_the_thresholds() {
    let env = Env::new().await;
    let staff = env.staff();
    assert_eq!(
        registry::star_thresholds(&staff).await.unwrap(),
        [100, 300, 600, 1000, 1500]
    );
    for bad in [
        &[1, 2, 3, 4][..],
        &[1, 2, 2, 4, 5],
        &[0, 2, 3, 4, 5],
        &[5, 4, 3, 2, 1],
    ] {
        assert_eq!(
            code(registry::set_star_thresholds(&staff, bad).await),
            "BAD_USER_INPUT"
        );
    }
    let (me, volunteer) = active(&env, 1).await;
    assert_eq!(
        code(registry::set_star_thresholds(&me, &[1, 2, 3, 4, 5]).await),
        "FORBIDDEN"
    );
    registry::set_star_thresholds(&staff, &[1, 2, 3, 4, 5])
        .await
        .unwrap();

    let post = posts::create_post(&staff, "civility_patrol", "夜间巡查", "", 10)
        .await
        .unwrap();
    let day = infra::local_time::date_of(Utc::now()) - Duration::days(1);
    let served = |on: NaiveDate| HoursInput {
        volunteer_id: None,
        post_id: Some(post.id),
        shift_id: None,
        served_on: on,
        minutes: 60,
        card_id: None,
    };
    let first = hours::record(&me, served(day)).await.unwrap();
    // Recorded is not verified: no star yet.
    assert_eq!(level(&env, volunteer).await, (0, 0));
    hours::verify(&staff, first.id).await.unwrap();
    assert_eq!(level(&env, volunteer).await, (1, 60));
    let two = [
        hours::record(&me, served(day - Duration::days(1)))
            .await
            .unwrap()
            .id,
        hours::record(&me, served(day - Duration::days(2)))
            .await
            .unwrap()
            .id,
    ];
    hours::verify_all(&staff, &two).await.unwrap();
    assert_eq!(level(&env, volunteer).await, (3, 180));
    // A declined record adds nothing.
    let no = hours::record(&me, served(day - Duration::days(3)))
        .await
        .unwrap();
    hours::decline(&staff, no.id, "没有签到").await.unwrap();
    assert_eq!(level(&env, volunteer).await, (3, 180));

    // Higher thresholds lower the level at once.
    registry::set_star_thresholds(&staff, &[2, 4, 6, 8, 10])
        .await
        .unwrap();
    assert_eq!(level(&env, volunteer).await, (1, 180));

    // The figures the triggers wrote equal the recount from the recorded changes: level 1
    // +1 −1 +1, level 3 +1 −1 — net one one-star volunteer.
    let mut tx = env.db.tenant_tx(&env.alpha).await.unwrap();
    let events: Vec<(String, NaiveDate, i64)> = sqlx::query_as(
        "SELECT figure, day, sum(delta)::bigint FROM figure_events
          WHERE figure LIKE 'volunteers.stars_%' GROUP BY 1, 2 HAVING sum(delta) <> 0
          ORDER BY 1, 2",
    )
    .fetch_all(&mut *tx)
    .await
    .unwrap();
    let mut recount: Vec<_> = hours::figures(&mut tx)
        .await
        .unwrap()
        .into_iter()
        .filter(|(f, _, v)| f.starts_with("volunteers.stars_") && *v != 0)
        .collect();
    recount.sort();
    assert_eq!(events, recount);
    let net: i64 = events
        .iter()
        .filter(|e| e.0 == "volunteers.stars_one")
        .map(|e| e.2)
        .sum();
    assert_eq!(net, 1);
}
