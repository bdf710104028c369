//! 评优: nominations while open, scores and awards in review, published once and then fixed.

use governance::honours::model::RoundStatus;
use governance::honours::service as honours;

use crate::{Env, code};

#[tokio::test]
async fn a_round_of_honours_moves_forward_and_publishes_only_its_awards() {
    let env = Env::new(8).await;
    let (staff, other_staff, resident) = (env.staff(1), env.staff(2), env.resident(1));
    let awards = vec!["最美志愿者".to_string(), "文明家庭".to_string()];
    assert_eq!(
        code(honours::open_round(&resident, "2026 年度评优", 2026, &awards).await),
        "FORBIDDEN"
    );
    assert_eq!(
        code(honours::open_round(&staff, "2026 年度评优", 1900, &awards).await),
        "BAD_USER_INPUT"
    );
    let round = honours::open_round(&staff, "2026 年度评优", 2026, &awards)
        .await
        .unwrap();
    assert_eq!(
        code(honours::open_round(&staff, "2026 年度评优", 2026, &awards).await),
        "CONFLICT"
    );

    let wang_account = uuid::Uuid::from_u128(0x3a9);
    let wang = honours::nominate(
        &resident,
        round.id,
        "最美志愿者",
        "王秀英",
        Some(wang_account),
        "十年如一日巡查院落",
    )
    .await
    .unwrap();
    let li = honours::nominate(&resident, round.id, "文明家庭", "李家", None, "邻里和睦")
        .await
        .unwrap();
    assert_eq!(
        code(honours::nominate(&resident, round.id, "最美志愿者", "王秀英", None, "再推荐").await),
        "CONFLICT"
    );
    assert_eq!(
        code(honours::nominate(&resident, round.id, "优秀学员", "张三", None, "x").await),
        "BAD_USER_INPUT"
    );
    // Not in review yet: no scores, no awards; members see no nominations.
    assert_eq!(code(honours::score(&staff, wang.id, 90).await), "CONFLICT");
    assert_eq!(
        code(honours::award(&staff, wang.id, true).await),
        "CONFLICT"
    );
    assert!(
        honours::nominations(&resident, round.id)
            .await
            .unwrap()
            .is_empty()
    );

    honours::advance(&staff, round.id, RoundStatus::Reviewing)
        .await
        .unwrap();
    assert_eq!(
        code(honours::advance(&staff, round.id, RoundStatus::Reviewing).await),
        "CONFLICT"
    );
    assert_eq!(
        code(honours::nominate(&resident, round.id, "文明家庭", "赵家", None, "晚了").await),
        "CONFLICT"
    );
    assert_eq!(
        code(honours::score(&staff, wang.id, 101).await),
        "BAD_USER_INPUT"
    );
    honours::score(&staff, wang.id, 80).await.unwrap();
    honours::score(&staff, wang.id, 90).await.unwrap();
    let scored = honours::score(&other_staff, wang.id, 100).await.unwrap();
    assert_eq!((scored.scores, scored.mean_score), (2, Some(95.0)));
    // An unscored nomination is not awarded.
    assert_eq!(code(honours::award(&staff, li.id, true).await), "CONFLICT");
    honours::award(&staff, wang.id, true).await.unwrap();
    assert_eq!(
        honours::nominations(&staff, round.id).await.unwrap().len(),
        2
    );

    honours::advance(&staff, round.id, RoundStatus::Published)
        .await
        .unwrap();
    let public = honours::nominations(&resident, round.id).await.unwrap();
    assert_eq!(
        public
            .iter()
            .map(|n| n.nominee.as_str())
            .collect::<Vec<_>>(),
        ["王秀英"]
    );
    assert_eq!(code(honours::score(&staff, li.id, 70).await), "CONFLICT");
    assert_eq!(
        code(honours::award(&staff, wang.id, false).await),
        "CONFLICT"
    );

    // Past the services: a published round and its awards never change, nothing is deleted.
    for attack in [
        format!(
            "UPDATE honour_rounds SET status = 'reviewing', published_at = NULL WHERE id = '{}'",
            round.id
        ),
        format!(
            "UPDATE honour_nominations SET awarded = true WHERE id = '{}'",
            li.id
        ),
        format!(
            "DELETE FROM honour_scores WHERE nomination_id = '{}'",
            wang.id
        ),
        format!("DELETE FROM honour_nominations WHERE id = '{}'", li.id),
    ] {
        assert!(
            env.raw(attack.clone()).await.is_err(),
            "{attack} went through"
        );
    }
    let mut tx = env
        .community
        .db
        .tenant_tx(&env.community.tenant)
        .await
        .unwrap();
    let awarded: i64 = sqlx::query_scalar(
        "SELECT coalesce(sum(delta), 0)::bigint FROM figure_events WHERE figure = 'governance.honours_awarded'",
    )
    .fetch_one(&mut *tx)
    .await
    .unwrap();
    assert_eq!(awarded, 1);
    // Published, 王秀英 stands in the college's role-model pool of her honour.
    let pools: Vec<(String, String)> = sqlx::query_as(
        "SELECT n.pool, l.name FROM nominations n JOIN learners l ON l.id = n.learner_id
          WHERE l.account_id = $1",
    )
    .bind(wang_account)
    .fetch_all(&mut *tx)
    .await
    .unwrap();
    assert_eq!(pools, [("最美志愿者".to_string(), "王秀英".to_string())]);
}
