//! 共同体: only partners approved here join; every member reads the alliance; another
//! community sees none of it.

use partners::alliances::service as alliances;
use tenancy::Role;

use crate::{Env, code};

#[tokio::test]
async fn an_alliance_holds_only_partners_approved_here() {
    let env = Env::new().await;
    let staff = env
        .account_with("boyuan-staff", Role::Staff, None, Some("boyuan"))
        .await;
    let office = env.enter(&staff, "boyuan").await.unwrap();
    let (wzu, admin) = env.university("温州大学", "wzu-admin").await;
    let (stranger, _) = env.university("某未共建高校", "far-admin").await;
    env.approve(wzu.id, &admin, &staff, &office).await;

    let resident = env
        .account_with("boyuan-resident", Role::Resident, None, Some("boyuan"))
        .await;
    let home = env.enter(&resident, "boyuan").await.unwrap();
    assert_eq!(
        code(alliances::create(&home, "校社共同体", "").await),
        "FORBIDDEN"
    );
    let a = alliances::create(&office, "校社共同体", "1+3×N：党建引领，多方共建")
        .await
        .unwrap();
    assert_eq!(
        code(alliances::create(&office, "校社共同体", "").await),
        "CONFLICT"
    );
    assert_eq!(
        code(alliances::put_member(&env.t, &office, a.id, stranger.id, "资源支持").await),
        "BAD_USER_INPUT"
    );
    alliances::put_member(&env.t, &office, a.id, wzu.id, "志愿服务")
        .await
        .unwrap();
    let again = alliances::put_member(&env.t, &office, a.id, wzu.id, "党建引领")
        .await
        .unwrap();
    assert_eq!(again.part, "党建引领");
    let (list, members) = alliances::alliances(&home).await.unwrap();
    assert_eq!((list.len(), members.len()), (1, 1));

    // Another community's staff see no alliance of 博园 and cannot touch its members.
    let yulin = env
        .account_with("yulin-staff", Role::Staff, None, Some("yulin"))
        .await;
    let theirs = env.enter(&yulin, "yulin").await.unwrap();
    assert!(alliances::alliances(&theirs).await.unwrap().0.is_empty());
    assert_eq!(
        code(alliances::remove_member(&theirs, a.id, wzu.id).await),
        "NOT_FOUND"
    );
    alliances::remove_member(&office, a.id, wzu.id)
        .await
        .unwrap();
    assert!(alliances::alliances(&home).await.unwrap().1.is_empty());
}
