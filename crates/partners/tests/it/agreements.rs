//! Co-building agreements: signed only with approved partners, activities of the community's
//! own courses and events recorded by the agreement's team (or the organisation's admins),
//! commitments against delivery per quarter, visible to its own.

use chrono::NaiveDate;
use partners::agreements::model::{ActivityKind, CommitmentKind, Per};
use partners::agreements::service::{self as agreements, AgreementInput};
use partners::organisations::model::{MemberRole, OrganisationKind};
use partners::organisations::service::{self as orgs, OrganisationInput, Target};
use tenancy::Role;
use uuid::Uuid;

use crate::{Env, code};

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

#[tokio::test]
async fn an_agreement_shows_its_commitments_against_delivery() {
    let env = Env::new().await;
    let t = &env.t;
    let staff = env
        .account_with("boyuan-staff", Role::Staff, None, Some("boyuan"))
        .await;
    let office = env.enter(&staff, "boyuan").await.unwrap();
    let university = |name: &str| OrganisationInput {
        name: name.into(),
        kind: OrganisationKind::University,
        grade: None,
        description: String::new(),
        contact: "0577-86689999".into(),
    };
    let (wmu, admin) = orgs::register(
        t,
        Env::ADDR,
        Env::person("wmu-admin"),
        university("温州医科大学"),
    )
    .await
    .unwrap();
    let admin = env.principal(admin.id).await;
    let (kean, kean_admin) = orgs::register(
        t,
        Env::ADDR,
        Env::person("kean-admin"),
        university("温州肯恩大学"),
    )
    .await
    .unwrap();
    let input = |org| AgreementInput {
        organisation_id: org,
        team_id: None,
        title: "党建联建协议".into(),
        starts_on: d(1, 1),
        ends_on: d(12, 31),
        commitments: vec![
            (CommitmentKind::Any, Per::Quarter, 4),
            (CommitmentKind::Course, Per::Year, 2),
        ],
    };
    assert_eq!(
        code(agreements::sign(t, &office, input(wmu.id)).await),
        "FORBIDDEN"
    );
    for (org, p) in [
        (wmu.id, &admin),
        (kean.id, &env.principal(kean_admin.id).await),
    ] {
        let asked = orgs::request_partnership(t, p, org, Target::Community("boyuan".into()))
            .await
            .unwrap();
        orgs::decide(t, &staff, Some(&office), asked.id, true, None)
            .await
            .unwrap();
    }
    let signed = agreements::sign(t, &office, input(wmu.id)).await.unwrap();
    agreements::sign(t, &office, input(kean.id)).await.unwrap();

    // What was held is the community's own: two courses and an event.
    let course = |title: &str| courses::service::CourseInput {
        title: title.into(),
        category: "health".into(),
        audience: courses::model::Audience::All,
        min_age: None,
        max_age: None,
        format: courses::model::Format::Lecture,
        public_benefit: true,
        fee_cents: 0,
        club_id: None,
        capacity: 30,
        materials: None,
        teacher_ids: Vec::new(),
    };
    let mut held = Vec::new();
    for title in ["中医养生课", "急救知识课"] {
        let parts = courses::service::CourseParts {
            teachers: false,
            sessions: false,
            stats: false,
        };
        let c = courses::service::create_course(&office, course(title), parts)
            .await
            .unwrap();
        held.push(c.course.id);
    }
    let clinic = courses::service::create_event(
        &office,
        courses::service::EventInput {
            title: "义诊活动".into(),
            kind: courses::model::EventKind::ServiceDay,
            starts_at: chrono::Utc::now() + chrono::Duration::days(1),
            duration_minutes: 120,
            place: "党群服务站".into(),
            capacity: None,
            attendance_target: None,
        },
    )
    .await
    .unwrap();

    // An agreement with the whole university: its admins record what they held, each course
    // once; its other people do not.
    let teacher = orgs::add_member(
        t,
        &admin,
        wmu.id,
        Env::person("wmu-teacher"),
        MemberRole::Member,
    )
    .await
    .unwrap();
    let teacher = env
        .enter(&env.principal(teacher.id).await, "boyuan")
        .await
        .unwrap();
    assert_eq!(
        code(
            agreements::record_activity(
                t,
                &teacher,
                signed.id,
                ActivityKind::Other,
                None,
                "座谈",
                d(2, 1)
            )
            .await
        ),
        "FORBIDDEN"
    );
    let teacher = env
        .enter(&env.principal(admin.account_id()).await, "boyuan")
        .await
        .unwrap();
    let tcm = held[0];
    for (kind, reference, title, on) in [
        (ActivityKind::Course, Some(tcm), "中医养生课", d(2, 10)),
        (ActivityKind::Course, Some(held[1]), "急救知识课", d(3, 5)),
        (ActivityKind::Event, Some(clinic.id), "义诊活动", d(5, 20)),
    ] {
        agreements::record_activity(t, &teacher, signed.id, kind, reference, title, on)
            .await
            .unwrap();
    }
    // A reference that is nothing of the community's is refused.
    assert_eq!(
        code(
            agreements::record_activity(
                t,
                &teacher,
                signed.id,
                ActivityKind::Course,
                Some(Uuid::now_v7()),
                "不存在的课",
                d(3, 6)
            )
            .await
        ),
        "NOT_FOUND"
    );
    assert_eq!(
        code(
            agreements::record_activity(
                t,
                &teacher,
                signed.id,
                ActivityKind::Course,
                Some(tcm),
                "中医养生课",
                d(2, 17)
            )
            .await
        ),
        "CONFLICT"
    );
    // A course must say which one.
    assert_eq!(
        code(
            agreements::record_activity(
                t,
                &teacher,
                signed.id,
                ActivityKind::Course,
                None,
                "讲座",
                d(4, 1)
            )
            .await
        ),
        "BAD_USER_INPUT"
    );
    let late = NaiveDate::from_ymd_opt(2027, 1, 5).unwrap();
    assert_eq!(
        code(
            agreements::record_activity(
                t,
                &teacher,
                signed.id,
                ActivityKind::Other,
                None,
                "座谈",
                late
            )
            .await
        ),
        "BAD_USER_INPUT"
    );

    // Staff see both agreements; the university's people only theirs, with its delivery.
    assert_eq!(agreements::agreements(t, &office).await.unwrap().len(), 2);
    let mine = agreements::agreements(t, &teacher).await.unwrap();
    assert_eq!(mine.len(), 1);
    let quarters: Vec<(i32, i32)> = mine[0]
        .delivery
        .iter()
        .filter(|x| x.per == Per::Quarter)
        .map(|x| (x.committed, x.held))
        .collect();
    assert_eq!(quarters, vec![(4, 2), (4, 1), (4, 0), (4, 0)]);
    let courses: Vec<(i32, i32)> = mine[0]
        .delivery
        .iter()
        .filter(|x| x.kind == CommitmentKind::Course)
        .map(|x| (x.committed, x.held))
        .collect();
    assert_eq!(courses, vec![(2, 2)]);
    // 肯恩's people cannot record under 温医's agreement.
    let kean_member = env
        .enter(&env.principal(kean_admin.id).await, "boyuan")
        .await
        .unwrap();
    assert_eq!(
        code(
            agreements::record_activity(
                t,
                &kean_member,
                signed.id,
                ActivityKind::Other,
                None,
                "座谈",
                d(4, 1)
            )
            .await
        ),
        "NOT_FOUND"
    );
}
