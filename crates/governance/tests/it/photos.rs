//! Receipts and finding photos through the shared pipeline against a real S3-protocol server:
//! stored, re-encoded, seen by whom they are for; a hostile file refused.

use governance::funds::model::IncomeKind;
use governance::funds::service as funds;
use governance::photos::model::Subject;
use governance::photos::service as photos;
use infra::testing::TestStore;
use tenancy::Role;
use uuid::Uuid;

use crate::{Env, code};

fn jpeg() -> Vec<u8> {
    let mut out = Vec::new();
    image::DynamicImage::new_rgb8(64, 48)
        .write_to(
            &mut std::io::Cursor::new(&mut out),
            image::ImageFormat::Jpeg,
        )
        .unwrap();
    out
}

#[tokio::test]
async fn a_receipt_is_stored_and_shown_with_the_statement() {
    let s3 = TestStore::start("governance").await;
    let env = Env::new(8).await;
    let as_ = |id: u128, roles: &[Role]| {
        env.community
            .as_account(&s3.store, Uuid::from_u128(id), "某人", roles)
    };
    let (staff, resident) = (as_(1, &[Role::Staff]), as_(2, &[Role::Resident]));
    let fund = funds::create_fund(&staff, "共享基金", "互助")
        .await
        .unwrap();
    let m = funds::record_income(
        &staff,
        fund.id,
        IncomeKind::Sale,
        12_000,
        "为爱而购义卖",
        None,
    )
    .await
    .unwrap();
    assert_eq!(
        code(photos::attach(&resident, Subject::Receipt(m.id), jpeg()).await),
        "FORBIDDEN"
    );
    assert_eq!(
        code(photos::attach(&staff, Subject::Receipt(Uuid::now_v7()), jpeg()).await),
        "NOT_FOUND"
    );
    assert_eq!(
        code(photos::attach(&staff, Subject::Receipt(m.id), b"not an image".to_vec()).await),
        "BAD_USER_INPUT"
    );
    let p = photos::attach(&staff, Subject::Receipt(m.id), jpeg())
        .await
        .unwrap();
    let seen = photos::photos(&resident, Subject::Receipt(m.id))
        .await
        .unwrap();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].id, p.id);
    let body = reqwest::get(&seen[0].thumb_url)
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(&body[..2], [0xFF, 0xD8], "a JPEG thumbnail behind the link");
    // A finding's photos are not the residents'.
    assert_eq!(
        code(photos::photos(&resident, Subject::Finding(Uuid::now_v7())).await),
        "FORBIDDEN"
    );
}
