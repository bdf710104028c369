//! A booking's entry code (入场码): `base64url(payload).base64url(tag)`, payload
//! `community|booking|not before|not after` (Unix seconds), tag an HMAC with the master secret
//! for the purpose "booking-entry". It carries its own community and window, so an edited code,
//! one of another community and one outside its window are refused without trusting the
//! client. Check-in opens 15 minutes before the start and closes at the end.

use chrono::{DateTime, Duration, Utc};
use infra::crypto::Secrets;
use uuid::Uuid;

const PURPOSE: &str = "booking-entry";
/// Check-in opens this long before a booking starts.
pub const EARLY: Duration = Duration::minutes(15);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryCode {
    pub community_id: Uuid,
    pub booking_id: Uuid,
    pub not_before: DateTime<Utc>,
    pub not_after: DateTime<Utc>,
}

impl EntryCode {
    pub fn for_booking(
        community_id: Uuid,
        booking_id: Uuid,
        starts: DateTime<Utc>,
        ends: DateTime<Utc>,
    ) -> Self {
        let secs = |t: DateTime<Utc>| DateTime::from_timestamp(t.timestamp(), 0).unwrap_or(t);
        EntryCode {
            community_id,
            booking_id,
            not_before: secs(starts - EARLY),
            not_after: secs(ends),
        }
    }

    fn payload(&self) -> String {
        format!(
            "{}|{}|{}|{}",
            self.community_id,
            self.booking_id,
            self.not_before.timestamp(),
            self.not_after.timestamp()
        )
    }

    pub fn sign(&self, secrets: &Secrets) -> String {
        secrets.signed_token(PURPOSE, &self.payload())
    }

    /// The code a token carries, if its tag verifies; `None` for anything else.
    pub fn verify(token: &str, secrets: &Secrets) -> Option<EntryCode> {
        let text = secrets.open_signed_token(PURPOSE, token)?;
        let mut parts = text.split('|');
        let community_id = parts.next()?.parse().ok()?;
        let booking_id = parts.next()?.parse().ok()?;
        let not_before = DateTime::from_timestamp(parts.next()?.parse().ok()?, 0)?;
        let not_after = DateTime::from_timestamp(parts.next()?.parse().ok()?, 0)?;
        parts.next().is_none().then_some(EntryCode {
            community_id,
            booking_id,
            not_before,
            not_after,
        })
    }

    pub fn is_open_at(&self, now: DateTime<Utc>) -> bool {
        now >= self.not_before && now <= self.not_after
    }
}
