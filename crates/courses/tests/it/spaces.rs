//! The college's sessions in the community's spaces: a session and a booking never collide,
//! and a club's leaders book for their club.

use chrono::{Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use courses::model::Audience;
use courses::service::{self as svc, CourseParts, Frequency, ScheduleRequest};
use spaces::api::rooms::SpaceKind;
use uuid::Uuid;

use crate::timetable::rule;
use crate::{Env, code, course_input};

/// A space of 30 open every day from `opens` to `closes` (hour, minute).
async fn open_room(
    staff: &tenancy::CommunityCtx,
    name: &str,
    kind: SpaceKind,
    opens: (u32, u32),
    closes: (u32, u32),
) -> spaces::api::rooms::Space {
    let room = spaces::api::rooms::create_space(staff, name, kind, 30)
        .await
        .unwrap()
        .unwrap();
    let at = |(h, m): (u32, u32)| NaiveTime::from_hms_opt(h, m, 0).unwrap();
    spaces::api::rooms::set_opening_hours(
        staff,
        room.id,
        (1..=7)
            .map(|d| spaces::api::rooms::OpeningSpan {
                weekday: d,
                opens: at(opens),
                closes: at(closes),
            })
            .collect(),
    )
    .await
    .unwrap();
    room
}

/// A schedule placed in a space holds its time: a booking there refuses the schedule whole,
/// and a cancelled session gives its time back.
#[tokio::test]
async fn sessions_in_a_space_and_bookings_never_collide() {
    let env = Env::new().await;
    let staff = env.staff();
    let room = open_room(&staff, "百文斋", SpaceKind::CourtyardSpace, (8, 0), (22, 0)).await;
    let c = svc::create_course(
        &staff,
        course_input("书法", 20, Audience::All),
        CourseParts::ALL,
    )
    .await
    .unwrap()
    .course;
    let start = (Utc::now() + Duration::days(2)).date_naive();
    let rule = || ScheduleRequest {
        count: Some(3),
        ..rule(Frequency::Daily, start)
    };
    // A resident books the room on the second evening first.
    let resident = env.scope(&env.alpha, "居民", &[]);
    let second = rule().starts_on + Duration::days(1);
    let at = chrono::FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .from_local_datetime(&second.and_hms_opt(19, 30, 0).unwrap())
        .unwrap()
        .with_timezone(&Utc);
    let evening = || spaces::api::bookings::BookingRequest {
        space_id: room.id,
        starts_at: at,
        minutes: 60,
        group: None,
        purpose: "家庭聚会".into(),
        attendance: 10,
        weeks: 1,
    };
    let booking = spaces::api::bookings::book(&resident, evening())
        .await
        .unwrap()
        .remove(0);
    let refused = svc::schedule_sessions(&staff, c.id, rule(), "百文斋", Some(room.id))
        .await
        .unwrap_err();
    assert_eq!(refused.code.as_str(), "CONFLICT");
    assert!(refused.zh.contains("19:00–20:30"), "{}", refused.zh);
    assert!(
        svc::course(&staff, c.id, CourseParts::ALL)
            .await
            .unwrap()
            .sessions
            .is_empty(),
        "nothing half written"
    );
    spaces::api::bookings::cancel(&resident, booking.id)
        .await
        .unwrap();
    let rows = svc::schedule_sessions(&staff, c.id, rule(), "百文斋", Some(room.id))
        .await
        .unwrap();
    assert_eq!(rows[0].space_id, Some(room.id));
    // Now the room is the course's on those evenings; cancelling one gives its time back.
    let again = spaces::api::bookings::book(&resident, evening()).await;
    assert_eq!(code(again), "CONFLICT");
    svc::cancel_session(&staff, rows[1].id, None).await.unwrap();
    spaces::api::bookings::book(&resident, evening())
        .await
        .unwrap();
    // Moving a session onto a booked time is refused, and the session stays where it was.
    let moved = svc::move_session(&staff, rows[0].id, at, None, None).await;
    assert_eq!(code(moved), "CONFLICT");
}

/// A club's leader books a clubs-only space for the club; a plain member and a resident for
/// themselves cannot.
#[tokio::test]
async fn club_leaders_book_for_their_club() {
    use courses::model::ClubRole;
    let env = Env::new().await;
    let staff = env.staff();
    let room = open_room(&staff, "舞之魅", SpaceKind::FunctionRoom, (0, 0), (23, 59)).await;
    spaces::api::rooms::set_space_rules(
        &staff,
        room.id,
        spaces::api::rooms::SpaceRules {
            capacity: 30,
            courtyard_id: None,
            amenities: vec![],
            bookable_by: spaces::api::rooms::BookableBy::Clubs,
            window_days: 30,
            min_minutes: 30,
            max_minutes: 240,
            needs_approval: false,
            points_per_hour: 0,
        },
    )
    .await
    .unwrap();
    let club = svc::create_club(&staff, "瑜伽社", None).await.unwrap();
    let leader = env.scope(&env.alpha, "社长", &[]);
    let member = env.scope(&env.alpha, "社员", &[]);
    let born = NaiveDate::from_ymd_opt(1960, 1, 1).unwrap();
    let l = svc::set_birth_date(&leader, None, born).await.unwrap();
    let m = svc::set_birth_date(&member, None, born).await.unwrap();
    svc::set_club_member(&staff, club.id, l.id, ClubRole::Leader)
        .await
        .unwrap();
    svc::set_club_member(&staff, club.id, m.id, ClubRole::Member)
        .await
        .unwrap();
    let at = Utc::now()
        .date_naive()
        .and_hms_opt(2, 0, 0)
        .unwrap()
        .and_utc()
        + Duration::days(2);
    let request = |club_id: Option<Uuid>| spaces::api::bookings::BookingRequest {
        space_id: room.id,
        starts_at: at,
        minutes: 90,
        group: club_id.map(spaces::api::bookings::BookingGroup::Club),
        purpose: "瑜伽社活动".into(),
        attendance: 12,
        weeks: 2,
    };
    let booked = svc::book_space_for_club(&leader, request(Some(club.id)))
        .await
        .unwrap();
    assert_eq!((booked.len(), booked[0].club_id), (2, Some(club.id)));
    assert_eq!(
        code(svc::book_space_for_club(&member, request(Some(club.id))).await),
        "FORBIDDEN"
    );
    let mine = spaces::api::bookings::book(&member, request(None)).await;
    assert_eq!(code(mine), "FORBIDDEN", "a clubs-only space");
}
