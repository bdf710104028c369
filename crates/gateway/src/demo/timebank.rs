//! 东环路社区's time bank (seed 001): 12 party-unit savings cards, 3 enterprise cards and 15
//! courtyard cards, its three kinds of posts, forty volunteers (陈立萍 among them, who signs
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

const PARTY_UNITS: [&str; 12] = [
    "新都区人民医院党委",
    "新都区税务局党支部",
    "新都区市场监管局党支部",
    "新都街道党工委",
    "新都一中党支部",
    "新都区图书馆党支部",
    "新都邮政分公司党支部",
    "新都供电公司党支部",
    "新都区自来水公司党支部",
    "新都区人民法院党支部",
    "新都区文化馆党支部",
    "新都区消防救援大队党支部",
];
const ENTERPRISES: [&str; 3] = ["新都农商银行", "宝光物业公司", "新都燃气公司"];
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
    for name in PARTY_UNITS {
        cards.push(
            ledger::create_collective(staff, &format!("{name}储蓄卡"), CollectiveKind::PartyUnit)
                .await?,
        );
    }
    for name in ENTERPRISES {
        cards.push(
            ledger::create_collective(staff, &format!("{name}企业卡"), CollectiveKind::Enterprise)
                .await?,
        );
    }
    ledger::create_collective(staff, "花园颐院集体卡", CollectiveKind::Courtyard).await?;
    for n in 1..15 {
        ledger::create_collective(
            staff,
            &format!("东环路{}号院集体卡", 300 + n * 5),
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
    // The fund the community recycles points into, and a card's first credit.
    ledger::grant(
        staff,
        volunteers::ledger::model::ClientKey::parse("demo-fund-topup").expect("a key"),
        ledger::Recipient::Account(volunteers::ledger::model::FUND),
        5_000,
        Some("院落改造微基金".into()),
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
