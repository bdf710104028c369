//! `serve --demo`: the districts and communities of the seed reports, with demo accounts.
//! Idempotent: a second run finds everything in place and changes nothing.

use chrono::{Duration, NaiveDate, Utc};
use courses::model::{ClubRole, ExhibitionKind};
use courses::service::{self as college_svc, CourseInput, SessionsInput, TeacherInput};
use infra::AppError;
use infra::storage::ObjectStore;
use spaces::api::rooms::SpaceKind;
use tenancy::CommunityCtx;
use tenancy::Tenancy;
use tenancy::{Actor, GrantInput, NewAccountInput, OnboardInput};

pub const DEMO_PASSWORD: &str = "linli-demo-2026";

mod boyuan;
mod co_governance;
mod courses_data;
mod data;
mod reports;
mod timebank;

use courses_data::*;
use data::*;

pub fn demo_logins() -> impl Iterator<Item = (&'static str, &'static str)> {
    ACCOUNTS
        .iter()
        .map(|a| (a.0, a.1))
        .chain(boyuan::PARTNER_LOGINS.iter().copied())
        .chain([boyuan::GRID_LOGIN])
}

/// Where the seed's registrations come from (counted like anyone's; the seed makes few).
const SEED_ADDRESS: std::net::IpAddr = std::net::IpAddr::V6(std::net::Ipv6Addr::LOCALHOST);

pub async fn seed(t: &Tenancy, store: &ObjectStore) -> anyhow::Result<()> {
    let fail = |e: AppError| anyhow::anyhow!("demo seed: {e:?}");
    // Everything goes through the services, as the operator; a second run finds it all there.
    for (code, name, parent) in DISTRICTS {
        match t
            .create_district(Actor::Operator, code, name, *parent)
            .await
        {
            Err(e) if e.code == infra::ErrorCode::Conflict => {}
            other => {
                other.map_err(fail)?;
            }
        }
    }
    for c in COMMUNITIES {
        let input = OnboardInput {
            district_code: c.district.to_string(),
            slug: c.slug.to_string(),
            name: c.name.to_string(),
            kind: c.kind,
            households: c.households,
            residents: c.residents,
        };
        t.onboard(Actor::Operator, input).await.map_err(fail)?;
        // The operator seeding the demo acts as an admin above the community.
        let scope = CommunityCtx::new(
            t.db().clone(),
            t.secrets().clone(),
            store.clone(),
            t.operator_scope(c.slug).await.map_err(fail)?,
        );
        for (name, households) in c.courtyards {
            // A courtyard that exists already is a CONFLICT: that is the idempotent case.
            let _ = t
                .create_courtyard(
                    &scope,
                    name,
                    tenancy::model::CourtyardKind::Courtyard,
                    *households,
                )
                .await;
        }
        for (name, kind, capacity) in c.spaces {
            // A second run finds the space there (None) and leaves it and its bookings be.
            if let Some(space) = spaces::api::rooms::create_space(&scope, name, *kind, *capacity)
                .await
                .map_err(fail)?
            {
                space_rules(&scope, &space, points_per_hour(c.slug))
                    .await
                    .map_err(fail)?;
                if space.kind == SpaceKind::Farm {
                    farm(&scope, &space).await.map_err(fail)?;
                }
            }
        }
        college(&scope, c).await.map_err(fail)?;
    }
    for (login, display, role, district, community) in ACCOUNTS {
        let account = match t.account_by_login(login).await.map_err(fail)? {
            Some(a) => a.id,
            None => {
                let input = NewAccountInput {
                    login_name: login.to_string(),
                    display_name: display.to_string(),
                    password: DEMO_PASSWORD.to_string(),
                    phone: None,
                };
                t.create_account(Actor::Operator, input)
                    .await
                    .map_err(fail)?
                    .id
            }
        };
        let grant = GrantInput {
            account_id: account,
            role: *role,
            district_code: district.map(str::to_string),
            community_slug: community.map(str::to_string),
        };
        t.grant_role(Actor::Operator, grant).await.map_err(fail)?;
    }
    chen_qihui(t, store).await.map_err(fail)?;
    farmer(t, store).await.map_err(fail)?;
    let donghuan = office(t, store, "donghuanlu").await.map_err(fail)?;
    timebank::seed(t, &donghuan).await.map_err(fail)?;
    boyuan::seed(t, store).await.map_err(fail)?;
    co_governance::seed(t, store).await.map_err(fail)?;
    reports::seed(t, store).await.map_err(fail)?;
    targets(t).await.map_err(fail)?;
    Ok(())
}

/// 两江新区's pilot of the 社区学院 in 金竹苑 and 邢家桥 (seed 003) as a pilot group, and its rule
/// for them: 月月有活动、季季有交流、年年有展演 — the district's targets, set (again, unchanged)
/// by the platform's admin.
async fn targets(t: &Tenancy) -> Result<(), AppError> {
    use dashboards::targets::model::TargetPeriod;
    use dashboards::targets::service::{TargetInput, set_target};
    let admin = t
        .account_by_login("admin")
        .await?
        .ok_or_else(|| AppError::not_found("找不到演示账号", "Demo account missing"))?;
    let admin = t.principal_of(admin.id).await?;
    for (name, figure, period) in [
        ("月月有活动", "courses.events", TargetPeriod::Month),
        (
            "季季有交流",
            "courses.events_exchange",
            TargetPeriod::Quarter,
        ),
        (
            "年年有展演",
            "courses.events_performance",
            TargetPeriod::Year,
        ),
    ] {
        let input = TargetInput {
            name: name.into(),
            figure: figure.into(),
            period,
            min_value: 1,
        };
        set_target(t, &admin, "500192", input).await?;
    }
    let pilots = ["jinzhuyuan".to_string(), "xingjiaqiao".to_string()];
    dashboards::pilots::service::set_group(t, &admin, "500192", "兴趣两江社区学院试点", &pilots)
        .await?;
    Ok(())
}

/// The operator's context in a community: an admin above it, whatever its status.
async fn office(t: &Tenancy, store: &ObjectStore, slug: &str) -> Result<CommunityCtx, AppError> {
    Ok(CommunityCtx::new(
        t.db().clone(),
        t.secrets().clone(),
        store.clone(),
        t.operator_scope(slug).await?,
    ))
}

/// What an hour of a community's rooms costs in time-bank points. Only 博园 says its rooms are
/// paid for so — volunteers earn their free use (seed 004); 新华's five spaces are its
/// residents' living room (居民客厅, seed 000), and no other report puts a price on a room.
fn points_per_hour(slug: &str) -> i32 {
    if slug == "boyuan" { 10 } else { 0 }
}

/// Open 08:30–21:00 every day, bookable by residents up to 30 days ahead for 30 minutes to
/// three hours at the community's price (`points_per_hour`); 百文斋 and 舞之魅 get the evening
/// activities seed 000 tells of.
async fn space_rules(
    scope: &CommunityCtx,
    space: &spaces::api::rooms::Space,
    points_per_hour: i32,
) -> Result<(), AppError> {
    use spaces::api::rooms::{BookableBy, OpeningSpan};
    let t = |h, m| chrono::NaiveTime::from_hms_opt(h, m, 0).expect("time");
    spaces::api::rooms::set_opening_hours(
        scope,
        space.id,
        (1..=7)
            .map(|weekday| OpeningSpan {
                weekday,
                opens: t(8, 30),
                closes: t(21, 0),
            })
            .collect(),
    )
    .await?;
    spaces::api::rooms::set_space_rules(
        scope,
        space.id,
        spaces::api::rooms::SpaceRules {
            capacity: space.capacity,
            courtyard_id: None,
            amenities: Vec::new(),
            bookable_by: BookableBy::Residents,
            window_days: 30,
            min_minutes: 30,
            max_minutes: 180,
            needs_approval: space.kind == spaces::api::rooms::SpaceKind::Stage,
            points_per_hour,
        },
    )
    .await?;
    let purpose = match space.name.as_str() {
        "百文斋" => "红色电影放映",
        "舞之魅" => "社区文艺骨干排练",
        _ => return Ok(()),
    };
    let tomorrow = infra::local_time::date_of(Utc::now()) + Duration::days(1);
    let at = infra::local_time::at(tomorrow, t(19, 0));
    spaces::api::bookings::book(
        scope,
        spaces::api::bookings::BookingRequest {
            space_id: space.id,
            starts_at: at,
            minutes: 90,
            group: None,
            purpose: purpose.into(),
            attendance: 12,
            weeks: 4,
        },
    )
    .await?;
    Ok(())
}

/// 白莲社区's ecological farm: 20 plots of 12 m² and this year's season, open for claims.
async fn farm(scope: &CommunityCtx, space: &spaces::api::rooms::Space) -> Result<(), AppError> {
    use spaces::api::farm;
    let plots = (1..=20).map(|i| {
        (
            format!("{}-{:02}", if i <= 10 { "东" } else { "西" }, i),
            12.0,
        )
    });
    farm::add_plots(scope, space.id, plots.collect()).await?;
    let today = infra::local_time::today();
    farm::create_season(
        scope,
        farm::SeasonInput {
            name: format!("{} 年度", chrono::Datelike::year(&today)),
            starts_on: today - Duration::days(1),
            ends_on: today + Duration::days(300),
            claims_open_on: today,
            neglect_days: 14,
        },
    )
    .await?;
    Ok(())
}

/// `bailian-farmer` tends a plot of 白莲社区's farm this season and has watered it.
async fn farmer(t: &Tenancy, store: &ObjectStore) -> Result<(), AppError> {
    use spaces::api::farm;
    let account = t
        .account_by_login("bailian-farmer")
        .await?
        .ok_or_else(|| AppError::not_found("找不到演示账号", "Demo account missing"))?;
    let principal = t.principal_of(account.id).await?;
    let me = CommunityCtx::new(
        t.db().clone(),
        t.secrets().clone(),
        store.clone(),
        t.enter_community(Some(&principal), "bailian").await?,
    );
    let staff = CommunityCtx::new(
        t.db().clone(),
        t.secrets().clone(),
        store.clone(),
        t.operator_scope("bailian").await?,
    );
    let Some(season) = farm::current_seasons(&staff).await?.into_iter().next() else {
        return Ok(());
    };
    // A second run finds the claim there: the household holds its plot already.
    if let Ok(farm::ClaimOutcome::Claimed(c)) =
        farm::claim_plot(&me, season.id, None, infra::local_time::today()).await
    {
        farm::record_duty(&me, c.id, "watering", Some("浇水"), Utc::now(), None).await?;
    }
    Ok(())
}

/// 陈启惠, 71, of 金竹苑's 非洲鼓 club, signs in as `chen-qihui`: her learner record (she
/// records her birth date herself, as the resident), her club role and her works on show.
async fn chen_qihui(t: &Tenancy, store: &ObjectStore) -> Result<(), AppError> {
    let staff = CommunityCtx::new(
        t.db().clone(),
        t.secrets().clone(),
        store.clone(),
        t.operator_scope("jinzhuyuan").await?,
    );
    if !college_svc::exhibitions(&staff, None, 1, college_svc::ExhibitionParts::ALL)
        .await?
        .is_empty()
    {
        return Ok(());
    }
    let account = t
        .account_by_login("chen-qihui")
        .await?
        .ok_or_else(|| AppError::not_found("找不到演示账号", "Demo account missing"))?;
    let principal = t.principal_of(account.id).await?;
    let resident = CommunityCtx::new(
        t.db().clone(),
        t.secrets().clone(),
        store.clone(),
        t.enter_community(Some(&principal), "jinzhuyuan").await?,
    );
    let chen = college_svc::set_birth_date(
        &resident,
        None,
        NaiveDate::from_ymd_opt(1955, 4, 12).expect("date"),
    )
    .await?;
    let (clubs, _, _) = college_svc::clubs(&staff, None, 100, true, true).await?;
    if let Some(drum) = clubs.iter().find(|c| c.name == "非洲鼓社") {
        college_svc::set_club_member(&staff, drum.id, chen.id, ClubRole::Monitor).await?;
    }
    let today = infra::local_time::today();
    let ex = college_svc::create_exhibition(
        &staff,
        "金竹苑社区学院成果展",
        ExhibitionKind::Handicraft,
        today,
        today + Duration::days(30),
    )
    .await?;
    for (i, title) in ["剪纸·福", "非洲鼓演出留影"].iter().enumerate() {
        let work = college_svc::add_work(&staff, ex.id, chen.id, None, title).await?;
        college_svc::upload_photo(&staff, work.id, demo_picture(i as u8 * 90)).await?;
    }
    college_svc::publish_exhibition(&staff, ex.id).await?;
    Ok(())
}

/// A demo picture: a gradient, so the exhibition has real photos in object storage.
fn demo_picture(seed: u8) -> Vec<u8> {
    let img = image::RgbImage::from_fn(640, 480, |x, y| {
        image::Rgb([(x / 3) as u8 ^ seed, (y / 2) as u8, seed.wrapping_mul(40)])
    });
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(img)
        .write_to(
            &mut std::io::Cursor::new(&mut out),
            image::ImageFormat::Jpeg,
        )
        .expect("in-memory JPEG");
    out
}

/// Courses, teachers, clubs and one exhibition, once per community.
async fn college(scope: &CommunityCtx, c: &DemoCommunity) -> Result<(), AppError> {
    if !college_svc::courses(scope, None, 1, None, false, college_svc::CourseParts::ALL)
        .await?
        .is_empty()
    {
        return Ok(());
    }
    let first_monday = {
        let today = infra::local_time::today();
        let back = chrono::Datelike::weekday(&today).num_days_from_monday();
        today - Duration::days(i64::from(back))
    };
    for (i, dc) in courses_for(c.slug).iter().enumerate() {
        // One teacher per name: a teacher of two courses is one person of the pool.
        let existing = college_svc::teachers(scope, None, 200, false)
            .await?
            .into_iter()
            .find(|t| t.teacher.name == dc.teacher);
        let teacher = match existing {
            Some(t) => t.teacher.id,
            None => {
                college_svc::create_teacher(
                    scope,
                    TeacherInput {
                        name: dc.teacher.to_string(),
                        kind: dc.kind,
                        skills: vec![dc.title.to_string()],
                        phone: None,
                        teaches_in: vec![c.slug.to_string()],
                        learner_id: None,
                        account_id: None,
                    },
                )
                .await?
                .teacher
                .id
            }
        };
        let course = college_svc::create_course(
            scope,
            CourseInput {
                title: dc.title.to_string(),
                category: dc.category.to_string(),
                audience: dc.audience,
                min_age: None,
                max_age: None,
                format: dc.format,
                public_benefit: true,
                fee_cents: 0,
                club_id: None,
                capacity: 30,
                materials: Some("社区提供".into()),
                teacher_ids: vec![teacher],
            },
            college_svc::CourseParts::ALL,
        )
        .await?
        .course;
        // Weekly at 19:00 China time (11:00 UTC), starting on a weekday of this week.
        let day = first_monday + Duration::days(i as i64 % 5);
        let starts = day.and_hms_opt(11, 0, 0).expect("valid time").and_utc();
        let place = dc
            .place
            .or(c.spaces.first().map(|s| s.0))
            .unwrap_or("社区活动室");
        college_svc::add_sessions(
            scope,
            SessionsInput {
                course_id: course.id,
                first_starts_at: starts,
                duration_minutes: 90,
                weeks: 8,
                place: place.into(),
            },
        )
        .await?;
    }
    // A community's own targets, where its report sets one: 新华's 院落大学 plans at least two
    // public-benefit courses a month (seed 000); 金竹苑 makes sure of a course every week
    // (seed 003). 两江新区's 月月有活动、季季有交流、年年有展演 are the district's (`targets`).
    let own: &[(&str, courses::model::CadencePeriod, i32, bool)] = match c.slug {
        "xinhua" => &[(
            "每月不少于两堂公益课",
            courses::model::CadencePeriod::Month,
            2,
            true,
        )],
        "jinzhuyuan" => &[("每周有课程", courses::model::CadencePeriod::Week, 1, false)],
        _ => &[],
    };
    for (name, period, min, public_only) in own {
        college_svc::create_cadence_target(
            scope,
            name,
            *period,
            *min,
            *public_only,
            courses::model::CadenceCounts::Sessions,
        )
        .await?;
    }
    if c.slug == "jinzhuyuan" {
        for (federation, named, count) in JINZHUYUAN_CLUBS {
            let f = college_svc::create_federation(scope, federation, None).await?;
            for n in 0..*count {
                let name = match named.get(n) {
                    Some(club) => (*club).to_string(),
                    None => format!("{federation}社团 {}", n + 1),
                };
                college_svc::create_club(scope, &name, Some(f.id)).await?;
            }
        }
    }
    Ok(())
}
