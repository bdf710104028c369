//! The community college against real PostgreSQL and a real S3-protocol server.

mod attendance;
mod consent;
mod enrolment;
mod events;
mod exhibitions;
mod exports;
mod group_leaders;
mod loop_;
mod registry;
mod roles;
mod spaces;
mod timetable;

use infra::Db;
use infra::crypto::Secrets;
use infra::storage::ObjectStore;
use infra::testing::TestStore;
use tenancy::model::CommunityKind;
use tenancy::testing::Communities;
use tenancy::{CommunityCtx, CommunityScope, Role};
use uuid::Uuid;

pub struct Env {
    pub db: Db,
    pub secrets: Secrets,
    pub store: ObjectStore,
    pub alpha: infra::Tenant,
    pub beta: infra::Tenant,
    communities: Communities,
    _store: TestStore,
}

impl Env {
    /// District 500192 with communities alpha and beta, and a real S3-protocol server.
    pub async fn new() -> Env {
        let c = Communities::new(
            b"courses test",
            30,
            &[("500192", "两江新区")],
            &[
                ("500192", "alpha", "金竹苑社区"),
                ("500192", "beta", "金竹苑社区"),
            ],
            CommunityKind::CommercialHousing,
        )
        .await;
        let s3 = TestStore::start("courses").await;
        Env {
            db: c.db.clone(),
            secrets: c.secrets.clone(),
            store: s3.store.clone(),
            alpha: c.tenants[0].clone(),
            beta: c.tenants[1].clone(),
            communities: c,
            _store: s3,
        }
    }

    /// Give the grid worker `account` of `tenant` these courtyards and grids, in SQL (a test's
    /// accounts are not the platform's, so `Tenancy::assign_grids` would not know them).
    pub async fn assign_grids(&self, tenant: &infra::Tenant, account: Uuid, grids: &[Uuid]) {
        let mut tx = self.db.tenant_tx(tenant).await.unwrap();
        for g in grids {
            sqlx::query(
                "INSERT INTO grid_assignments (account_id, courtyard_id, assigned_by) VALUES ($1, $2, $1)",
            )
            .bind(account)
            .bind(g)
            .execute(&mut *tx)
            .await
            .unwrap();
        }
        tx.commit().await.unwrap();
    }

    /// Record that a learner lives in a courtyard (staff would, at the counter).
    pub async fn place(&self, tenant: &infra::Tenant, learner: Uuid, courtyard: Uuid) {
        let mut tx = self.db.tenant_tx(tenant).await.unwrap();
        sqlx::query("UPDATE learners SET courtyard_id = $2 WHERE id = $1")
            .bind(learner)
            .bind(courtyard)
            .execute(&mut *tx)
            .await
            .unwrap();
        tx.commit().await.unwrap();
    }

    /// The platform account `id` in `tenant`, as a resident.
    pub fn account_scope(&self, tenant: &infra::Tenant, id: Uuid, name: &str) -> CommunityCtx {
        self.communities
            .as_account(tenant, &self.store, id, name, &[Role::Resident])
    }

    /// A caller in `tenant` with `roles` (an empty list is a plain resident).
    pub fn scope(&self, tenant: &infra::Tenant, name: &str, roles: &[Role]) -> CommunityCtx {
        let roles = if roles.is_empty() {
            &[Role::Resident][..]
        } else {
            roles
        };
        self.communities
            .as_account(tenant, &self.store, Uuid::new_v4(), name, roles)
    }

    /// The context the gate would build for `scope`.
    pub fn ctx(&self, scope: CommunityScope) -> CommunityCtx {
        CommunityCtx::new(
            self.db.clone(),
            self.secrets.clone(),
            self.store.clone(),
            scope,
        )
    }

    /// An anonymous visitor of `tenant`'s public pages (a shared exhibition): no account, no
    /// role.
    pub fn visitor(&self, tenant: &infra::Tenant) -> CommunityCtx {
        self.ctx(CommunityScope::for_tests(
            tenant.clone(),
            tenancy::CommunityAccess {
                account_id: Uuid::nil(),
                display_name: String::new(),
                roles: vec![],
                admin_above: false,
                viewer_above: false,
            },
        ))
    }

    pub fn staff(&self) -> CommunityCtx {
        self.scope(&self.alpha, "社工", &[Role::Staff])
    }

    /// A teacher account of alpha with a teacher record that teaches `course`.
    pub async fn teacher_of(&self, course: Uuid, name: &str) -> CommunityCtx {
        let scope = self.scope(&self.alpha, name, &[Role::Teacher]);
        let t = courses::service::create_teacher(
            &self.staff(),
            courses::service::TeacherInput {
                name: name.into(),
                kind: courses::model::TeacherKind::Expert,
                skills: Vec::new(),
                phone: None,
                teaches_in: Vec::new(),
                learner_id: None,
                account_id: Some(scope.access().account_id),
            },
        )
        .await
        .unwrap();
        let mut teachers: Vec<Uuid> =
            courses::service::course(&self.staff(), course, courses::service::CourseParts::ALL)
                .await
                .unwrap()
                .teachers
                .iter()
                .map(|t| t.teacher.id)
                .collect();
        teachers.push(t.teacher.id);
        courses::service::update_course(
            &self.staff(),
            course,
            courses::model::CourseEdit {
                teacher_ids: Some(teachers),
                ..Default::default()
            },
            courses::service::CourseParts::ALL,
        )
        .await
        .unwrap();
        scope
    }
}

pub use tenancy::testing::code;

pub fn course_input(
    title: &str,
    capacity: i32,
    audience: courses::model::Audience,
) -> courses::service::CourseInput {
    courses::service::CourseInput {
        title: title.into(),
        category: "health".into(),
        audience,
        min_age: None,
        max_age: None,
        format: courses::model::Format::Workshop,
        public_benefit: true,
        fee_cents: 0,
        club_id: None,
        capacity,
        materials: None,
        teacher_ids: Vec::new(),
    }
}
