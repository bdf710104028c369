//! Withdrawing consent (issue 36, PIPL art. 15): a guardian withdraws consent for a child's
//! work and it leaves residents' pages and share links at once; only the guardian (or staff)
//! may; consent given again shows it again.

use chrono::NaiveDate;
use courses::model::{ExhibitionKind, ShareNames};
use courses::service as svc;

use crate::{Env, code};

#[tokio::test]
async fn a_guardian_withdraws_consent_and_the_work_leaves_pages_and_share_links() {
    let env = Env::new().await;
    let staff = env.staff();
    let today = chrono::Utc::now().date_naive();
    let ex = svc::create_exhibition(&staff, "少儿画展", ExhibitionKind::Handicraft, today, today)
        .await
        .unwrap();
    let guardian = env.scope(&env.alpha, "家长", &[]);
    let neighbour = env.scope(&env.alpha, "邻居", &[]);
    let kid = svc::register_child(
        &guardian,
        "李小花",
        NaiveDate::from_ymd_opt(2016, 1, 1).unwrap(),
    )
    .await
    .unwrap();
    let work = svc::add_work(&staff, ex.id, kid.id, None, "小花的画")
        .await
        .unwrap();
    svc::record_consent(&guardian, work.id).await.unwrap();
    svc::publish_exhibition(&staff, ex.id).await.unwrap();
    let link = svc::share_exhibition(&staff, ex.id, ShareNames::Surname)
        .await
        .unwrap();
    let visitor = env.visitor(&env.alpha);
    let seen = |s: tenancy::CommunityCtx| async move {
        let v = svc::exhibitions(&s, None, 10, svc::ExhibitionParts::ALL)
            .await
            .unwrap();
        v.into_iter()
            .flat_map(|e| e.works)
            .map(|(w, _)| w.title)
            .collect::<Vec<_>>()
    };
    let shared = |token: String| {
        let visitor = visitor.clone();
        async move {
            svc::shared_exhibition(&visitor, &token)
                .await
                .unwrap()
                .works
                .into_iter()
                .map(|(t, _, _)| t)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(seen(neighbour.clone()).await, vec!["小花的画"]);
    assert_eq!(shared(link.token.clone()).await, vec!["小花的画"]);

    assert_eq!(
        code(svc::withdraw_consent(&neighbour, work.id).await),
        "FORBIDDEN",
        "only the guardian or staff"
    );
    let w = svc::withdraw_consent(&guardian, work.id).await.unwrap();
    assert!(w.guardian_consent_at.is_none());
    assert!(seen(neighbour.clone()).await.is_empty(), "gone from pages");
    assert!(
        shared(link.token.clone()).await.is_empty(),
        "gone from the share link"
    );
    assert_eq!(
        seen(staff.clone()).await,
        vec!["小花的画"],
        "staff still see it, to follow up"
    );

    svc::record_consent(&guardian, work.id).await.unwrap();
    assert_eq!(
        seen(neighbour).await,
        vec!["小花的画"],
        "consent given again"
    );
    assert_eq!(shared(link.token).await, vec!["小花的画"]);
}
