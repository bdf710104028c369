//! Partners against a real PostgreSQL, through the real gate: organisations register
//! themselves, stay inert until approved where they asked, and their teams book spaces.

mod agreements;
mod alliances;
mod demands;
mod lists;
mod organisations;
mod ventures;
mod work;

use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use infra::crypto::Secrets;
use infra::storage::ObjectStore;
use infra::{AppError, Db};
use tenancy::model::CommunityKind;
use tenancy::testing::Communities;
use tenancy::{Actor, GrantInput, NewAccountInput};
use tenancy::{CommunityCtx, Principal, Role, Tenancy};
use uuid::Uuid;

pub struct Env {
    pub t: Tenancy,
    pub db: Db,
    pub secrets: Secrets,
    pub store: ObjectStore,
}

impl Env {
    /// The address registrations come from in these tests.
    pub const ADDR: std::net::IpAddr = std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST);

    /// Districts 510109 (新华, 玉林) and 330304 (博园), a community in each plus one more.
    pub async fn new() -> Env {
        let c = Communities::new(
            b"partners test",
            20,
            &[("510109", "成都高新区"), ("330304", "瓯海区")],
            &[
                ("510109", "xinhua", "新华社区"),
                ("510109", "yulin", "玉林社区"),
                ("330304", "boyuan", "博园社区"),
            ],
            CommunityKind::Mixed,
        )
        .await;
        let (t, db, secrets) = (c.tenancy, c.db, c.secrets);
        // Never reached: these tests store no objects.
        let store = infra::testing::unreachable_store();
        Env {
            t,
            db,
            secrets,
            store,
        }
    }

    pub fn person(login: &str) -> NewAccountInput {
        NewAccountInput {
            login_name: login.into(),
            display_name: login.into(),
            password: "correct horse battery".into(),
            phone: None,
        }
    }

    /// A new account holding `role` in a community (`slug`) or a district (`code`).
    pub async fn account_with(
        &self,
        login: &str,
        role: Role,
        district: Option<&str>,
        community: Option<&str>,
    ) -> Principal {
        let a = self
            .t
            .create_account(Actor::Operator, Env::person(login))
            .await
            .unwrap();
        self.t
            .grant_role(
                Actor::Operator,
                GrantInput {
                    account_id: a.id,
                    role,
                    district_code: district.map(Into::into),
                    community_slug: community.map(Into::into),
                },
            )
            .await
            .unwrap();
        self.principal(a.id).await
    }

    /// A university registered by its admin `login`.
    pub async fn university(
        &self,
        name: &str,
        login: &str,
    ) -> (partners::organisations::model::Organisation, Principal) {
        let (org, admin) = partners::organisations::service::register(
            &self.t,
            Env::ADDR,
            Env::person(login),
            partners::organisations::service::OrganisationInput {
                name: name.into(),
                kind: partners::organisations::model::OrganisationKind::University,
                grade: None,
                description: String::new(),
                contact: "0577-86689999".into(),
            },
        )
        .await
        .unwrap();
        (org, self.principal(admin.id).await)
    }

    /// The organisation asks to partner with `office`'s community and its staff approve.
    pub async fn approve(
        &self,
        org: Uuid,
        admin: &Principal,
        staff: &Principal,
        office: &CommunityCtx,
    ) {
        use partners::organisations::service::{Target, decide, request_partnership};
        let slug = office.tenant().slug.clone();
        let asked = request_partnership(&self.t, admin, org, Target::Community(slug))
            .await
            .unwrap();
        decide(&self.t, staff, Some(office), asked.id, true, None)
            .await
            .unwrap();
    }

    /// The account as a request sees it now (memberships freshly loaded).
    pub async fn principal(&self, id: Uuid) -> Principal {
        self.t.principal_of(id).await.unwrap()
    }

    /// Through the community gate, as every request goes.
    pub async fn enter(&self, p: &Principal, slug: &str) -> Result<CommunityCtx, AppError> {
        let scope = self.t.enter_community(Some(p), slug).await?;
        Ok(CommunityCtx::new(
            self.db.clone(),
            self.secrets.clone(),
            self.store.clone(),
            scope,
        ))
    }
}

/// `hour`:`minute` in the community's time, `days` from today.
pub fn local(days: i64, hour: u32, minute: u32) -> DateTime<Utc> {
    let cst = chrono::FixedOffset::east_opt(8 * 3600).unwrap();
    let d = Utc::now().with_timezone(&cst).date_naive() + Duration::days(days);
    cst.from_local_datetime(&d.and_hms_opt(hour, minute, 0).unwrap())
        .unwrap()
        .with_timezone(&Utc)
}

pub fn all_day() -> Vec<spaces::api::rooms::OpeningSpan> {
    (1..=7)
        .map(|d| spaces::api::rooms::OpeningSpan {
            weekday: d,
            opens: NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
            closes: NaiveTime::from_hms_opt(22, 0, 0).unwrap(),
        })
        .collect()
}

pub use tenancy::testing::code;
