//! Login, throttling, role grants within scope, and the phone number kept encrypted.

use std::net::{IpAddr, Ipv4Addr};

use tenancy::GrantInput;
use tenancy::Role;

use crate::{HOME, TestEnv, code};

const GUESSER: IpAddr = IpAddr::V4(Ipv4Addr::new(203, 0, 113, 9));

/// Failures make the guesser wait (per name and address), never the owner elsewhere.
#[tokio::test]
async fn wrong_passwords_delay_the_guesser_not_the_owner() {
    let env = TestEnv::new().await;
    env.principal("chen", Role::PlatformAdmin, None, None).await;
    let t = &env.tenancy;
    for _ in 0..3 {
        assert_eq!(
            code(t.login("chen", "wrong password", GUESSER).await),
            "UNAUTHENTICATED"
        );
    }
    // max_failures_per_account is 3 in tests: from there, even the right password waits…
    assert_eq!(
        code(t.login("chen", "correct horse", GUESSER).await),
        "RATE_LIMITED"
    );
    // …while the owner, from their own address, signs in.
    t.login("chen", "correct horse", HOME).await.unwrap();
    // Unknown names are counted the same way (no enumeration by what gets throttled).
    let elsewhere = IpAddr::V4(Ipv4Addr::new(198, 51, 100, 7));
    for _ in 0..3 {
        assert_eq!(
            code(t.login("nobody", "password-x", elsewhere).await),
            "UNAUTHENTICATED"
        );
    }
    assert_eq!(
        code(t.login("nobody", "password-x", elsewhere).await),
        "RATE_LIMITED"
    );
}

/// Parallel guesses are counted before any password is checked: no more pass than the limit.
#[tokio::test]
async fn parallel_guesses_cannot_pass_the_counter() {
    let env = TestEnv::new().await;
    env.principal("chen", Role::PlatformAdmin, None, None).await;
    let tries = (0..20).map(|_| env.tenancy.login("chen", "wrong password", GUESSER));
    let codes: Vec<&str> = futures::future::join_all(tries)
        .await
        .into_iter()
        .map(code)
        .collect();
    let checked = codes.iter().filter(|c| **c == "UNAUTHENTICATED").count();
    assert_eq!(checked, 3, "{codes:?}");
    assert_eq!(codes.len() - checked, 17);
}

/// One password sprayed over many names is limited per address, and a waiting address adds no
/// rows: the throttle table stays bounded.
#[tokio::test]
async fn spraying_one_password_over_many_names_is_limited_per_address() {
    let env = TestEnv::new().await;
    let t = &env.tenancy;
    let mut refused = 0;
    for i in 0..30 {
        match code(t.login(&format!("user{i}"), "summer2026!", GUESSER).await) {
            "UNAUTHENTICATED" => {}
            "RATE_LIMITED" => refused += 1,
            other => panic!("{other}"),
        }
    }
    assert_eq!(refused, 24, "max_failures_per_address is 6 in tests");
    let rows: i64 = sqlx::query_scalar("SELECT count(*) FROM platform.login_throttle")
        .fetch_one(env.db.pool())
        .await
        .unwrap();
    assert_eq!(
        rows, 7,
        "one address row and one row per name tried before the wait"
    );
}

/// An unknown name costs a password check like a known one (the hashing bound shows it), and
/// hashing beyond the bound is refused with RATE_LIMITED; over-long input is the caller's error.
#[tokio::test]
async fn unknown_names_do_the_same_work_and_hashing_is_bounded() {
    let env = TestEnv::new().await;
    env.principal("chen", Role::PlatformAdmin, None, None).await;
    let busy = env
        .tenancy
        .clone()
        .with_hashing_limit(infra::limits::WorkLimit::new(
            0,
            std::time::Duration::from_millis(50),
        ));
    assert_eq!(
        code(busy.login("nobody", "password-x", HOME).await),
        "RATE_LIMITED",
        "an unknown name waits for a hashing slot like a known one"
    );
    assert_eq!(
        code(busy.login("chen", "correct horse", HOME).await),
        "RATE_LIMITED"
    );
    let long = "a".repeat(10_000);
    assert_eq!(
        code(env.tenancy.login(&long, "password-x", HOME).await),
        "BAD_USER_INPUT"
    );
}

/// Logout, a password change and deactivation each end the tokens issued before, at once.
#[tokio::test]
async fn logout_password_change_and_deactivation_revoke_tokens() {
    let env = TestEnv::new().await;
    env.community("alpha").await;
    let admin = env
        .principal("admin-a", Role::CommunityAdmin, None, Some("alpha"))
        .await;
    let chen = env
        .principal("chen", Role::Resident, None, Some("alpha"))
        .await;
    let t = &env.tenancy;
    let first = t.login("chen", "correct horse", HOME).await.unwrap().token;
    let second = t.login("chen", "correct horse", HOME).await.unwrap().token;
    t.logout(&t.authenticate(&first).await.unwrap())
        .await
        .unwrap();
    assert_eq!(code(t.authenticate(&first).await), "UNAUTHENTICATED");
    assert_eq!(code(t.authenticate(&second).await), "UNAUTHENTICATED");

    let token = t.login("chen", "correct horse", HOME).await.unwrap().token;
    let me = t.authenticate(&token).await.unwrap();
    assert_eq!(
        code(
            t.change_password(&me, "not the password", "new horse battery")
                .await
        ),
        "UNAUTHENTICATED"
    );
    let renewed = t
        .change_password(&me, "correct horse", "new horse battery")
        .await
        .unwrap()
        .token;
    assert_eq!(code(t.authenticate(&token).await), "UNAUTHENTICATED");
    t.authenticate(&renewed).await.unwrap();
    assert_eq!(
        code(t.login("chen", "correct horse", HOME).await),
        "UNAUTHENTICATED"
    );

    // The community's admin deactivates a resident of that community: tokens end at once.
    let outsider = env
        .principal("outsider", Role::Resident, None, Some("alpha"))
        .await;
    assert_eq!(
        code(
            t.set_account_active(&outsider, chen.account_id(), false)
                .await
        ),
        "FORBIDDEN"
    );
    let a = t
        .set_account_active(&admin, chen.account_id(), false)
        .await
        .unwrap();
    assert!(!a.active);
    assert_eq!(code(t.authenticate(&renewed).await), "UNAUTHENTICATED");
    assert_eq!(
        code(t.login("chen", "new horse battery", HOME).await),
        "UNAUTHENTICATED"
    );
}

#[tokio::test]
async fn tokens_are_verified() {
    let env = TestEnv::new().await;
    env.principal("chen", Role::PlatformAdmin, None, None).await;
    let token = env
        .tenancy
        .login("chen", "correct horse", HOME)
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
    t.grant_role(&admin_a, grant(Role::Teacher, None, Some("alpha")))
        .await
        .unwrap();
    // The admin sees who works in alpha (the teacher, themself) — not the residents — and
    // nobody of beta's or of the district's.
    let holders: Vec<(String, Role)> = t
        .role_holders(&admin_a, None, Some("alpha"))
        .await
        .unwrap()
        .into_iter()
        .map(|(a, r)| (a.login_name, r))
        .collect();
    assert!(
        holders.contains(&("target".into(), Role::Teacher)),
        "{holders:?}"
    );
    assert!(holders.contains(&("admin-a".into(), Role::CommunityAdmin)));
    assert!(!holders.iter().any(|(_, r)| *r == Role::Resident));
    for (district, community) in [(None, Some("beta")), (Some("510109"), None)] {
        assert_eq!(
            code(t.role_holders(&admin_a, district, community).await),
            "FORBIDDEN"
        );
    }
    assert_eq!(
        code(t.role_holders(&admin_a, None, None).await),
        "BAD_USER_INPUT"
    );
    let found = t.find_account(&admin_a, " target ").await.unwrap().unwrap();
    assert_eq!(found.id, target.account_id());
    assert_eq!(
        code(t.find_account(&target, "admin-a").await.map(|_| ())),
        "FORBIDDEN"
    );
    assert_eq!(
        code(
            t.grant_role(&admin_a, grant(Role::Teacher, None, Some("beta")))
                .await
        ),
        "FORBIDDEN"
    );
    assert_eq!(
        code(
            t.grant_role(&admin_a, grant(Role::PlatformAdmin, None, None))
                .await
        ),
        "FORBIDDEN"
    );
    assert_eq!(
        code(
            t.grant_role(&admin_a, grant(Role::DistrictAdmin, Some("510109"), None))
                .await
        ),
        "FORBIDDEN"
    );
    assert_eq!(
        code(
            t.grant_role(&admin_a, grant(Role::Teacher, Some("510109"), None))
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
    let roles: Vec<Role> = t
        .memberships(target.account_id())
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.role)
        .collect();
    assert_eq!(roles, vec![Role::Resident]);
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
