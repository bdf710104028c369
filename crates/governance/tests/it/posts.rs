//! Posts: one holder at a time, whatever the race; handed back by its holder or staff.

use futures::future::join_all;
use governance::posts::service as posts;
use tenancy::grids::model::CourtyardKind;

use crate::{Env, code};

#[tokio::test]
async fn fifty_claimants_racing_leave_one_holder() {
    let env = Env::new(40).await;
    let staff = env.staff(1);
    let t = &env.community.tenancy;
    let grid = t
        .create_courtyard(&staff, "第一网格", CourtyardKind::Grid, None)
        .await
        .unwrap();
    let yard = t
        .create_courtyard(&staff, "3 号院", CourtyardKind::Courtyard, None)
        .await
        .unwrap();
    assert_eq!(
        code(posts::create_micro_grid(&staff, yard.id, "一号微网格").await),
        "BAD_USER_INPUT"
    );
    assert_eq!(
        code(posts::create_micro_grid(&env.resident(1), grid.id, "一号微网格").await),
        "FORBIDDEN"
    );
    let micro = posts::create_micro_grid(&staff, grid.id, "一号微网格")
        .await
        .unwrap();
    assert_eq!(
        code(posts::create_micro_grid(&staff, grid.id, "一号微网格").await),
        "CONFLICT"
    );
    let post = posts::add_post(&staff, micro.id, "红色管家", "每周一夜查")
        .await
        .unwrap();
    assert!(post.holder_name.is_none());

    let outcomes = join_all((0..50).map(|i| {
        let r = env.resident(i);
        async move { posts::claim(&r, post.id, i % 2 == 0).await }
    }))
    .await;
    let (won, lost): (Vec<_>, Vec<_>) = outcomes.into_iter().partition(|o| o.is_ok());
    assert_eq!(won.len(), 1);
    assert!(lost.into_iter().all(|o| code(o) == "CONFLICT"));
    let listed = posts::posts(&staff, micro.id).await.unwrap();
    let holder = listed[0].holder_account.unwrap();
    let holder_n = (holder.as_u128() - 0x2e51_0000) as u128;

    // Somebody else cannot hand it back; the holder can, once; then another claims it.
    let other = env.resident(if holder_n == 0 { 1 } else { 0 });
    assert_eq!(code(posts::hand_back(&other, post.id).await), "FORBIDDEN");
    let mine = posts::my_posts(&env.resident(holder_n)).await.unwrap();
    assert_eq!(mine.len(), 1);
    let free = posts::hand_back(&env.resident(holder_n), post.id)
        .await
        .unwrap();
    assert!(free.holder_name.is_none());
    assert_eq!(
        code(posts::hand_back(&env.resident(holder_n), post.id).await),
        "FORBIDDEN"
    );
    let again = posts::claim(&other, post.id, true).await.unwrap();
    assert_eq!(again.held_by_party_member, Some(true));
    // Staff hand a post back for a holder who moved away.
    posts::hand_back(&staff, post.id).await.unwrap();

    // Past the services: no second holder, no claim revived.
    posts::claim(&other, post.id, false).await.unwrap();
    for attack in [
        format!(
            "INSERT INTO post_claims (id, post_id, account_id, holder_name, party_member)
             VALUES (gen_random_uuid(), '{}', gen_random_uuid(), '某人', false)",
            post.id
        ),
        format!(
            "UPDATE post_claims SET handed_back_at = NULL WHERE post_id = '{}'",
            post.id
        ),
    ] {
        assert!(
            env.raw(attack.clone()).await.is_err(),
            "{attack} went through"
        );
    }
}
