//! 白莲社区's farm: 20 plots claimed by 25 households at once, the waiting list in order,
//! neglect warned then released to the waiting list, renewal with priority.

use chrono::{Duration, Utc};
use spaces::farm::service::{self as svc, ClaimOutcome, SeasonInput};
use spaces::rooms::model::SpaceKind;

use crate::{Env, code};

#[tokio::test]
async fn twenty_plots_twenty_five_households_neglect_and_renewal() {
    let env = Env::new().await;
    let staff = env.staff();
    let farm = spaces::rooms::service::create_space(&staff, "生态农场", SpaceKind::Farm, 100)
        .await
        .unwrap()
        .unwrap();
    let plots = svc::add_plots(
        &staff,
        farm.id,
        (1..=20).map(|i| (format!("A-{i:02}"), 12.5)).collect(),
    )
    .await
    .unwrap();
    assert_eq!(plots.len(), 20);
    let room = spaces::rooms::service::create_space(&staff, "书画室", SpaceKind::FunctionRoom, 20)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        code(svc::add_plots(&staff, room.id, vec![("X".into(), 1.0)]).await),
        "BAD_USER_INPUT"
    );
    let today = Utc::now().date_naive();
    let season = svc::create_season(
        &staff,
        SeasonInput {
            name: "2026 春季".into(),
            starts_on: today - Duration::days(1),
            ends_on: today + Duration::days(90),
            claims_open_on: today,
            neglect_days: 14,
        },
    )
    .await
    .unwrap();

    let households: Vec<_> = (0..25)
        .map(|i| env.scope(&format!("住户{i}"), &[]))
        .collect();
    let tasks: Vec<_> = households
        .iter()
        .cloned()
        .map(|h| tokio::spawn(async move { svc::claim_plot(&h, season.id, None, today).await }))
        .collect();
    let (mut claims, mut waiting) = (Vec::new(), Vec::new());
    for (i, t) in tasks.into_iter().enumerate() {
        match t.await.unwrap().unwrap() {
            ClaimOutcome::Claimed(c) => claims.push((i, c)),
            ClaimOutcome::Waiting { position } => waiting.push((i, position)),
        }
    }
    assert_eq!((claims.len(), waiting.len()), (20, 5));
    let mut places: Vec<i64> = waiting.iter().map(|w| w.1).collect();
    places.sort();
    assert_eq!(places, [1, 2, 3, 4, 5]);
    let mut held: Vec<_> = claims.iter().map(|c| c.1.plot_id).collect();
    held.sort();
    held.dedup();
    assert_eq!(held.len(), 20, "one household per plot");
    let (first, first_claim) = &claims[0];
    assert_eq!(
        code(svc::claim_plot(&households[*first], season.id, None, today).await),
        "CONFLICT",
        "one plot a household"
    );

    // Half the tenders record a duty on day 10; on day 15 the others are warned, once.
    for (i, c) in claims.iter().take(10) {
        svc::record_duty(
            &households[*i],
            c.id,
            "watering",
            Some("浇了水"),
            Utc::now() + Duration::days(10),
            None,
        )
        .await
        .unwrap();
    }
    let someone_else = env.scope("邻居", &[]);
    assert_eq!(
        code(
            svc::record_duty(
                &someone_else,
                first_claim.id,
                "weeding",
                None,
                Utc::now(),
                None
            )
            .await
        ),
        "NOT_FOUND"
    );
    let day15 = Utc::now() + Duration::days(15);
    assert_eq!(svc::tend_farm(&staff, day15).await.unwrap().warned, 10);
    assert_eq!(
        svc::tend_farm(&staff, day15).await.unwrap(),
        Default::default(),
        "idempotent"
    );
    // One warned tender tends in time and keeps the plot; nine are released on day 19 and the
    // five waiting get plots, in order.
    let (late, late_claim) = &claims[10];
    svc::record_duty(
        &households[*late],
        late_claim.id,
        "weeding",
        None,
        Utc::now() + Duration::days(16),
        None,
    )
    .await
    .unwrap();
    let round = svc::tend_farm(&staff, Utc::now() + Duration::days(19))
        .await
        .unwrap();
    assert_eq!((round.released, round.reassigned), (9, 5));
    let all = svc::season_claims(&staff, season.id).await.unwrap();
    let active = all
        .iter()
        .filter(|c| c.status == svc::ClaimStatus::Active)
        .count();
    assert_eq!(active, 11 + 5);
    let first_waiting = waiting.iter().find(|w| w.1 == 1).unwrap().0;
    let told = notifications::service::my_notifications(&households[first_waiting], false, None)
        .await
        .unwrap();
    assert_eq!(told[0].kind, notifications::NoticeKind::PlotAssigned);

    // Next season: before claims open, only tenders in good standing renew their plot.
    let next = svc::create_season(
        &staff,
        SeasonInput {
            name: "2026 秋季".into(),
            starts_on: today + Duration::days(91),
            ends_on: today + Duration::days(180),
            claims_open_on: today + Duration::days(85),
            neglect_days: 14,
        },
    )
    .await
    .unwrap();
    svc::renew_plot(&households[*first], season.id, next.id, first_claim.plot_id)
        .await
        .unwrap();
    let (released_one, released_claim) = &claims[19];
    assert_eq!(
        code(
            svc::renew_plot(
                &households[*released_one],
                season.id,
                next.id,
                released_claim.plot_id
            )
            .await
        ),
        "FORBIDDEN"
    );
    assert_eq!(
        code(svc::claim_plot(&someone_else, next.id, None, today).await),
        "BAD_USER_INPUT",
        "claims not open yet"
    );
}
