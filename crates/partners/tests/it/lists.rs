//! The three lists: entries by staff, partners and residents; a need matched to an offer
//! suggested by category and skills, confirmed by staff, with its outcome.

use partners::lists::model::{EnteredAs, EntryStatus, ListKind, ListRole, MatchStatus};
use partners::lists::service::{self as lists, EntryInput};
use tenancy::Role;

use crate::{Env, code};

fn entry(kind: &str, title: &str, category: &str, skills: &[&str]) -> EntryInput {
    EntryInput {
        kind_code: kind.into(),
        title: title.into(),
        detail: String::new(),
        category: category.into(),
        skills: skills.iter().map(|s| s.to_string()).collect(),
        organisation_id: None,
    }
}

#[tokio::test]
async fn a_need_is_matched_to_an_offer_and_its_outcome_recorded() {
    let env = Env::new().await;
    let t = &env.t;
    let staff = env
        .account_with("boyuan-staff", Role::Staff, None, Some("boyuan"))
        .await;
    let office = env.enter(&staff, "boyuan").await.unwrap();
    let resident = env
        .account_with("boyuan-res", Role::Resident, None, Some("boyuan"))
        .await;
    let resident = env.enter(&resident, "boyuan").await.unwrap();
    let (org, admin) = env.university("温州医科大学", "wmu-admin").await;
    env.approve(org.id, &admin, &staff, &office).await;
    let partner = env
        .enter(&env.principal(admin.account_id()).await, "boyuan")
        .await
        .unwrap();

    let need = lists::add_entry(
        t,
        &office,
        entry("demand", "独居老人助浴", "养老", &["助老"]),
    )
    .await
    .unwrap();
    let offer = lists::add_entry(
        t,
        &partner,
        EntryInput {
            organisation_id: Some(org.id),
            ..entry("resource", "护理专业学生志愿队", "医疗", &["助老", "护理"])
        },
    )
    .await
    .unwrap();
    assert_eq!(offer.entered_as, EnteredAs::Partner);
    let unrelated = lists::add_entry(
        t,
        &resident,
        entry("project", "楼道画廊", "文化", &["绘画"]),
    )
    .await
    .unwrap();
    assert_eq!(unrelated.entered_as, EnteredAs::Resident);
    // A resident cannot speak for a university; nor list on a list that does not exist.
    assert_eq!(
        code(
            lists::add_entry(
                t,
                &resident,
                EntryInput {
                    organisation_id: Some(org.id),
                    ..entry("resource", "冒名", "医疗", &[])
                }
            )
            .await
        ),
        "FORBIDDEN"
    );
    assert_eq!(
        code(lists::add_entry(t, &resident, entry("wishes", "心愿", "其他", &[])).await),
        "BAD_USER_INPUT"
    );

    // Suggested by skill; confirmed by staff; met.
    let suggested = lists::suggest(&office, need.id).await.unwrap();
    assert_eq!(
        suggested.iter().map(|e| e.id).collect::<Vec<_>>(),
        vec![offer.id]
    );
    assert_eq!(code(lists::suggest(&resident, need.id).await), "FORBIDDEN");
    assert_eq!(
        code(lists::confirm_match(&office, offer.id, need.id).await),
        "BAD_USER_INPUT"
    );
    let m = lists::confirm_match(&office, need.id, offer.id)
        .await
        .unwrap();
    assert_eq!(
        code(lists::confirm_match(&office, need.id, offer.id).await),
        "CONFLICT"
    );
    assert!(lists::suggest(&office, need.id).await.unwrap().is_empty());
    let m = lists::close_match(&office, m.id, true, "每周两次上门助浴")
        .await
        .unwrap();
    assert_eq!(m.status, MatchStatus::Done);
    let (rows, matches) = lists::entries(&resident, Some("demand"), None)
        .await
        .unwrap();
    assert_eq!((rows[0].status, matches.len()), (EntryStatus::Closed, 1));

    // The lists are the community's own: 资源/服务/项目 instead of 需求/资源/项目.
    let k = lists::set_list_kind(
        &office,
        ListKind {
            code: "service".into(),
            name: "服务清单".into(),
            position: 4,
            role: ListRole::Offer,
        },
    )
    .await
    .unwrap();
    assert_eq!(k.role, ListRole::Offer);
    assert_eq!(lists::list_kinds(&resident).await.unwrap().len(), 4);
}
