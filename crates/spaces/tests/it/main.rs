//! Spaces against a real PostgreSQL: bookings that never overlap, whatever the concurrency.

mod bookings;
mod farm;

use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use infra::Db;
use infra::storage::ObjectStore;
use spaces::rooms::model::{BookableBy, OpeningSpan, Space, SpaceKind};
use spaces::rooms::service::{self as svc, SpaceRules};
use tenancy::testing::OneCommunity;
use tenancy::{CommunityCtx, Role};
use uuid::Uuid;

pub struct Env {
    pub db: Db,
    pub store: ObjectStore,
    pub alpha: infra::Tenant,
    community: OneCommunity,
}

impl Env {
    pub async fn new() -> Env {
        let community = OneCommunity::new(b"spaces test", "xinhua", "新华社区", 30).await;
        Env {
            db: community.db.clone(),
            // Never reached: these tests store no objects.
            store: infra::testing::unreachable_store(),
            alpha: community.tenant.clone(),
            community,
        }
    }

    /// A new person of the community with `roles` (an empty list is a plain resident).
    pub fn scope(&self, name: &str, roles: &[Role]) -> CommunityCtx {
        let roles = if roles.is_empty() {
            vec![Role::Resident]
        } else {
            roles.to_vec()
        };
        self.community
            .as_account(&self.store, Uuid::new_v4(), name, &roles)
    }

    pub fn staff(&self) -> CommunityCtx {
        self.scope("社工", &[Role::Staff])
    }

    /// 百文斋: open every day 08:00–22:00, bookable by residents 30 min to 4 h, 30 days ahead,
    /// free.
    pub async fn space(&self, approval: bool) -> Space {
        self.priced_space(approval, 0).await
    }

    /// The same at `points` time-bank points an hour.
    pub async fn priced_space(&self, approval: bool, points: i32) -> Space {
        self.priced_space_named("百文斋", approval, points).await
    }

    pub async fn priced_space_named(&self, name: &str, approval: bool, points: i32) -> Space {
        let staff = self.staff();
        let s = svc::create_space(&staff, name, SpaceKind::CourtyardSpace, 25)
            .await
            .unwrap()
            .unwrap();
        svc::set_opening_hours(
            &staff,
            s.id,
            (1..=7)
                .map(|d| OpeningSpan {
                    weekday: d,
                    opens: NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
                    closes: NaiveTime::from_hms_opt(22, 0, 0).unwrap(),
                })
                .collect(),
        )
        .await
        .unwrap();
        svc::set_space_rules(
            &staff,
            s.id,
            SpaceRules {
                capacity: 25,
                courtyard_id: None,
                amenities: vec!["投影仪".into()],
                bookable_by: BookableBy::Residents,
                window_days: 30,
                min_minutes: 30,
                max_minutes: 240,
                needs_approval: approval,
                points_per_hour: points,
            },
        )
        .await
        .unwrap()
    }
}

/// Give the caller of `ctx` time-bank points (staff grant them).
pub async fn give_points(env: &Env, ctx: &CommunityCtx, amount: i64) {
    use volunteers::ledger::model::ClientKey;
    use volunteers::ledger::service::{Recipient, grant};
    let key = ClientKey::parse(&format!("test-grant-{}", Uuid::now_v7())).unwrap();
    let to = Recipient::Person(ctx.access().account_id);
    grant(&env.staff(), key, to, amount, None).await.unwrap();
}

/// The caller's points now.
pub async fn points_of(ctx: &CommunityCtx) -> i64 {
    volunteers::ledger::service::my_account(ctx)
        .await
        .unwrap()
        .map_or(0, |a| a.balance)
}

/// `hour`:`minute` in Chengdu, `days` from today.
pub fn local(days: i64, hour: u32, minute: u32) -> DateTime<Utc> {
    let cst = chrono::FixedOffset::east_opt(8 * 3600).unwrap();
    let d = Utc::now().with_timezone(&cst).date_naive() + Duration::days(days);
    cst.from_local_datetime(&d.and_hms_opt(hour, minute, 0).unwrap())
        .unwrap()
        .with_timezone(&Utc)
}

/// The communities' calendar day `days` from today (China time: from 16:00 UTC it is already
/// tomorrow there).
pub fn local_day(days: i64) -> chrono::NaiveDate {
    local(days, 12, 0)
        .with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).unwrap())
        .date_naive()
}

pub use tenancy::testing::code;
