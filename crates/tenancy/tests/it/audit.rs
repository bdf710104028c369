//! The audit row is written by the transaction that makes the change: committed together, or
//! rolled back together.

use infra::audit::{AuditEntry, AuditScope};
use tenancy::Role;

use crate::TestEnv;

async fn rows(env: &TestEnv, operation: &str) -> Vec<(String, Option<uuid::Uuid>)> {
    sqlx::query_as("SELECT outcome, community_id FROM platform.audit_log WHERE operation = $1")
        .bind(operation)
        .fetch_all(env.db.pool())
        .await
        .unwrap()
}

#[tokio::test]
async fn a_mutation_commits_with_its_audit_row_or_not_at_all() {
    let env = TestEnv::new().await;
    let a = env.community("alpha").await;
    let staff = env
        .principal("staff", Role::Staff, None, Some("alpha"))
        .await;
    let ctx = env.ctx(&staff, "alpha").await;
    let run = |name: &'static str| {
        let scope = AuditScope::new(AuditEntry {
            operation: "createCourtyard".into(),
            ..Default::default()
        });
        let (tenancy, ctx) = (env.tenancy.clone(), ctx.clone());
        let fut = async move {
            tenancy
                .create_courtyard(&ctx, name, tenancy::model::CourtyardKind::Courtyard, None)
                .await
        };
        (scope.clone(), infra::audit::scope(scope, fut))
    };
    let (scope, fut) = run("一号院");
    fut.await.unwrap();
    assert!(scope.recorded(), "the committing transaction wrote the row");
    assert_eq!(
        rows(&env, "createCourtyard").await,
        vec![("ok".into(), Some(a.id))]
    );

    // The same name again fails inside the transaction: its row goes with it.
    let (scope, fut) = run("一号院");
    assert!(fut.await.is_err());
    assert!(!scope.recorded());
    assert_eq!(
        rows(&env, "createCourtyard").await.len(),
        1,
        "no row for a rollback"
    );
}
