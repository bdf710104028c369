//! Login, throttling, role grants within scope, and the phone number kept encrypted.

use infra::Role;
use tenancy::service::GrantInput;

use crate::{TestEnv, code};

#[tokio::test]
async fn wrong_passwords_are_throttled_even_for_the_right_one() {
    let env = TestEnv::new().await;
    env.principal("chen", Role::PlatformAdmin, None, None).await;
    let t = &env.tenancy;
    assert_eq!(
        code(t.login("chen", "wrong password").await),
        "UNAUTHENTICATED"
    );
    assert_eq!(
        code(t.login("chen", "wrong password").await),
        "UNAUTHENTICATED"
    );
    assert_eq!(
        code(t.login("chen", "wrong password").await),
        "UNAUTHENTICATED"
    );
    // max_login_failures is 3 in tests: the right password is now refused too, for a while.
    assert_eq!(code(t.login("chen", "correct horse").await), "RATE_LIMITED");
    // Unknown names are throttled the same way (no account enumeration by timing of refusals).
    for _ in 0..3 {
        assert_eq!(code(t.login("nobody", "x").await), "UNAUTHENTICATED");
    }
    assert_eq!(code(t.login("nobody", "x").await), "RATE_LIMITED");
}

#[tokio::test]
async fn tokens_are_verified() {
    let env = TestEnv::new().await;
    env.principal("chen", Role::PlatformAdmin, None, None).await;
    let token = env
        .tenancy
        .login("chen", "correct horse")
        .await
        .unwrap()
        .token;
    assert!(env.tenancy.authenticate(&token).await.is_ok());
    let mut forged = token.clone();
    forged.pop();
    forged.push(if token.ends_with('A') { 'B' } else { 'A' });
    assert_eq!(
        code(env.tenancy.authenticate(&forged).await),
        "UNAUTHENTICATED"
    );
    assert_eq!(
        code(env.tenancy.authenticate("not a token").await),
        "UNAUTHENTICATED"
    );
}

#[tokio::test]
async fn a_community_admin_grants_only_inside_their_community() {
    let env = TestEnv::new().await;
    env.community("alpha").await;
    env.community("beta").await;
    let admin_a = env
        .principal("admin-a", Role::CommunityAdmin, None, Some("alpha"))
        .await;
    let target = env
        .principal("target", Role::Resident, None, Some("alpha"))
        .await;
    let t = &env.tenancy;
    let grant = |role, district: Option<&str>, community: Option<&str>| GrantInput {
        account_id: target.account_id(),
        role,
        district_code: district.map(Into::into),
        community_slug: community.map(Into::into),
    };
    t.grant_role(Some(&admin_a), grant(Role::Teacher, None, Some("alpha")))
        .await
        .unwrap();
    assert_eq!(
        code(
            t.grant_role(Some(&admin_a), grant(Role::Teacher, None, Some("beta")))
                .await
        ),
        "FORBIDDEN"
    );
    assert_eq!(
        code(
            t.grant_role(Some(&admin_a), grant(Role::PlatformAdmin, None, None))
                .await
        ),
        "FORBIDDEN"
    );
    assert_eq!(
        code(
            t.grant_role(
                Some(&admin_a),
                grant(Role::DistrictAdmin, Some("510109"), None)
            )
            .await
        ),
        "FORBIDDEN"
    );
    assert_eq!(
        code(
            t.grant_role(Some(&admin_a), grant(Role::Teacher, Some("510109"), None))
                .await
        ),
        "BAD_USER_INPUT"
    );
    assert_eq!(
        code(
            t.revoke_role(&admin_a, grant(Role::Resident, None, Some("beta")))
                .await
        ),
        "FORBIDDEN"
    );
    assert!(
        t.revoke_role(&admin_a, grant(Role::Teacher, None, Some("alpha")))
            .await
            .unwrap()
    );
    assert!(
        !t.revoke_role(&admin_a, grant(Role::Teacher, None, Some("alpha")))
            .await
            .unwrap()
    );
    let roles: Vec<String> = t
        .memberships(target.account_id())
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.role)
        .collect();
    assert_eq!(roles, vec!["resident"]);
}

#[tokio::test]
async fn phone_numbers_are_encrypted_at_rest_and_masked() {
    let env = TestEnv::new().await;
    let p = env.principal("chen", Role::PlatformAdmin, None, None).await;
    let (stored, lookup): (String, String) =
        sqlx::query_as("SELECT phone_encrypted, phone_lookup FROM platform.accounts WHERE id = $1")
            .bind(p.account_id())
            .fetch_one(env.db.pool())
            .await
            .unwrap();
    assert!(!stored.contains("13812345678") && !lookup.contains("13812345678"));
    assert_eq!(
        env.tenancy.phone(&p.account).as_deref(),
        Some("13812345678")
    );
    assert_eq!(infra::crypto::mask_phone("13812345678"), "138****5678");
    assert_eq!(lookup, env.tenancy.secrets().lookup_hash("13812345678"));
}
