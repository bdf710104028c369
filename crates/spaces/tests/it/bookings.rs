//! Two active bookings of one space never overlap, a recurring request is all or nothing,
//! quotas hold under races, sessions and bookings share one calendar.

use chrono::{Duration, Utc};
use spaces::bookings::model::{BookerKind, BookingStatus, QuotaPeriod, QuotaUnit};
use spaces::bookings::service::{self as svc, BookingRequest};
use uuid::Uuid;

use crate::{Env, code, give_points, local, local_day, points_of};

fn request(space: Uuid, at: chrono::DateTime<Utc>, minutes: i32) -> BookingRequest {
    BookingRequest {
        space_id: space,
        starts_at: at,
        minutes,
        group: None,
        purpose: "书法练习".into(),
        attendance: 8,
        weeks: 1,
    }
}

#[tokio::test]
async fn five_hundred_racing_requests_leave_only_non_overlapping_bookings() {
    let env = Env::new().await;
    let space = env.space(false).await;
    // 500 residents, each asking for one hour tomorrow starting on a half hour between
    // 08:00 and 20:30: neighbouring requests overlap by half an hour.
    let tasks: Vec<_> = (0..500)
        .map(|i| {
            let who = env.scope(&format!("居民{i}"), &[]);
            let start = local(1, 8, 0) + Duration::minutes(30 * ((i * 7) % 26) as i64);
            tokio::spawn(
                async move { (start, svc::book(&who, request(space.id, start, 60)).await) },
            )
        })
        .collect();
    let mut won = Vec::new();
    let mut lost = Vec::new();
    for t in tasks {
        match t.await.unwrap() {
            (_, Ok(b)) => won.push((b[0].starts_at, b[0].ends_at)),
            (start, Err(e)) => {
                assert_eq!(e.code.as_str(), "CONFLICT", "{}", e.en);
                assert!(e.zh.contains("该时段已被占用"), "{}", e.zh);
                lost.push(start);
            }
        }
    }
    won.sort();
    assert!(
        won.windows(2).all(|w| w[0].1 <= w[1].0),
        "winners never overlap: {won:?}"
    );
    for l in &lost {
        let end = *l + Duration::hours(1);
        assert!(
            won.iter().any(|(s, e)| s < &end && l < e),
            "every refused request overlaps a booking that won"
        );
    }
    assert_eq!(won.len() + lost.len(), 500);
    // What the database holds agrees: as many slots as winners, none overlapping.
    let staff = env.staff();
    let busy = svc::calendar(
        &staff,
        space.id,
        (Utc::now() + Duration::days(1)).date_naive() - Duration::days(1),
        3,
    )
    .await
    .unwrap();
    assert_eq!(busy.len(), won.len());
}

#[tokio::test]
async fn a_course_session_and_a_booking_race_for_one_slot_and_one_wins() {
    let env = Env::new().await;
    let space = env.space(false).await;
    let at = local(2, 19, 0);
    for round in 0..10 {
        let start = at + Duration::days(round);
        let who = env.scope("居民", &[]);
        let db = env.db.clone();
        let tenant = env.alpha.clone();
        let session = Uuid::now_v7();
        let booking =
            tokio::spawn(async move { svc::book(&who, request(space.id, start, 90)).await });
        let hold = tokio::spawn(async move {
            let mut tx = db.tenant_tx(&tenant).await.unwrap();
            let r = spaces::slots::hold_for_session(
                &mut tx,
                space.id,
                session,
                start,
                start + Duration::minutes(90),
            )
            .await;
            tx.commit().await.unwrap();
            r
        });
        let (b, h) = (booking.await.unwrap(), hold.await.unwrap());
        assert!(
            b.is_ok() != h.is_ok(),
            "exactly one wins, round {round}: {b:?} {h:?}"
        );
    }
}

#[tokio::test]
async fn a_weekly_booking_with_one_taken_week_creates_nothing() {
    let env = Env::new().await;
    let space = env.priced_space(false, 10).await;
    let first = local(1, 19, 0);
    let other = env.scope("另一位", &[]);
    give_points(&env, &other, 10).await;
    svc::book(&other, request(space.id, first + Duration::weeks(2), 60))
        .await
        .unwrap();
    let club = env.scope("太极拳队", &[]);
    give_points(&env, &club, 40).await;
    let err = svc::book(
        &club,
        BookingRequest {
            weeks: 4,
            ..request(space.id, first, 120)
        },
    )
    .await
    .unwrap_err();
    assert_eq!(err.code.as_str(), "CONFLICT");
    assert!(
        err.zh.contains("19:00–21:00"),
        "names the occurrence: {}",
        err.zh
    );
    assert!(
        svc::my_bookings(&club).await.unwrap().is_empty(),
        "nothing half written"
    );
    // Two free weeks: both, one series, priced 20 points each (2 h × 10).
    let ok = svc::book(
        &club,
        BookingRequest {
            weeks: 2,
            ..request(space.id, first, 120)
        },
    )
    .await
    .unwrap();
    assert_eq!(ok.len(), 2);
    assert!(ok[0].series_id.is_some() && ok[0].series_id == ok[1].series_id);
    assert_eq!(ok[0].points_price, 20);
    assert_eq!(
        points_of(&club).await,
        0,
        "both weeks paid, nothing for the refused four"
    );
}

#[tokio::test]
async fn a_priced_booking_and_its_payment_are_made_together_or_not_at_all() {
    let env = Env::new().await;
    let space = env.priced_space(false, 10).await;
    let me = env.scope("书法爱好者", &[]);
    give_points(&env, &me, 30).await;
    // Two hours at 10 an hour: 20 paid, 10 left.
    let first = svc::book(&me, request(space.id, local(1, 9, 0), 120))
        .await
        .unwrap();
    assert_eq!(points_of(&me).await, 10);
    // Not enough for another two hours: refused, and nothing is booked or held.
    let later = local(1, 14, 0);
    assert_eq!(
        code(svc::book(&me, request(space.id, later, 120)).await),
        "INSUFFICIENT_POINTS"
    );
    assert_eq!(svc::my_bookings(&me).await.unwrap().len(), 1);
    let other = env.scope("邻居", &[]);
    give_points(&env, &other, 20).await;
    svc::book(&other, request(space.id, later, 120))
        .await
        .unwrap();
    // Cancelling gives the points back; staff book for the community and pay nothing.
    svc::cancel(&me, first[0].id).await.unwrap();
    assert_eq!(points_of(&me).await, 30);
    let staff = env.staff();
    svc::book(&staff, request(space.id, local(2, 9, 0), 60))
        .await
        .unwrap();
    assert_eq!(points_of(&staff).await, 0);
    // Declined requests are refunded too.
    let asked = env.priced_space_named("书画室", true, 10).await;
    let req = svc::book(&me, request(asked.id, local(3, 9, 0), 60))
        .await
        .unwrap();
    assert_eq!(points_of(&me).await, 20);
    svc::decide(&staff, req[0].id, false).await.unwrap();
    assert_eq!(points_of(&me).await, 30);
    let books = volunteers::ledger::service::check(&staff).await.unwrap();
    assert!(books.mismatched.is_empty());
    assert_eq!(books.held, books.issued - books.burned);
}

#[tokio::test]
async fn a_quota_raced_by_fifty_requests_is_never_exceeded() {
    let env = Env::new().await;
    let space = env.space(false).await;
    let staff = env.staff();
    svc::set_quota(
        &staff,
        BookerKind::Person,
        QuotaPeriod::Week,
        QuotaUnit::Bookings,
        3,
    )
    .await
    .unwrap();
    let me = env.scope("积极分子", &[]);
    // The rules as set, for staff only: the quota, and the no-show defaults.
    let (no_show, quotas) = svc::booking_rules(&staff).await.unwrap();
    assert!(no_show.grace_minutes > 0);
    assert_eq!(
        quotas
            .iter()
            .map(|q| (q.applies_to, q.period, q.unit, q.max_units))
            .collect::<Vec<_>>(),
        vec![(
            BookerKind::Person,
            QuotaPeriod::Week,
            QuotaUnit::Bookings,
            3
        )]
    );
    assert_eq!(code(svc::booking_rules(&me).await), "FORBIDDEN");
    // 50 non-overlapping half hours on the Monday and Tuesday of next week.
    let today = local(0, 12, 0).with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).unwrap());
    let monday = 7 - i64::from(chrono::Datelike::weekday(&today).num_days_from_monday());
    let tasks: Vec<_> = (0..50)
        .map(|i| {
            let me = me.clone();
            let start = local(monday + i / 28, 8, 0) + Duration::minutes(30 * (i % 28));
            tokio::spawn(async move { svc::book(&me, request(space.id, start, 30)).await })
        })
        .collect();
    let mut ok = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(_) => ok += 1,
            Err(e) => assert_eq!(e.code.as_str(), "CONFLICT", "{}", e.en),
        }
    }
    assert_eq!(ok, 3);
}

#[tokio::test]
async fn rules_hours_closures_approval_and_cancelling() {
    let env = Env::new().await;
    let space = env.space(true).await;
    let staff = env.staff();
    let me = env.scope("王阿姨", &[]);
    assert_eq!(
        code(svc::book(&me, request(space.id, local(1, 7, 0), 60)).await),
        "BAD_USER_INPUT",
        "before opening"
    );
    assert_eq!(
        code(svc::book(&me, request(space.id, local(1, 21, 30), 60)).await),
        "BAD_USER_INPUT",
        "after closing"
    );
    assert_eq!(
        code(svc::book(&me, request(space.id, local(40, 10, 0), 60)).await),
        "BAD_USER_INPUT",
        "beyond the window"
    );
    assert_eq!(
        code(svc::book(&me, request(space.id, local(1, 10, 0), 10)).await),
        "BAD_USER_INPUT",
        "too short"
    );
    assert_eq!(
        code(
            svc::book(
                &me,
                BookingRequest {
                    attendance: 99,
                    ..request(space.id, local(1, 10, 0), 60)
                }
            )
            .await
        ),
        "BAD_USER_INPUT"
    );
    let day = local_day(3);
    spaces::rooms::service::close_space_on(&staff, space.id, day, Some("国庆"))
        .await
        .unwrap();
    let closed = svc::book(&me, request(space.id, local(3, 10, 0), 60))
        .await
        .unwrap_err();
    assert_eq!(closed.code.as_str(), "BAD_USER_INPUT");
    assert!(closed.zh.contains("不开放"));
    // Anyone reads when the room is open: its hours, and the closed day with its reason.
    let (hours, closures) = spaces::rooms::service::opening(&me, space.id, local_day(0), 7)
        .await
        .unwrap();
    assert!(!hours.is_empty());
    assert_eq!(
        closures
            .iter()
            .map(|c| (c.on_date, c.reason.as_deref()))
            .collect::<Vec<_>>(),
        vec![(day, Some("国庆"))]
    );
    let (_, later) = spaces::rooms::service::opening(&me, space.id, local_day(4), 7)
        .await
        .unwrap();
    assert!(later.is_empty(), "the span starts after it");

    // Needs approval: requested, holding its slot; declining frees it.
    let b = svc::book(&me, request(space.id, local(1, 10, 0), 60))
        .await
        .unwrap()
        .remove(0);
    assert_eq!(b.status, BookingStatus::Requested);
    let other = env.scope("李大爷", &[]);
    assert_eq!(
        code(svc::book(&other, request(space.id, local(1, 10, 30), 60)).await),
        "CONFLICT"
    );
    assert_eq!(code(svc::decide(&me, b.id, true).await), "FORBIDDEN");
    // Staff see it among the requests waiting; a resident may not list them.
    let waiting: Vec<_> = svc::requested(&staff)
        .await
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(waiting, vec![b.id]);
    assert_eq!(code(svc::requested(&me).await), "FORBIDDEN");
    assert_eq!(
        svc::decide(&staff, b.id, false).await.unwrap().status,
        BookingStatus::Declined
    );
    assert!(
        svc::requested(&staff).await.unwrap().is_empty(),
        "decided: no longer waiting"
    );
    let theirs = svc::book(&other, request(space.id, local(1, 10, 30), 60))
        .await
        .unwrap()
        .remove(0);
    // Someone else cannot cancel it; its booker can, and the slot is free again.
    assert_eq!(code(svc::cancel(&me, theirs.id).await), "NOT_FOUND");
    assert_eq!(
        svc::cancel(&other, theirs.id).await.unwrap().status,
        BookingStatus::Cancelled
    );
    assert_eq!(code(svc::cancel(&other, theirs.id).await), "CONFLICT");
    let kept = svc::book(&me, request(space.id, local(1, 10, 30), 60))
        .await
        .unwrap()
        .remove(0);
    // The staff's calendar: the live booking, not the declined or cancelled ones; a resident
    // may not read everyone's bookings; a span is at most 62 days.
    let listed: Vec<_> = svc::between(&staff, local_day(0), 7, None)
        .await
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(listed, vec![kept.id]);
    assert!(
        svc::between(&staff, local_day(2), 7, None)
            .await
            .unwrap()
            .is_empty(),
        "the span starts after it"
    );
    assert!(
        svc::between(&staff, local_day(0), 7, Some(Uuid::new_v4()))
            .await
            .unwrap()
            .is_empty(),
        "not the club's"
    );
    assert_eq!(
        code(svc::between(&me, local_day(0), 7, None).await),
        "FORBIDDEN"
    );
    assert_eq!(
        code(svc::between(&staff, local_day(0), 63, None).await),
        "BAD_USER_INPUT"
    );
}

#[tokio::test]
async fn entry_codes_check_in_once_and_no_shows_are_released_once_and_suspend() {
    let env = Env::new().await;
    let space = env.space(false).await;
    let staff = env.staff();
    let me = env.scope("张大爷", &[]);
    let b = svc::book(&me, request(space.id, local(1, 9, 0), 60))
        .await
        .unwrap()
        .remove(0);
    // Bring it to now (a booking cannot be made for the past): it starts in five minutes.
    let mut tx = env.db.tenant_tx(&env.alpha).await.unwrap();
    sqlx::query(
        "UPDATE bookings SET starts_at = now() + interval '5 minutes', ends_at = now() + interval '65 minutes' WHERE id = $1;",
    )
    .bind(b.id)
    .execute(&mut *tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let pass = svc::entry_code(&me, b.id).await.unwrap();
    assert!(pass.svg.contains("<svg"));
    let stranger = env.scope("路人", &[]);
    assert_eq!(code(svc::entry_code(&stranger, b.id).await), "NOT_FOUND");
    assert_eq!(
        code(svc::check_in_booking(&me, &pass.token).await),
        "FORBIDDEN",
        "the door is staff's"
    );
    let mut forged = pass.token.clone();
    forged.insert(3, 'x');
    assert_eq!(
        code(svc::check_in_booking(&staff, &forged).await),
        "BAD_USER_INPUT"
    );
    let inside = svc::check_in_booking(&staff, &pass.token).await.unwrap();
    assert!(inside.checked_in_at.is_some());
    assert_eq!(
        code(svc::check_in_booking(&staff, &pass.token).await),
        "CONFLICT"
    );

    // Three bookings nobody comes to: released once each, even with two workers at it.
    let later: Vec<_> = [10, 13, 16].iter().map(|h| local(2, *h, 0)).collect();
    for at in &later {
        svc::book(&me, request(space.id, *at, 60)).await.unwrap();
    }
    let after = later[2] + Duration::hours(2);
    let other_gateway = env.staff();
    let (a, b2) = tokio::join!(
        svc::release_no_shows(&staff, after),
        svc::release_no_shows(&other_gateway, after)
    );
    assert_eq!(a.unwrap() + b2.unwrap(), 3, "each released once");
    assert_eq!(
        svc::release_no_shows(&staff, after).await.unwrap(),
        0,
        "idempotent"
    );
    let mine = svc::my_bookings(&me).await.unwrap();
    assert_eq!(
        mine.iter()
            .filter(|b| b.status == BookingStatus::NoShow)
            .count(),
        3
    );
    assert_eq!(
        mine.iter().filter(|b| b.checked_in_at.is_some()).count(),
        1,
        "the one who came stays"
    );
    let free = svc::calendar(&staff, space.id, local_day(2), 1)
        .await
        .unwrap();
    assert!(free.is_empty(), "released slots are free: {free:?}");
    // Three no-shows: booking is suspended for a while.
    let refused = svc::book(&me, request(space.id, local(3, 10, 0), 60))
        .await
        .unwrap_err();
    assert_eq!(refused.code.as_str(), "FORBIDDEN");
    assert!(refused.zh.contains("暂停"), "{}", refused.zh);
}

#[tokio::test]
async fn usage_counts_booked_against_open_hours_and_no_shows() {
    use chrono::{Datelike, Months};
    let env = Env::new().await;
    let space = env.space(false).await;
    let staff = env.staff();
    let me = env.scope("书法社", &[]);
    let mut ids = Vec::new();
    for h in [9, 11, 14, 16] {
        ids.push(
            svc::book(&me, request(space.id, local(3, h, 0), 60))
                .await
                .unwrap()
                .remove(0)
                .id,
        );
    }
    let mut tx = env.db.tenant_tx(&env.alpha).await.unwrap();
    sqlx::query("UPDATE bookings SET checked_in_at = starts_at WHERE id = $1")
        .bind(ids[0])
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let after = local(3, 20, 0);
    assert_eq!(svc::release_no_shows(&staff, after).await.unwrap(), 3);
    let cst = chrono::FixedOffset::east_opt(8 * 3600).unwrap();
    let month = local(3, 9, 0)
        .with_timezone(&cst)
        .date_naive()
        .with_day(1)
        .unwrap();
    let days = (month.checked_add_months(Months::new(1)).unwrap() - month).num_days() as f64;
    let usage = spaces::rooms::usage::space_usage(&staff, month, after)
        .await
        .unwrap();
    let u = usage.iter().find(|u| u.space.id == space.id).unwrap();
    assert_eq!(u.open_hours, days * 14.0);
    assert_eq!(u.booked_hours, 1.0, "the no-shows' slots were freed");
    assert_eq!((u.bookings, u.no_shows), (4, 3));
    assert_eq!(u.no_show_rate(), 0.75);
    assert_eq!(
        code(spaces::rooms::usage::space_usage(&me, month, after).await),
        "FORBIDDEN"
    );
}
