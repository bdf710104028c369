//! Volunteers, shifts that never over-fill, and hours paid once when verified.

use chrono::{Duration, Utc};
use uuid::Uuid;
use volunteers::hours::model::{HoursStatus, RecordedAs};
use volunteers::hours::service::{self as hours, HoursInput};
use volunteers::ledger::model::{AccountKind, CollectiveKind};
use volunteers::ledger::service as ledger;
use volunteers::posts::service::{self as posts, ShiftInput};
use volunteers::registry::model::VolunteerStatus;
use volunteers::registry::service::{self as registry, Registration};

use crate::{Env, code};

fn me() -> Registration {
    Registration {
        person: None,
        skills: vec!["巡逻".into()],
        party_member: true,
        team_id: None,
    }
}

/// Registered and accepted.
pub(crate) async fn active(env: &Env, n: u128) -> (tenancy::CommunityCtx, Uuid) {
    let ctx = env.as_account(
        Uuid::from_u128(9000 + n),
        &format!("志愿者{n}"),
        &[tenancy::Role::Resident],
    );
    let v = registry::register(&ctx, me()).await.unwrap();
    registry::set_status(&env.staff(), v.id, VolunteerStatus::Active)
        .await
        .unwrap();
    (ctx, v.id)
}

async fn patrol(env: &Env, needed: i32, leader: Option<Uuid>, starts_in: Duration) -> (Uuid, Uuid) {
    let staff = env.staff();
    let post = match posts::create_post(&staff, "civility_patrol", "东环路夜间巡查", "", 12).await
    {
        Ok(p) => p.id,
        Err(_) => posts::posts(&staff).await.unwrap()[0].id,
    };
    let shift = posts::add_shift(
        &staff,
        ShiftInput {
            post_id: post,
            starts_at: Utc::now() + starts_in,
            minutes: 150,
            place: "东环路口".into(),
            space_id: None,
            needed,
            leader_id: leader,
        },
    )
    .await
    .unwrap();
    (post, shift.id)
}

#[tokio::test]
async fn a_shift_raced_by_twenty_volunteers_takes_exactly_the_places_needed() {
    let env = Env::new().await;
    let mut people = Vec::new();
    for n in 0..20 {
        people.push(active(&env, n).await);
    }
    let (_, shift) = patrol(&env, 5, None, Duration::days(1)).await;
    let tasks: Vec<_> = people
        .iter()
        .map(|(ctx, _)| {
            let ctx = ctx.clone();
            tokio::spawn(async move {
                posts::sign_up(&ctx, shift)
                    .await
                    .map_err(|e| e.code.as_str())
            })
        })
        .collect();
    let mut won = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(_) => won += 1,
            Err(c) => assert_eq!(c, "CONFLICT"),
        }
    }
    assert_eq!(won, 5);
    // A withdrawal frees one place, at once.
    let holders: Vec<_> = {
        let mut tx = env.db.tenant_tx(&env.alpha).await.unwrap();
        let ids: Vec<Uuid> = sqlx::query_scalar(
            "SELECT volunteer_id FROM shift_signups WHERE shift_id = $1 AND status = 'signed_up'
              ORDER BY changed_at, volunteer_id",
        )
        .bind(shift)
        .fetch_all(&mut *tx)
        .await
        .unwrap();
        tx.commit().await.unwrap();
        ids
    };
    let (leaver, _) = people.iter().find(|(_, v)| *v == holders[0]).unwrap();
    posts::withdraw(leaver, shift).await.unwrap();
    let (late, _) = people.iter().find(|(_, v)| !holders.contains(v)).unwrap();
    let s = posts::sign_up(late, shift).await.unwrap();
    assert_eq!((s.signed_up, s.needed), (5, 5));
    // An applicant not yet accepted may not sign up.
    let newcomer = env.as_account(Uuid::from_u128(77), "新人", &[tenancy::Role::Resident]);
    registry::register(&newcomer, me()).await.unwrap();
    assert_eq!(code(registry::register(&newcomer, me()).await), "CONFLICT");
    assert_eq!(code(posts::sign_up(&newcomer, shift).await), "FORBIDDEN");
}

#[tokio::test]
async fn hours_are_recorded_verified_once_and_paid_in_the_same_transaction() {
    let env = Env::new().await;
    let staff = env.staff();
    let (lead_ctx, lead) = active(&env, 1).await;
    let (wang_ctx, wang) = active(&env, 2).await;
    let (li_ctx, _li) = active(&env, 3).await;
    let (post, shift) = patrol(&env, 10, Some(lead), Duration::seconds(2)).await;
    for ctx in [&lead_ctx, &wang_ctx] {
        posts::sign_up(ctx, shift).await.unwrap();
    }
    assert_eq!(
        code(hours::record_shift(&lead_ctx, shift, None).await),
        "BAD_USER_INPUT"
    );
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    // 王 records his own first; the leader then records the whole shift: 王 is left be.
    let today = infra::local_time::date_of(Utc::now());
    let own = hours::record(
        &wang_ctx,
        HoursInput {
            volunteer_id: None,
            post_id: None,
            shift_id: Some(shift),
            served_on: today,
            minutes: 120,
            card_id: None,
        },
    )
    .await
    .unwrap();
    assert_eq!(own.recorded_as, RecordedAs::Volunteer);
    // 李 did not sign up for it, and may not lead it.
    let not_signed = HoursInput {
        volunteer_id: None,
        post_id: None,
        shift_id: Some(shift),
        served_on: today,
        minutes: 60,
        card_id: None,
    };
    assert_eq!(
        code(hours::record(&li_ctx, not_signed).await),
        "BAD_USER_INPUT"
    );
    assert_eq!(
        code(hours::record_shift(&li_ctx, shift, None).await),
        "FORBIDDEN"
    );
    let led = hours::record_shift(&lead_ctx, shift, None).await.unwrap();
    assert_eq!(led.len(), 1, "only the leader's own was missing");
    assert_eq!(
        (led[0].recorded_as, led[0].minutes),
        (RecordedAs::Leader, 150)
    );

    // Two staff verify 王's hours at once: one verification, one payment (2 h × 12 = 24).
    let a = tokio::spawn({
        let s = env.staff();
        async move { hours::verify(&s, own.id).await.map(|h| h.points) }
    });
    let b = tokio::spawn({
        let s = env.staff();
        async move { hours::verify(&s, own.id).await.map(|h| h.points) }
    });
    let (a, b) = (a.await.unwrap(), b.await.unwrap());
    assert!(
        a.is_ok() != b.is_ok(),
        "one wins: {:?} {:?}",
        a.is_ok(),
        b.is_ok()
    );
    assert_eq!(
        ledger::my_account(&wang_ctx)
            .await
            .unwrap()
            .unwrap()
            .balance,
        24
    );

    // Declined hours stay, with their reason, and pay nothing.
    let declined = hours::decline(&staff, led[0].id, "当晚未到岗")
        .await
        .unwrap();
    assert_eq!(declined.status, HoursStatus::Declined);
    assert_eq!(code(hours::verify(&staff, led[0].id).await), "CONFLICT");
    assert!(ledger::my_account(&lead_ctx).await.unwrap().is_none());

    // Hours credited to a courtyard card the volunteer belongs to, attributed to him.
    let card = ledger::create_collective(&staff, "3号院集体卡", CollectiveKind::Courtyard)
        .await
        .unwrap();
    let for_card = |card_id| HoursInput {
        volunteer_id: None,
        post_id: Some(post),
        shift_id: None,
        served_on: today - chrono::Duration::days(1),
        minutes: 60,
        card_id: Some(card_id),
    };
    assert_eq!(
        code(hours::record(&wang_ctx, for_card(card.id)).await),
        "FORBIDDEN"
    );
    ledger::add_collective_member(&staff, card.id, wang_ctx.access().account_id)
        .await
        .unwrap();
    let h = hours::record(&wang_ctx, for_card(card.id)).await.unwrap();
    let h = hours::verify(&staff, h.id).await.unwrap();
    assert_eq!(h.points, Some(12));
    let cards = ledger::accounts(&staff, Some(AccountKind::Collective))
        .await
        .unwrap();
    assert_eq!(cards[0].balance, 12);
    let (_, moves) = ledger::account_with_transfers(&wang_ctx, card.id, 10)
        .await
        .unwrap();
    assert_eq!(moves[0].attributed_to, Some(wang_ctx.access().account_id));

    // 王's statement: 3 verified hours, 36 points earned, 24 in his own account.
    let s = hours::statement(&wang_ctx, None).await.unwrap();
    assert_eq!(
        (s.verified_minutes, s.points_earned, s.balance),
        (180, 36, 24)
    );
    assert_eq!(
        code(hours::statement(&li_ctx, Some(wang)).await),
        "FORBIDDEN"
    );
    let check = ledger::check(&staff).await.unwrap();
    assert!(check.mismatched.is_empty());
    assert_eq!(check.held, 36);

    // His certificate of service: the verified hours by post, for the community, as a PDF.
    use volunteers::hours::certificate;
    let c = certificate::certificate(&wang_ctx, None, None, None)
        .await
        .unwrap();
    assert_eq!(
        (c.minutes(), c.posts.len(), c.posts[0].records),
        (180, 1, 2)
    );
    assert_eq!(c.community, "东环路社区");
    let text = pdf_text(&certificate::pdf(&c).unwrap());
    assert!(
        text.contains("志愿服务记录证明") && text.contains("3.0 小时"),
        "{text}"
    );
    assert!(
        text.contains("志愿者2") && text.contains("东环路夜间巡查"),
        "{text}"
    );
    assert_eq!(
        code(certificate::certificate(&li_ctx, Some(wang), None, None).await),
        "FORBIDDEN"
    );
}

/// Every `Tj` string of a PDF, decoded from UCS-2.
fn pdf_text(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let mut out = Vec::new();
    for page in doc.get_pages().values() {
        let content =
            lopdf::content::Content::decode(&doc.get_page_content(*page).unwrap()).unwrap();
        for op in content.operations.iter().filter(|op| op.operator == "Tj") {
            if let lopdf::Object::String(b, _) = &op.operands[0] {
                let units: Vec<u16> = b
                    .chunks(2)
                    .map(|c| u16::from_be_bytes([c[0], c[1]]))
                    .collect();
                out.push(String::from_utf16(&units).unwrap());
            }
        }
    }
    out.join("\n")
}

/// People served (服务人次): staff count a post's day, a second count replaces the first and
/// the figure follows it; nobody else counts, and no day to come or negative count.
#[tokio::test]
async fn people_served_are_counted_per_post_and_day_and_corrected_in_place() {
    let env = Env::new().await;
    let staff = env.staff();
    let post = posts::create_post(&staff, "community_service", "“三香”体验馆值守", "", 12)
        .await
        .unwrap()
        .id;
    let today = infra::local_time::date_of(Utc::now());
    posts::record_people_served(&staff, post, today, 30)
        .await
        .unwrap();
    let corrected = posts::record_people_served(&staff, post, today, 35)
        .await
        .unwrap();
    assert_eq!(corrected.people, 35);
    let resident = env.resident(Uuid::now_v7());
    assert_eq!(
        code(posts::record_people_served(&resident, post, today, 5).await),
        "FORBIDDEN"
    );
    for (on, people) in [(today + Duration::days(1), 5), (today, -1)] {
        assert_eq!(
            code(posts::record_people_served(&staff, post, on, people).await),
            "BAD_USER_INPUT"
        );
    }
    assert_eq!(
        code(posts::record_people_served(&staff, Uuid::now_v7(), today, 5).await),
        "NOT_FOUND"
    );
    let rows = posts::people_served(&staff, today, 1).await.unwrap();
    assert_eq!(rows.len(), 1);
    let mut tx = staff.tx().await.unwrap();
    let figure: i64 = sqlx::query_scalar(
        "SELECT coalesce(sum(delta), 0)::int8 FROM figure_events
          WHERE figure = 'volunteers.people_served'",
    )
    .fetch_one(&mut *tx)
    .await
    .unwrap();
    tx.rollback().await.unwrap();
    assert_eq!(figure, 35, "the figure follows the correction");
}
