use partners::organisations::model::{MemberRole, OrganisationKind, PartnershipStatus};
use partners::organisations::service::{self as svc, OrganisationInput, Target, TeamInput};
use spaces::api::bookings::BookerKind;
use spaces::api::bookings::{self as bookings, BookingRequest};
use spaces::api::rooms::{self as spaces_svc, SpaceRules};
use spaces::api::rooms::{BookableBy, SpaceKind};
use spaces::bookings::model::{QuotaPeriod, QuotaUnit};
use tenancy::Role;

use crate::{Env, all_day, code, local};

fn university(name: &str) -> OrganisationInput {
    OrganisationInput {
        name: name.into(),
        kind: OrganisationKind::University,
        grade: None,
        description: "中医药健康课程进社区".into(),
        contact: "0577-86689999".into(),
    }
}

#[tokio::test]
async fn a_registered_organisation_is_inert_until_approved_where_it_asked() {
    let env = Env::new().await;
    let t = &env.t;
    let (org, admin) = svc::register(
        t,
        Env::ADDR,
        Env::person("wmu-admin"),
        university("温州医科大学"),
    )
    .await
    .unwrap();
    // A second registration of the name, or of the login, is refused and writes nothing.
    assert_eq!(
        code(
            svc::register(
                t,
                Env::ADDR,
                Env::person("wmu-other"),
                university("温州医科大学")
            )
            .await
        ),
        "CONFLICT"
    );
    assert!(t.account_by_login("wmu-other").await.unwrap().is_none());
    assert_eq!(
        code(
            svc::register(
                t,
                Env::ADDR,
                Env::person("wmu-admin"),
                university("肯恩大学")
            )
            .await
        ),
        "CONFLICT"
    );
    let bad_grade = OrganisationInput {
        grade: Some("9A".into()),
        ..university("某社工机构")
    };
    assert_eq!(
        code(svc::register(t, Env::ADDR, Env::person("sw-admin"), bad_grade).await),
        "BAD_USER_INPUT"
    );

    // Every kind the reports name registers: a 群团, a social-work agency with its grade, an
    // owners' committee, a bank — and reads back as itself.
    for (i, kind) in [
        OrganisationKind::TradeUnion,
        OrganisationKind::RedCross,
        OrganisationKind::SocialWorkAgency,
        OrganisationKind::OwnersCommittee,
        OrganisationKind::Bank,
    ]
    .into_iter()
    .enumerate()
    {
        let input = OrganisationInput {
            kind,
            grade: (kind == OrganisationKind::SocialWorkAgency).then(|| "3A".into()),
            ..university(&format!("共建单位{i}"))
        };
        // From an address of its own: the registrations' throttle counts per address.
        let addr = std::net::IpAddr::V4(std::net::Ipv4Addr::new(10, 0, 0, i as u8 + 1));
        let (o, _) = svc::register(t, addr, Env::person(&format!("kind-{i}")), input)
            .await
            .unwrap();
        assert_eq!(o.kind, kind);
    }

    // Registered, signed in, and nowhere to go.
    let p = env.principal(admin.id).await;
    assert_eq!(code(env.enter(&p, "xinhua").await), "FORBIDDEN");

    let asked = svc::request_partnership(t, &p, org.id, Target::Community("xinhua".into()))
        .await
        .unwrap();
    assert_eq!(asked.status, PartnershipStatus::Requested);
    assert_eq!(
        code(svc::request_partnership(t, &p, org.id, Target::Community("xinhua".into())).await),
        "CONFLICT"
    );

    // Staff of another community, even of the same district, find nothing to decide.
    let yulin_staff = env
        .account_with("yulin-staff", Role::Staff, None, Some("yulin"))
        .await;
    let yulin = env.enter(&yulin_staff, "yulin").await.unwrap();
    assert_eq!(
        code(svc::decide(t, &yulin_staff, Some(&yulin), asked.id, true, None).await),
        "NOT_FOUND"
    );
    assert_eq!(
        code(svc::decide(t, &yulin_staff, None, asked.id, true, None).await),
        "NOT_FOUND"
    );
    // A resident of the community cannot decide for it.
    let resident = env
        .account_with("xinhua-resident", Role::Resident, None, Some("xinhua"))
        .await;
    let as_resident = env.enter(&resident, "xinhua").await.unwrap();
    assert_eq!(
        code(svc::decide(t, &resident, Some(&as_resident), asked.id, true, None).await),
        "FORBIDDEN"
    );

    // The community's staff decline (a reason is required), then approve a second request.
    let staff = env
        .account_with("xinhua-staff", Role::Staff, None, Some("xinhua"))
        .await;
    let xinhua = env.enter(&staff, "xinhua").await.unwrap();
    assert_eq!(
        code(svc::decide(t, &staff, Some(&xinhua), asked.id, false, Some("  ")).await),
        "BAD_USER_INPUT"
    );
    let declined = svc::decide(t, &staff, Some(&xinhua), asked.id, false, Some("材料不全"))
        .await
        .unwrap();
    assert_eq!(declined.status, PartnershipStatus::Declined);
    let p = env.principal(admin.id).await;
    assert_eq!(code(env.enter(&p, "xinhua").await), "FORBIDDEN");
    let pending = svc::community_requests(t, &xinhua, Some(PartnershipStatus::Requested))
        .await
        .unwrap();
    assert!(pending.is_empty());

    let again = svc::request_partnership(t, &p, org.id, Target::Community("xinhua".into()))
        .await
        .unwrap();
    assert_eq!(
        (again.id, again.status),
        (asked.id, PartnershipStatus::Requested)
    );
    let pending = svc::community_requests(t, &xinhua, Some(PartnershipStatus::Requested))
        .await
        .unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].1.name, "温州医科大学");
    svc::decide(t, &staff, Some(&xinhua), asked.id, true, None)
        .await
        .unwrap();
    assert_eq!(
        code(svc::decide(t, &staff, Some(&xinhua), asked.id, false, Some("反悔")).await),
        "CONFLICT"
    );

    // Approved for 新华: in as a partner member there, and still nowhere else.
    let p = env.principal(admin.id).await;
    let inside = env.enter(&p, "xinhua").await.unwrap();
    assert_eq!(inside.access().roles, vec![Role::PartnerMember]);
    assert_eq!(code(env.enter(&p, "yulin").await), "FORBIDDEN");
    assert_eq!(code(env.enter(&p, "boyuan").await), "FORBIDDEN");

    // A district-wide request is decided by that district's admins only.
    let district = svc::request_partnership(t, &p, org.id, Target::District("330304".into()))
        .await
        .unwrap();
    let boyuan_staff = env
        .account_with("boyuan-staff", Role::Staff, None, Some("boyuan"))
        .await;
    let boyuan = env.enter(&boyuan_staff, "boyuan").await.unwrap();
    assert_eq!(
        code(svc::decide(t, &boyuan_staff, Some(&boyuan), district.id, true, None).await),
        "NOT_FOUND"
    );
    let other_admin = env
        .account_with("gaoxin-admin", Role::DistrictAdmin, Some("510109"), None)
        .await;
    assert_eq!(
        code(svc::decide(t, &other_admin, None, district.id, true, None).await),
        "NOT_FOUND"
    );
    assert_eq!(
        code(svc::district_requests(t, &other_admin, "330304", None).await),
        "FORBIDDEN"
    );
    let ouhai_admin = env
        .account_with("ouhai-admin", Role::DistrictAdmin, Some("330304"), None)
        .await;
    let listed = svc::district_requests(t, &ouhai_admin, "330304", None)
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    svc::decide(t, &ouhai_admin, None, district.id, true, None)
        .await
        .unwrap();
    let p = env.principal(admin.id).await;
    let in_boyuan = env.enter(&p, "boyuan").await.unwrap();
    assert_eq!(in_boyuan.access().roles, vec![Role::PartnerMember]);
    assert_eq!(code(env.enter(&p, "yulin").await), "FORBIDDEN");
    // What a community publishes: the approved organisation, for its members.
    let partners = svc::community_partners(t, &boyuan).await.unwrap();
    assert_eq!(partners.len(), 1);
    assert_eq!(partners[0].0.id, org.id);
}

#[tokio::test]
async fn people_see_only_their_organisations_records() {
    let env = Env::new().await;
    let t = &env.t;
    let (wmu, wmu_admin) = svc::register(
        t,
        Env::ADDR,
        Env::person("wmu-admin"),
        university("温州医科大学"),
    )
    .await
    .unwrap();
    let (kean, kean_admin) = svc::register(
        t,
        Env::ADDR,
        Env::person("kean-admin"),
        university("温州肯恩大学"),
    )
    .await
    .unwrap();
    let wmu_admin = env.principal(wmu_admin.id).await;
    let kean_admin = env.principal(kean_admin.id).await;
    let teacher = svc::add_member(
        t,
        &wmu_admin,
        wmu.id,
        Env::person("wmu-li"),
        MemberRole::Member,
    )
    .await
    .unwrap();
    let teacher = env.principal(teacher.id).await;

    let mine = svc::my_organisations(t, &teacher).await.unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!((mine[0].0.id, mine[0].1), (wmu.id, MemberRole::Member));
    // Another organisation's records are not even there for them.
    assert_eq!(
        code(svc::records(t, &kean_admin, wmu.id).await),
        "NOT_FOUND"
    );
    assert_eq!(
        code(
            svc::add_member(
                t,
                &kean_admin,
                wmu.id,
                Env::person("spy"),
                MemberRole::Admin
            )
            .await
        ),
        "NOT_FOUND"
    );
    // A member works in teams but does not form them; an admin forms them from its people.
    let team = |leader| TeamInput {
        name: "中医药健康服务队".into(),
        leader_id: leader,
        skills: vec!["中医".into(), "义诊".into()],
        contact: "13800000000".into(),
        members: vec![],
    };
    assert_eq!(
        code(svc::create_team(t, &teacher, wmu.id, team(teacher.account_id())).await),
        "FORBIDDEN"
    );
    assert_eq!(
        code(svc::create_team(t, &wmu_admin, wmu.id, team(kean_admin.account_id())).await),
        "BAD_USER_INPUT"
    );
    let formed = svc::create_team(t, &wmu_admin, wmu.id, team(teacher.account_id()))
        .await
        .unwrap();
    assert_eq!(
        code(svc::create_team(t, &wmu_admin, wmu.id, team(teacher.account_id())).await),
        "CONFLICT"
    );
    assert_eq!(
        code(svc::set_team_members(t, &wmu_admin, formed.id, vec![kean_admin.account_id()]).await),
        "BAD_USER_INPUT"
    );
    let records = svc::records(t, &teacher, wmu.id).await.unwrap();
    assert_eq!(records.members.len(), 2);
    assert_eq!(records.teams.len(), 1);
    assert!(
        svc::records(t, &kean_admin, kean.id)
            .await
            .unwrap()
            .teams
            .is_empty()
    );
}

#[tokio::test]
async fn teams_book_spaces_only_where_their_organisation_is_approved() {
    let env = Env::new().await;
    let t = &env.t;
    let (org, admin) = svc::register(
        t,
        Env::ADDR,
        Env::person("wmu-admin"),
        university("温州医科大学"),
    )
    .await
    .unwrap();
    let admin = env.principal(admin.id).await;
    let mut people = Vec::new();
    for login in ["wmu-leader", "wmu-member", "wmu-outside"] {
        let a = svc::add_member(t, &admin, org.id, Env::person(login), MemberRole::Member)
            .await
            .unwrap();
        people.push(a.id);
    }
    let team = svc::create_team(
        t,
        &admin,
        org.id,
        TeamInput {
            name: "中医药健康服务队".into(),
            leader_id: people[0],
            skills: vec!["中医".into()],
            contact: "13800000000".into(),
            members: vec![people[1]],
        },
    )
    .await
    .unwrap();

    // 党群服务站: partner teams only.
    let staff = env
        .account_with("xinhua-staff", Role::Staff, None, Some("xinhua"))
        .await;
    let xinhua = env.enter(&staff, "xinhua").await.unwrap();
    let space = spaces_svc::create_space(&xinhua, "党群服务站", SpaceKind::FunctionRoom, 40)
        .await
        .unwrap()
        .unwrap();
    spaces_svc::set_opening_hours(&xinhua, space.id, all_day())
        .await
        .unwrap();
    spaces_svc::set_space_rules(
        &xinhua,
        space.id,
        SpaceRules {
            capacity: 40,
            courtyard_id: None,
            amenities: vec![],
            bookable_by: BookableBy::Teams,
            window_days: 30,
            min_minutes: 30,
            max_minutes: 240,
            needs_approval: false,
            points_per_hour: 0,
        },
    )
    .await
    .unwrap();
    let request = |days, hour| BookingRequest {
        space_id: space.id,
        starts_at: local(days, hour, 0),
        minutes: 90,
        group: None,
        purpose: "中医义诊".into(),
        attendance: 30,
        weeks: 1,
    };

    // Not approved yet: the team's people cannot get in, and staff cannot book for it.
    let leader = env.principal(people[0]).await;
    assert_eq!(code(env.enter(&leader, "xinhua").await), "FORBIDDEN");
    assert_eq!(
        code(svc::book_space_for_team(t, &xinhua, team.id, request(2, 14)).await),
        "FORBIDDEN"
    );

    let asked = svc::request_partnership(t, &admin, org.id, Target::Community("xinhua".into()))
        .await
        .unwrap();
    svc::decide(t, &staff, Some(&xinhua), asked.id, true, None)
        .await
        .unwrap();

    // A member books for the team; the booking names the team.
    let member = env
        .enter(&env.principal(people[1]).await, "xinhua")
        .await
        .unwrap();
    let booked = svc::book_space_for_team(t, &member, team.id, request(2, 14))
        .await
        .unwrap();
    assert_eq!(booked.len(), 1);
    assert_eq!(booked[0].booker_kind, BookerKind::Team);
    assert_eq!(booked[0].team_id, Some(team.id));
    assert_eq!(booked[0].team_name.as_deref(), Some("中医药健康服务队"));

    // One of the organisation's people outside the team may not; nor may anyone book this
    // space for themselves.
    let outside = env
        .enter(&env.principal(people[2]).await, "xinhua")
        .await
        .unwrap();
    assert_eq!(
        code(svc::book_space_for_team(t, &outside, team.id, request(3, 14)).await),
        "FORBIDDEN"
    );
    let resident = env
        .account_with("xinhua-resident", Role::Resident, None, Some("xinhua"))
        .await;
    let resident = env.enter(&resident, "xinhua").await.unwrap();
    assert_eq!(
        code(bookings::book(&resident, request(3, 14)).await),
        "FORBIDDEN"
    );
    // Not in 玉林, where the organisation is not approved (not even through its staff).
    let yulin_staff = env
        .account_with("yulin-staff", Role::Staff, None, Some("yulin"))
        .await;
    let yulin = env.enter(&yulin_staff, "yulin").await.unwrap();
    assert_eq!(
        code(svc::book_space_for_team(t, &yulin, team.id, request(3, 14)).await),
        "FORBIDDEN"
    );

    // The team's own quota: one booking a week, whoever of the team asks.
    spaces::bookings::service::set_quota(
        &xinhua,
        BookerKind::Team,
        QuotaPeriod::Week,
        QuotaUnit::Bookings,
        1,
    )
    .await
    .unwrap();
    let leader = env
        .enter(&env.principal(people[0]).await, "xinhua")
        .await
        .unwrap();
    let same_day = svc::book_space_for_team(t, &leader, team.id, request(2, 18)).await;
    assert!(matches!(same_day, Err(e) if e.code.as_str() == "CONFLICT" && e.zh.contains("限额")));
    svc::book_space_for_team(t, &leader, team.id, request(9, 14))
        .await
        .unwrap();
}
