//! Every family of figures moves with its rows — whatever writes them — and folds, rebuilds,
//! ranks, compares and exports from the rollups alone.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, Utc};
use dashboards::api::figures as district;
use dashboards::api::{FileFormat, Filter, Granularity, Period, Scope};
use infra::Tenant;
use tenancy::model::CommunityKind;
use tenancy::testing::OneCommunity;
use tenancy::{Actor, GrantInput, NewAccountInput, OnboardInput};
use tenancy::{CommunityCtx, Principal, Role};
use uuid::Uuid;

use crate::rows::rows_of_every_family;

fn staff(env: &OneCommunity, tenant: &Tenant) -> CommunityCtx {
    CommunityCtx::new(
        env.db.clone(),
        env.secrets.clone(),
        infra::testing::unreachable_store(),
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
}

type Table = Vec<(String, String, NaiveDate, i64, i64)>;

/// Every rollup row, zeros left out (a value that went up and down again).
async fn rollups(env: &OneCommunity) -> BTreeMap<&'static str, Table> {
    let mut out = BTreeMap::new();
    for (name, sql) in [
        (
            "daily",
            "SELECT community_id::text, figure, day, value, 0::int8 FROM platform.figure_daily WHERE value <> 0",
        ),
        (
            "monthly",
            "SELECT community_id::text, figure, month, value, 0::int8 FROM platform.figure_monthly WHERE value <> 0",
        ),
        (
            "district",
            "SELECT district_id::text, figure, day, value, 0::int8 FROM platform.figure_district_daily WHERE value <> 0",
        ),
        (
            "samples",
            "SELECT community_id::text, figure, day, sample, count FROM platform.figure_samples WHERE count <> 0",
        ),
        (
            "district_samples",
            "SELECT district_id::text, figure, day, sample, count FROM platform.figure_district_samples WHERE count <> 0",
        ),
        (
            "district_monthly",
            "SELECT district_id::text, figure, month, value, 0::int8 FROM platform.figure_district_monthly WHERE value <> 0",
        ),
        (
            "district_samples_monthly",
            "SELECT district_id::text, figure, month, sample, count FROM platform.figure_district_samples_monthly WHERE count <> 0",
        ),
        (
            "spans",
            "SELECT community_id::text, figure || '/' || months, start, value, 0::int8 FROM platform.figure_spans WHERE value <> 0",
        ),
        (
            "district_cadence",
            "SELECT district_id::text, '', month, met, 0::int8 FROM platform.cadence_district_monthly WHERE met <> 0",
        ),
    ] {
        let mut rows: Table = sqlx::query_as(sql).fetch_all(env.db.pool()).await.unwrap();
        rows.sort();
        out.insert(name, rows);
    }
    out
}

/// The months and the districts hold exactly the sums of the communities' days.
async fn consistent(env: &OneCommunity) {
    let diff: i64 = sqlx::query_scalar(
        "WITH m AS (SELECT community_id, figure, date_trunc('month', day)::date AS month,
                           sum(value) AS value FROM platform.figure_daily GROUP BY 1, 2, 3),
              d AS (SELECT a.id, f.figure, f.day, sum(f.value) AS value
                      FROM platform.figure_daily f
                      JOIN platform.communities c ON c.id = f.community_id
                      JOIN platform.districts x ON x.id = c.district_id,
                           unnest(x.path) AS a (id)
                     GROUP BY 1, 2, 3),
              dm AS (SELECT district_id, figure, date_trunc('month', day)::date AS month,
                            sum(value) AS value FROM platform.figure_district_daily GROUP BY 1, 2, 3),
              ds AS (SELECT district_id, figure, date_trunc('month', day)::date AS month, sample,
                            sum(count) AS count FROM platform.figure_district_samples GROUP BY 1, 2, 3, 4),
              sp AS (SELECT community_id, figure, s.months, date_trunc(s.unit, day)::date AS start,
                            sum(value) AS value
                       FROM platform.figure_daily,
                            (VALUES (3::int2, 'quarter'), (12::int2, 'year')) AS s (months, unit)
                      GROUP BY 1, 2, 3, 4),
              cm AS (SELECT a.id AS district_id, f.month, count(*) AS met
                       FROM platform.figure_monthly f
                       JOIN platform.communities c ON c.id = f.community_id
                       JOIN platform.districts x ON x.id = c.district_id,
                            unnest(x.path) AS a (id)
                      WHERE f.figure = 'courses.public_sessions' AND f.value >= 2
                      GROUP BY 1, 2)
         SELECT (SELECT count(*) FROM m FULL JOIN platform.figure_monthly r USING (community_id, figure, month)
                  WHERE coalesce(m.value, 0) <> coalesce(r.value, 0))
              + (SELECT count(*) FROM d FULL JOIN platform.figure_district_daily r
                        ON r.district_id = d.id AND r.figure = d.figure AND r.day = d.day
                  WHERE coalesce(d.value, 0) <> coalesce(r.value, 0))
              + (SELECT count(*) FROM dm FULL JOIN platform.figure_district_monthly r
                        USING (district_id, figure, month)
                  WHERE coalesce(dm.value, 0) <> coalesce(r.value, 0))
              + (SELECT count(*) FROM ds FULL JOIN platform.figure_district_samples_monthly r
                        USING (district_id, figure, month, sample)
                  WHERE coalesce(ds.count, 0) <> coalesce(r.count, 0))
              + (SELECT count(*) FROM sp FULL JOIN platform.figure_spans r
                        USING (community_id, figure, months, start)
                  WHERE coalesce(sp.value, 0) <> coalesce(r.value, 0))
              + (SELECT count(*) FROM cm FULL JOIN platform.cadence_district_monthly r
                        USING (district_id, month)
                  WHERE coalesce(cm.met, 0) <> coalesce(r.met, 0))",
    )
    .fetch_one(env.db.pool())
    .await
    .unwrap();
    assert_eq!(
        diff, 0,
        "monthly and district rollups equal the sums of the days, cadence the months met"
    );
}

/// Co-governance through its services: 123 元 in (a 10 元 sale reversed), 50 元 spent, a post
/// claimed, a meeting whose one decision is done on time.
async fn governance_rows(env: &OneCommunity, a: &CommunityCtx, other: &CommunityCtx) {
    use governance::api::{funds, meetings, posts};
    let fund = funds::create_fund(a, "共享基金", "邻里互助").await.unwrap();
    let gift = funds::IncomeKind::Donation;
    funds::record_income(a, fund.id, gift, 12_345, "捐赠", None)
        .await
        .unwrap();
    let sale = funds::record_income(a, fund.id, funds::IncomeKind::Sale, 1_000, "义卖", None);
    funds::reverse(a, sale.await.unwrap().id, "记重了")
        .await
        .unwrap();
    let ask = funds::request_spending(other, fund.id, "修花台", 5_000)
        .await
        .unwrap();
    funds::decide_request(a, ask.id, true, None).await.unwrap();
    let grid = env
        .tenancy
        .create_courtyard(
            a,
            "第一网格",
            tenancy::grids::model::CourtyardKind::Grid,
            None,
        )
        .await
        .unwrap();
    let micro = posts::create_micro_grid(a, grid.id, "一号微网格")
        .await
        .unwrap();
    let post = posts::add_post(a, micro.id, "楼栋长", "").await.unwrap();
    posts::claim(other, post.id, true).await.unwrap();
    let me = a.access().account_id;
    let view = meetings::record(
        a,
        meetings::MeetingInput {
            kind: meetings::MeetingKind::Consultation,
            title: "民主协商会".into(),
            held_at: Utc::now(),
            place: "议事厅".into(),
            courtyard_id: None,
            attendees: vec![],
            topics: vec!["停车".into()],
            minutes: String::new(),
            decisions: vec![meetings::DecisionInput {
                decision: "划线".into(),
                owner_kind: meetings::OwnerKind::Staff,
                owner_id: me,
                owner_name: "社工".into(),
                courtyard_id: None,
                due_on: infra::local_time::date_of(Utc::now()) + Duration::days(7),
            }],
        },
    )
    .await
    .unwrap();
    meetings::close(a, view.follow_ups[0].id, true, None)
        .await
        .unwrap();
}

async fn officer(t: &tenancy::Tenancy, login: &str, role: Role) -> Principal {
    let a = t
        .create_account(
            Actor::Operator,
            NewAccountInput {
                login_name: login.into(),
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
            account_id: a.id,
            role,
            district_code: Some("510109".into()),
            community_slug: None,
        },
    )
    .await
    .unwrap();
    t.principal_of(a.id).await.unwrap()
}

#[tokio::test]
async fn every_family_rolls_up_ranks_compares_and_exports() {
    let env = OneCommunity::new(b"dashboards families", "xinhua", "新华社区", 20).await;
    let t = &env.tenancy;
    t.create_district(Actor::Operator, "510109001", "芳草街道", Some("510109"))
        .await
        .unwrap();
    let second = t
        .onboard(
            Actor::Operator,
            OnboardInput {
                district_code: "510109001".into(),
                slug: "donghuan".into(),
                name: "东环路社区".into(),
                kind: CommunityKind::Resettlement,
                households: None,
                residents: None,
            },
        )
        .await
        .unwrap()
        .0
        .tenant();
    let (a, b) = (staff(&env, &env.tenant), staff(&env, &second));
    rows_of_every_family(&a, &[3, 2, 1, 0], &[1, 0]).await;
    rows_of_every_family(&b, &[2, 1], &[0]).await;
    governance_rows(&env, &a, &staff(&env, &env.tenant)).await;
    crate::rows::household_rows(&a).await;
    dashboards::api::fold(&a).await.unwrap();
    dashboards::api::fold(&b).await.unwrap();

    let today = infra::local_time::date_of(Utc::now());
    let week = Period::parse(today - Duration::days(7), today + Duration::days(7)).unwrap();
    let mut conn = env.db.pool().acquire().await.unwrap();
    let only_a = Scope::Communities(vec![env.tenant.community_id]);
    let totals: BTreeMap<String, i64> = district::totals(&mut conn, &only_a, week)
        .await
        .unwrap()
        .into_iter()
        .map(|f| (f.figure, f.value))
        .collect();
    let expect = [
        ("courses.courses", 2),
        ("courses.sessions", 5),
        ("courses.public_sessions", 5),
        ("courses.enrolments", 3),
        ("courses.attendance_marked", 2),
        ("courses.attendance_present", 1),
        ("courses.exhibitions", 1),
        ("courses.nominations", 1),
        ("courses.households_visited", 3),
        ("courses.clubs", 1),
        ("courses.club_members", 1),
        ("courses.teachers_local_talent", 2),
        ("courses.teachers_expert", 0),
        ("courses.events", 1),
        ("courses.events_service_day", 1),
        ("courses.event_attendance", 30),
        ("volunteers.party_members", 1),
        ("volunteers.people_served", 12),
        ("spaces.plots_claimed", 1),
        ("spaces.minutes_open", 1500),
        ("partners.ventures_awarded", 1),
        ("partners.ventures_closed", 1),
        ("governance.fund_income", 123),
        ("governance.fund_spending", 50),
        ("governance.posts_claimed", 1),
        ("governance.meetings", 1),
        ("governance.meetings_consultation", 1),
        ("governance.follow_ups_done", 1),
        ("governance.follow_ups_on_time", 1),
    ];
    for (f, v) in expect {
        assert_eq!(totals.get(f).copied().unwrap_or(0), v, "{f}");
    }

    // The rebuild from the tables equals what folding made, table by table.
    consistent(&env).await;
    let folded = rollups(&env).await;
    dashboards::api::rebuild(&a).await.unwrap();
    dashboards::api::rebuild(&b).await.unwrap();
    assert_eq!(rollups(&env).await, folded);
    consistent(&env).await;

    // 入户摸底 coverage: 3 households visited of the 20 新华 gave; 东环路 gave none.
    sqlx::query("UPDATE platform.communities SET households = 20 WHERE id = $1")
        .bind(env.tenant.community_id)
        .execute(env.db.pool())
        .await
        .unwrap();
    let whole_district = Scope::District(t.locate_district("510109").await.unwrap().id);
    assert_eq!(
        district::household_coverage(&mut conn, &whole_district, week)
            .await
            .unwrap(),
        (3, 20)
    );

    // The district equals the sum of its communities; the street holds only its own.
    let whole = Scope::District(t.locate_district("510109").await.unwrap().id);
    let both = Scope::Communities(vec![env.tenant.community_id, second.community_id]);
    assert_eq!(
        district::totals(&mut conn, &whole, week).await.unwrap(),
        district::totals(&mut conn, &both, week).await.unwrap()
    );
    let viewer = officer(t, "gaoxin-viewer", Role::DistrictViewer).await;
    let street = Filter {
        street: Some("510109001".into()),
        ..Filter::default()
    };
    let (_, s) = dashboards::api::district_scope(t, &viewer, "510109", &street)
        .await
        .unwrap();
    let ranked = district::ranking(&mut conn, &s, "courses.sessions", week, 10, false)
        .await
        .unwrap();
    assert_eq!(ranked.len(), 1);
    assert_eq!((ranked[0].slug.as_str(), ranked[0].value), ("donghuan", 2));
    let ranked = district::ranking(&mut conn, &whole, "courses.sessions", week, 10, false)
        .await
        .unwrap();
    let order: Vec<(&str, i64, i64)> = ranked
        .iter()
        .map(|r| (r.slug.as_str(), r.value, r.rank))
        .collect();
    assert_eq!(order, [("xinhua", 5, 1), ("donghuan", 2, 2)]);
    let by_kind = Filter {
        kinds: vec![CommunityKind::Resettlement],
        ..Filter::default()
    };
    let (_, s) = dashboards::api::district_scope(t, &viewer, "510109", &by_kind)
        .await
        .unwrap();
    assert!(matches!(&s, Scope::Communities(ids) if ids == &[second.community_id]));
    let days = district::series(
        &mut conn,
        &whole,
        "courses.sessions",
        Granularity::Day,
        week,
    )
    .await
    .unwrap();
    assert_eq!(days.iter().map(|d| d.1).sum::<i64>(), 7);
    assert!(days.windows(2).all(|w| w[0].0 < w[1].0));

    // Pilot groups: the viewer may not set one; the admin may, with this district's
    // communities only; the comparison splits the district.
    let admin = officer(t, "gaoxin-admin", Role::DistrictAdmin).await;
    let xinhua = vec!["xinhua".to_string()];
    let refused = dashboards::api::set_group(t, &viewer, "510109", "智慧社区试点", &xinhua).await;
    assert_eq!(
        refused.unwrap_err().code,
        infra::error::ErrorCode::Forbidden
    );
    let stranger =
        dashboards::api::set_group(t, &admin, "510109", "试点", &["nowhere".into()]).await;
    assert_eq!(
        stranger.unwrap_err().code,
        infra::error::ErrorCode::NotFound
    );
    dashboards::api::set_group(t, &admin, "510109", "智慧社区试点", &xinhua)
        .await
        .unwrap();
    let mut f = Filter {
        pilot_group: Some("智慧社区试点".into()),
        ..Filter::default()
    };
    let (_, pilot) = dashboards::api::district_scope(t, &viewer, "510109", &f)
        .await
        .unwrap();
    f.outside_pilot_group = true;
    let (_, rest) = dashboards::api::district_scope(t, &viewer, "510109", &f)
        .await
        .unwrap();
    assert!(matches!(&pilot, Scope::Communities(ids) if ids == &[env.tenant.community_id]));
    assert!(matches!(&rest, Scope::Communities(ids) if ids == &[second.community_id]));

    // Cadence: this month, 新华 held ≥ 2 public-benefit sessions unless the month is young.
    let month = Period::parse(today.with_day(1).unwrap(), today).unwrap();
    let (met, months) = district::cadence(&mut conn, &whole, month).await.unwrap();
    assert_eq!(months, 2);
    let public_this_month: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM platform.figure_monthly
          WHERE figure = 'courses.public_sessions' AND month = $1 AND value >= 2",
    )
    .bind(today.with_day(1).unwrap())
    .fetch_one(&mut *conn)
    .await
    .unwrap();
    assert_eq!(met, public_this_month);
    // The district's own months (its totals, median, series and cadence) agree with the same
    // figures summed from its communities' months.
    assert_eq!(
        district::cadence(&mut conn, &both, month).await.unwrap(),
        (met, months)
    );
    let first = today.with_day(1).unwrap();
    let this_month =
        Period::parse(first, (first + chrono::Months::new(1)).pred_opt().unwrap()).unwrap();
    assert_eq!(
        district::totals(&mut conn, &whole, this_month)
            .await
            .unwrap(),
        district::totals(&mut conn, &both, this_month)
            .await
            .unwrap()
    );
    // Whole quarters and years are read from the communities' spans (period::Cover): a year,
    // a quarter and a run of months around today agree with the days summed and with the
    // district's own months.
    let year_start = first.with_month(1).unwrap();
    let quarter_start = first
        .with_month(first.month() - (first.month() - 1) % 3)
        .unwrap();
    let end_of = |m: NaiveDate, n: u32| (m + chrono::Months::new(n)).pred_opt().unwrap();
    for p in [
        Period::parse(year_start, end_of(year_start, 12)).unwrap(),
        Period::parse(quarter_start, end_of(quarter_start, 3)).unwrap(),
        Period::parse(first - chrono::Months::new(5), end_of(first, 1)).unwrap(),
    ] {
        let ranked = district::ranking(&mut conn, &whole, "courses.sessions", p, 10, false)
            .await
            .unwrap();
        let from_days: BTreeMap<String, i64> = sqlx::query_as(
            "SELECT c.slug, coalesce(sum(f.value), 0)::int8 FROM platform.communities c
               LEFT JOIN platform.figure_daily f ON f.community_id = c.id
                    AND f.figure = 'courses.sessions' AND f.day BETWEEN $1 AND $2
              GROUP BY c.slug",
        )
        .bind(p.from)
        .bind(p.to)
        .fetch_all(&mut *conn)
        .await
        .unwrap()
        .into_iter()
        .collect();
        for r in &ranked {
            assert_eq!(Some(&r.value), from_days.get(&r.slug), "{p:?} {}", r.slug);
        }
        assert_eq!(
            district::totals(&mut conn, &whole, p).await.unwrap(),
            district::totals(&mut conn, &both, p).await.unwrap(),
            "{p:?}"
        );
    }
    let mut series = Vec::new();
    for scope in [&whole, &both] {
        let by = Granularity::Month;
        series.push(
            district::series(&mut conn, scope, "courses.sessions", by, this_month)
                .await
                .unwrap(),
        );
    }
    assert_eq!(series[0], series[1]);
    assert_eq!(
        district::median(&mut conn, &whole, "partners.resolution_hours", this_month)
            .await
            .unwrap(),
        district::median(&mut conn, &both, "partners.resolution_hours", this_month)
            .await
            .unwrap()
    );

    // Exports: the workbook's sheets, its rows per community and a value read back.
    let d = t.locate_district("510109").await.unwrap();
    let (name, bytes) = dashboards::api::district_file(t, &d, &whole, week, FileFormat::Xlsx)
        .await
        .unwrap();
    assert!(name.ends_with(".xlsx"), "{name}");
    use calamine::{Reader, Xlsx};
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "汇总",
            "社区学院",
            "志愿服务",
            "共享空间",
            "共建合作",
            "民生诉求",
            "共治"
        ]
    );
    let college = book.worksheet_range("社区学院").unwrap();
    assert_eq!(college.height(), 3, "a header and a row per community");
    let header: Vec<String> = college
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let col = header.iter().position(|h| h == "开课场次").unwrap();
    let row = college.rows().find(|r| r[2] == "xinhua").unwrap();
    assert_eq!(row[col].to_string(), "5");
    let (_, csv) = dashboards::api::district_file(t, &d, &whole, week, FileFormat::Csv)
        .await
        .unwrap();
    let text = String::from_utf8(csv).unwrap();
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("街道,社区,社区代码,社区类型,")
    );
    assert_eq!(lines.count(), 2);
    let (_, monthly) = dashboards::api::community_file(
        &env.db,
        "新华社区",
        &only_a,
        Period::parse(today - Duration::days(40), today).unwrap(),
        FileFormat::Csv,
    )
    .await
    .unwrap();
    let text = String::from_utf8(monthly).unwrap();
    assert!(text.lines().nth(1).unwrap().contains('年'), "{text}");
}
