//! Photos: real type from the bytes, bounded before decoding, metadata stripped, stored in S3
//! under the community's prefix; minors' works need consent; deleting deletes the objects.

use chrono::NaiveDate;
use courses::model::ExhibitionKind;
use courses::photos;
use courses::service as svc;

use crate::{Env, code};

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn chunk(kind: &[u8], data: &[u8]) -> Vec<u8> {
    let mut out = (data.len() as u32).to_be_bytes().to_vec();
    let mut body = kind.to_vec();
    body.extend_from_slice(data);
    out.extend_from_slice(&body);
    out.extend_from_slice(&crc32(&body).to_be_bytes());
    out
}

/// A PNG that declares `w`×`h` pixels but carries only a few bytes of image data.
fn declared_png(w: u32, h: u32) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = w.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    png.extend(chunk(b"IHDR", &ihdr));
    png.extend(chunk(
        b"IDAT",
        &[0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01],
    ));
    png.extend(chunk(b"IEND", &[]));
    png
}

/// A small JPEG carrying an EXIF block with GPS coordinates.
fn jpeg_with_gps() -> Vec<u8> {
    let img = image::DynamicImage::new_rgb8(64, 48);
    let mut plain = Vec::new();
    img.write_to(
        &mut std::io::Cursor::new(&mut plain),
        image::ImageFormat::Jpeg,
    )
    .unwrap();
    // TIFF, little endian: IFD0 with one entry (GPSInfo → offset 26), GPS IFD with
    // GPSLatitudeRef = "N" and a marker string we can search for.
    let mut tiff = b"II*\x00\x08\x00\x00\x00".to_vec();
    tiff.extend_from_slice(&[1, 0, 0x25, 0x88, 4, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0, 0, 0, 0]);
    tiff.extend_from_slice(&[2, 0]);
    tiff.extend_from_slice(&[1, 0, 2, 0, 2, 0, 0, 0, b'N', 0, 0, 0]);
    tiff.extend_from_slice(&[2, 0, 2, 0, 16, 0, 0, 0, 56, 0, 0, 0]);
    tiff.extend_from_slice(&[0, 0, 0, 0]);
    tiff.extend_from_slice(b"GPS30.5728N104.0\0");
    let mut app1 = b"Exif\x00\x00".to_vec();
    app1.extend_from_slice(&tiff);
    let mut out = plain[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&plain[2..]);
    out
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn peak_rss_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM"))
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap()
        .parse()
        .unwrap()
}

#[test]
fn oversized_and_bomb_images_are_refused_before_decoding() {
    let before = peak_rss_kb();
    // 20000×20000 RGB would be 1.2 GB decoded.
    let huge = declared_png(20_000, 20_000);
    assert!(matches!(
        photos::process(&huge),
        Err(courses::photos::PhotoError::ImageDimensions)
    ));
    // Within the side limit but 64 megapixels, from a file of a few dozen bytes.
    let bomb = declared_png(8_000, 8_000);
    assert!(bomb.len() < 100);
    assert!(matches!(
        photos::process(&bomb),
        Err(courses::photos::PhotoError::ImageDimensions)
    ));
    assert!(matches!(
        photos::process(&vec![0u8; photos::MAX_BYTES + 1]),
        Err(courses::photos::PhotoError::ImageTooLarge)
    ));
    let grown = peak_rss_kb().saturating_sub(before);
    assert!(
        grown < 64 * 1024,
        "refusing them grew peak memory by {grown} kB"
    );
}

#[tokio::test]
async fn gps_is_stripped_and_minors_need_consent_and_deletion_removes_objects() {
    let env = Env::new().await;
    let staff = env.staff();
    let parent = env.scope(&env.alpha, "王女士", &[]);
    let neighbour = env.scope(&env.alpha, "邻居", &[]);
    let child = svc::register_child(
        &parent,
        "小明",
        NaiveDate::from_ymd_opt(2016, 3, 3).unwrap(),
    )
    .await
    .unwrap();
    let adult = svc::set_birth_date(
        &neighbour,
        None,
        NaiveDate::from_ymd_opt(1980, 3, 3).unwrap(),
    )
    .await
    .unwrap();
    let today = chrono::Utc::now().date_naive();
    let ex = svc::create_exhibition(
        &staff,
        "童趣园画展",
        ExhibitionKind::Painting,
        today,
        today + chrono::Duration::days(30),
    )
    .await
    .unwrap();
    let child_work = svc::add_work(&staff, ex.id, child.id, None, "我的家")
        .await
        .unwrap();
    let adult_work = svc::add_work(&staff, ex.id, adult.id, None, "春天")
        .await
        .unwrap();
    assert!(child_work.minor && !adult_work.minor);

    let jpeg = jpeg_with_gps();
    assert!(contains(&jpeg, b"Exif") && contains(&jpeg, b"GPS30.5728N"));
    let photo = svc::upload_photo(&staff, child_work.id, jpeg)
        .await
        .unwrap();
    assert!(
        photo
            .photo
            .object_key
            .starts_with(&format!("c/{}/", env.alpha.community_id)),
        "under the community's prefix"
    );
    let stored = env.store.get(&photo.photo.object_key).await.unwrap();
    assert!(
        !contains(&stored, b"Exif") && !contains(&stored, b"GPS30.5728N"),
        "metadata stripped"
    );
    assert_eq!(image::load_from_memory(&stored).unwrap().width(), 64);
    let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>".to_vec();
    assert_eq!(
        code(svc::upload_photo(&staff, adult_work.id, svg).await),
        "BAD_USER_INPUT"
    );
    svc::upload_photo(&staff, adult_work.id, jpeg_with_gps())
        .await
        .unwrap();

    let seen = |s: tenancy::CommunityCtx| async move {
        let v = svc::exhibitions(&s, None, 10, svc::ExhibitionParts::ALL)
            .await
            .unwrap();
        v.into_iter()
            .flat_map(|e| e.works)
            .map(|(w, _)| w.title)
            .collect::<Vec<_>>()
    };
    assert!(
        seen(neighbour.clone()).await.is_empty(),
        "unpublished: residents see nothing"
    );
    svc::publish_exhibition(&staff, ex.id).await.unwrap();
    assert_eq!(
        seen(neighbour.clone()).await,
        vec!["春天"],
        "a minor's work is hidden before consent"
    );
    assert_eq!(seen(staff.clone()).await.len(), 2, "staff see both");
    assert_eq!(
        code(svc::record_consent(&neighbour, child_work.id).await),
        "FORBIDDEN"
    );
    svc::record_consent(&parent, child_work.id).await.unwrap();
    assert_eq!(seen(neighbour.clone()).await, vec!["我的家", "春天"]);

    // Presigned URLs work and expire-bound; the object is reachable over plain HTTP.
    let v = svc::exhibitions(&neighbour, None, 10, svc::ExhibitionParts::ALL)
        .await
        .unwrap();
    let url = v[0].works[0].1[0].url.clone();
    assert!(url.contains("X-Amz-Expires=900"), "{url}");

    svc::delete_work(&staff, child_work.id).await.unwrap();
    assert!(
        env.store.get(&photo.photo.object_key).await.is_err(),
        "object deleted"
    );
    assert!(
        env.store.get(&photo.photo.thumb_key).await.is_err(),
        "thumbnail deleted"
    );
    assert_eq!(seen(neighbour).await, vec!["春天"]);
}

/// A published exhibition shared by a public link: only what may be shown, names as chosen,
/// and the link dies when revoked.
#[tokio::test]
async fn a_shared_exhibition_shows_only_consented_works_until_revoked() {
    use courses::model::ShareNames;
    let env = Env::new().await;
    let staff = env.staff();
    let today = chrono::Utc::now().date_naive();
    let ex = svc::create_exhibition(
        &staff,
        "院落手工展",
        ExhibitionKind::Handicraft,
        today,
        today,
    )
    .await
    .unwrap();
    let adult = env.scope(&env.alpha, "王秀英", &[]);
    let adult_learner =
        svc::set_birth_date(&adult, None, NaiveDate::from_ymd_opt(1950, 1, 1).unwrap())
            .await
            .unwrap();
    let guardian = env.scope(&env.alpha, "家长", &[]);
    let kid = svc::register_child(
        &guardian,
        "李小花",
        NaiveDate::from_ymd_opt(2016, 1, 1).unwrap(),
    )
    .await
    .unwrap();
    let kid2 = svc::register_child(
        &guardian,
        "李小草",
        NaiveDate::from_ymd_opt(2017, 1, 1).unwrap(),
    )
    .await
    .unwrap();
    let w1 = svc::add_work(&staff, ex.id, adult_learner.id, None, "剪纸·福")
        .await
        .unwrap();
    let mut jpeg = Vec::new();
    image::DynamicImage::new_rgb8(64, 48)
        .write_to(
            &mut std::io::Cursor::new(&mut jpeg),
            image::ImageFormat::Jpeg,
        )
        .unwrap();
    svc::upload_photo(&staff, w1.id, jpeg).await.unwrap();
    let w2 = svc::add_work(&staff, ex.id, kid.id, None, "小花的画")
        .await
        .unwrap();
    svc::add_work(&staff, ex.id, kid2.id, None, "没有同意的画")
        .await
        .unwrap();
    svc::record_consent(&guardian, w2.id).await.unwrap();
    // The guardian was asked for each child's work, in the app's inbox.
    let asked = notifications::service::my_notifications(&guardian, false, None)
        .await
        .unwrap();
    assert_eq!(asked.len(), 2);
    assert!(
        asked
            .iter()
            .all(|n| n.kind == notifications::NoticeKind::ConsentRequested)
    );

    assert_eq!(
        code(svc::share_exhibition(&staff, ex.id, ShareNames::Surname).await),
        "CONFLICT",
        "not published yet"
    );
    svc::publish_exhibition(&staff, ex.id).await.unwrap();
    assert_eq!(
        code(svc::share_exhibition(&adult, ex.id, ShareNames::Full).await),
        "FORBIDDEN"
    );
    let link = svc::share_exhibition(&staff, ex.id, ShareNames::Surname)
        .await
        .unwrap();

    // A visitor: no account, no role in the community.
    let visitor = env.visitor(&env.alpha);
    let shown = svc::shared_exhibition(&visitor, &link.token).await.unwrap();
    let mut works: Vec<(String, Option<String>, usize)> = shown
        .works
        .iter()
        .map(|(t, a, p)| (t.clone(), a.clone(), p.len()))
        .collect();
    works.sort();
    assert_eq!(
        works,
        [
            ("剪纸·福".into(), Some("王**".into()), 1),
            ("小花的画".into(), Some("李**".into()), 0)
        ]
    );
    // The same token in another community is nothing; a made-up token neither.
    let beta_visitor = env.visitor(&env.beta);
    assert_eq!(
        code(svc::shared_exhibition(&beta_visitor, &link.token).await),
        "NOT_FOUND"
    );
    assert_eq!(
        code(svc::shared_exhibition(&visitor, &"0".repeat(64)).await),
        "NOT_FOUND"
    );
    assert_eq!(
        svc::revoke_exhibition_shares(&staff, ex.id).await.unwrap(),
        1
    );
    assert_eq!(
        code(svc::shared_exhibition(&visitor, &link.token).await),
        "NOT_FOUND"
    );
    let listed = svc::exhibition_shares(&staff, ex.id).await.unwrap();
    assert!(listed[0].revoked_at.is_some());
}
