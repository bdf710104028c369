//! Teams at work: a team's teachers in the college's pool, its members in the time bank with
//! their hours counted for the team.

use chrono::Utc;
use partners::organisations::model::MemberRole;
use partners::organisations::service::{self as orgs, TeamInput};
use partners::organisations::work;
use tenancy::Role;
use volunteers::hours::service::{self as hours, HoursInput};
use volunteers::registry::model::VolunteerStatus;

use crate::{Env, code};

#[tokio::test]
async fn a_team_teaches_and_its_volunteer_hours_count_for_it() {
    let env = Env::new().await;
    let t = &env.t;
    let staff = env
        .account_with("boyuan-staff", Role::Staff, None, Some("boyuan"))
        .await;
    let office = env.enter(&staff, "boyuan").await.unwrap();
    let (org, admin) = env.university("温州医科大学", "wmu-admin").await;
    let member = orgs::add_member(
        t,
        &admin,
        org.id,
        Env::person("wmu-nurse"),
        MemberRole::Member,
    )
    .await
    .unwrap();
    let team = orgs::create_team(
        t,
        &admin,
        org.id,
        TeamInput {
            name: "中医药健康服务队".into(),
            leader_id: admin.account_id(),
            skills: vec!["中医".into()],
            contact: "0577-86689999".into(),
            members: vec![member.id],
        },
    )
    .await
    .unwrap();
    let teacher = courses::service::create_teacher(
        &office,
        courses::service::TeacherInput {
            name: "李医生".into(),
            kind: courses::model::TeacherKind::UniversityTeacher,
            skills: vec!["中医".into()],
            phone: None,
            teaches_in: vec![],
            learner_id: None,
            account_id: None,
        },
    )
    .await
    .unwrap();
    // Not before the university is approved here.
    assert_eq!(
        code(work::link_teacher(t, &office, teacher.teacher.id, Some(team.id)).await),
        "FORBIDDEN"
    );
    env.approve(org.id, &admin, &staff, &office).await;
    let linked = work::link_teacher(t, &office, teacher.teacher.id, Some(team.id))
        .await
        .unwrap();
    assert_eq!(linked.team_name.as_deref(), Some("中医药健康服务队"));

    // The nurse joins the time bank with the team; a resident outside it may not, nor see
    // what the team has given.
    let nurse = env
        .enter(&env.principal(member.id).await, "boyuan")
        .await
        .unwrap();
    let v = work::join_time_bank(t, &nurse, team.id, vec!["护理".into()], false)
        .await
        .unwrap();
    assert_eq!(v.team_id, Some(team.id));
    let resident = env
        .account_with("boyuan-res", Role::Resident, None, Some("boyuan"))
        .await;
    let resident = env.enter(&resident, "boyuan").await.unwrap();
    assert_eq!(
        code(work::join_time_bank(t, &resident, team.id, vec![], false).await),
        "FORBIDDEN"
    );
    volunteers::registry::service::set_status(&office, v.id, VolunteerStatus::Active)
        .await
        .unwrap();
    let post = volunteers::posts::service::create_post(
        &office,
        "community_service",
        "健康驿站值守",
        "",
        10,
    )
    .await
    .unwrap();
    let h = hours::record(
        &office,
        HoursInput {
            volunteer_id: Some(v.id),
            post_id: Some(post.id),
            shift_id: None,
            served_on: Utc::now().date_naive() - chrono::Duration::days(2),
            minutes: 120,
            card_id: None,
        },
    )
    .await
    .unwrap();
    hours::verify(&office, h.id).await.unwrap();
    let s = work::team_service(t, &nurse, team.id, false).await.unwrap();
    assert_eq!((s.volunteers, s.verified_minutes, s.points), (1, 120, 20));
    assert_eq!(
        code(work::team_service(t, &resident, team.id, false).await),
        "FORBIDDEN"
    );
}
