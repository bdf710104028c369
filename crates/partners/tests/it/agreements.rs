//! Co-building agreements: signed only with approved partners, activities recorded by the
//! partner's people, commitments against delivery per quarter, visible to its own.

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

    // The university's own people record what they held; each course once.
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
    let tcm = Uuid::now_v7();
    for (kind, reference, title, on) in [
        (ActivityKind::Course, Some(tcm), "中医养生课", d(2, 10)),
        (
            ActivityKind::Course,
            Some(Uuid::now_v7()),
            "急救知识课",
            d(3, 5),
        ),
        (
            ActivityKind::Event,
            Some(Uuid::now_v7()),
            "义诊活动",
            d(5, 20),
        ),
    ] {
        agreements::record_activity(t, &teacher, signed.id, kind, reference, title, on)
            .await
            .unwrap();
    }
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
