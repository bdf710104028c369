//! Signed, time-boxed, rotating QR check-in codes (签到二维码).
//!
//! A code is `base64url(payload).base64url(tag)` with payload
//! `community id|session id|not before|not after|step` (Unix seconds; `step` = the 30-second
//! period it was issued in) and the tag an HMAC made with the master secret for the purpose
//! "qr-check-in". It carries its own window and community, so a code of another community or
//! session, an edited code, and a code outside its window are all refused without trusting
//! anything the client says. The teacher's screen shows a new code every 30 s and a code is
//! accepted in its own period and the next, so a photo of the screen sent home expires within
//! a minute.

use chrono::{DateTime, Duration, Utc};
use infra::crypto::Secrets;
use uuid::Uuid;

use crate::error::CoursesError;

const PURPOSE: &str = "qr-check-in";
/// Check-in opens this long before a session starts.
pub const EARLY: Duration = Duration::minutes(30);
/// A code rotates this often (seconds); it is accepted in its period and the next.
pub const ROTATE_SECS: i64 = 30;

fn step_of(t: DateTime<Utc>) -> i64 {
    t.timestamp().div_euclid(ROTATE_SECS)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckInCode {
    pub community_id: Uuid,
    pub session_id: Uuid,
    pub not_before: DateTime<Utc>,
    pub not_after: DateTime<Utc>,
    /// The rotation period the code was issued in.
    pub step: i64,
}

impl CheckInCode {
    /// The code shown at `now` for a session.
    pub fn for_session(
        community_id: Uuid,
        session_id: Uuid,
        starts: DateTime<Utc>,
        ends: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> Self {
        // Whole seconds: the code carries Unix seconds.
        let secs = |t: DateTime<Utc>| DateTime::from_timestamp(t.timestamp(), 0).unwrap_or(t);
        CheckInCode {
            community_id,
            session_id,
            not_before: secs(starts - EARLY),
            not_after: secs(ends),
            step: step_of(now),
        }
    }

    /// When the screen should show the next code.
    pub fn refresh_at(&self) -> DateTime<Utc> {
        DateTime::from_timestamp((self.step + 1) * ROTATE_SECS, 0).unwrap_or_default()
    }

    /// When this code stops being accepted.
    pub fn expires_at(&self) -> DateTime<Utc> {
        DateTime::from_timestamp((self.step + 2) * ROTATE_SECS, 0).unwrap_or_default()
    }

    /// Issued in the current period or the one before (never in a later one).
    pub fn is_fresh_at(&self, now: DateTime<Utc>) -> bool {
        matches!(step_of(now) - self.step, 0 | 1)
    }

    fn payload(&self) -> String {
        format!(
            "{}|{}|{}|{}|{}",
            self.community_id,
            self.session_id,
            self.not_before.timestamp(),
            self.not_after.timestamp(),
            self.step
        )
    }

    pub fn sign(&self, secrets: &Secrets) -> String {
        secrets.signed_token(PURPOSE, &self.payload())
    }

    /// Verify the tag and parse; the window and community are checked by the caller.
    pub fn verify(token: &str, secrets: &Secrets) -> Result<CheckInCode, CoursesError> {
        let text = secrets
            .open_signed_token(PURPOSE, token)
            .ok_or(CoursesError::InvalidCode)?;
        let parts: Vec<&str> = text.split('|').collect();
        let [c, s, nb, na, step] = parts.as_slice() else {
            return Err(CoursesError::InvalidCode);
        };
        let ts = |v: &str| {
            v.parse::<i64>()
                .ok()
                .and_then(|n| DateTime::from_timestamp(n, 0))
                .ok_or(CoursesError::InvalidCode)
        };
        Ok(CheckInCode {
            community_id: Uuid::parse_str(c).map_err(|_| CoursesError::InvalidCode)?,
            session_id: Uuid::parse_str(s).map_err(|_| CoursesError::InvalidCode)?,
            not_before: ts(nb)?,
            not_after: ts(na)?,
            step: step.parse().map_err(|_| CoursesError::InvalidCode)?,
        })
    }

    pub fn is_open_at(&self, now: DateTime<Utc>) -> bool {
        self.not_before <= now && now <= self.not_after
    }
}

/// The code as an SVG document and as PNG bytes.
pub fn render(token: &str) -> Result<(String, Vec<u8>), CoursesError> {
    let code = qrcode::QrCode::new(token.as_bytes()).map_err(|_| CoursesError::InvalidCode)?;
    let svg = code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(256, 256)
        .build();
    let img = code
        .render::<image::Luma<u8>>()
        .min_dimensions(256, 256)
        .build();
    let mut png = Vec::new();
    image::DynamicImage::ImageLuma8(img)
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .map_err(|_| CoursesError::InvalidCode)?;
    Ok((svg, png))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forged_and_foreign_codes_fail() {
        let s = Secrets::from_master(b"k");
        let now = Utc::now();
        let code = CheckInCode::for_session(
            Uuid::new_v4(),
            Uuid::new_v4(),
            now,
            now + Duration::hours(1),
            now,
        );
        let token = code.sign(&s);
        assert_eq!(CheckInCode::verify(&token, &s).unwrap(), code);
        assert!(CheckInCode::verify(&token, &Secrets::from_master(b"other")).is_err());
        // Stretch the window in the payload: the tag no longer matches.
        let forged = CheckInCode {
            not_after: now + Duration::days(365),
            ..code.clone()
        };
        let (p, _) = forged
            .sign(&Secrets::from_master(b"other"))
            .split_once('.')
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .unwrap();
        let (_, t) = token.split_once('.').unwrap();
        assert!(CheckInCode::verify(&format!("{p}.{t}"), &s).is_err());
        assert!(code.is_open_at(now - Duration::minutes(10)));
        assert!(!code.is_open_at(now - Duration::minutes(31)));
        // Rotation: accepted in its period and the next, refused after and before.
        let at = |secs: i64| DateTime::from_timestamp(code.step * ROTATE_SECS + secs, 0).unwrap();
        assert!(code.is_fresh_at(at(0)) && code.is_fresh_at(at(29)));
        assert!(code.is_fresh_at(at(30)) && code.is_fresh_at(at(59)));
        assert!(!code.is_fresh_at(at(60)), "a forwarded photo expires");
        assert!(!code.is_fresh_at(at(-1)), "no code from the future");
        assert_eq!(code.expires_at(), at(60));
        let (svg, png) = render(&token).unwrap();
        assert!(svg.contains("<svg"));
        assert_eq!(image::guess_format(&png).unwrap(), image::ImageFormat::Png);
    }
}
