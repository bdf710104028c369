//! A redemption's code (兑换码), shown on the holder's phone and scanned at the counter:
//! `base64url(community|redemption).base64url(tag)`, the tag an HMAC with the master secret for
//! the purpose "redemption". It names its community, so a code of another community or an
//! edited one is refused; it is good once, because a redemption is handed over once.

use infra::crypto::Secrets;
use uuid::Uuid;

const PURPOSE: &str = "redemption";

pub fn sign(secrets: &Secrets, community: Uuid, redemption: Uuid) -> String {
    secrets.signed_token(PURPOSE, &format!("{community}|{redemption}"))
}

/// The redemption a code names, if it is this community's and its tag verifies.
pub fn verify(secrets: &Secrets, community: Uuid, token: &str) -> Option<Uuid> {
    let text = secrets.open_signed_token(PURPOSE, token)?;
    let (c, r) = text.split_once('|')?;
    (c.parse::<Uuid>().ok()? == community)
        .then(|| r.parse().ok())
        .flatten()
}
