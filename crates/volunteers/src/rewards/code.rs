//! A redemption's code (兑换码), shown on the holder's phone and scanned at the counter:
//! `base64url(community|redemption).base64url(tag)`, the tag an HMAC with the master secret for
//! the purpose "redemption". It names its community, so a code of another community or an
//! edited one is refused; it is good once, because a redemption is handed over once.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use infra::crypto::Secrets;
use uuid::Uuid;

const PURPOSE: &str = "redemption";

pub fn sign(secrets: &Secrets, community: Uuid, redemption: Uuid) -> String {
    let p = format!("{community}|{redemption}");
    let tag = secrets.sign(PURPOSE, p.as_bytes());
    format!("{}.{}", B64.encode(p), B64.encode(tag))
}

/// The redemption a code names, if it is this community's and its tag verifies.
pub fn verify(secrets: &Secrets, community: Uuid, token: &str) -> Option<Uuid> {
    let (p, t) = token.trim().split_once('.')?;
    let payload = B64.decode(p).ok()?;
    if !secrets.verify(PURPOSE, &payload, &B64.decode(t).ok()?) {
        return None;
    }
    let text = String::from_utf8(payload).ok()?;
    let (c, r) = text.split_once('|')?;
    (c.parse::<Uuid>().ok()? == community)
        .then(|| r.parse().ok())
        .flatten()
}

/// The code as an SVG QR code.
pub fn svg(token: &str) -> Option<String> {
    let code = qrcode::QrCode::new(token.as_bytes()).ok()?;
    Some(
        code.render::<qrcode::render::svg::Color>()
            .min_dimensions(240, 240)
            .build(),
    )
}
