use chrono::NaiveDate;
use infra::Tenant;
use tenancy::model::CommunityKind;
use tenancy::testing::OneCommunity;
use tenancy::{Actor, GrantInput, NewAccountInput, OnboardInput};
use tenancy::{CommunityCtx, Role};
use uuid::Uuid;

/// Demands and verified hours in a community: `n` demands, `n - 1` resolved, one volunteer
/// with `n` hours verified.
async fn activity(ctx: &CommunityCtx, t: &tenancy::Tenancy, n: usize) {
    use partners::demands::service::{self as demands, DemandInput};
    for i in 0..n {
        let d = demands::submit(
            t,
            ctx,
            DemandInput {
                title: format!("诉求{i}"),
                detail: String::new(),
                category: "设施维修".into(),
                for_resident: Some((Uuid::now_v7(), "居民".into())),
                grid_id: None,
            },
        )
        .await
        .unwrap()
        .demand;
        if i + 1 < n {
            demands::resolve(t, ctx, d.id, "已处理").await.unwrap();
        }
    }
    // A booking made, one left unused (a no-show), and a redemption made and cancelled.
    use spaces::api::rooms;
    let room = match rooms::create_space(
        ctx,
        "百文斋",
        spaces::api::rooms::SpaceKind::FunctionRoom,
        20,
    )
    .await
    .unwrap()
    {
        Some(r) => {
            let spans = (1..=7)
                .map(|d| spaces::api::rooms::OpeningSpan {
                    weekday: d,
                    opens: chrono::NaiveTime::from_hms_opt(0, 0, 0).unwrap(),
                    closes: chrono::NaiveTime::from_hms_opt(23, 59, 0).unwrap(),
                })
                .collect();
            rooms::set_opening_hours(ctx, r.id, spans).await.unwrap();
            r
        }
        None => rooms::spaces(ctx).await.unwrap().remove(0),
    };
    let mut soon = chrono::Utc::now() + chrono::Duration::minutes(5 + 60 * n as i64);
    // A booking never crosses the community's midnight (the room closes at 23:59): late in
    // the evening, book just after it instead.
    let day = infra::local_time::date_of;
    if day(soon) != day(soon + chrono::Duration::minutes(31)) {
        soon += chrono::Duration::minutes(45);
    }
    // Once per community: repeated no-shows would suspend the booker.
    if n >= 3 {
        spaces::api::bookings::book(
            ctx,
            spaces::api::bookings::BookingRequest {
                space_id: room.id,
                starts_at: soon,
                minutes: 30,
                group: None,
                purpose: "议事会".into(),
                attendance: 5,
                weeks: 1,
            },
        )
        .await
        .unwrap();
        spaces::api::bookings::release_no_shows(ctx, soon + chrono::Duration::hours(1))
            .await
            .unwrap();
    }
    use volunteers::ledger::model::ClientKey;
    use volunteers::ledger::service::{Recipient, grant};
    grant(
        ctx,
        ClientKey::parse(&format!("dash-grant-{}", Uuid::now_v7())).unwrap(),
        Recipient::Person(ctx.access().account_id),
        100,
        None,
    )
    .await
    .unwrap();
    let tea = match volunteers::rewards::service::create_reward(
        ctx,
        "茶话会",
        volunteers::rewards::model::RewardKind::Service,
        7,
        None,
    )
    .await
    {
        Ok(r) => r,
        Err(_) => volunteers::rewards::service::rewards(ctx)
            .await
            .unwrap()
            .remove(0),
    };
    let kept = volunteers::rewards::service::redeem(
        ctx,
        ClientKey::parse(&format!("dash-redeem-{}", Uuid::now_v7())).unwrap(),
        tea.id,
        2,
    )
    .await
    .unwrap();
    let undone = volunteers::rewards::service::redeem(
        ctx,
        ClientKey::parse(&format!("dash-redeem-{}", Uuid::now_v7())).unwrap(),
        tea.id,
        1,
    )
    .await
    .unwrap();
    volunteers::rewards::service::cancel(ctx, undone.id, None)
        .await
        .unwrap();
    let _ = kept;
    use volunteers::hours::service::{self as hours, HoursInput};
    use volunteers::registry::service::{self as registry, Registration};
    let v = registry::register(
        ctx,
        Registration {
            person: Some((Uuid::now_v7(), "志愿者".into())),
            skills: vec![],
            party_member: false,
            team_id: None,
        },
    )
    .await
    .unwrap();
    registry::set_status(
        ctx,
        v.id,
        volunteers::registry::model::VolunteerStatus::Active,
    )
    .await
    .unwrap();
    let post = match volunteers::posts::service::create_post(ctx, "sanitation", "楼道清洁", "", 12)
        .await
    {
        Ok(p) => p,
        Err(_) => volunteers::posts::service::posts(ctx)
            .await
            .unwrap()
            .remove(0),
    };
    for _ in 0..n {
        let h = hours::record(
            ctx,
            HoursInput {
                volunteer_id: Some(v.id),
                post_id: Some(post.id),
                shift_id: None,
                served_on: infra::local_time::date_of(chrono::Utc::now()),
                minutes: 60,
                card_id: None,
            },
        )
        .await
        .unwrap();
        hours::verify(ctx, h.id).await.unwrap();
    }
}

async fn rollup_rows(env: &OneCommunity, tenant: &Tenant) -> Vec<(String, NaiveDate, i64)> {
    sqlx::query_as(
        "SELECT figure, day, value FROM platform.figure_daily
          WHERE community_id = $1 AND value <> 0 ORDER BY figure, day",
    )
    .bind(tenant.community_id)
    .fetch_all(env.db.pool())
    .await
    .unwrap()
}

#[tokio::test]
async fn events_fold_once_and_the_rebuild_equals_the_rollups() {
    let env = OneCommunity::new(b"dashboards test", "boyuan", "博园社区", 20).await;
    let t = &env.tenancy;
    let input = OnboardInput {
        district_code: "510109".into(),
        slug: "xinhua".into(),
        name: "新华社区".into(),
        kind: CommunityKind::OldCourtyard,
        households: None,
        residents: None,
    };
    let second = t.onboard(Actor::Operator, input).await.unwrap().0.tenant();
    let store = infra::testing::unreachable_store();
    let staff = |tenant: &Tenant| {
        CommunityCtx::new(
            env.db.clone(),
            env.secrets.clone(),
            store.clone(),
            tenancy::CommunityScope::for_tests(
                tenant.clone(),
                tenancy::CommunityAccess {
                    account_id: Uuid::now_v7(),
                    display_name: "社工".into(),
                    roles: vec![Role::Staff],
                    admin_above: false,
                    viewer_above: false,
                },
            ),
        )
    };
    let (a, b) = (staff(&env.tenant), staff(&second));
    activity(&a, t, 4).await;
    activity(&b, t, 3).await;

    // Two workers fold the same outboxes at once: every event counts once.
    let (x, y) = tokio::join!(dashboards::api::fold(&a), dashboards::api::fold(&a));
    let (p, q) = tokio::join!(dashboards::api::fold(&b), dashboards::api::fold(&b));
    // 4 demands + 3 resolved (each with its time to resolve) + 4 × (minutes, points) + a
    // volunteer registered and serving + a booking (its minutes, taken back as a no-show), a
    // no-show, two redemptions and a cancellation = 27 events in 博园; 3 + 2 × 2 + 6 + 2 + 2 +
    // 5 = 22 in 新华.
    assert_eq!((x.unwrap() + y.unwrap(), p.unwrap() + q.unwrap()), (27, 22));
    assert_eq!(dashboards::api::fold(&a).await.unwrap(), 0);

    // The district officer reads the rollups.
    let officer = t
        .create_account(
            Actor::Operator,
            NewAccountInput {
                login_name: "gaoxin-viewer".into(),
                display_name: "高新区".into(),
                password: "correct horse battery".into(),
                phone: None,
            },
        )
        .await
        .unwrap();
    t.grant_role(
        Actor::Operator,
        GrantInput {
            account_id: officer.id,
            role: Role::DistrictViewer,
            district_code: Some("510109".into()),
            community_slug: None,
        },
    )
    .await
    .unwrap();
    let officer = t.principal_of(officer.id).await.unwrap();
    let today = infra::local_time::date_of(chrono::Utc::now());
    let totals = dashboards::api::district_totals(t, &officer, "510109", today, today)
        .await
        .unwrap();
    let value = |f: &str| totals.iter().find(|x| x.figure == f).map_or(0, |x| x.value);
    assert_eq!(value("partners.demands_received"), 7);
    assert_eq!(value("partners.demands_resolved"), 5);
    assert_eq!(value("volunteers.minutes_verified"), 7 * 60);
    assert_eq!(value("volunteers.points_earned"), 7 * 12);
    assert_eq!(value("volunteers.points_redeemed"), 2 * 14);
    assert_eq!(value("spaces.bookings"), 2);

    // More writes, left in the outbox; the rebuild counts them from the tables, marks them
    // applied, and equals what folding would have made.
    activity(&a, t, 2).await;
    let before_rebuild_fold = {
        dashboards::api::fold(&a).await.unwrap();
        rollup_rows(&env, &env.tenant).await
    };
    activity(&a, t, 2).await;
    dashboards::api::rebuild(&a).await.unwrap();
    assert_eq!(
        dashboards::api::fold(&a).await.unwrap(),
        0,
        "pending events were marked"
    );
    let rebuilt = rollup_rows(&env, &env.tenant).await;
    assert_ne!(rebuilt, before_rebuild_fold);
    activity(&a, t, 1).await;
    agreement_activity(&env, &a).await;
    dashboards::api::fold(&a).await.unwrap();
    let incremental = rollup_rows(&env, &env.tenant).await;
    assert!(
        incremental
            .iter()
            .any(|(f, _, v)| f == "partners.agreement_activities" && *v == 1),
        "{incremental:?}"
    );
    dashboards::api::rebuild(&a).await.unwrap();
    assert_eq!(rollup_rows(&env, &env.tenant).await, incremental);
    dashboards::api::rebuild(&b).await.unwrap();
    let totals = dashboards::api::district_totals(t, &officer, "510109", today, today)
        .await
        .unwrap();
    assert_eq!(
        totals
            .iter()
            .find(|x| x.figure == "partners.demands_received")
            .unwrap()
            .value,
        7 + 2 + 2 + 1
    );
}

/// A university approved in the community signs an agreement; one activity is held under it.
async fn agreement_activity(env: &OneCommunity, office: &CommunityCtx) {
    use partners::agreements::model::{ActivityKind, CommitmentKind, Per};
    use partners::organisations::service as orgs;
    let t = &env.tenancy;
    let (org, admin) = orgs::register(
        t,
        std::net::Ipv4Addr::LOCALHOST.into(),
        NewAccountInput {
            login_name: "wzu-admin".into(),
            display_name: "温大".into(),
            password: "correct horse battery".into(),
            phone: None,
        },
        orgs::OrganisationInput {
            name: "温州大学".into(),
            kind: partners::organisations::model::OrganisationKind::University,
            grade: None,
            description: String::new(),
            contact: "0577-86680000".into(),
        },
    )
    .await
    .unwrap();
    let admin = t.principal_of(admin.id).await.unwrap();
    let slug = office.tenant().slug.clone();
    let asked = orgs::request_partnership(t, &admin, org.id, orgs::Target::Community(slug))
        .await
        .unwrap();
    // The office's staff decide; the test's staff have no account, so the decision is signed
    // with a real one (the university's).
    orgs::decide(t, &admin, Some(office), asked.id, true, None)
        .await
        .unwrap();
    let today = infra::local_time::date_of(chrono::Utc::now());
    let signed = partners::agreements::service::sign(
        t,
        office,
        partners::agreements::service::AgreementInput {
            organisation_id: org.id,
            team_id: None,
            title: "党建联建协议".into(),
            starts_on: today,
            ends_on: today,
            commitments: vec![(CommitmentKind::Any, Per::Period, 1)],
        },
    )
    .await
    .unwrap();
    partners::agreements::service::record_activity(
        t,
        office,
        signed.id,
        ActivityKind::Other,
        None,
        "周六课堂",
        today,
    )
    .await
    .unwrap();
}
