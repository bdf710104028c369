//! 东环路社区's time bank (seed 001): 12 party-unit savings cards, 3 enterprise cards and 15
//! courtyard cards (花园颐院's among them), its three kinds of posts, forty volunteers (陈立萍 among them, who signs
//! in as `donghuan-chen`) and a year of verified hours — about 6,300 — through the services.

use chrono::{Datelike, Duration, Utc};
use infra::AppError;
use tenancy::{CommunityCtx, Tenancy};
use uuid::Uuid;
use volunteers::hours::service as hours;
use volunteers::ledger::model::CollectiveKind;
use volunteers::ledger::service as ledger;
use volunteers::registry::model::VolunteerStatus;
use volunteers::registry::service::{self as registry, Registration};
use volunteers::rewards::model::RewardKind;

// The report counts the cards (12 单位党组织储蓄卡, 3 企业卡, 15 院落集体卡) but names only
// 花园颐院's courtyard; the others keep their number, not an invented name.
const SURNAMES: [&str; 10] = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
const GIVEN: [&str; 4] = ["秀英", "建国", "桂兰", "志强"];

pub(super) async fn seed(t: &Tenancy, staff: &CommunityCtx) -> Result<(), AppError> {
    // A second run finds the cards there and leaves the bank as it is.
    if !ledger::accounts(
        staff,
        Some(volunteers::ledger::model::AccountKind::Collective),
    )
    .await?
    .is_empty()
    {
        return Ok(());
    }
    let mut cards = Vec::new();
    for n in 1..=12 {
        cards.push(
            ledger::create_collective(
                staff,
                &format!("区域单位党组织储蓄卡 {n:02}"),
                CollectiveKind::PartyUnit,
            )
            .await?,
        );
    }
    for n in 1..=3 {
        cards.push(
            ledger::create_collective(staff, &format!("企业卡 {n:02}"), CollectiveKind::Enterprise)
                .await?,
        );
    }
    // 花园颐院 is 东环路355号: one courtyard, one card.
    ledger::create_collective(
        staff,
        "花园颐院（东环路355号）院落集体卡",
        CollectiveKind::Courtyard,
    )
    .await?;
    for n in 2..=15 {
        ledger::create_collective(
            staff,
            &format!("院落集体卡 {n:02}"),
            CollectiveKind::Courtyard,
        )
        .await?;
    }
    let mut posts = Vec::new();
    for (code, title, points) in [
        ("civility_patrol", "院落文明巡查", 10),
        ("community_service", "“三香”体验馆值守", 12),
        ("sanitation", "门前三包环境整治", 10),
    ] {
        posts.push(volunteers::posts::service::create_post(staff, code, title, "", points).await?);
    }
    for (name, kind, price, stock) in [
        ("大米（5 斤）", RewardKind::Goods, 50, Some(100)),
        ("洗衣液", RewardKind::Goods, 30, Some(200)),
        ("环保购物袋", RewardKind::Goods, 10, Some(300)),
        ("理发", RewardKind::Service, 20, None),
        ("家电维修", RewardKind::Service, 40, None),
    ] {
        volunteers::rewards::service::create_reward(staff, name, kind, price, stock).await?;
    }

    // Forty volunteers: 陈立萍's own account, and 39 registered for residents by staff.
    let chen = t
        .account_by_login("donghuan-chen")
        .await?
        .ok_or_else(|| AppError::not_found("找不到演示账号", "Demo account missing"))?;
    let mut people = vec![(chen.id, "陈立萍".to_string())];
    for i in 0..39u128 {
        let name = format!(
            "{}{}",
            SURNAMES[(i % 10) as usize],
            GIVEN[(i / 10) as usize]
        );
        people.push((
            Uuid::from_u128(0x00d0_6800_0000_0000_0000_0000_0000_0000 + i),
            name,
        ));
    }
    let mut ids = Vec::new();
    for (i, (account, name)) in people.into_iter().enumerate() {
        let v = registry::register(
            staff,
            Registration {
                person: Some((account, name)),
                skills: vec![],
                // 230 of 600 are party members: about two in five.
                party_member: i % 5 < 2,
                team_id: None,
            },
        )
        .await?;
        registry::set_status(staff, v.id, VolunteerStatus::Active).await?;
        ids.push(v.id);
    }
    // A year of Saturdays: each post's sheet, three hours for each volunteer on it.
    let today = infra::local_time::date_of(Utc::now());
    let last_saturday =
        today - Duration::days(i64::from((today.weekday().num_days_from_monday() + 2) % 7));
    for week in 0..52 {
        let day = last_saturday - Duration::weeks(week);
        for (p, post) in posts.iter().enumerate() {
            let on_duty: Vec<(Uuid, i32)> = ids
                .iter()
                .enumerate()
                .filter(|(i, _)| (i + p + week as usize).is_multiple_of(3))
                .map(|(_, v)| (*v, 180))
                .collect();
            let rows = hours::record_batch(staff, post.id, day, &on_duty).await?;
            let ids: Vec<Uuid> = rows.iter().map(|h| h.id).collect();
            hours::verify_all(staff, &ids).await?;
        }
    }
    // The points fund the community recycles points into (points, not money: the 院落改造微基金
    // is money, co-governance's fund), and a card's first credit.
    ledger::grant(
        staff,
        volunteers::ledger::model::ClientKey::parse("demo-fund-topup").expect("a key"),
        ledger::Recipient::Account(volunteers::ledger::model::FUND),
        5_000,
        Some("积分基金初始额度".into()),
    )
    .await?;
    ledger::grant(
        staff,
        volunteers::ledger::model::ClientKey::parse(&format!("demo-card-{}", cards[0].id))
            .expect("a key"),
        ledger::Recipient::Account(cards[0].id),
        1_200,
        Some("区域单位共建积分".into()),
    )
    .await?;
    Ok(())
}
